"""Appeals benchmark on PostgreSQL.

1. Signature POST throughput (the full sign view: form, anti-spam checks, rate
   limit, insert, confirmation mail queued in the database as in production) as a
   ratio to a bare Django view that inserts one row, through the same middleware,
   in the same run. Target: at least 0.5. Two bare views are measured: one that
   inserts with the ORM (`Model.objects.create`, the idiomatic bare Django view) and
   one that inserts with a raw SQL cursor (the floor).
2. The appeal page renders with the same number of queries at 10 and at
   100,000 signatures (the counter row is read, never COUNT(*)).

Run by hand:  .venv/bin/python benchmarks/appeals_throughput.py
Uses a throw-away database `appeals_bench` on 127.0.0.1 (or BENCH_DATABASE_URL).
"""

import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "site")]
DB_URL = os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/appeals_bench")
os.environ["DJANGO_SETTINGS_MODULE"] = "campaign_site.settings.test"
os.environ["DATABASE_URL"] = DB_URL

import bench_db  # noqa: E402
import django  # noqa: E402

POSTS = int(os.environ.get("BENCH_POSTS", "300"))
ROUNDS = 3
BIG = int(os.environ.get("BENCH_SIGNATURES", "100000"))


def recreate_database():
    import psycopg

    name = DB_URL.rsplit("/", 1)[1]
    admin_url = DB_URL.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin_url, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}"')
    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def make_appeal():
    from tests.factories.appeals import AppealPageFactory

    return AppealPageFactory(parent=bench_db.make_home(), slug="bench-appeal", goal=200000)


def timed(fn):
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def sign_url(appeal):
    from django.urls import reverse

    return reverse("campaign_kit_appeals:sign", args=[appeal.pk])  # the form's action on the page


FORM = "application/x-www-form-urlencoded"  # what browsers send for forms without a file field


def form_post(client, url, data):
    from urllib.parse import urlencode

    return client.post(url, urlencode(data), content_type=FORM, HTTP_ORIGIN="http://testserver")


def person(n, started):
    return {
        "p-name": f"Person {n}",
        "p-email": f"person{n}@example.org",
        "p-country": "DE",
        "p-display": "full",
        "p-consent": "on",
        "p-started": started,
    }


def throughput(client, appeal):
    from campaign_kit.appeals.security import form_timestamp

    counter = {"n": 10**6}
    url = sign_url(appeal)
    started = form_timestamp()  # one form served, as for a surge from one cached page

    def sign_batch():
        for _ in range(POSTS):
            counter["n"] += 1
            n = counter["n"]
            response = form_post(client, url, person(n, started))
            assert response.status_code == 303, response.status_code

    def bare_batch(url):
        for _ in range(POSTS):
            counter["n"] += 1
            n = counter["n"]
            response = form_post(client, url, {"name": f"P {n}", "email": f"p{n}@example.org"})
            assert response.status_code == 200

    sign_times, orm_times, raw_times = [], [], []
    for _ in range(ROUNDS):  # interleaved so all see the same machine load
        raw_times.append(timed(lambda: bare_batch("/bench/bare/")))
        orm_times.append(timed(lambda: bare_batch("/bench/bare-orm/")))
        sign_times.append(timed(sign_batch))
    return tuple(POSTS / min(times) for times in (sign_times, orm_times, raw_times))


def post_queries(client, appeal):
    """The queries of one signature POST (and the SQL, to see what they are)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from campaign_kit.appeals.security import form_timestamp

    with CaptureQueriesContext(connection) as ctx:
        response = form_post(client, sign_url(appeal), person(1, form_timestamp()))
        assert response.status_code == 303, response.status_code
    return [q["sql"] for q in ctx.captured_queries]


def profile_posts(client, appeal, n=200):
    import cProfile
    import pstats

    from campaign_kit.appeals.security import form_timestamp

    url, started = sign_url(appeal), form_timestamp()
    profiler = cProfile.Profile()
    profiler.enable()
    for i in range(n):
        form_post(client, url, person(2_000_000 + i, started))
    profiler.disable()
    stats = pstats.Stats(profiler)
    stats.sort_stats("cumulative").print_stats(40)
    stats.sort_stats("tottime").print_stats(25)


def page_queries(client, appeal):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(appeal.url)
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(appeal.url).status_code == 200
    return len(ctx.captured_queries)


def fill(appeal, total):
    from django.utils import timezone

    from campaign_kit.appeals.models import Signature
    from campaign_kit.appeals.services import recount

    key = appeal.translation_key
    Signature.objects.filter(appeal_key=key).delete()
    now = timezone.now()
    batch = []
    for i in range(total):
        batch.append(
            Signature(
                appeal_key=key,
                name=f"Bulk {i}",
                email_hash=f"bulk-{i}",
                country=["DE", "FR", "PL", "AT"][i % 4],
                display=["hidden", "full"][i % 2],
                status="confirmed",
                consent_version="1",
                confirmed_at=now,
            )
        )
        if len(batch) == 5000:
            Signature.objects.bulk_create(batch)
            batch = []
    Signature.objects.bulk_create(batch)
    recount(key)


def main():
    recreate_database()
    import bench_urls
    from django.db import connection
    from django.test import Client
    from django.test.utils import override_settings

    with connection.cursor() as cursor:
        cursor.execute(bench_urls.CREATE_TABLE)
    appeal = make_appeal()
    with override_settings(
        ROOT_URLCONF="bench_urls",
        CAMPAIGN_KIT_APPEAL_SIGN_RATE="1000000/h",
        CAMPAIGN_KIT_APPEAL_MIN_FILL_SECONDS=0,
        # As in production: the confirmation mail is queued in the database.
        TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}},
    ):
        client = Client()
        queries = post_queries(client, appeal)
        print(f"queries per signature POST: {len(queries)}")
        for sql in queries:
            print("   ", sql[:110])
        if "--profile" in sys.argv:
            profile_posts(client, appeal)
            return
        sign_rate, orm_rate, raw_rate = throughput(client, appeal)
        print(
            f"signature POST: {sign_rate:.0f}/s; bare insert view with the ORM: {orm_rate:.0f}/s;"
            f" with a raw SQL cursor: {raw_rate:.0f}/s"
        )
        for label, rate in (("ORM", orm_rate), ("raw SQL", raw_rate)):
            ratio = sign_rate / rate
            verdict = "OK" if ratio >= 0.5 else "BELOW TARGET"
            print(f"ratio to the {label} bare view {ratio:.2f} (target >= 0.5) -> {verdict}")
        fill(appeal, 10)
        small = page_queries(client, appeal)
        fill(appeal, BIG)
        large = page_queries(client, appeal)
        t = statistics.median(timed(lambda: client.get(appeal.url)) for _ in range(10))
        print(f"appeal page queries: {small} at 10 signatures, {large} at {BIG:,} signatures")
        print(f"appeal page at {BIG:,} signatures: median {t * 1000:.0f} ms")
        assert small == large, "query count grows with the number of signatures"


if __name__ == "__main__":
    main()
