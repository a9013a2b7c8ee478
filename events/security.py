"""Hashing of e-mail and client addresses, and signed tokens for personal links."""

import hashlib
import hmac

from django.conf import settings
from django.core import signing

TOKEN_SALT = "events.registration.link"  # noqa: S105 - a signing namespace, not a secret
OUTCOME_SALT = "events.registration.outcome"
OUTCOMES = ("confirmed", "waiting", "pending")


def _salt():
    return str(getattr(settings, "CAMPAIGN_KIT_HASH_SALT", settings.SECRET_KEY)).encode()


def hmac_hex(value):
    return hmac.new(_salt(), value.encode(), hashlib.sha256).hexdigest()


def email_hash(email):
    return hmac_hex("email:" + email.strip().lower())


def client_hash(group, request):
    """django-ratelimit key: an HMAC of the client address, never the address itself."""
    header = getattr(settings, "CAMPAIGN_KIT_CLIENT_IP_HEADER", "REMOTE_ADDR")
    address = request.META.get(header, "") or ""
    return hmac_hex("client:" + address.split(",")[0].strip())


def make_token(registration):
    return signing.dumps(str(registration.public_id), salt=TOKEN_SALT, compress=False)


def read_token(token):
    """The registration's public id from a token, or None if it was tampered with."""
    try:
        return signing.loads(token, salt=TOKEN_SALT)
    except signing.BadSignature:
        return None


def outcome_token(outcome):
    """A signed registration outcome for the result page's URL.

    No timestamp: the same three URLs for everyone, so browsers and caches can keep them.
    """
    return signing.Signer(salt=OUTCOME_SALT).sign(outcome)


def read_outcome_token(token):
    try:
        outcome = signing.Signer(salt=OUTCOME_SALT).unsign(token)
    except signing.BadSignature:
        return None
    return outcome if outcome in OUTCOMES else None
