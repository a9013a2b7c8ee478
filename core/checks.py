"""System checks: a host site learns at ``manage.py check`` what the suite needs from its
settings, with a hint, instead of meeting a broken page later."""

from django.conf import settings
from django.core.checks import Error, Tags, Warning, register
from django.template import TemplateDoesNotExist, engines
from django.template.backends.django import DjangoTemplates

from .layout import layout_settings

PROCESSOR = "campaign_kit.core.layout.layout"
DOCS = "see the install guide (docs/install.md)"


@register(Tags.compatibility)
def check_forms(app_configs, **kwargs):
    pack = getattr(settings, "CRISPY_TEMPLATE_PACK", None)
    if pack == "bootstrap5":
        return []
    return [
        Error(
            f"CRISPY_TEMPLATE_PACK is {pack!r}; the suite's public forms need 'bootstrap5'.",
            hint=(
                "Add 'crispy_forms' and 'crispy_bootstrap5' to INSTALLED_APPS and set "
                "CRISPY_ALLOWED_TEMPLATE_PACKS = 'bootstrap5' and "
                f"CRISPY_TEMPLATE_PACK = 'bootstrap5'; {DOCS}."
            ),
            id="campaign_kit_core.E001",
        )
    ]


@register(Tags.compatibility)
def check_tasks(app_configs, **kwargs):
    backend = getattr(settings, "TASKS", {}).get("default", {}).get("BACKEND")
    if backend:
        problems = []
        if backend.endswith("DummyBackend"):
            problems.append(
                Warning(
                    "The default task backend is django-tasks' DummyBackend: no e-mail of the "
                    "suite (confirmations, receipts) is ever sent.",
                    hint=(
                        "Use 'django_tasks_db.DatabaseBackend' (with a `manage.py db_worker`), "
                        f"or ImmediateBackend in development; {DOCS}."
                    ),
                    id="campaign_kit_core.W001",
                )
            )
        return problems
    return [
        Error(
            "TASKS has no 'default' backend: the suite queues its e-mails with django-tasks.",
            hint=(
                "Add 'django_tasks' to INSTALLED_APPS and set, e.g., TASKS = {'default': "
                "{'BACKEND': 'django_tasks_db.DatabaseBackend'}} (pip install "
                "'campaign-kit[queue]', add 'django_tasks_db', run `manage.py db_worker`), or "
                f"'django_tasks.backends.immediate.ImmediateBackend' in development; {DOCS}."
            ),
            id="campaign_kit_core.E002",
        )
    ]


@register(Tags.compatibility)
def check_time_zone(app_configs, **kwargs):
    if settings.USE_TZ and settings.TIME_ZONE:
        return []
    return [
        Error(
            "The suite stores event times and deadlines as aware datetimes: USE_TZ must be "
            f"True and TIME_ZONE set (USE_TZ={settings.USE_TZ!r}, "
            f"TIME_ZONE={settings.TIME_ZONE!r}).",
            hint="Set USE_TZ = True and TIME_ZONE to your site's zone, e.g. 'Europe/Berlin'.",
            id="campaign_kit_core.E003",
        )
    ]


@register(Tags.templates)
def check_layout(app_configs, **kwargs):
    base, head_block, content_block = layout_settings()
    problems = []
    for setting, name in (("HEAD_BLOCK", head_block), ("CONTENT_BLOCK", content_block)):
        if not (isinstance(name, str) and name.isidentifier()):
            problems.append(
                Error(
                    f"CAMPAIGN_KIT_{setting} is {name!r}, not a template block name.",
                    hint="Name a block of your base template, e.g. 'content' or 'extra_css'.",
                    id="campaign_kit_core.E004",
                )
            )
    django_engines = [e for e in engines.all() if isinstance(e, DjangoTemplates)]
    if not any(PROCESSOR in e.engine.context_processors for e in django_engines):
        problems.append(
            Error(
                "The suite's pages extend your base template through a context processor that "
                "is not configured.",
                hint=f"Add {PROCESSOR!r} to TEMPLATES[0]['OPTIONS']['context_processors'].",
                id="campaign_kit_core.E005",
            )
        )
    try:
        if django_engines:
            django_engines[0].get_template(base)
    except TemplateDoesNotExist:
        problems.append(
            Error(
                f"CAMPAIGN_KIT_BASE_TEMPLATE names {base!r}, which no template loader finds.",
                hint=(
                    "Give your site that template, or name your base template in "
                    "CAMPAIGN_KIT_BASE_TEMPLATE (and its blocks in CAMPAIGN_KIT_HEAD_BLOCK and "
                    "CAMPAIGN_KIT_CONTENT_BLOCK)."
                ),
                id="campaign_kit_core.E006",
            )
        )
    return problems
