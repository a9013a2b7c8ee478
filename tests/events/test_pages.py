"""Event index and event pages: ordering, filters, series, JSON-LD, query counts."""

import json
import re
from datetime import timedelta

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from campaign_kit.events import selectors
from tests.factories.events import EventPageFactory, EventSeriesFactory
from tests.factories.home import translate_page

pytestmark = pytest.mark.django_db


def days(n):
    return timezone.now() + timedelta(days=n)


def titles(html, marker):
    part = html.split(marker, 1)[1]
    return re.findall(r'class="stretched-link" href="[^"]+">([^<]+)<', part)


def test_upcoming_soonest_first_and_past_apart_and_paginated(client, index, make_event):
    index.past_per_page = 2
    index.save_revision().publish()
    make_event(title="Later", start=days(20), end=days(20) + timedelta(hours=2))
    make_event(title="Sooner", start=days(2), end=days(2) + timedelta(hours=2))
    for n in range(3):
        make_event(title=f"Old {n}", start=days(-10 - n), end=days(-10 - n) + timedelta(hours=1))
    html = client.get(index.url).content.decode()
    upcoming = html.split('id="upcoming-heading"', 1)[1].split('id="past-heading"', 1)[0]
    assert upcoming.index("Sooner") < upcoming.index("Later")
    assert "Old" not in upcoming
    past = html.split('id="past-heading"', 1)[1]
    assert "Old 0" in past and "Old 1" in past and "Old 2" not in past
    page2 = client.get(index.url + "?page=2").content.decode()
    assert "Old 2" in page2
    assert client.get(index.url + "?page=abc").status_code == 200


def test_filters_by_city_month_and_tag_without_javascript(client, index, make_event):
    bochum = make_event(title="Bochum vigil", city="Bochum", start=days(40), end=days(40))
    bochum.tags.add("vigil")
    bochum.save_revision().publish()
    make_event(title="Mainz talk", city="Mainz", start=days(5), end=days(5))
    html = client.get(index.url + "?city=Bochum").content.decode()
    assert "Bochum vigil" in html and "Mainz talk" not in html.split("upcoming-heading")[1]
    month = timezone.localtime(days(5)).strftime("%Y-%m")
    html = client.get(index.url + f"?month={month}").content.decode()
    section = html.split('id="upcoming-heading"')[1]
    assert "Mainz talk" in section
    if timezone.localtime(days(40)).strftime("%Y-%m") != month:
        assert "Bochum vigil" not in section
    html = client.get(index.url + "?tag=vigil").content.decode()
    assert "Bochum vigil" in html and "Mainz talk" not in html.split("upcoming-heading")[1]
    assert client.get(index.url + "?month=garbage&city=" + "x" * 500).status_code == 200


def test_events_of_one_action_day_are_shown_together(client, index, make_event, locales):
    series = EventSeriesFactory(name="15 May action day", locale=locales["en"])
    make_event(title="Frankfurt", start=days(3), end=days(3), series=series)
    make_event(title="Standalone", start=days(4), end=days(4))
    make_event(title="Mainz", start=days(5), end=days(5), series=series)
    html = client.get(index.url).content.decode()
    block = html.split("15 May action day", 1)[1].split("</section>", 1)[0]
    assert "Frankfurt" in block and "Mainz" in block and "Standalone" not in block


def test_dates_in_the_visitors_language_and_the_events_time_zone(client, index, index_de):
    start = timezone.datetime(2030, 5, 15, 16, 0, tzinfo=timezone.get_fixed_timezone(0))
    page = EventPageFactory(parent=index, start=start, end=start + timedelta(hours=2))
    page.save_revision().publish()
    html = client.get(page.url).content.decode()
    assert "May 15, 2030" in html and "18:00" in html or "6 p.m." in html
    page_de = translate_page(page, "de", title="Mahnwache", slug="mahnwache")
    html = client.get(page_de.url).content.decode()
    assert "15. Mai 2030" in html and "18:00" in html
    ny = EventPageFactory(parent=index, start=start, end=start, time_zone="America/New_York")
    ny.save_revision().publish()
    assert (
        "12:00" in client.get(ny.url).content.decode()
        or "noon" in client.get(ny.url).content.decode()
    )


def test_event_page_json_ld(client, make_event):
    page = make_event(
        registration_mode="open",
        capacity=2,
        waiting_list=False,
        attendance_mode="mixed",
        online_url="https://meet.example.org/vigil",
        status="postponed",
        summary="Bring a candle <b>&</b> friends",
    )
    html = client.get(page.url).content.decode()
    raw = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    assert "<b>" not in raw
    data = json.loads(raw)
    assert data["@type"] == "Event"
    assert data["eventStatus"] == "https://schema.org/EventPostponed"
    assert data["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"
    assert re.search(r"[+-]\d\d:\d\d$", data["startDate"])
    place, virtual = data["location"]
    assert place["address"]["@type"] == "PostalAddress"
    assert place["address"]["addressLocality"] == "Frankfurt am Main"
    assert virtual["@type"] == "VirtualLocation"
    assert data["organizer"]["name"] == "Campaign Kit e.V."
    assert data["offers"]["price"] == "0"
    assert data["offers"]["availability"] == "https://schema.org/InStock"
    assert "This event is postponed." in html


def test_add_to_calendar_links_are_plain_links(client, event):
    html = client.get(event.url).content.decode()
    assert "https://calendar.google.com/calendar/render?action=TEMPLATE" in html
    assert "https://outlook.office.com/calendar/0/deeplink/compose?" in html
    assert '<script src="https://' not in html
    assert "onclick" not in html


def test_home_page_selector_and_teaser(client, homes, index, make_event):
    make_event(title="Soon", start=days(1), end=days(1))
    make_event(title="Gone", start=days(-3), end=days(-3))
    events = selectors.upcoming_events(homes["en"].locale, limit=3)
    assert [e.title for e in events] == ["Soon"]
    assert "Frankfurt am Main" in events[0].teaser_meta


@pytest.mark.parametrize("url_name", ["index", "feed"])
def test_query_counts_do_not_grow_with_the_number_of_events(client, index, url_name):
    def count():
        """Queries with every cache cleared (the filter lists are built) and then warm."""
        url = index.url if url_name == "index" else index.url + "calendar/"
        counts = []
        cache.clear()
        for _ in range(2):
            with CaptureQueriesContext(connection) as ctx:
                assert client.get(url).status_code == 200
            counts.append(len(ctx.captured_queries))
        return counts

    def add(n):
        for i in range(n):
            EventPageFactory(
                parent=index, start=days(i + 1), end=days(i + 1)
            ).save_revision().publish()

    add(5)
    count()  # warm caches (site root paths, content types)
    small = count()
    add(45)
    count()
    assert count() == small


def test_wagtail_localize_translates_text_and_synchronises_dates_and_capacity(
    client, event, index_de, locales
):
    from wagtail_localize.models import TranslationSource

    event.tags.add("vigil")
    event.save_revision().publish()
    source, _created = TranslationSource.get_or_create_from_instance(event)
    translation, _created = source.create_or_update_translation(
        locales["de"], publish=True, fallback=True
    )
    translation = translation.specific
    assert translation.translation_key == event.translation_key
    assert translation.start == event.start and translation.capacity == event.capacity
    assert [t.name for t in translation.tags.all()] == ["vigil"]
    # Synchronised fields follow the source on the next sync.
    event.capacity = 9
    event.save_revision().publish()
    source.update_from_db()
    source.create_or_update_translation(locales["de"], publish=True, fallback=True)
    translation.refresh_from_db()
    assert translation.capacity == 9
