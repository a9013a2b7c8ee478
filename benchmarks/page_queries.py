"""Queries per public page, at a small and a large content size, with a cold and a warm cache.

Builds the demo content in four languages (``load_demo``), then grows the English news
archive, the event list and the appeal's signatures, and requests every public page type
anonymously through Django's test client. "Cold" clears every Django cache before the
request (as after a restart or a publish; image renditions already exist); "warm" repeats
it. The anonymous page cache is off (PAGE_CACHE_SECONDS=0): both figures are of a rendered page.
The budgets (WARM_BUDGET on a running site, COLD_BUDGET right after a restart or a publish)
include Wagtail's own lookups (site, locale, one child and one ``.specific`` query per URL
segment, view restrictions, site settings); neither figure may be higher at the large size.

Run by hand:  .venv/bin/python benchmarks/page_queries.py [--quick] [--verbose]
Uses a throw-away SQLite database in /tmp (or BENCH_DATABASE_URL).
--verbose prints the SQL of every page's cold request, repeated statements first.
"""

import os
import sys
import traceback
from collections import Counter
from datetime import timedelta

import bench_db

ROOT = bench_db.ROOT
bench_db.use("page_queries_bench", media=True)
os.environ["PAGE_CACHE_SECONDS"] = "0"

# news, events, signatures; --quick for a fast look while working on the queries
SIZES = {"small": (10, 10, 10_000), "large": (1000, 1000, 100_000)}
if "--quick" in sys.argv:
    SIZES = {"small": (3, 3, 100), "large": (30, 30, 1000)}
WARM_BUDGET = 20
COLD_BUDGET = 40
VERBOSE = "--verbose" in sys.argv


def setup_database():
    bench_db.migrate()
    from django.core.management import call_command

    call_command("load_demo", verbosity=0, stdout=open(os.devnull, "w"))  # noqa: SIM115


def english(model):
    return model.objects.live().filter(locale__language_code="en").order_by("pk").first()


def page_urls():
    from campaign_kit.appeals.models import AppealPage
    from campaign_kit.campaigns.models import CampaignPage, MaterialsPage, NewsIndexPage, NewsPage
    from campaign_kit.events.models import EventIndexPage, EventPage
    from home.models import HomePage, StandardPage

    appeal = english(AppealPage)
    return {
        "home": english(HomePage).url,
        "standard page": english(StandardPage).url,
        "campaign": english(CampaignPage).url,
        "news index": english(NewsIndexPage).url,
        "news page": english(NewsPage).url,
        "event index": english(EventIndexPage).url,
        "event page": english(EventPage).url,
        "appeal page": appeal.url,
        "signatories": appeal.url + appeal.reverse_subpage("signatories"),
        "material library": english(MaterialsPage).url,
    }


def grow(news_target, events_target, signatures_target):
    """Add English news, events and confirmed signatures up to the targets."""
    from django.utils import timezone
    from wagtail.images import get_image_model

    from campaign_kit.appeals.models import AppealPage, Signature
    from campaign_kit.appeals.services import recount
    from campaign_kit.campaigns.models import CampaignPage, NewsIndexPage, NewsPage
    from campaign_kit.events.models import EventIndexPage, EventPage
    from campaign_kit.events.services import sync_pool
    from tests.factories.campaigns import NewsPageFactory
    from tests.factories.events import EventPageFactory

    campaign = english(CampaignPage)
    news_index = english(NewsIndexPage)
    images = list(get_image_model().objects.all()[:3])
    en_news = NewsPage.objects.filter(locale=news_index.locale)
    for n in range(en_news.count(), news_target):
        NewsPageFactory(
            parent=news_index,
            campaign=campaign if n % 2 == 0 else None,
            tags=["asylum", f"topic-{n % 7}"],
            image=images[n % len(images)] if images else None,
        )
        news_index.refresh_from_db()

    event_index = english(EventIndexPage)
    en_events = EventPage.objects.filter(locale=event_index.locale)
    now = timezone.now().replace(second=0, microsecond=0)
    for n in range(en_events.count(), events_target):
        start = now + timedelta(days=1 + n % 300, hours=n % 7)
        event = EventPageFactory(
            parent=event_index, start=start, end=start + timedelta(hours=2), campaign=campaign
        )
        sync_pool(event)
        event_index.refresh_from_db()

    appeal = english(AppealPage)
    key = appeal.translation_key
    have = Signature.objects.filter(appeal_key=key).count()
    confirmed = timezone.now()
    Signature.objects.bulk_create(
        [
            Signature(
                appeal_key=key,
                name=f"Bulk signer {i}",
                email_hash=f"bench-{i}",
                country=["DE", "UA", "RU", "BY"][i % 4],
                city="Berlin",
                display=["full", "initials", "none"][i % 3],
                status="confirmed",
                consent_version="1",
                language="en",
                confirmed_at=confirmed,
            )
            for i in range(have, signatures_target)
        ],
        batch_size=2000,
    )
    recount(key)


def _origin(execute, sql, params, many, context):
    """Remember which lines of the project (or else of a library) ran each query."""
    frames = traceback.extract_stack()[:-1]
    ours = [
        f
        for f in frames
        if str(ROOT) in f.filename and ".venv" not in f.filename and "benchmarks" not in f.filename
    ]
    libs = [f for f in frames if "site-packages/django/" not in f.filename]
    picked = ours[-2:] or libs[-1:] or frames[-1:]
    where = " < ".join(
        f"{f.filename.replace(str(ROOT) + '/', '').split('site-packages/')[-1]}:{f.lineno}"
        for f in reversed(picked)
    )
    ORIGINS.append({"sql": sql, "origin": where})
    return execute(sql, params, many, context)


ORIGINS = []


def measure(client, url):
    """Queries of a request with every cache cleared, then of the same request again."""
    from django.core.cache import caches
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(url)  # renditions are generated once ever, not once per cold cache
    for cache in caches.all():
        cache.clear()
    ORIGINS.clear()
    with CaptureQueriesContext(connection) as cold, connection.execute_wrapper(_origin):
        response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    traced = list(ORIGINS)
    with CaptureQueriesContext(connection) as warm:
        response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return len(cold), len(warm), traced


def show_queries(name, queries):
    print(f"\n--- {name}: {len(queries)} statements")
    counts = Counter(q["sql"] for q in queries)
    for sql, n in counts.most_common():
        if n > 1:
            print(f"  x{n} {sql[:200]}")
    for q in queries:
        print(f"  {q['origin']:<70} {q['sql'][:110]}")


def main():
    setup_database()
    from django.test import Client
    from django.test.utils import setup_test_environment

    setup_test_environment()
    urls = page_urls()
    results = {}
    for label, sizes in SIZES.items():
        grow(*sizes)
        client = Client()
        for name, url in urls.items():
            cold, warm, traced = measure(client, url)
            results[(label, name)] = (cold, warm)
            if VERBOSE and label == "large":
                show_queries(f"{name} ({url}) cold", traced)
    small, large = SIZES["small"], SIZES["large"]
    print(
        f"\nsmall: {small[0]:,} news, {small[1]:,} events, {small[2]:,} signatures; "
        f"large: {large[0]:,} news, {large[1]:,} events, {large[2]:,} signatures"
    )
    print("| page | small, cold | small, warm | large, cold | large, warm |")
    print("|---|---:|---:|---:|---:|")
    ok = True
    for name in urls:
        row = results[("small", name)] + results[("large", name)]
        print(f"| {name} | {row[0]} | {row[1]} | {row[2]} | {row[3]} |")
        # within budget cold (after a restart or a publish) and warm (a running site), and
        # never more at the large size (fewer happens: a list without capacities counts none)
        within = max(row[0], row[2]) <= COLD_BUDGET and max(row[1], row[3]) <= WARM_BUDGET
        ok = ok and within and row[2] <= row[0] and row[3] <= row[1]
    verdict = "OK" if ok else "OVER BUDGET"
    print(
        f"\n{verdict}: budget {COLD_BUDGET} queries cold and {WARM_BUDGET} warm,"
        " none higher at the large size"
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
