"""Navigation that respects translations: never link a language a page lacks."""

from django.conf import settings
from django.utils import translation
from wagtail.models import Locale, Page, Site

from . import chrome


def active_locale(request=None):
    """The Locale of the active language (remembered on the request: asked for many times)."""
    language = translation.get_language()
    memo = getattr(request, "_campaign_kit_locales", None) if request is not None else None
    if memo is not None and language in memo:
        return memo[language]
    try:
        locale = Locale.get_active()
    except Locale.DoesNotExist:
        locale = Locale.get_default()
    if request is not None:
        request._campaign_kit_locales = {**(memo or {}), language: locale}
    return locale


def localized_home(request):
    """The site's root page in the active language, or None if it is not translated."""
    site = Site.find_for_request(request) if request else None
    site = site or Site.objects.select_related("root_page").filter(is_default_site=True).first()
    if site is None:
        return None
    root = site.root_page
    home = root.get_translation_or_none(active_locale(request)) if root.locale_id else root
    return home if home is not None and home.live else None


def _chrome(request):
    """Menu and footer of this site and language (chrome.build_chrome), once per request."""
    memo = getattr(request, "_campaign_kit_chrome", None)
    language = translation.get_language()
    if memo is not None and memo[0] == language:
        return memo[1]
    site = Site.find_for_request(request)
    if site is None:
        return None

    def build():
        from .models import SiteSettings

        return chrome.build_chrome(request, site, SiteSettings.for_request(request))

    value = chrome.cached(request, "chrome", build)
    request._campaign_kit_chrome = (language, value)
    return value


def menu_links(request):
    """``[{"pk", "title", "url"}]`` of the menu in the active language."""
    value = _chrome(request) if request is not None else None
    return value["menu"] if value is not None else []


def language_links(request, page=None):
    """One entry per configured language: the page's live translation or None.

    Pages come back in LANGUAGES order with `current` set for the active one.
    Pages without a translation in a language are left out, so the switcher and
    the hreflang alternates only ever point to pages that exist. Computed once per
    request and page (the head and the switcher both ask) and cached between publishes.
    """
    is_page = page is not None and isinstance(page, Page)
    name = f"languages:{page.pk}" if is_page else "languages:home"
    memo = getattr(request, "_campaign_kit_languages", None)
    if memo is not None and name in memo:
        return memo[name]

    target = page if is_page else localized_home(request)

    def build():
        return [] if target is None else chrome.build_language_links(request, target)

    links = chrome.cached(request, name, build) if request is not None else build()
    if request is not None:
        request._campaign_kit_languages = {**(memo or {}), name: links}
    return links


def call_to_action(request):
    """``{"title", "url"}`` of the header's button in the active language, or None."""
    value = _chrome(request) if request is not None else None
    return value.get("cta") if value is not None else None


def brand(request):
    """``{"logo": {"url", "width", "height"} or None, "theme_css": str}``."""
    value = _chrome(request) if request is not None else None
    return value.get("brand") if value is not None else {"logo": None, "theme_css": ""}


def breadcrumbs(request, page):
    """``[{"title", "url"}]`` from the home page down to the page's parent (one query, then
    cached with the menu until the next publish)."""
    if not isinstance(page, Page) or page.depth <= 2:
        return []
    if request is None:
        return _build_breadcrumbs(request, page)
    return chrome.cached(request, f"crumbs:{page.pk}", lambda: _build_breadcrumbs(request, page))


def _build_breadcrumbs(request, page):
    ancestors = (
        Page.objects.ancestor_of(page)
        .filter(depth__gte=2)
        .only("id", "title", "url_path", "path", "depth", "locale_id")
        .order_by("depth")
    )
    crumbs = []
    for ancestor in ancestors:
        url = ancestor.get_url(request=request)
        if url:
            crumbs.append({"title": ancestor.title, "url": url})
    return crumbs


def footer(request, site_settings=None):
    """Footer links, privacy page, rendered footer text and social links (see chrome.py)."""
    value = _chrome(request)
    return value["footer"] if value is not None else {}


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


def x_default_url(links, url_key="url", code_key="code"):
    """Where ``hreflang="x-default"`` points among a page's language versions (``links``,
    dicts with a language code and a URL): the version in the site's default language, else
    the first one; "" without any."""
    for link in links:
        if link[code_key] == settings.LANGUAGE_CODE:
            return link[url_key]
    return links[0][url_key] if links else ""
