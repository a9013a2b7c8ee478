"""Demo content for the reference site, written for this project.

`manage.py load_demo` runs the loaders below in order. Each loader is
idempotent: it looks pages up by slug and locale and only creates what is
missing, so a second run changes nothing. Loaders share a context dict
(home pages per language, the campaign page, ...) so later ones can link to
what earlier ones made.
"""

from importlib import import_module

from django.apps import apps

# (app label that must be installed, module with a `load(context, log)` function)
LOADERS = [
    ("home", "home.demo.site"),
    ("campaign_kit.campaigns", "home.demo.campaigns"),
    ("campaign_kit.events", "home.demo.events"),
    ("campaign_kit.appeals", "home.demo.appeals"),
    ("home", "home.demo.identity"),
]


def load_all(log=print):
    context = {}
    for app_label, module_name in LOADERS:
        if not apps.is_installed(app_label):
            continue
        try:
            module = import_module(module_name)
        except ModuleNotFoundError as exc:
            if exc.name != module_name:
                raise
            continue
        module.load(context, log)
    return context
