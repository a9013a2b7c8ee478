"""Calendars that strict clients accept: every file and feed passes tests/ical_validator.py
(libical, the ical package and RFC rules), its dates say when the data changed (never when
the event starts), conditional GETs see every change, and UIDs survive a renamed Site."""

import time
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone
from django.utils.http import parse_http_date
from icalendar import Calendar
from wagtail.models import Site

from campaign_kit.events.models import EventPool
from tests.events.conftest import publish
from tests.factories.events import EventSeriesFactory
from tests.factories.home import translate_page
from tests.ical_validator import validate

pytestmark = pytest.mark.django_db

BERLIN = ZoneInfo("Europe/Berlin")


def valid(response):
    assert response.status_code == 200, response.status_code
    assert validate(response.content) == []
    return Calendar.from_ical(response.content)


def test_files_and_feeds_pass_the_strict_validator(client, index, make_event, settings):
    # The DST dates below are fixed and soon past: keep them inside the feed's window.
    settings.CAMPAIGN_KIT_EVENTS_FEED_PAST_DAYS = 3650
    # An empty feed: a VTIMEZONE of the default zone is its one component (RFC 5545 §3.6).
    cal = valid(client.get(index.url + "calendar/"))
    assert [c.name for c in cal.subcomponents] == ["VTIMEZONE"]
    assert cal.walk("VTIMEZONE")[0]["TZID"] == "Europe/Berlin"
    series = EventSeriesFactory(locale=index.locale, name="Action day")
    pages = [
        # Across the end of summer time in Berlin (01:30 CEST to 04:00 CET) ...
        make_event(
            title="Night watch",
            start=datetime(2026, 10, 25, 1, 30, tzinfo=BERLIN),
            end=datetime(2026, 10, 25, 4, 0, tzinfo=BERLIN),
            series=series,
        ),
        # ... and its start in New York, another zone and another DST date.
        make_event(
            title="Rally",
            start=datetime(2026, 11, 1, 1, 30, tzinfo=ZoneInfo("America/New_York")),
            end=datetime(2026, 11, 1, 3, 0, tzinfo=ZoneInfo("America/New_York")),
            time_zone="America/New_York",
            series=series,
        ),
        make_event(title="Kyiv vigil", time_zone="Europe/Kyiv", series=series),
        make_event(title="Called off", status="cancelled", status_note="Storm warning."),
        make_event(title="Postponed one", status="postponed"),
        make_event(title="All day", all_day=True),
    ]
    for page in pages:
        cal = valid(client.get(page.url + "ics/"))
        assert len(cal.walk("VEVENT")) == 1
    cal = valid(client.get(index.url + "calendar/"))
    assert len(cal.walk("VEVENT")) == len(pages)
    assert {str(z["TZID"]) for z in cal.walk("VTIMEZONE")} == {
        "Europe/Berlin",
        "America/New_York",
        "Europe/Kyiv",
    }
    # A filter that matches nothing is an empty feed again, still valid.
    cal = valid(client.get(index.url + "calendar/?city=Nowhere"))
    assert cal.walk("VEVENT") == []
    raw = client.get(index.url + "calendar/").content.decode()
    # RFC 5545 §3.6.5 has no COMMENT in a VTIMEZONE; and nothing here is an iTIP message.
    for zone in raw.split("BEGIN:VTIMEZONE")[1:]:
        assert "COMMENT" not in zone.split("END:VTIMEZONE")[0]
    assert "METHOD" not in raw and "ORGANIZER" not in raw


def test_dtstamp_and_last_modified_are_the_last_change_never_the_start(client, make_event):
    page = make_event(
        start=datetime(2027, 5, 15, 12, 0, tzinfo=BERLIN),
        end=datetime(2027, 5, 15, 14, 0, tzinfo=BERLIN),
    )
    before = timezone.now()
    response = client.get(page.url + "ics/")
    [vevent] = valid(response).walk("VEVENT")
    pool = EventPool.objects.get(event_key=page.translation_key)
    changed = max(page.last_published_at, pool.changed_at).astimezone(UTC).replace(microsecond=0)
    assert vevent["DTSTAMP"].dt == vevent["LAST-MODIFIED"].dt == changed
    assert vevent["DTSTAMP"].dt <= before < page.start
    # HTTP Last-Modified is the same moment, never later than the response.
    assert parse_http_date(response["Last-Modified"]) == int(changed.timestamp())
    assert parse_http_date(response["Last-Modified"]) <= time.time()


def revalidate(client, url, first):
    """The answers to If-None-Match and to If-Modified-Since with `first`'s validators."""
    return (
        client.get(url, HTTP_IF_NONE_MATCH=first["ETag"]).status_code,
        client.get(url, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"]).status_code,
    )


def test_conditional_get_sees_a_change_of_any_event_in_the_feed(client, index, make_event):
    make_event(title="Early", start=timezone.now() + timedelta(days=2))
    later = make_event(title="Later", start=datetime(2027, 5, 15, 12, 0, tzinfo=BERLIN))
    url = index.url + "calendar/"
    first = client.get(url)
    assert revalidate(client, url, first) == (304, 304)
    time.sleep(1.1)  # HTTP dates count whole seconds
    later.title = "Later, renamed"
    publish(later)
    assert revalidate(client, url, first) == (200, 200)
    second = client.get(url)
    summaries = [str(v["SUMMARY"]) for v in valid(second).walk("VEVENT")]
    assert "Later, renamed" in summaries
    assert revalidate(client, url, second) == (304, 304)


def test_conditional_get_sees_a_change_shared_through_the_pool(client, event, index_de):
    # The German file was never published again; its SEQUENCE comes from the shared pool.
    event_de = translate_page(event, "de", title="Mahnwache", slug="mahnwache")
    url = event_de.url + "ics/"
    first = client.get(url)
    assert revalidate(client, url, first) == (304, 304)
    time.sleep(1.1)
    event.start += timedelta(hours=1)
    event.end += timedelta(hours=1)
    publish(event)
    assert revalidate(client, url, first) == (200, 200)
    [vevent] = valid(client.get(url)).walk("VEVENT")
    assert vevent["SEQUENCE"] == 1


def test_uids_survive_a_renamed_site_and_follow_the_setting(client, event, settings):
    def uid():
        return str(valid(client.get(event.url + "ics/")).walk("VEVENT")[0]["UID"])

    assert uid() == f"{event.translation_key}@campaign-kit"
    Site.objects.filter(is_default_site=True).update(hostname="campaign.example.org", port=8443)
    assert uid() == f"{event.translation_key}@campaign-kit"
    settings.CAMPAIGN_KIT_CALENDAR_UID_DOMAIN = "events.example.org"
    assert uid() == f"{event.translation_key}@events.example.org"
