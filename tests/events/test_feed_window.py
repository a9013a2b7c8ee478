"""Calendar feeds are bounded: a window around today and a cap, both configurable."""

from datetime import timedelta

import pytest
from django.utils import timezone
from icalendar import Calendar

pytestmark = pytest.mark.django_db


def summaries(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return [str(v["SUMMARY"]) for v in Calendar.from_ical(response.content).walk("VEVENT")]


@pytest.fixture
def spread(make_event):
    now = timezone.now()
    for title, days in [
        ("Long past", -60),
        ("Recent", -10),
        ("Soon", 5),
        ("Next year", 365),
        ("In 17 months", 17 * 30),
        ("In 20 months", 20 * 30),
    ]:
        start = now + timedelta(days=days)
        make_event(title=title, start=start, end=start + timedelta(hours=2))


def test_feed_holds_30_days_past_to_18_months_ahead(client, index, spread):
    assert summaries(client, index.url + "calendar/") == [
        "Recent",
        "Soon",
        "Next year",
        "In 17 months",
    ]


def test_window_and_cap_are_settings(client, index, spread, settings):
    settings.CAMPAIGN_KIT_EVENTS_FEED_PAST_DAYS = 90
    settings.CAMPAIGN_KIT_EVENTS_FEED_FUTURE_DAYS = 30
    assert summaries(client, index.url + "calendar/") == ["Long past", "Recent", "Soon"]
    settings.CAMPAIGN_KIT_EVENTS_FEED_MAX_EVENTS = 2
    assert summaries(client, index.url + "calendar/?city=") == ["Long past", "Recent"]


def test_tag_filter_lists_an_event_with_several_tags_once(client, index, make_event):
    event = make_event(title="Tagged")
    event.tags.add("vigil", "protest")
    event.save_revision().publish()
    html = client.get(index.url + "?tag=vigil").content.decode()
    assert html.count(">Tagged<") == 1
