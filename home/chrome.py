"""The site chrome (menu, footer, language links) in few queries, cached between publishes.

Every public page shows the same menu, footer links and footer text for a site and language,
so they are built once with a handful of set-based queries and kept in Django's cache as plain
data (titles and URLs, rendered footer HTML), keyed on the content generation
(``campaign_kit.core.content``): it moves when pages are published, unpublished, moved or
deleted, when view restrictions, sites or locales change, and when the settings, menus or
footer texts do (see ``connect``), which drops every cached entry at once.
"""

from django.conf import settings
from django.core.cache import cache
from django.db.models import Exists, OuterRef, Q
from django.db.models.functions import Substr
from django.db.models.signals import post_delete, post_save
from django.utils import translation
from wagtail.models import Page, Site
from wagtail.templatetags.wagtailcore_tags import richtext

from campaign_kit.core import content
from campaign_kit.core.images import rendition_or_none
from campaign_kit.core.restrictions import unrestricted


def _purge_on_settings_change(sender, created=False, **kwargs):
    # Wagtail creates an empty settings row on the first request: nothing shown changes.
    if not created:
        content.purge()


def connect():
    """Pages, sites, locales and view restrictions purge through core.content; the chrome adds
    its own models."""
    from .models import FooterLink, FooterText, MainMenu, MenuItem, SiteSettings, SocialLink

    post_save.connect(
        _purge_on_settings_change, sender=SiteSettings, dispatch_uid="campaign_kit_chrome_settings"
    )
    post_delete.connect(
        content.purge, sender=SiteSettings, dispatch_uid="campaign_kit_chrome_settings_del"
    )
    content.watch(FooterLink, SocialLink, FooterText, MainMenu, MenuItem)


def cached(request, name, build):
    """``build()`` for this site and language, from the cache while nothing was published."""
    site = Site.find_for_request(request)
    if site is None:
        return build()
    version = content.version(request)
    key = f"campaign-kit:chrome:{version}:{site.pk}:{translation.get_language()}:{name}"
    value = cache.get(key)
    if value is None:
        value = build()
        cache.set(key, value, timeout=content.TIMEOUT)
    return value


def _link(page, request):
    return {"pk": page.pk, "title": page.title, "url": page.get_url(request=request)}


def build_chrome(request, site, site_settings):
    """Menu and footer of this site in the active language: the menu (live, public pages shown
    in menus directly under the home page in this language), the footer links and privacy page
    (live translations in this language) in one query; the footer text rendered to HTML (a
    language without its own footer text shows none) and the social links, a query each."""
    from .models import FooterLink, FooterText

    root = site.root_page
    language = translation.get_language()
    home_here = Page.objects.filter(
        translation_key=root.translation_key,
        locale__language_code=language,
        live=True,
        path=Substr(OuterRef("path"), 1, len(root.path)),
    )
    footer_order = FooterLink.objects.filter(
        settings=site_settings, page__translation_key=OuterRef("translation_key")
    ).values("sort_order")[:1]
    is_privacy = Page.objects.filter(
        pk=site_settings.privacy_policy_page_id, translation_key=OuterRef("translation_key")
    )
    pages = list(
        Page.objects.filter(locale__language_code=language, live=True)
        .annotate(
            footer_order=footer_order,
            is_privacy=Exists(is_privacy),
            in_menu=Q(depth=root.depth + 1, show_in_menus=True)
            & Exists(home_here)
            & unrestricted(),
        )
        .filter(Q(footer_order__isnull=False) | Q(is_privacy=True) | Q(in_menu=True))
        .only(
            "id",
            "title",
            "url_path",
            "path",
            "depth",
            "locale_id",
            "translation_key",
        )
        .order_by("path")
    )
    from .menus import build_menu

    managed = build_menu(request, language)
    if managed is not None:
        menu, cta = managed
    else:
        menu, cta = [_link(page, request) for page in pages if page.in_menu], None
    links = [
        _link(page, request)
        for page in sorted(pages, key=lambda p: (p.footer_order is None, p.footer_order, p.pk))
        if page.footer_order is not None
    ]
    privacy = next((_link(page, request) for page in pages if page.is_privacy), None)
    text = (
        FooterText.objects.filter(locale__language_code=language)
        .order_by("pk")
        .values_list("text", flat=True)
        .first()
    )
    social = [{"label": s.label, "url": s.url} for s in site_settings.social_links.all()]
    return {
        "menu": menu,
        "cta": cta,
        "brand": _brand(site_settings),
        "footer": {
            "links": links,
            "privacy": privacy,
            "text_html": str(richtext(text)) if text else "",
            "social": social,
        },
    }


def _brand(site_settings):
    """The logo as a rendition URL with its size, and the theme's colour overrides."""
    logo = None
    if site_settings.logo_id:
        # Without a readable file the organisation's name alone is shown.
        rendition = rendition_or_none(site_settings.logo, "height-88")
        if rendition is not None:
            logo = {"url": rendition.url, "width": rendition.width, "height": rendition.height}
    return {"logo": logo, "theme_css": site_settings.theme_css()}


def build_language_links(request, page):
    """The page's live, public translations in LANGUAGES order (see navigation.language_links)."""
    translations = {
        p.locale.language_code: p
        for p in page.get_translations(inclusive=True)
        .live()
        .filter(unrestricted())
        .select_related("locale")
    }
    current = translation.get_language()
    return [
        {
            "code": code,
            "name": name,
            "url": translations[code].get_url(request=request),
            "current": code == current,
        }
        for code, name in settings.LANGUAGES
        if code in translations
    ]
