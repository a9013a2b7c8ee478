"""E-mail normalisation and hashing, and signed tokens for personal links."""

import time

from django.core import signing

from campaign_kit.core import conf
from campaign_kit.core.hashing import hmac_hex

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


def email_hash(email):
    return hmac_hex("appeals-email:" + normalise_email(email))


def confirm_days():
    return int(conf.get("APPEAL_CONFIRM_DAYS"))


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
