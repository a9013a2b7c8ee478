"""The admin reads and shows event date-times in the event's own time zone (issue 15, item 2).

The site runs in UTC here, so any use of settings.TIME_ZONE would show up as an offset.
"""

import datetime
import json
import re

import pytest
from django.core import mail
from django.test import override_settings
from icalendar import Calendar
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from campaign_kit.events import services
from campaign_kit.events.models import EventPage

pytestmark = pytest.mark.django_db
UTC = datetime.UTC


@pytest.fixture
def editor(client, django_user_model):
    user = django_user_model.objects.create_superuser("tz-editor", "tz@example.org", "pw")
    client.force_login(user)
    return client


def form(event, **changes):
    data = {
        "title": event.title,
        "slug": event.slug,
        "summary": event.summary,
        "body": streamfield([]),
        "time_zone": event.time_zone,
        "status": event.status,
        "attendance_mode": event.attendance_mode,
        "venue_name": event.venue_name,
        "city": event.city,
        "country": "DE",
        "tags": "",
        "registration_mode": "open",
        "capacity": "40",
        "max_places_per_registration": "2",
        "comments": inline_formset([]),
        "action-publish": "action-publish",
    }
    data.update(changes)
    return nested_form_data(data)


def edit(client, event, **changes):
    return client.post(f"/admin/pages/{event.pk}/edit/", form(event, **changes))


def jsonld_start(html):
    for block in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S):
        data = json.loads(block)
        if data.get("@type") == "Event":
            return data["startDate"]
    raise AssertionError("no Event JSON-LD")


@override_settings(TIME_ZONE="UTC")
@pytest.mark.parametrize(
    "zone, utc_hour, offset, abbreviation",
    [("Europe/Berlin", 17, "+01:00", "CET"), ("Europe/Kyiv", 16, "+02:00", "EET")],
)
def test_typed_time_is_the_events_local_time_everywhere(
    editor, event, zone, utc_hour, offset, abbreviation, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = edit(
            editor, event, time_zone=zone, start="2026-12-10 18:00", end="2026-12-10 20:00"
        )
    assert response.status_code == 302, response.content.decode()[:2000]
    event = EventPage.objects.get(pk=event.pk)
    assert event.start == datetime.datetime(2026, 12, 10, utc_hour, 0, tzinfo=UTC)
    assert event.end - event.start == datetime.timedelta(hours=2)

    # The form shows what was typed, and names the zone.
    html = editor.get(f"/admin/pages/{event.pk}/edit/").content.decode()
    assert 'value="2026-12-10 18:00"' in html and 'value="2026-12-10 20:00"' in html
    assert f"In the event&#x27;s time zone ({zone})." in html

    editor.logout()
    page = editor.get(event.url).content.decode()
    assert f'<time datetime="2026-12-10T18:00:00{offset}">' in page
    assert f"6 p.m. – 8 p.m. ({abbreviation})" in page and f"Times in {zone}" in page
    assert jsonld_start(page) == f"2026-12-10T18:00:00{offset}"
    [vevent] = Calendar.from_ical(editor.get(event.url + "ics/").content).walk("VEVENT")
    assert vevent["DTSTART"].params["TZID"] == zone
    assert vevent["DTSTART"].dt.replace(tzinfo=None) == datetime.datetime(2026, 12, 10, 18, 0)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.register(event, name="Ann", email="ann@example.org", places=1, language="de")
    assert f"18:00–20:00 ({abbreviation})".replace("–", " – ") in mail.outbox[0].body


@override_settings(TIME_ZONE="UTC")
@pytest.mark.parametrize(
    "zone, gap", [("Europe/Berlin", "2027-03-28 02:30"), ("Europe/Kyiv", "2027-03-28 03:30")]
)
def test_a_time_in_the_spring_gap_is_refused_with_a_clear_message(editor, event, zone, gap):
    before = EventPage.objects.get(pk=event.pk).start
    response = edit(editor, event, time_zone=zone, start=gap, end="2027-03-28 12:00")
    assert response.status_code == 200
    html = response.content.decode()
    assert f"does not exist in {zone}: the clocks go forward at that hour" in html
    assert EventPage.objects.get(pk=event.pk).start == before


@override_settings(TIME_ZONE="UTC")
def test_times_across_a_dst_change_and_in_the_repeated_hour(editor, event):
    # Saturday evening in winter time to Sunday noon in summer time: 15 hours, not 16.
    response = edit(
        editor,
        event,
        time_zone="Europe/Berlin",
        start="2027-03-27 20:00",
        end="2027-03-28 12:00",
    )
    assert response.status_code == 302
    event = EventPage.objects.get(pk=event.pk)
    assert event.start == datetime.datetime(2027, 3, 27, 19, 0, tzinfo=UTC)
    assert event.end == datetime.datetime(2027, 3, 28, 10, 0, tzinfo=UTC)
    assert (
        'value="2027-03-28 12:00"' in editor.get(f"/admin/pages/{event.pk}/edit/").content.decode()
    )

    # 02:30 happens twice on 25 October 2026 in Berlin: the first one (summer time) counts.
    response = edit(
        editor, event, time_zone="Europe/Berlin", start="2026-10-25 02:30", end="2026-10-25 04:00"
    )
    assert response.status_code == 302
    event = EventPage.objects.get(pk=event.pk)
    assert event.start == datetime.datetime(2026, 10, 25, 0, 30, tzinfo=UTC)
    assert event.local_start.tzname() == "CEST"


@override_settings(TIME_ZONE="UTC")
def test_end_before_start_is_a_form_error(editor, event):
    before = EventPage.objects.get(pk=event.pk).end
    response = edit(editor, event, start="2026-12-10 18:00", end="2026-12-10 17:00")
    assert response.status_code == 200
    assert "The end must not be before the start." in response.content.decode()
    assert EventPage.objects.get(pk=event.pk).end == before


@override_settings(TIME_ZONE="UTC")
def test_registration_window_is_in_the_events_zone_too(editor, event):
    response = edit(
        editor,
        event,
        time_zone="Europe/Kyiv",
        start="2026-12-10 18:00",
        end="2026-12-10 20:00",
        registration_opens_at="2026-12-05 09:00",
        registration_closes_at="2026-12-10 12:00",
    )
    assert response.status_code == 302
    event = EventPage.objects.get(pk=event.pk)
    assert event.registration_opens_at == datetime.datetime(2026, 12, 5, 7, 0, tzinfo=UTC)
    assert event.registration_closes_at == datetime.datetime(2026, 12, 10, 10, 0, tzinfo=UTC)


@override_settings(TIME_ZONE="UTC")
def test_the_gap_message_is_in_the_editors_language(editor, event):
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(event.owner or editor.get("/admin/").wsgi_request.user)
    profile.preferred_language = "de"
    profile.save()
    response = edit(editor, event, start="2027-03-28 02:30", end="2027-03-28 12:00")
    assert "gibt es in Europe/Berlin nicht" in response.content.decode()
