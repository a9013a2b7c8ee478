"""The client's address, also behind reverse proxies: one function for every rate limit.

Without a proxy it is ``REMOTE_ADDR``. Behind one (``CAMPAIGN_KIT_CLIENT_IP_HEADER =
"HTTP_X_FORWARDED_FOR"``), each proxy appends the address it received the request from, so
only the right-hand end of the list is written by proxies we trust; everything to the left
was sent by the client and can be anything. With ``TRUSTED_PROXY_HOPS`` proxies in front of
the site, the client is the entry that many places from the right.
"""

import ipaddress

from django.core.exceptions import ImproperlyConfigured

from . import conf


def _hops():
    hops = conf.get("TRUSTED_PROXY_HOPS")
    if not isinstance(hops, int) or hops < 1:
        raise ImproperlyConfigured("CAMPAIGN_KIT_TRUSTED_PROXY_HOPS must be a whole number ≥ 1.")
    return hops


def _normalised(value):
    """The address in one canonical spelling (``::FFFF:1.2.3.4`` and ``1.2.3.4`` agree), or ""
    for something that is not an address."""
    value = value.strip()
    if value.startswith("[") and "]" in value:  # [v6]:port
        value = value[1 : value.index("]")]
    elif value.count(":") == 1:  # v4:port
        value = value.partition(":")[0]
    try:
        address = ipaddress.ip_address(value)
    except ValueError:
        return ""
    if address.version == 6 and address.ipv4_mapped:
        address = address.ipv4_mapped
    return str(address)


def client_address(request):
    """The address the request came from, as far as the site can trust it ("" if unknown)."""
    header = conf.get("CLIENT_IP_HEADER")
    remote = request.META.get("REMOTE_ADDR", "")
    if header == "REMOTE_ADDR":
        return _normalised(remote)
    entries = [e for e in request.META.get(header, "").split(",") if e.strip()]
    if not entries:
        # Not through the proxy (a health check on loopback): the connection's own address.
        return _normalised(remote)
    # Fewer entries than trusted hops: the left-most is the best we know.
    return _normalised(entries[max(len(entries) - _hops(), 0)])
