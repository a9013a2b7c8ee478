"""Salted hashes of addresses: what is stored or counted instead of the address itself."""

import hashlib
import hmac

from . import clientaddr, conf


def hmac_hex(value):
    """HMAC-SHA256 of ``value`` with the suite's salt (``HASH_SALT``, else ``SECRET_KEY``)."""
    return hmac.new(conf.hash_salt().encode(), value.encode(), hashlib.sha256).hexdigest()


def client_hash(group, request):
    """django-ratelimit key: a salted hash of the client address, never the address itself."""
    return hmac_hex("client:" + clientaddr.client_address(request))
