"""Throttled Wagtail admin login; rate limits key on a salted hash of the client address."""

import hashlib
import hmac

from django.conf import settings
from django_ratelimit.decorators import ratelimit
from wagtail.admin.views.account import LoginView


def client_hash(group, request):
    """HMAC-SHA256 of the client address; the raw address is never stored."""
    header = getattr(settings, "CAMPAIGN_KIT_CLIENT_IP_HEADER", "REMOTE_ADDR")
    address = request.META.get(header, "") or request.META.get("REMOTE_ADDR", "")
    address = address.split(",")[0].strip()
    salt = getattr(settings, "CAMPAIGN_KIT_HASH_SALT", settings.SECRET_KEY)
    return hmac.new(salt.encode(), address.encode(), hashlib.sha256).hexdigest()


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
