"""Hashing of e-mail addresses, and signed tokens for personal links."""

from django.core import signing

from campaign_kit.core.hashing import hmac_hex

TOKEN_SALT = "events.registration.link"  # noqa: S105 - a signing namespace, not a secret
OUTCOME_SALT = "events.registration.outcome"
OUTCOMES = ("confirmed", "waiting", "pending")


def email_hash(email):
    return hmac_hex("email:" + email.strip().lower())


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
