"""Events benchmark: query counts of the event index and the feed at 10 and 1,000
events, and the feed's time against icalendar alone serialising the same events.

Run by hand:  .venv/bin/python benchmarks/events_queries.py
Uses a throw-away SQLite database in /tmp (or BENCH_DATABASE_URL).
"""

import statistics
import sys
import time
from datetime import UTC, datetime, timedelta

import bench_db

bench_db.use("events_bench")

SIZES = (10, 1000)
RUNS = 5


def make_site():
    from tests.factories.events import EventIndexPageFactory

    home = bench_db.make_home()
    return EventIndexPageFactory(parent=home, title="Events", slug="events")


def add_events(index, count, offset):
    from campaign_kit.events.models import EventPage
    from campaign_kit.events.services import sync_pool

    now = datetime.now(UTC)
    for n in range(offset, offset + count):
        start = now + timedelta(days=1 + n % 300, hours=n % 7)
        page = EventPage(
            title=f"Event {n}",
            slug=f"event-{n}",
            summary="A vigil for conscientious objectors.",
            start=start,
            end=start + timedelta(hours=2),
            venue_name="Hall",
            city=["Frankfurt am Main", "Bochum", "Nürnberg", "Mainz"][n % 4],
            live=True,
            first_published_at=now,
            last_published_at=now,
        )
        index.add_child(instance=page)
        sync_pool(page)
        index.refresh_from_db()


def count_queries(client, url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(url)  # warm caches
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200, response.status_code
    return len(ctx.captured_queries)


def icalendar_alone(items):
    """The same events straight into icalendar, no Django involved."""
    from icalendar import Calendar, Event

    cal = Calendar()
    cal.add("prodid", "-//bench//")
    cal.add("version", "2.0")
    stamp = datetime.now(UTC)
    for item in items:
        event = Event()
        event.add("uid", item.uid)
        event.add("dtstamp", stamp)
        event.add("last-modified", item.last_modified)
        event.add("sequence", item.sequence)
        event.add("summary", item.title)
        event.add("description", item.description)
        event.add("url", item.url)
        event.add("location", item.location)
        event.add("dtstart", item.start)
        event.add("dtend", item.end)
        event.add("status", "CONFIRMED")
        cal.add_component(event)
    cal.add_missing_timezones()
    return cal.to_ical()


def best(func, runs=RUNS):
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        func()
        times.append(time.perf_counter() - started)
    return min(times), statistics.median(times)


def main():
    bench_db.migrate()
    from django.conf import settings
    from django.test import Client

    # Every event in the feed (the default cap is 500): this run times the feed's rendering.
    settings.CAMPAIGN_KIT_EVENTS_FEED_MAX_EVENTS = SIZES[-1]

    from campaign_kit.events import calendars, selectors

    client = Client()
    index = make_site()
    feed_url = index.url + "calendar/"
    counts = {}
    total = 0
    for size in SIZES:
        add_events(index, size - total, total)
        total = size
        counts[size] = (count_queries(client, index.url), count_queries(client, feed_url))
        print(f"{size:>5} events: index {counts[size][0]} queries, feed {counts[size][1]} queries")
    equal = counts[SIZES[0]] == counts[SIZES[-1]]
    print(f"query counts equal at {SIZES[0]} and {SIZES[-1]} events: {equal}")

    pages = list(selectors.feed_events(index.locale))
    items = calendars.calendar_events(pages)
    assert len(items) == SIZES[-1]
    feed_best, feed_median = best(lambda: client.get(feed_url))
    ical_best, ical_median = best(lambda: icalendar_alone(items))
    ratio = feed_best / ical_best
    print(
        f"feed of {len(items)} events (HTTP, queries, rendering): "
        f"best {feed_best * 1000:.0f} ms, median {feed_median * 1000:.0f} ms"
    )
    print(
        f"icalendar alone, same events: best {ical_best * 1000:.0f} ms, "
        f"median {ical_median * 1000:.0f} ms"
    )
    print(f"ratio feed / icalendar alone: {ratio:.2f} (budget 3.0)")
    ok = equal and ratio <= 3.0
    print("OK" if ok else "OVER BUDGET")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
