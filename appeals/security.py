"""E-mail normalisation, hashing of addresses and signed tokens for personal links."""

import hashlib
import hmac
import time

from django.conf import settings
from django.core import signing

CONFIRM_SALT = "appeals.signature.confirm"
WITHDRAW_SALT = "appeals.signature.withdraw"
FORM_TIME_SALT = "appeals.form.started"

# Providers that deliver "name+anything@" to "name@". Gmail also ignores dots.
DOTS_IGNORED = {"gmail.com", "googlemail.com"}
PLUS_IGNORED = DOTS_IGNORED | {
    "outlook.com",
    "hotmail.com",
    "live.com",
    "icloud.com",
    "me.com",
    "proton.me",
    "protonmail.com",
    "fastmail.com",
    "posteo.de",
    "mailbox.org",
}
DOMAIN_ALIASES = {"googlemail.com": "gmail.com"}


def normalise_email(email):
    """The canonical form of an address, used to count a person once.

    Lower-cased; for providers that ignore them, "+suffix" (and for Gmail the
    dots) in the local part are dropped; googlemail.com counts as gmail.com.
    """
    email = (email or "").strip().lower()
    local, _, domain = email.rpartition("@")
    if not local:
        return email
    domain = DOMAIN_ALIASES.get(domain, domain)
    if domain in PLUS_IGNORED:
        local = local.split("+", 1)[0]
    if domain in DOTS_IGNORED:
        local = local.replace(".", "")
    return f"{local}@{domain}"


def _salt():
    return str(getattr(settings, "CAMPAIGN_KIT_HASH_SALT", settings.SECRET_KEY)).encode()


def hmac_hex(value):
    return hmac.new(_salt(), value.encode(), hashlib.sha256).hexdigest()


def email_hash(email):
    return hmac_hex("appeals-email:" + normalise_email(email))


def client_hash(group, request):
    """django-ratelimit key: an HMAC of the client address, never the address itself."""
    header = getattr(settings, "CAMPAIGN_KIT_CLIENT_IP_HEADER", "REMOTE_ADDR")
    address = request.META.get(header, "") or ""
    return hmac_hex("client:" + address.split(",")[0].strip())


def confirm_days():
    return int(getattr(settings, "CAMPAIGN_KIT_APPEAL_CONFIRM_DAYS", 7))


def make_token(signature, salt):
    return signing.dumps(str(signature.public_id), salt=salt, compress=False)


class TokenExpired(Exception):
    pass


def read_token(token, salt, max_age=None):
    """The signature's public id, None if tampered with; raises TokenExpired if too old."""
    try:
        return signing.loads(token, salt=salt, max_age=max_age)
    except signing.SignatureExpired as exc:
        raise TokenExpired from exc
    except signing.BadSignature:
        return None


def form_timestamp():
    return signing.dumps(int(time.time()), salt=FORM_TIME_SALT)


def form_age_ok(value, min_seconds):
    """True when the signed start time is genuine, at least min_seconds and at most a day old."""
    try:
        started = signing.loads(value or "", salt=FORM_TIME_SALT, max_age=86400)
    except signing.BadSignature:
        return False
    return isinstance(started, int) and time.time() - started >= min_seconds
