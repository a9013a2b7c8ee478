"""Home page sections filled by the other apps when they are installed.

Each app offers a plain selector function (``<app>.selectors``); the home page
asks for a few items in the page's locale and skips apps that are absent, so
the home app works on its own and fills in as the other apps land.
"""

from importlib import import_module

from django.apps import apps

SECTION_SELECTORS = {
    # context name: (app label, "module:function")
    "latest_news": ("campaigns", "campaigns.selectors:latest_news"),
    "upcoming_events": ("events", "events.selectors:upcoming_events"),
    "open_appeals": ("appeals", "appeals.selectors:open_appeals"),
}
SECTION_SIZE = 3


def _selector(dotted):
    module_name, _, func_name = dotted.partition(":")
    try:
        module = import_module(module_name)
    except ModuleNotFoundError:
        return None
    return getattr(module, func_name, None)


def home_sections(home_page):
    locale = home_page.locale
    sections = {}
    for name, (app_label, dotted) in SECTION_SELECTORS.items():
        func = _selector(dotted) if apps.is_installed(app_label) else None
        sections[name] = list(func(locale, limit=SECTION_SIZE)) if func else []
    featured = home_page.featured_campaign
    if featured is not None:
        featured = _in_locale(featured, home_page.locale_id)
        sections["featured_campaign"] = featured if featured.live else None
    return sections


def _in_locale(page, locale_id):
    """``page.specific.localized`` in one query: the live translation in the home page's
    language (the language being shown), else the page itself."""
    cls = page.specific_class
    if cls is None:
        return page.specific.localized
    translations = cls.objects.filter(translation_key=page.translation_key)
    found = {p.locale_id: p for p in translations.filter(locale_id__in={locale_id, page.locale_id})}
    target = found.get(locale_id)
    return target if target is not None and target.live else found.get(page.locale_id, page)
