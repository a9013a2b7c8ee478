"""Home page sections filled by the suite's apps that are installed.

The home page asks the suite's registry (``campaign_kit.core.registry``) for a few items of
each section in the page's locale; a section whose app is absent stays empty.
"""

from django.db.models import Q
from wagtail.models import Page

from campaign_kit.core import registry

# context name: section name
SECTIONS = {"latest_news": "news", "upcoming_events": "events", "open_appeals": "appeals"}
SECTION_SIZE = 3


def hotline_languages(site_settings):
    """The hotline's languages as ``[{"code", "name"}]``, each named in its own language."""
    from django.utils.translation import get_language_info

    languages = []
    for code in site_settings.hotline_language_codes if site_settings else []:
        try:
            languages.append({"code": code, "name": get_language_info(code)["name_local"]})
        except KeyError:
            continue  # not a language code Django knows: left out rather than shown raw
    return languages


def home_sections(home_page):
    sections = {
        name: registry.section_items(section, home_page.locale, SECTION_SIZE)
        for name, section in SECTIONS.items()
    }
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
    fields and their own (the featured campaign shows its intro and image)."""
    page_ids = [pk for pk in page_ids if pk is not None]
    if not page_ids:
        return {}
    keys = Page.objects.filter(pk__in=page_ids).values("translation_key")
    pages = list(
        Page.objects.filter(
            Q(pk__in=page_ids) | Q(translation_key__in=keys, locale_id=locale_id, live=True)
        ).specific()
    )
    found = {}
    for pk in page_ids:
        own = next((p for p in pages if p.pk == pk), None)
        if own is None:
            continue
        here = [p for p in pages if p.translation_key == own.translation_key and p.pk != pk]
        found[pk] = next((p for p in here if p.locale_id == locale_id), own)
    return found
