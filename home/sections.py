"""Home page sections filled by the other apps when they are installed.

Each app offers a plain selector function (``<app>.selectors``); the home page
asks for a few items in the page's locale and skips apps that are absent, so
the home app works on its own and fills in as the other apps land.
"""

from importlib import import_module

from django.apps import apps
from django.db.models import Q
from wagtail.models import Page

SECTION_SELECTORS = {
    # context name: (app label, "module:function")
    "latest_news": ("campaign_kit.campaigns", "campaign_kit.campaigns.selectors:latest_news"),
    "upcoming_events": ("campaign_kit.events", "campaign_kit.events.selectors:upcoming_events"),
    "open_appeals": ("campaign_kit.appeals", "campaign_kit.appeals.selectors:open_appeals"),
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
    sections = {}
    for name, (app_label, dotted) in SECTION_SELECTORS.items():
        func = _selector(dotted) if apps.is_installed(app_label) else None
        sections[name] = list(func(home_page.locale, limit=SECTION_SIZE)) if func else []
    linked = in_language(
        [home_page.featured_campaign_id, home_page.hero_link_page_id], home_page.locale_id
    )
    featured = linked.get(home_page.featured_campaign_id)
    if home_page.featured_campaign_id is not None:
        sections["featured_campaign"] = featured if featured is not None and featured.live else None
    sections["hero_link"] = linked.get(home_page.hero_link_page_id)
    return sections


def in_language(page_ids, locale_id):
    """``{page id: page.specific.localized}`` for the language shown, in one query: each page's
    live translation in `locale_id`, else the page itself. The pages carry only the base page
    fields (title, description, URL), which is all the home page shows of them."""
    page_ids = [pk for pk in page_ids if pk is not None]
    if not page_ids:
        return {}
    keys = Page.objects.filter(pk__in=page_ids).values("translation_key")
    pages = list(
        Page.objects.filter(
            Q(pk__in=page_ids) | Q(translation_key__in=keys, locale_id=locale_id, live=True)
        ).specific(defer=True)
    )
    found = {}
    for pk in page_ids:
        own = next((p for p in pages if p.pk == pk), None)
        if own is None:
            continue
        here = [p for p in pages if p.translation_key == own.translation_key and p.pk != pk]
        found[pk] = next((p for p in here if p.locale_id == locale_id), own)
    return found
