"""Calendar files and subscribable feeds, with conditional GET."""

import hashlib

from django.http import Http404, HttpResponse, HttpResponseNotModified
from django.utils import timezone
from django.utils.http import http_date, parse_http_date_safe, quote_etag
from wagtail.models import Page

from campaign_kit.core.converters import parse_id
from campaign_kit.core.restrictions import unrestricted

from .. import calendars, selectors
from .index import clean_param


def _conditional_calendar(request, body, filename, last_modified):
    etag = quote_etag(hashlib.sha256(body).hexdigest()[:32])
    if_none_match = request.headers.get("If-None-Match")
    not_modified = False
    if if_none_match:
        not_modified = etag in [t.strip() for t in if_none_match.split(",")] or if_none_match == "*"
    elif last_modified is not None:
        since = parse_http_date_safe(request.headers.get("If-Modified-Since", ""))
        not_modified = since is not None and int(last_modified.timestamp()) <= since
    headers = {"ETag": etag, "Cache-Control": "public, max-age=3600"}
    if last_modified is not None:
        headers["Last-Modified"] = http_date(last_modified.timestamp())
    if not_modified:
        response = HttpResponseNotModified()
        for key, value in headers.items():
            response[key] = value
        return response
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    for key, value in headers.items():
        response[key] = value
    return response


def _newest_change(events):
    return max((e.last_modified for e in events), default=None)


def event_ics(request, page):
    if request.method not in ("GET", "HEAD"):
        return HttpResponse(status=405, headers={"Allow": "GET, HEAD"})
    events = calendars.calendar_events([page])
    changed = _newest_change(events)
    body = calendars.build(events, page.title, changed)
    return _conditional_calendar(request, body, f"{page.slug}.ics", changed)


def event_feed(request, index_page):
    if request.method not in ("GET", "HEAD"):
        return HttpResponse(status=405, headers={"Allow": "GET, HEAD"})
    city = clean_param(request, "city")
    campaign = None
    campaign_param = clean_param(request, "campaign")
    if campaign_param:
        campaign_id = parse_id(campaign_param)
        # A restricted campaign is not found: its name would be the feed's.
        campaign = campaign_id and Page.objects.filter(unrestricted(), pk=campaign_id).first()
        if not campaign:
            raise Http404
    pages = selectors.feed_events(
        index_page.locale, within=index_page, city=city, campaign=campaign
    )
    events = calendars.calendar_events(pages)
    name = index_page.title
    if city:
        name = f"{name} – {city}"
    if campaign is not None:
        name = f"{name} – {campaign.localized.title}"
    # The validators follow the newest change of any event in the feed, of the feed's name
    # (the index title) and the moment the last event aged out of it.
    stamps = [
        _newest_change(events),
        index_page.last_published_at,
        selectors.feed_aged_out(index_page, city=city, campaign=campaign),
    ]
    changed = min(max(filter(None, stamps), default=None) or timezone.now(), timezone.now())
    body = calendars.build(events, name, changed)
    return _conditional_calendar(request, body, "events.ics", changed)
