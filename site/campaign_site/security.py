"""Throttled Wagtail admin login; rate limits key on a salted hash of the client address.

The throttle sits in front of Wagtail's own login view (a middleware's ``process_view``,
matched by the view's URL name), so the URL and the view stay Wagtail's.
"""

from django.conf import settings
from django.utils.module_loading import import_string
from django_ratelimit.core import is_ratelimited

from campaign_kit.core.hashing import client_hash

LOGIN_VIEW = "wagtailadmin_login"


def admin_login_rate() -> str:
    return getattr(settings, "CAMPAIGN_KIT_ADMIN_LOGIN_RATE", "10/m")


class AdminLoginThrottleMiddleware:
    """Failed and successful attempts both count: 10 POSTs a minute per client address, then
    the rate-limited page (RATELIMIT_VIEW) with 429."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if request.method != "POST" or match is None or match.view_name != LOGIN_VIEW:
            return None
        if is_ratelimited(
            request,
            group="campaign-kit-admin-login",
            key=client_hash,
            rate=admin_login_rate(),
            method="POST",
            increment=True,
        ):
            return import_string(settings.RATELIMIT_VIEW)(request)
        return None
