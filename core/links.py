"""Absolute links: from the request in pages, from one configured base URL elsewhere.

A page's own links follow the address it was requested at (host and port), so they open
wherever the site runs. Mails and calendar feeds have no request to follow, or must not
depend on it (a feed's bytes are its ETag): they use ``base_url()``.
"""

from django.conf import settings
from wagtail.models import Site

from . import conf


def base_url():
    """The public address of the default Site, without a trailing slash.

    ``CAMPAIGN_KIT_BASE_URL``, else Wagtail's ``WAGTAILADMIN_BASE_URL`` (the reference site
    reads it from the ``BASE_URL`` environment variable; ``make run`` sets it from ``PORT``),
    else the default Site's root URL.
    """
    url = conf.get("BASE_URL") or getattr(settings, "WAGTAILADMIN_BASE_URL", "")
    if not url:
        site = Site.objects.filter(is_default_site=True).first()
        url = site.root_url if site else ""
    return url.rstrip("/")


def absolute_url(target, request=None, *, site_of=None):
    """The absolute address of a page or of a path ("/en/events/-/…").

    With a request: the request's scheme, host and port. Without: ``base_url()`` for the
    default Site; a page of another Site (or a path given ``site_of``, a page of that Site)
    keeps that Site's root URL.
    """
    if isinstance(target, str):
        if request is not None:
            return request.build_absolute_uri(target)
        return (_root(site_of) if site_of is not None else base_url()) + target
    if request is not None:
        url = target.get_url(request=request)
        return request.build_absolute_uri(url) if url else ""
    parts = target.get_url_parts()
    return _root(target, parts) + parts[2] if parts else ""


def _root(page, parts=None):
    parts = parts or page.get_url_parts()
    if parts is None:
        return base_url()
    site_id, root_url, _path = parts
    if {path.site_id for path in Site.get_site_root_paths()} == {site_id}:
        return base_url()  # the only Site (Wagtail caches its root paths): no query
    default_id = Site.objects.filter(is_default_site=True).values_list("pk", flat=True).first()
    return base_url() if site_id == default_id else root_url.rstrip("/")
