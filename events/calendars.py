"""From event pages to calendar data (ical.py stays pure)."""

from datetime import UTC, timedelta
from urllib.parse import urlencode

from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import gettext as _

from campaign_kit.core import conf, links

from . import ical
from .models import EventPool, EventStatus
from .models.pages import default_time_zone


def uid_domain():
    return conf.get("CALENDAR_UID_DOMAIN")


def last_change(page, pool=None):
    """When the event's calendar data last changed: its last publish, or a change of time,
    place or status on the shared pool (also made without a publish of this language).
    Never later than now, and never the event's start."""
    stamps = [page.last_published_at, pool.changed_at if pool else None]
    now = timezone.now()
    return min(max(filter(None, stamps), default=now), now)


def calendar_event(page, pool=None, host=None, url=None, status=None):
    host = host or uid_domain()
    status = status or page.status
    sequence = pool.sequence if pool else 0
    location = page.location_text
    if page.is_online and page.online_url:
        location = page.online_url
    description = page.summary or ""
    if page.status_note:
        description = f"{page.status_note}\n\n{description}"
    if page.is_online and page.online_url:
        description = f"{description}\n\n{_('Online')}: {page.online_url}"
    title = page.title
    if status == EventStatus.CANCELLED:
        title = _("Cancelled: %(title)s") % {"title": title}
    elif status == EventStatus.POSTPONED:
        title = _("Postponed: %(title)s") % {"title": title}
    return ical.CalendarEvent(
        uid=ical.uid_for(page.translation_key, host),
        title=title,
        description=strip_tags(description).strip(),
        url=url if url is not None else links.absolute_url(page),
        start=page.local_start,
        end=page.local_end,
        time_zone=page.time_zone,
        all_day=page.all_day,
        location=location,
        status=status,
        sequence=sequence,
        last_modified=last_change(page, pool),
        created=page.first_published_at,
    )


def calendar_events(pages):
    pages = list(pages)
    pools = {
        p.event_key: p
        for p in EventPool.objects.filter(event_key__in=[page.translation_key for page in pages])
    }
    host = uid_domain()
    return [calendar_event(page, pools.get(page.translation_key), host=host) for page in pages]


def build(events, name, changed):
    """The calendar bytes; `changed` (the newest change) dates the time zone of an empty one."""
    return ical.build_calendar(events, name=name, time_zone=default_time_zone(), year=changed.year)


def event_ics(page, status=None):
    """The .ics file of one event (download and mail attachment); `status` overrides the
    page's (the cancellation mail's file is cancelled whatever this language says)."""
    pool = EventPool.objects.filter(event_key=page.translation_key).first()
    item = calendar_event(page, pool, status=status)
    return build([item], page.title, item.last_modified)


def google_link(page):
    """A plain "Add to Google Calendar" link (nothing is loaded from Google)."""
    if page.all_day:
        start, end = page.all_day_dates()
        dates = f"{start:%Y%m%d}/{end + timedelta(days=1):%Y%m%d}"
    else:
        fmt = "%Y%m%dT%H%M%SZ"
        dates = f"{page.start.astimezone(UTC):{fmt}}/{page.end.astimezone(UTC):{fmt}}"
    params = {
        "action": "TEMPLATE",
        "text": page.title,
        "dates": dates,
        "details": page.summary,
        "location": page.location_text,
        "ctz": page.time_zone,
    }
    return "https://calendar.google.com/calendar/render?" + urlencode(params)


def outlook_link(page):
    """A plain "Add to Outlook" link."""
    params = {
        "path": "/calendar/action/compose",
        "rru": "addevent",
        "subject": page.title,
        "startdt": page.start.astimezone(UTC).isoformat(),
        "enddt": page.end.astimezone(UTC).isoformat(),
        "body": page.summary,
        "location": page.location_text,
    }
    if page.all_day:
        params["allday"] = "true"
    return "https://outlook.office.com/calendar/0/deeplink/compose?" + urlencode(params)


def map_link(page):
    """A link to the venue on OpenStreetMap (a link, never an embed), or "" without an
    address to show."""
    if not page.has_venue or not (page.street or page.city):
        return ""
    query = ", ".join(
        part
        for part in (page.street, f"{page.postcode} {page.city}".strip(), str(page.country.name))
        if part
    )
    return "https://www.openstreetmap.org/search?" + urlencode({"query": query})
