"""Growth benchmark: does the cost of each endpoint stay flat as the data grows?

Builds three sizes of a busy site on PostgreSQL with bulk inserts (news items, events with
registrations, signatures on one appeal), and at each size measures every endpoint, uncached,
as a ratio to the About page measured in the same pass (time and queries). Exports and the
retention purge grow with their rows by nature; for them it measures the peak memory
(peak resident size) and the time to the first byte (XLSX: the time of the request that queues
the background build, then the build's time and peak memory). Exits non-zero when a ratio
(or a peak) grows more than 2x from the smallest to the largest size.

    createdb -h 127.0.0.1 -U postgres ck_growth_bench
    BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/ck_growth_bench \\
        .venv/bin/python benchmarks/growth.py [--quick]

Default sizes: 10 / 1,000 / 10,000 news, 10 / 200 / 2,000 events (3 registrations each),
100 / 10,000 / 100,000 signatures (about 5 minutes); --quick: a tenth of those. `ANALYZE`
runs once after each bulk load, as `manage.py` would not; a real import through the admin
leaves it to autovacuum, so each size is also measured before it (the "cold plan" column).
"""

import argparse
import gc
import sys
import time
import uuid
from datetime import date, timedelta

import bench_db

bench_db.use("growth_bench")

SIZES = {
    "full": {
        "news": (10, 1000, 10000),
        "events": (10, 200, 2000),
        "signatures": (100, 10000, 100000),
    },
    "quick": {"news": (10, 100, 1000), "events": (10, 50, 200), "signatures": (100, 1000, 10000)},
}
RUNS = 3
LIMIT = 2.0
PER_ITEM = ("sitemap, page 1", "calendar feed")
ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
DUMMY_TASKS = "django_tasks.backends.dummy.DummyBackend"


# --- bulk building ------------------------------------------------------------------------


def _segment(n):
    """One step of a treebeard materialised path (Wagtail: 4 characters, base 36)."""
    digits = ""
    while True:
        n, rest = divmod(n, 36)
        digits = ALPHABET[rest] + digits
        if not n:
            return digits.rjust(4, "0")


def clone_pages(template, count, fields):
    """`count` live siblings of `template` (a saved specific page): Page rows by bulk_create,
    the specific table's rows by one executemany (bulk_create refuses multi-table models).
    ``fields(n)`` gives each clone's own values (title, slug, dates...)."""
    from django.db import connection
    from wagtail.models import Page

    parent = template.get_parent()
    model = type(template)
    base = Page.objects.get(pk=template.pk)
    start = parent.numchild
    pages = []
    extras = []
    for i in range(count):
        own = fields(start + i)
        page = Page(
            **{
                f.attname: getattr(base, f.attname)
                for f in Page._meta.concrete_fields
                if not f.primary_key
            }
        )
        page.path = parent.path + _segment(start + i + 1)
        page.numchild = 0
        page.translation_key = uuid.uuid4()
        page.latest_revision_id = page.live_revision_id = None
        page.title = page.draft_title = own.pop("title")
        page.slug = own.pop("slug")
        page.url_path = f"{parent.url_path}{page.slug}/"
        pages.append(page)
        extras.append(own)
    Page.objects.bulk_create(pages, batch_size=2000)
    Page.objects.filter(pk=parent.pk).update(numchild=start + count)
    parent.numchild = start + count
    local = list(model._meta.local_concrete_fields)
    rows = []
    for page, own in zip(pages, extras, strict=True):
        row = []
        for f in local:
            value = page.pk if f.primary_key else own.get(f.attname, getattr(template, f.attname))
            row.append(f.get_db_prep_save(value, connection))
        rows.append(row)
    columns = ", ".join(connection.ops.quote_name(f.column) for f in local)
    marks = ", ".join(["%s"] * len(local))
    table = connection.ops.quote_name(model._meta.db_table)
    sql = f"INSERT INTO {table} ({columns}) VALUES ({marks})"  # noqa: S608 (names from the model)
    with connection.cursor() as cursor:
        cursor.executemany(sql, rows)
    return [p.pk for p in pages]


def reset():
    """An empty PostgreSQL database on every run (bench_db removes the SQLite file)."""
    import os
    from urllib.parse import urlparse

    url = urlparse(os.environ["DATABASE_URL"])
    if not url.scheme.startswith("postgres"):
        return
    import psycopg

    name = url.path.lstrip("/")
    with psycopg.connect(url._replace(path="/postgres").geturl(), autocommit=True) as db:
        db.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        db.execute(f'CREATE DATABASE "{name}"')


def analyze():
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


def make_site():
    from tests.factories.appeals import AppealPageFactory
    from tests.factories.campaigns import NewsIndexPageFactory, NewsPageFactory
    from tests.factories.events import EventIndexPageFactory, EventPageFactory
    from tests.factories.home import StandardPageFactory

    home = bench_db.make_home()
    about = StandardPageFactory(parent=home, title="About", slug="about")
    news_index = NewsIndexPageFactory(parent=home, title="News", slug="news")
    news = NewsPageFactory(parent=news_index, title="News 0", slug="news-0")
    events_index = EventIndexPageFactory(parent=home, title="Events", slug="events")
    event = EventPageFactory(parent=events_index, title="Event 0", slug="event-0", city="Berlin")
    event.tags.add("vigil")
    event.save_revision().publish()
    appeal = AppealPageFactory(parent=home, title="Appeal", slug="appeal", goal=1000)
    return {"about": about, "news": news, "event": event, "appeal": appeal}


def add_news(site, target):
    from campaign_kit.campaigns.models import NewsPage

    have = NewsPage.objects.count()
    if target > have:
        first = date(2000, 1, 1)
        clone_pages(
            site["news"],
            target - have,
            lambda n: {
                "title": f"News {n}",
                "slug": f"news-{n}",
                "date": first + timedelta(days=n),
            },
        )


def add_events(site, target):
    from django.utils import timezone

    from campaign_kit.events.models import EventPage, EventPageTag, EventPool, Registration

    have = EventPage.objects.count()
    if target <= have:
        return
    now = timezone.now()

    def fields(n):
        # Scattered over five years back and two ahead; every tenth in Berlin and tagged.
        start = now + timedelta(days=(n * 367) % 2555 - 1825, hours=n % 24)
        city = "Berlin" if n % 10 == 0 else f"City {n % 50}"
        return {
            "title": f"Event {n}",
            "slug": f"event-{n}",
            "start": start,
            "end": start + timedelta(hours=2),
            "city": city,
        }

    pks = clone_pages(site["event"], target - have, fields)
    tag_id = EventPageTag.objects.first().tag_id
    pages = list(
        EventPage.objects.filter(pk__in=pks).only("pk", "translation_key", "start", "end", "city")
    )
    EventPageTag.objects.bulk_create(
        EventPageTag(tag_id=tag_id, content_object_id=p.pk) for p in pages if p.city == "Berlin"
    )
    pools = EventPool.objects.bulk_create(
        EventPool(event_key=p.translation_key, title="", starts_at=p.start, ends_at=p.end)
        for p in pages
    )
    Registration.objects.bulk_create(
        (
            Registration(
                pool=pool,
                event_key=pool.event_key,
                name=f"Person {pool.pk}-{i}",
                email=f"p{pool.pk}-{i}@example.org",
                status="confirmed" if i else "pending",
                consent_version="1",
            )
            for pool in pools
            for i in range(3)
        ),
        batch_size=5000,
    )


def add_signatures(site, target):
    from django.utils import timezone

    from campaign_kit.appeals.models import Signature

    key = site["appeal"].translation_key
    have = Signature.objects.filter(appeal_key=key).count()
    now = timezone.now()
    batch = []
    for n in range(have, target):
        batch.append(
            Signature(
                appeal_key=key,
                kind="person",
                status="confirmed",
                name=f"=Signer {n}" if n == 0 else f"Signer {n}",
                email=f"s{n}@example.org",
                email_hash=f"h{n}",
                email_domain="example.org",
                country=("DE", "AT", "FR", "PL")[n % 4],
                city="Berlin",
                display=("full", "initials", "hidden")[n % 3],
                consent_version="1",
                language="en",
                confirmed_at=now,
            )
        )
        if len(batch) == 5000:
            Signature.objects.bulk_create(batch)
            batch = []
    Signature.objects.bulk_create(batch)


# --- measuring ----------------------------------------------------------------------------


def fresh():
    from django.core.cache import caches

    for cache in caches.all():
        cache.clear()


def measure(client, url):
    """Best time of RUNS uncached requests, and the queries of one of them."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    timings = []
    for _ in range(RUNS):
        fresh()
        with CaptureQueriesContext(connection) as queries:
            begin = time.perf_counter()
            response = client.get(url)
            body = b"".join(response.streaming_content) if response.streaming else response.content
            timings.append(time.perf_counter() - begin)
        assert response.status_code == 200, (url, response.status_code)
    # Items of a bounded list (sitemap URLs, feed events): compared per item.
    return min(timings), len(queries), len(body), body.count(b"<url>") + body.count(b"BEGIN:VEVENT")


def _status(field):
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith(field + ":"):
                return int(line.split()[1]) * 1024
    raise LookupError(field)


class PeakMemory:
    """Growth of the process's peak resident size during the block (Linux: writing 5 to
    clear_refs resets the peak). Unlike tracemalloc it costs nothing, so one pass gives both
    time and memory; it counts all memory, C libraries' included."""

    def __enter__(self):
        gc.collect()
        with open("/proc/self/clear_refs", "w") as refs:
            refs.write("5")
        self.base = _status("VmRSS")
        return self

    def __exit__(self, *exc):
        self.peak = _status("VmHWM") - self.base


def measure_stream(client, url):
    """Time to the first chunk and in all, and the peak memory, for a streamed response."""
    fresh()
    with PeakMemory() as memory:
        begin = time.perf_counter()
        response = client.get(url)
        assert response.status_code == 200 and response.streaming, url
        first, size = None, 0
        for chunk in response.streaming_content:
            if first is None:
                first = time.perf_counter() - begin
            size += len(chunk)
        total = time.perf_counter() - begin
    return {"first": first, "total": total, "peak": memory.peak, "bytes": size}


def last_news_page():
    """The oldest ten news items, as the "Older" links reach them past the numbered pages."""
    from campaign_kit.campaigns.models import NewsPage
    from campaign_kit.campaigns.paging import cursor

    oldest = NewsPage.objects.filter(locale__language_code="en").order_by("date", "pk")
    item = oldest[10:11].first()
    return f"/en/news/?before={cursor(item)}" if item else "/en/news/"


def measure_prepared(client, url):
    """An XLSX export: the request's answer (the redirect to the waiting page, with the task
    queued), then the background task that builds the file, timed with its peak memory."""
    from django.test.utils import override_settings

    from campaign_kit.core import prepared
    from campaign_kit.core.models import PreparedExport

    fresh()
    # The dummy backend keeps the task queued, as a worker process would find it.
    with override_settings(TASKS={"default": {"BACKEND": DUMMY_TASKS}}):
        begin = time.perf_counter()
        response = client.get(url)
        first = time.perf_counter() - begin
    assert response.status_code == 302, (url, response.status_code)
    export = PreparedExport.objects.latest("pk")
    with PeakMemory() as memory:
        begin = time.perf_counter()
        assert prepared.build(str(export.public_id)), url
        total = time.perf_counter() - begin
    export.refresh_from_db()
    with prepared.open_file(export) as file:
        size = file.size
    prepared.storage().delete(export.stored_name)
    return {"first": first, "total": total, "peak": memory.peak, "bytes": size}


def measure_purge(now_offset_days):
    """Time and peak memory of purge_personal_data with the clock moved on (so every
    registration of an ended event and every old pending one falls due)."""
    from django.utils import timezone

    from campaign_kit.events import retention
    from campaign_kit.events.models import Registration

    due = Registration.objects.filter(anonymised_at__isnull=True).count()
    with PeakMemory() as memory:
        begin = time.perf_counter()
        retention.purge_personal_data(timezone.now() + timedelta(days=now_offset_days))
        took = time.perf_counter() - begin
    peak = memory.peak
    return {"rows": due, "total": took, "peak": peak}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="a tenth of the sizes")
    args = parser.parse_args()
    sizes = SIZES["quick" if args.quick else "full"]

    reset()
    bench_db.migrate()
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client
    from django.test.utils import setup_test_environment

    setup_test_environment()
    if connection.vendor != "postgresql":
        print("note: not PostgreSQL; set BENCH_DATABASE_URL for the figures that count")
    site = make_site()
    admin = get_user_model().objects.create_superuser("bench", "bench@example.org", "pw")
    client = Client()
    client.force_login(admin)
    appeal = site["appeal"]

    pages = {
        "news index": "/en/news/",
        "news, last page (cursor)": None,  # filled per size
        "sitemap index": "/sitemap.xml",
        "sitemap, page 1": "/sitemap-pages.xml",
        "events index": "/en/events/",
        "events, city+tag": "/en/events/?city=Berlin&tag=vigil",
        "events, last past page": None,
        "calendar feed": "/en/events/calendar/",
        "admin signatures": "/admin/appeals/signatures/",
    }
    streams = {
        "delivery CSV": f"/admin/appeals/{appeal.pk}/export.csv",
        "delivery XLSX": f"/admin/appeals/{appeal.pk}/export.xlsx",
        "signatures CSV (admin)": "/admin/appeals/signatures/?export=csv",
        "registrations XLSX (admin)": "/admin/events/registrations/?export=xlsx",
    }
    results = []
    for step in range(3):
        n_news, n_events, n_signatures = (sizes[k][step] for k in ("news", "events", "signatures"))
        begin = time.perf_counter()
        add_news(site, n_news)
        add_events(site, n_events)
        add_signatures(site, n_signatures)
        built = time.perf_counter() - begin
        from campaign_kit.appeals.services import recount

        recount(appeal.translation_key)
        cold_about = measure(client, "/en/about/")[0]
        cold_events = measure(client, "/en/events/")[0]
        analyze()
        urls = dict(pages)
        urls["news, last page (cursor)"] = last_news_page()
        urls["events, last past page"] = "/en/events/?page=9999"
        about = measure(client, "/en/about/")
        row = {
            "size": f"{n_news} news / {n_events} events / {n_signatures} signatures",
            "built": built,
            "about": about,
            "cold events ratio": cold_events / cold_about,
            "pages": {name: measure(client, url) for name, url in urls.items()},
            "streams": {
                name: (measure_prepared if url.endswith("xlsx") else measure_stream)(client, url)
                for name, url in streams.items()
            },
        }
        results.append(row)
        report(row)
    row = {"purge": measure_purge(400)}
    print(
        f"\npurge_personal_data, {row['purge']['rows']} registrations: "
        f"{row['purge']['total']:.2f} s, peak {row['purge']['peak'] / 1e6:.1f} MB"
    )
    sys.exit(verdict(results))


def report(row):
    about_time, about_queries = row["about"][:2]
    print(f"\n== {row['size']} (built in {row['built']:.1f} s)")
    print(f"   About page: {about_time * 1000:.0f} ms, {about_queries} queries")
    print(f"   events index before ANALYZE: {row['cold events ratio']:.1f}x About")
    print(f"   {'endpoint':<26}{'ms':>8}{'x About':>9}{'queries':>9}{'q x About':>10}{'KB':>9}")
    for name, (took, queries, size, _urls) in row["pages"].items():
        print(
            f"   {name:<26}{took * 1000:>8.0f}{took / about_time:>9.1f}{queries:>9}"
            f"{queries / about_queries:>10.1f}{size / 1024:>9.0f}"
        )
    print(f"   {'stream':<26}{'first ms':>9}{'total s':>9}{'peak MB':>9}{'KB':>9}")
    for name, s in row["streams"].items():
        print(
            f"   {name:<26}{s['first'] * 1000:>9.0f}{s['total']:>9.2f}"
            f"{s['peak'] / 1e6:>9.1f}{s['bytes'] / 1024:>9.0f}"
        )


def verdict(results):
    first, last = results[0], results[-1]
    failures = []
    for name in first["pages"]:
        for index, label in ((0, "time"), (1, "queries")):
            small = first["pages"][name][index] / first["about"][index]
            large = last["pages"][name][index] / last["about"][index]
            if index == 0 and name in PER_ITEM:
                # A sitemap page and a feed grow to their limit (2,000 URLs; the window and
                # cap of events), then no further: compared per item.
                small /= first["pages"][name][3]
                large /= last["pages"][name][3]
            if large > LIMIT * small:
                failures.append(f"{name}: {label} ratio {small:.1f} -> {large:.1f}")
    for name in first["streams"]:
        # Memory flat; the first byte within a second (the total grows with the rows).
        small, large = first["streams"][name]["peak"], last["streams"][name]["peak"]
        if large > LIMIT * max(small, 5e6):
            failures.append(f"{name}: peak {small / 1e6:.1f} -> {large / 1e6:.1f} MB")
        # CSV: the first byte; XLSX: the answer that queues the build (the file follows).
        if last["streams"][name]["first"] > 1.0:
            failures.append(f"{name}: first byte after {last['streams'][name]['first']:.1f} s")
    print()
    for failure in failures:
        print("GREW:", failure)
    print("flat: every ratio within 2x" if not failures else f"{len(failures)} grew more than 2x")
    return 1 if failures else 0


if __name__ == "__main__":
    main()
