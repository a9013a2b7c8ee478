"""Opening hours stored as data (days, times, zone) and written out in the reader's language."""

import re
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from babel.core import Locale, UnknownLocaleError
from babel.dates import format_interval, get_day_names, get_timezone_location
from django.utils import translation
from django.utils.translation import gettext as _

DAYS = re.compile(r"^\s*[1-7](\s*[-,]\s*[1-7])*\s*$")


def valid_zone(name):
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return False
    return True


def _locale():
    code = (translation.get_language() or "en").replace("-", "_")
    try:
        return Locale.parse(code)
    except (UnknownLocaleError, ValueError):
        return Locale.parse("en")


def _day_groups(days):
    """ "1-4,6" as [(1, 4), (6, 6)]."""
    groups = []
    for part in days.replace(" ", "").split(","):
        first, _sep, last = part.partition("-")
        groups.append((int(first), int(last or first)))
    return groups


def describe(days, opens, closes, zone):
    """E.g. "Mon–Thu, 10:00–16:00 (Berlin time)" in the active language; "" without days or
    times. Days are numbers 1 (Monday) to 7; times are shown on a 24-hour clock."""
    if not (days and DAYS.match(days)) and not (opens and closes):
        return ""
    locale = _locale()
    parts = []
    if days and DAYS.match(days):
        names = get_day_names("abbreviated", context="stand-alone", locale=locale)
        written = [
            names[a - 1] if a == b else f"{names[a - 1]}–{names[b - 1]}"
            for a, b in _day_groups(days)
        ]
        parts.append(", ".join(written))
    if opens and closes:
        times = format_interval(opens, closes, skeleton="Hm", locale=locale)
        times = re.sub(r"\s*–\s*", "–", times)
        if zone and valid_zone(zone):
            city = get_timezone_location(ZoneInfo(zone), locale=locale, return_city=True)
            times = _("%(times)s (%(city)s time)") % {"times": times, "city": city}
        parts.append(times)
    return ", ".join(parts)
