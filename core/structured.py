"""schema.org data (JSON-LD) shared by every app: the publishing organisation, images,
breadcrumbs, and JSON that is safe inside ``<script type="application/ld+json">``.

The organisation is read from the contact settings model (see ``contact.py``): its
``organisation_name`` and, where the model has them, ``logo`` and ``hero_image``. URLs are
absolute, built from the request.
"""

import json

from django.conf import settings
from django.core.cache import cache
from django.utils.safestring import mark_safe

from . import conf, contact, links
from .cache import Generation
from .images import rendition_or_none

_ESCAPES = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026"}
IMAGE_SPEC = "fill-1200x675"
LOGO_SPEC = "height-112"
IDENTITY = Generation("campaign-kit:structured:generation")
IDENTITY_SECONDS = 60 * 60


def dumps(data):
    """JSON for a ``<script type="application/ld+json">`` block: <, > and & escaped."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True).translate(_ESCAPES)
    return mark_safe(text)  # noqa: S308 - escaped above


def absolute(request, url):
    if request is not None and url.startswith("/"):
        return request.build_absolute_uri(url)
    return url


def image_url(image, request, spec=IMAGE_SPEC):
    """The absolute URL of a rendition of ``image``, or "" when its file is gone."""
    rendition = rendition_or_none(image, spec)
    return absolute(request, rendition.url) if rendition is not None else ""


def site_url(request):
    """The site's root, the organisation's url (it answers in the visitor's language)."""
    return absolute(request, "/")


def organization(request):
    """The organisation that publishes the site: ``{"@type": "Organization", "name", "url",
    "logo"}`` (the logo where the settings model has one)."""
    identity = site_identity(request)
    data = {"@type": "Organization", "name": identity["name"], "url": site_url(request)}
    if identity["logo"]:
        data["logo"] = {"@type": "ImageObject", "url": identity["logo"]}
    return data


def page_images(page, request):
    """``[absolute url]`` of the page's image, else the site's default image (``hero_image``,
    then ``logo`` of the settings model, kept as plain data: a page without an image of its
    own pays no query for it); [] without any."""
    image = getattr(page, "image", None)
    own = image_url(image, request) if image is not None else ""
    if own:
        return [own]
    default = site_identity(request)["image"]
    return [default] if default else []


def site_identity(request):
    """``{"name", "logo", "image"}`` (absolute URLs or "") from the contact settings, kept as
    plain data per host for an hour so that a page pays no query for them; saving the
    settings purges them at once."""
    if request is None:
        return _build_identity(request)
    key = f"campaign-kit:structured:{IDENTITY.current()}:{request.scheme}://{request.get_host()}"
    identity = cache.get(key)
    if identity is None:
        identity = _build_identity(request)
        cache.set(key, identity, IDENTITY_SECONDS)
    return identity


def _build_identity(request):
    found = contact.for_request(request)
    name = (
        getattr(found, "organisation_name", "")
        or conf.get("ORGANISATION_NAME")
        or getattr(settings, "WAGTAIL_SITE_NAME", "")
    )
    logo = getattr(found, "logo", None)
    default = getattr(found, "hero_image", None) or logo
    return {
        "name": name,
        "logo": image_url(logo, request, LOGO_SPEC) if logo is not None else "",
        "image": image_url(default, request) if default is not None else "",
    }


def purge_identity(*args, **kwargs):
    IDENTITY.bump()


def website(request, page):
    """The WebSite entity of a home page."""
    return {
        "@context": "https://schema.org",
        "@type": "WebSite",
        "name": organization(request)["name"],
        "url": links.absolute_url(page, request),
        "inLanguage": page.locale.language_code,
    }


def breadcrumb_list(request, crumbs, page):
    """BreadcrumbList of ``[{"title", "url"}]`` crumbs followed by the page itself."""
    items = [*crumbs, {"title": page.title, "url": page.get_url(request)}]
    return {
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": [
            {
                "@type": "ListItem",
                "position": number,
                "name": item["title"],
                "item": absolute(request, item["url"]),
            }
            for number, item in enumerate(items, start=1)
        ],
    }
