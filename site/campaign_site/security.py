"""Throttled Wagtail admin login; rate limits key on a salted hash of the client address."""

from django.conf import settings
from django_ratelimit.decorators import ratelimit
from wagtail.admin.views.account import LoginView

from campaign_kit.core.hashing import client_hash


def admin_login_rate() -> str:
    return getattr(settings, "CAMPAIGN_KIT_ADMIN_LOGIN_RATE", "10/m")


# Failed and successful attempts both count: 10 POSTs a minute per client address, then 429
# (RATELIMIT_VIEW answers blocked requests).
admin_login = ratelimit(
    group="campaign-kit-admin-login",
    key=client_hash,
    rate=lambda group, request: admin_login_rate(),
    method="POST",
    block=True,
)(LoginView.as_view())
