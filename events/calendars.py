"""From event pages to calendar data (ical.py stays pure)."""

from datetime import UTC, timedelta
from urllib.parse import urlencode

from django.utils.html import strip_tags
from django.utils.translation import gettext as _
from wagtail.models import Site

from campaign_kit.core import conf

from . import ical
from .models import EventPool


def calendar_host():
    host = conf.get("EVENTS_UID_DOMAIN")
    if host:
        return host
    site = Site.objects.filter(is_default_site=True).only("hostname").first()
    return site.hostname if site else "campaign-kit.invalid"


def calendar_event(page, pool=None, host=None, url=None, request=None):
    host = host or calendar_host()
    sequence = pool.sequence if pool else 0
    last_modified = max(
        filter(None, [page.last_published_at, pool.changed_at if pool else None, page.start])
    )
    location = page.location_text
    if page.is_online and page.online_url:
        location = page.online_url
    description = page.summary or ""
    if page.status_note:
        description = f"{page.status_note}\n\n{description}"
    if page.is_online and page.online_url:
        description = f"{description}\n\n{_('Online')}: {page.online_url}"
    title = page.title
    if page.status == "cancelled":
        title = _("Cancelled: %(title)s") % {"title": title}
    elif page.status == "postponed":
        title = _("Postponed: %(title)s") % {"title": title}
    return ical.CalendarEvent(
        uid=ical.uid_for(page.translation_key, host),
        title=title,
        description=strip_tags(description).strip(),
        url=url if url is not None else page.get_full_url(request),
        start=page.local_start,
        end=page.local_end,
        time_zone=page.time_zone,
        all_day=page.all_day,
        location=location,
        status=page.status,
        sequence=sequence,
        last_modified=last_modified,
        created=page.first_published_at,
    )


def calendar_events(pages, request=None):
    pages = list(pages)
    pools = {
        p.event_key: p
        for p in EventPool.objects.filter(event_key__in=[page.translation_key for page in pages])
    }
    host = calendar_host()
    return [
        calendar_event(page, pools.get(page.translation_key), host=host, request=request)
        for page in pages
    ]


def event_ics(page, method="PUBLISH", request=None):
    pool = EventPool.objects.filter(event_key=page.translation_key).first()
    item = calendar_event(page, pool, request=request)
    return ical.build_calendar([item], name=page.title, method=method)


def feed_ics(pages, name, request=None):
    return ical.build_calendar(calendar_events(pages, request=request), name=name)


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
