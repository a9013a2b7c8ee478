"""Navigation that respects translations: never link a language a page lacks."""

from django.conf import settings
from django.utils import translation
from wagtail.models import Locale, Page, Site


def active_locale():
    try:
        return Locale.get_active()
    except Locale.DoesNotExist:
        return Locale.get_default()


def localized_home(request):
    """The site's root page in the active language, or None if it is not translated."""
    site = Site.find_for_request(request) if request else None
    site = site or Site.objects.select_related("root_page").filter(is_default_site=True).first()
    if site is None:
        return None
    root = site.root_page
    home = root.get_translation_or_none(active_locale()) if root.locale_id else root
    return home if home is not None and home.live else None


def menu_pages(request):
    home = localized_home(request)
    if home is None:
        return []
    return list(home.get_children().live().public().in_menu().specific(defer=True))


def language_links(request, page=None):
    """One entry per configured language: the page's live translation or None.

    Pages come back in LANGUAGES order with `current` set for the active one.
    Pages without a translation in a language are left out, so the switcher and
    the hreflang alternates only ever point to pages that exist.
    """
    current = translation.get_language()
    if page is None or not isinstance(page, Page):
        home = localized_home(request)
        page = home
    if page is None:
        return []
    translations = {
        p.locale.language_code: p
        for p in page.get_translations(inclusive=True).live().public().select_related("locale")
    }
    links = []
    for code, name in settings.LANGUAGES:
        target = translations.get(code)
        if target is None:
            continue
        links.append(
            {
                "code": code,
                "name": name,
                "url": target.get_url(request=request),
                "full_url": target.get_full_url(request=request),
                "current": code == current,
            }
        )
    return links


def footer_pages(site_settings):
    locale = active_locale()
    pages = []
    for link in site_settings.footer_links.select_related("page"):
        target = link.page.get_translation_or_none(locale)
        if target is not None and target.live:
            pages.append(target)
    return pages


def translations_for_path(request, path):
    """Live translations of the page a localized path would show in another language.

    `path` is a request path such as ``/de/about/``. The part after the language
    prefix is routed under the home page of every other language; the pages found
    there and their live public translations are returned as links
    ``[{"code", "name", "url"}]`` in LANGUAGES order. Used by the 404 page so that a
    page missing in one language points to the languages where it exists.
    """
    from django.http import Http404

    language = translation.get_language_from_path(path)
    if not language:
        return []
    rest = path[len(language) + 1 :].lstrip("/")
    components = [c for c in rest.split("/") if c]
    if not components:
        return []
    site = Site.find_for_request(request) if request else None
    site = site or Site.objects.select_related("root_page").filter(is_default_site=True).first()
    if site is None:
        return []
    found = {}
    for code, _name in settings.LANGUAGES:
        if code == language:
            continue
        locale = Locale.objects.filter(language_code=code).first()
        if locale is None:
            continue
        home = site.root_page.get_translation_or_none(locale)
        if home is None or not home.live:
            continue
        try:
            with translation.override(code):
                result = home.specific.route(request, components)
        except Http404:
            continue
        page = getattr(result, "page", None) or (result[0] if result else None)
        if page is None:
            continue
        for target in page.get_translations(inclusive=True).live().public():
            found.setdefault(target.locale_id, target)
    by_code = {p.locale.language_code: p for p in found.values()}
    links = []
    for code, name in settings.LANGUAGES:
        target = by_code.get(code)
        if code == language or target is None:
            continue
        url = target.get_url(request=request)
        if url:
            links.append({"code": code, "name": name, "url": url})
    return links
