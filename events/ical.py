"""Calendar output with the icalendar library: pure functions, events in, bytes out."""

import functools
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from icalendar import Calendar, Event, Timezone, vText

PRODID = "-//Campaign Kit//Events//EN"


@dataclass
class CalendarEvent:
    uid: str
    title: str
    description: str
    url: str
    start: datetime
    end: datetime
    time_zone: str
    all_day: bool
    location: str
    status: str  # scheduled, cancelled, postponed, moved_online
    sequence: int
    last_modified: datetime
    created: datetime | None = None
    categories: tuple = ()


def uid_for(translation_key, host):
    return f"{translation_key}@{host}"


@functools.lru_cache(maxsize=64)
def vtimezone(tzid, first_year, last_year):
    zone = Timezone.from_tzid(
        tzid, first_date=date(first_year, 1, 1), last_date=date(last_year, 12, 31)
    )
    # icalendar notes the covered years in a COMMENT, which RFC 5545 §3.6.5 does not allow
    # in a VTIMEZONE (only in its STANDARD/DAYLIGHT parts).
    zone.pop("COMMENT", None)
    return zone


def _event_component(item):
    changed = item.last_modified.astimezone(UTC)
    event = Event()
    event.add("uid", item.uid)
    # Without METHOD, DTSTAMP is the time of the last change, like LAST-MODIFIED (RFC 5545
    # §3.8.7.2): unchanged data gives the same bytes, and so the same ETag.
    event.add("dtstamp", changed)
    event.add("last-modified", changed)
    if item.created:
        event.add("created", item.created.astimezone(UTC))
    event.add("sequence", item.sequence)
    summary = item.title
    event.add("summary", summary)
    if item.description:
        event.add("description", item.description)
    if item.url:
        event.add("url", item.url)
    if item.location:
        event["location"] = vText(item.location)
    if item.all_day:
        start = item.start.date()
        end = max(item.end.date(), start) + timedelta(days=1)
        event.add("dtstart", start)
        event.add("dtend", end)
    else:
        event.add("dtstart", item.start)
        event.add("dtend", item.end)
    if item.categories:
        event.add("categories", list(item.categories))
    if item.status == "cancelled":
        event.add("status", "CANCELLED")
    elif item.status == "postponed":
        event.add("status", "TENTATIVE")
    else:
        event.add("status", "CONFIRMED")
    event.add("transp", "OPAQUE")
    return event


def build_calendar(events, *, name, time_zone, year, refresh="PT1H"):
    """An RFC 5545 calendar (bytes) for `events` (CalendarEvent objects).

    No METHOD: a file or feed is not an iTIP message (RFC 5546), so it needs no ORGANIZER,
    and clients read it as plain calendar data (see README, "Calendars"). `time_zone` and
    `year` give the VTIMEZONE of a calendar without events, which still needs one component
    (RFC 5545 §3.6).
    """
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", name)
    cal.add("name", name)
    cal["x-wr-timezone"] = vText(events[0].time_zone if events else time_zone)
    cal.add("refresh-interval", timedelta(hours=1), parameters={"VALUE": "DURATION"})
    cal["x-published-ttl"] = vText(refresh)
    zones = {}
    for item in events:
        if item.all_day:
            continue
        low, high = zones.get(item.time_zone, (item.start.year, item.end.year))
        zones[item.time_zone] = (min(low, item.start.year), max(high, item.end.year))
    if not events:
        zones[time_zone] = (year, year)
    for tzid, (low, high) in sorted(zones.items()):
        cal.add_component(vtimezone(tzid, low - 1, high + 1))
    for item in events:
        cal.add_component(_event_component(item))
    return cal.to_ical()
