"""Calendar files and feeds: RFC 5545 details, stable UIDs, SEQUENCE, conditional GET."""

import time
from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation
from icalendar import Calendar
from wagtail.models import PageViewRestriction

from campaign_kit.events.models import EventPool, Registration
from tests.factories.home import translate_page
from tests.ical_validator import validate

pytestmark = pytest.mark.django_db


def parse(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    return Calendar.from_ical(response.content)


def vevents(cal):
    return cal.walk("VEVENT")


def test_event_ics_has_the_required_properties(client, event):
    response = client.get(event.url + "ics/")
    assert validate(response.content) == []
    cal = parse(response)
    # Plain calendar data, not an iTIP message: no METHOD, so no ORGANIZER is needed.
    assert "METHOD" not in cal
    assert cal["X-WR-CALNAME"] == "Vigil in Frankfurt"
    assert "REFRESH-INTERVAL" in cal and "X-PUBLISHED-TTL" in cal
    [vtz] = cal.walk("VTIMEZONE")
    assert vtz["TZID"] == "Europe/Berlin"
    [vevent] = vevents(cal)
    assert vevent["UID"] == f"{event.translation_key}@campaign-kit"
    assert vevent["DTSTART"].params["TZID"] == "Europe/Berlin"
    for prop in ("DTSTAMP", "LAST-MODIFIED", "SEQUENCE", "SUMMARY", "LOCATION", "URL"):
        assert prop in vevent
    assert "ORGANIZER" not in vevent
    raw = client.get(event.url + "ics/").content.decode()
    assert "REFRESH-INTERVAL;VALUE=DURATION:PT1H" in raw
    assert "X-PUBLISHED-TTL:PT1H" in raw


def test_uid_is_stable_across_languages_and_sequence_rises_on_changes(client, event, index_de):
    event_de = translate_page(event, "de", title="Mahnwache", slug="mahnwache")
    en = vevents(parse(client.get(event.url + "ics/")))[0]
    de = vevents(parse(client.get(event_de.url + "ics/")))[0]
    assert en["UID"] == de["UID"]
    assert en["SEQUENCE"] == de["SEQUENCE"] == 0
    # A new title is not a change of time, place or status.
    event.title = "Vigil for objectors"
    event.save_revision().publish()
    assert EventPool.objects.get().sequence == 0
    event.start += timedelta(hours=1)
    event.end += timedelta(hours=1)
    event.save_revision().publish()
    event.refresh_from_db()
    vevent = vevents(parse(client.get(event.url + "ics/")))[0]
    assert vevent["SEQUENCE"] == 1
    assert vevent["UID"] == en["UID"]
    event.city = "Offenbach"
    event.save_revision().publish()
    assert EventPool.objects.get().sequence == 2


def test_feed_keeps_cancelled_events_and_hides_drafts_and_private_ones(client, index, make_event):
    live = make_event(title="Live one")
    cancelled = make_event(title="Called off", status="cancelled")
    draft = make_event(title="Draft one")
    draft.unpublish()
    private = make_event(title="Members only")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    cal = parse(client.get(index.url + "calendar/"))
    by_uid = {str(v["UID"]): v for v in vevents(cal)}
    assert set(by_uid) == {
        f"{live.translation_key}@campaign-kit",
        f"{cancelled.translation_key}@campaign-kit",
    }
    assert by_uid[f"{cancelled.translation_key}@campaign-kit"]["STATUS"] == "CANCELLED"
    assert by_uid[f"{live.translation_key}@campaign-kit"]["STATUS"] == "CONFIRMED"
    assert cal["X-WR-CALNAME"] == "Events"
    assert client.get(draft.url + "ics/").status_code == 404 if draft.url else True


def test_city_and_campaign_feeds(client, index, make_event, homes):
    campaign = homes["en"]  # any page can stand for a campaign here
    make_event(title="In Bochum", city="Bochum")
    make_event(title="In Mainz", city="Mainz", campaign=campaign)
    cal = parse(client.get(index.url + "calendar/?city=bochum"))
    assert [str(v["SUMMARY"]) for v in vevents(cal)] == ["In Bochum"]
    cal = parse(client.get(index.url + f"calendar/?campaign={campaign.pk}"))
    assert [str(v["SUMMARY"]) for v in vevents(cal)] == ["In Mainz"]
    assert client.get(index.url + "calendar/?campaign=abc").status_code == 404
    html = client.get(index.url + "?city=Bochum").content.decode()
    assert "webcal://testserver/en/events/calendar/?city=Bochum" in html


def test_conditional_get_answers_304(client, event, index):
    for url in (event.url + "ics/", index.url + "calendar/"):
        first = client.get(url)
        assert first["ETag"] and first["Last-Modified"]
        again = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
        assert again.status_code == 304
        since = client.get(url, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
        assert since.status_code == 304
        assert client.get(url, HTTP_IF_NONE_MATCH='"other"').status_code == 200


def test_all_day_event_uses_dates(client, make_event):
    page = make_event(all_day=True)
    vevent = vevents(parse(client.get(page.url + "ics/")))[0]
    assert "VALUE=DATE" in vevent["DTSTART"].to_ical().decode() or not hasattr(
        vevent["DTSTART"].dt, "hour"
    )


def test_cancelling_an_event_mails_each_registrant_in_their_language(
    client, event, index_de, django_capture_on_commit_callbacks
):
    event_de = translate_page(event, "de", title="Mahnwache", slug="mahnwache")
    for page, email in ((event, "en@example.org"), (event_de, "de@example.org")):
        with django_capture_on_commit_callbacks(execute=True):
            with translation.override(page.locale.language_code):
                action = reverse("campaign_kit_events:register", args=[page.pk])
            client.post(
                action,
                {"name": "X", "email": email, "places": 1, "consent": "on"},
            )
    mail.outbox.clear()
    event.status = "cancelled"
    with django_capture_on_commit_callbacks(execute=True):
        event.save_revision().publish()
    # Publishing the German translation again does not mail twice.
    event_de.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        event_de.save_revision().publish()
    assert len(mail.outbox) == 2
    by_to = {m.to[0]: m for m in mail.outbox}
    assert "Mahnwache" in by_to["de@example.org"].subject
    assert "Vigil" in by_to["en@example.org"].subject
    _name, ics, mimetype = by_to["de@example.org"].attachments[0]
    assert mimetype == "text/calendar"
    assert validate(ics.encode() if isinstance(ics, str) else ics) == []
    cal = Calendar.from_ical(ics)
    assert "METHOD" not in cal
    [vevent] = vevents(cal)
    assert vevent["STATUS"] == "CANCELLED"
    assert vevent["SEQUENCE"] == 1
    assert vevent["UID"] == f"{event.translation_key}@campaign-kit"
    assert Registration.objects.count() == 2
    html = client.get(event.url).content.decode()
    assert "This event is cancelled." in html


def test_unchanged_calendars_are_byte_identical(client, event, index):
    for url in (event.url + "ics/", index.url + "calendar/"):
        first = client.get(url)
        time.sleep(1.1)
        again = client.get(url)
        assert first.content == again.content
        assert first["ETag"] == again["ETag"]
