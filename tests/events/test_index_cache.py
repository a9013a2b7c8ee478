"""The event index keeps its filter lists in the cache and drops them when content changes."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tests.factories.events import EventSeriesFactory

pytestmark = pytest.mark.django_db


def days(n):
    return timezone.now() + timedelta(days=n)


def _options(html, name):
    return html.split(f'name="{name}"', 1)[1].split("</select>", 1)[0]


def test_filter_lists_are_cached_between_requests(client, index, make_event):
    event = make_event(title="Bochum vigil", city="Bochum", start=days(3), end=days(3))
    event.tags.add("vigil")
    event.save_revision().publish()
    assert client.get(index.url).status_code == 200
    with CaptureQueriesContext(connection) as warm:
        html = client.get(index.url).content.decode()
    assert "Bochum" in _options(html, "city") and "vigil" in _options(html, "tag")
    sql = [q["sql"] for q in warm.captured_queries]
    # the tag list and the series of the language are built only when the cache is empty
    assert not [
        q for q in sql if 'FROM "taggit_tag"' in q or 'FROM "campaign_kit_events_eventseries"' in q
    ]


def test_publishing_unpublishing_and_renaming_update_the_lists(client, index, make_event, locales):
    series = EventSeriesFactory(name="15 May action day", locale=locales["en"])
    bochum = make_event(title="Bochum vigil", city="Bochum", start=days(3), end=days(3))
    make_event(title="Frankfurt", start=days(4), end=days(4), series=series)
    html = client.get(index.url).content.decode()
    assert "Mainz" not in _options(html, "city") and "15 May action day" in html

    make_event(title="Mainz talk", city="Mainz", start=days(5), end=days(5))
    html = client.get(index.url).content.decode()
    assert "Mainz" in _options(html, "city")

    bochum.unpublish()
    assert "Bochum" not in _options(client.get(index.url).content.decode(), "city")

    series.name = "Action day in May"
    series.save()
    html = client.get(index.url).content.decode()
    assert "Action day in May" in html and "15 May action day" not in html
