"""Ids in URLs and query strings, bounded so that no database sees a number it cannot hold.

Django's ``<int:...>`` takes any number of digits; SQLite raises ``OverflowError`` past 2⁶³−1
(a 500). At most 18 digits is below that on both databases (PostgreSQL compares a bigint
parameter with an integer column without error), and a longer id answers 404 like an unknown
one. Importing this module registers ``<id:...>`` for the apps' URL patterns.
"""

from django.urls import register_converter

MAX_DIGITS = 18


class IdConverter:
    regex = f"[0-9]{{1,{MAX_DIGITS}}}"

    def to_python(self, value):
        return int(value)

    def to_url(self, value):
        return str(int(value))


register_converter(IdConverter, "id")


def parse_id(value):
    """The id in a query parameter, or None when it is not one (empty, not digits, too long)."""
    value = (value or "").strip()
    if not value.isascii() or not value.isdigit() or len(value) > MAX_DIGITS:
        return None
    return int(value)
