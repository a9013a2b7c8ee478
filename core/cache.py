"""Cache generations: purge every entry of a kind at once by moving to a new key prefix."""

import time

from django.core.cache import caches


class Generation:
    """A number in the cache that is part of every key of one kind of entry. ``bump()`` moves
    to a new number, so that every entry built under the old one is never read again (and
    expires on its own); no cache backend needs to list or delete keys for it."""

    def __init__(self, key, alias="default"):
        self.key = key
        self.alias = alias

    def current(self):
        cache = caches[self.alias]
        value = cache.get(self.key)
        if value is None:
            # A new start value, never one an older entry could still carry.
            value = int(time.time() * 1000)
            cache.add(self.key, value, timeout=None)
            value = cache.get(self.key, value)
        return value

    def bump(self, *args, **kwargs):
        """Purge (usable as a signal receiver)."""
        cache = caches[self.alias]
        try:
            cache.incr(self.key)
        except ValueError:
            cache.set(self.key, int(time.time() * 1000), timeout=None)
