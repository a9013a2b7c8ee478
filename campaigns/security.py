"""Hashing of client addresses for rate limits (no raw IP address is stored or logged)."""

import hashlib
import hmac

from django.conf import settings


def client_hash(group, request):
    header = getattr(settings, "CAMPAIGN_KIT_CLIENT_IP_HEADER", "REMOTE_ADDR")
    address = request.META.get(header, "") or ""
    address = address.split(",")[0].strip()
    salt = getattr(settings, "CAMPAIGN_KIT_HASH_SALT", settings.SECRET_KEY)
    return hmac.new(str(salt).encode(), address.encode(), hashlib.sha256).hexdigest()
