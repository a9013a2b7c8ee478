"""Site-level middleware: security headers, CSRF for cacheable public forms, anonymous page cache.

Four pieces, each configured from settings (see settings/base.py and settings/production.py):

``PathScopedCSPMiddleware`` and ``ResourcePolicyMiddleware``
    Content-Security-Policy through django-csp (no inline scripts on public pages; the Wagtail
    admin, which ships inline scripts, gets a policy scoped to its own prefix), then
    Permissions-Policy and Cross-Origin-Resource-Policy. HSTS, Referrer-Policy, COOP and
    nosniff come from Django's SecurityMiddleware.

``PublicFormCsrfMiddleware``
    Public pages carry forms (event registration, signatures, print orders) and must still be
    cacheable, so a cached copy cannot carry a per-visitor CSRF token or set a cookie. On the
    public, language-prefixed part of the site a POST whose browser says it comes from this
    origin (``Origin`` equal to the site's own origin or a trusted origin, or
    ``Sec-Fetch-Site: same-origin``) is accepted without the token/cookie pair; a POST whose
    browser says it is cross-site is refused with 403; a POST without either header (old
    clients, scripts) falls back to Django's cookie check. Responses on these paths never set
    the CSRF cookie, so readers get no cookies at all. The admin keeps Django's full check.

``AnonymousPageCacheMiddleware``
    Caches Wagtail page responses (marked by the ``before_serve_page`` hook in
    campaign_site/wagtail_hooks.py) for GET/HEAD requests that carry no cookies. Keys hold a
    generation number that is bumped on publish, unpublish, delete and move, which purges every
    cached page at once. Pages that show live counters get a short lifetime.
"""

from __future__ import annotations

import hashlib

from csp.constants import SELF, UNSAFE_INLINE
from csp.middleware import CSPMiddleware
from django.conf import settings
from django.core.cache import caches
from django.http import HttpResponse, HttpResponseForbidden
from django.utils.cache import patch_vary_headers

from campaign_kit.core.cache import Generation

# --------------------------------------------------------------------------- security headers


def _admin_prefixes() -> tuple[str, ...]:
    return tuple(getattr(settings, "CAMPAIGN_KIT_ADMIN_PATH_PREFIXES", ("/admin/",)))


# The Wagtail admin (and wagtail-localize's editor) render inline <script> blocks and use blob:
# URLs, so the admin prefix gets these directives instead of the public ones. It is still
# same-origin only and cannot be framed.
ADMIN_CSP_REPLACE = {
    "script-src": [SELF, UNSAFE_INLINE],
    "img-src": [SELF, "data:", "blob:"],
    "frame-src": [SELF, "blob:"],
    "worker-src": [SELF, "blob:"],
}


class PathScopedCSPMiddleware(CSPMiddleware):
    """django-csp's middleware, with the policy chosen by path prefix.

    The policy itself is ``CONTENT_SECURITY_POLICY`` in settings (public pages). django-csp
    scopes policies per view (decorators); the admin's views are Wagtail's and the embeddable
    paths are configured, not coded, so this extends ``get_policy_parts``, the extension point
    django-csp documents for that: the admin prefix gets ``ADMIN_CSP_REPLACE``, the paths in
    ``CAMPAIGN_KIT_EMBEDDABLE_PATH_PREFIXES`` get ``frame-ancestors *``. What a view sets
    (a decorator, or its own header as the appeal badge does) still wins.
    """

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        path = request.path_info
        embeddable = tuple(getattr(settings, "CAMPAIGN_KIT_EMBEDDABLE_PATH_PREFIXES", ()))
        if path.startswith(_admin_prefixes()):
            scoped = ADMIN_CSP_REPLACE
        elif embeddable and path.startswith(embeddable):
            scoped = {"frame-ancestors": ["*"]}
        else:
            return parts
        parts.replace = {**scoped, **(parts.replace or {})}
        return parts


DEFAULT_PERMISSIONS_POLICY = (
    "accelerometer=(), autoplay=(), camera=(), display-capture=(), geolocation=(), "
    "gyroscope=(), magnetometer=(), microphone=(), midi=(), payment=(), "
    "usb=(), xr-spatial-tracking=()"
)


class ResourcePolicyMiddleware:
    """Permissions-Policy and Cross-Origin-Resource-Policy, unless the view set them.

    Kept as own code: two fixed headers that neither Django's SecurityMiddleware nor django-csp
    sends; a dependency each would be more than these lines.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.permissions_policy = getattr(
            settings, "CAMPAIGN_KIT_PERMISSIONS_POLICY", DEFAULT_PERMISSIONS_POLICY
        )

    def __call__(self, request):
        response = self.get_response(request)
        if self.permissions_policy:
            response.headers.setdefault("Permissions-Policy", self.permissions_policy)
        response.headers.setdefault("Cross-Origin-Resource-Policy", "same-origin")
        return response


# --------------------------------------------------------------------------- CSRF


def is_public_path(path: str) -> bool:
    """Language-prefixed paths (/en/..., /de/...) are the public site."""
    prefixes = tuple(f"/{code}/" for code, _ in settings.LANGUAGES)
    return path.startswith(prefixes)


def _own_origin(request) -> str:
    return f"{request.scheme}://{request.get_host()}"


def same_origin_verdict(request) -> bool | None:
    """True if the browser says the request comes from this site, False if it says it does
    not, None if the request carries neither ``Origin`` nor ``Sec-Fetch-Site``."""
    origin = request.META.get("HTTP_ORIGIN")
    if origin is not None:
        if origin == "null":
            return False
        return origin == _own_origin(request) or origin in settings.CSRF_TRUSTED_ORIGINS
    fetch_site = request.META.get("HTTP_SEC_FETCH_SITE")
    if fetch_site is not None:
        return fetch_site in ("same-origin", "none")
    return None


class PublicFormCsrfMiddleware:
    """Origin-based CSRF protection for public forms so that pages with forms can be cached.

    Must sit directly before ``django.middleware.csrf.CsrfViewMiddleware``.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        public = is_public_path(request.path_info)
        if public and request.method not in ("GET", "HEAD", "OPTIONS", "TRACE"):
            verdict = same_origin_verdict(request)
            if verdict is False:
                return HttpResponseForbidden(
                    b"Cross-site form submissions are not accepted.", content_type="text/plain"
                )
            if verdict is True:
                # The browser vouches for the origin: the token/cookie pair adds nothing here.
                request._dont_enforce_csrf_checks = True
        response = self.get_response(request)
        if public and settings.CSRF_COOKIE_NAME in response.cookies:
            # Readers get no cookies, and cacheable pages must not carry one.
            del response.cookies[settings.CSRF_COOKIE_NAME]
        return response


# --------------------------------------------------------------------------- page cache

GENERATION_KEY = "campaign-kit:page-cache:generation"
CACHEABLE_REQUEST_ATTR = "_campaign_kit_page_cache_seconds"
HIT_HEADER = "X-Campaign-Kit-Cache"


def _cache():
    return caches[getattr(settings, "CAMPAIGN_KIT_PAGE_CACHE_ALIAS", "default")]


def page_cache_seconds() -> int:
    return int(getattr(settings, "CAMPAIGN_KIT_PAGE_CACHE_SECONDS", 0))


def _generation():
    return Generation(GENERATION_KEY, getattr(settings, "CAMPAIGN_KIT_PAGE_CACHE_ALIAS", "default"))


def purge_page_cache() -> None:
    """Invalidate every cached page at once by moving to a new key generation."""
    _generation().bump()


class AnonymousPageCacheMiddleware:
    """Serve cached Wagtail pages to visitors without cookies; see the module docstring."""

    def __init__(self, get_response):
        self.get_response = get_response

    @staticmethod
    def _eligible(request) -> bool:
        return (
            page_cache_seconds() > 0
            and request.method in ("GET", "HEAD")
            and not request.COOKIES
            and "HTTP_AUTHORIZATION" not in request.META
            and is_public_path(request.path_info)
        )

    @staticmethod
    def _key(request, generation) -> str:
        raw = f"{request.get_host()}|{request.get_full_path()}".encode()
        return f"campaign-kit:page:{generation}:{hashlib.sha256(raw).hexdigest()}"

    def __call__(self, request):
        if not self._eligible(request):
            return self.get_response(request)
        cache = _cache()
        generation = _generation().current()
        key = self._key(request, generation)
        cached = cache.get(key)
        if cached is not None:
            status, headers, content = cached
            response = HttpResponse(content, status=status)
            for name, value in headers:
                response.headers[name] = value
            response.headers[HIT_HEADER] = "hit"
            return response

        response = self.get_response(request)
        seconds = getattr(request, CACHEABLE_REQUEST_ATTR, None)
        if seconds and self._storable(response):
            headers = [
                (name, value)
                for name, value in response.headers.items()
                if name.lower() not in ("set-cookie", HIT_HEADER.lower())
            ]
            cache.set(key, (response.status_code, headers, response.content), timeout=seconds)
            response.headers[HIT_HEADER] = "miss"
        return response

    @staticmethod
    def _storable(response) -> bool:
        if response.status_code != 200 or response.streaming or response.cookies:
            return False
        cache_control = response.get("Cache-Control", "").lower()
        if any(word in cache_control for word in ("private", "no-store", "no-cache")):
            return False
        patch_vary_headers(response, ("Cookie",))
        return True
