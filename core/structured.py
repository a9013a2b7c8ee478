"""schema.org data (JSON-LD) shared by every app: the publishing organisation, images,
breadcrumbs, and JSON that is safe inside ``<script type="application/ld+json">``.

The organisation is read from the contact settings model (see ``contact.py``): its
``organisation_name`` and, where the model has them, ``logo`` and ``hero_image``. URLs are
absolute, built from the request.
"""

import json

from django.conf import settings
from django.utils.safestring import mark_safe

from . import conf, contact

_ESCAPES = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026"}
IMAGE_SPEC = "fill-1200x675"
LOGO_SPEC = "height-112"


def dumps(data):
    """JSON for a ``<script type="application/ld+json">`` block: <, > and & escaped."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True).translate(_ESCAPES)
    return mark_safe(text)  # noqa: S308 - escaped above


def absolute(request, url):
    if request is not None and url.startswith("/"):
        return request.build_absolute_uri(url)
    return url


def image_url(image, request, spec=IMAGE_SPEC):
    return absolute(request, image.get_rendition(spec).url)


def site_url(request):
    """The site's root, the organisation's url (it answers in the visitor's language)."""
    return absolute(request, "/")


def organization(request):
    """The organisation that publishes the site: ``{"@type": "Organization", "name", "url",
    "logo"}`` (the logo where the settings model has one)."""
    found = contact.for_request(request)
    name = (
        getattr(found, "organisation_name", "")
        or conf.get("ORGANISATION_NAME")
        or getattr(settings, "WAGTAIL_SITE_NAME", "")
    )
    data = {"@type": "Organization", "name": name, "url": site_url(request)}
    logo = getattr(found, "logo", None)
    if logo is not None:
        data["logo"] = {
            "@type": "ImageObject",
            "url": image_url(logo, request, LOGO_SPEC),
        }
    return data


def page_images(page, request, campaign=None):
    """``[absolute url]`` of the page's image, else its campaign's, else the site's default
    image (``hero_image``, then ``logo`` of the settings model); [] without any."""
    for owner in (page, campaign):
        image = getattr(owner, "image", None) if owner is not None else None
        if image is not None:
            return [image_url(image, request)]
    found = contact.for_request(request)
    for name in ("hero_image", "logo"):
        image = getattr(found, name, None)
        if image is not None:
            return [image_url(image, request)]
    return []


def website(request, page):
    """The WebSite entity of a home page."""
    return {
        "@context": "https://schema.org",
        "@type": "WebSite",
        "name": organization(request)["name"],
        "url": page.get_full_url(request),
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
