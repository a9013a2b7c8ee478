"""Campaigns benchmark: query counts of the news index and the campaign page at 10 and
1,000 news items, and the time of an RSS and an Atom feed of 1,000 items.

Run by hand:  .venv/bin/python benchmarks/campaigns_queries.py
Uses a throw-away SQLite database in /tmp (or BENCH_DATABASE_URL).
"""

import statistics
import sys
import time

import bench_db

bench_db.use("campaigns_bench", media=True)

SIZES = (10, 1000)
RUNS = 5


def make_site():
    from tests.factories.campaigns import CampaignPageFactory, NewsIndexPageFactory

    home = bench_db.make_home()
    campaign = CampaignPageFactory(parent=home, title="Campaign", slug="campaign")
    index = NewsIndexPageFactory(parent=home, title="News", slug="news")
    return campaign, index


def add_news(index, campaign, target, images):
    from campaign_kit.campaigns.models import NewsPage
    from tests.factories.campaigns import MaterialFactory, NewsPageFactory

    for n in range(NewsPage.objects.count(), target):
        NewsPageFactory(
            parent=index,
            campaign=campaign if n % 2 == 0 else None,
            tags=["asylum", f"topic-{n % 7}"],
            image=images[n % len(images)],
        )
        if n % 50 == 0:
            MaterialFactory(campaign=campaign)


def count_queries(client, url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(url)  # warm caches (renditions, site root paths)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return len(queries)


def time_url(client, url):
    timings = []
    for _ in range(RUNS):
        start = time.perf_counter()
        response = client.get(url)
        timings.append(time.perf_counter() - start)
        assert response.status_code == 200
    return min(timings), statistics.median(timings), response


def main():
    bench_db.migrate()
    from django.conf import settings
    from django.test import Client
    from django.test.utils import setup_test_environment

    from tests.factories.campaigns import ImageFactory

    setup_test_environment()
    settings.CAMPAIGN_KIT_FEED_SIZE = 1000
    campaign, index = make_site()
    images = [ImageFactory() for _ in range(3)]
    client = Client()
    rows = []
    for size in SIZES:
        add_news(index, campaign, size, images)
        rows.append(
            (
                size,
                count_queries(client, "/en/news/"),
                count_queries(client, "/en/news/?tag=asylum&page=2"),
                count_queries(client, "/en/campaign/"),
                count_queries(client, "/en/news/feed/rss/"),
            )
        )
    print("| news | index | index filtered, page 2 | campaign page | feed |")
    print("|-----:|------:|-----------------------:|--------------:|-----:|")
    for row in rows:
        print("| {:>5,} | {:>5} | {:>22} | {:>13} | {:>4} |".format(*row))
    for atom, url in [(False, "/en/news/feed/rss/"), (True, "/en/news/feed/atom/")]:
        best, median, response = time_url(client, url)
        items = response.content.count(b"<entry>" if atom else b"<item>")
        print(
            f"{'Atom' if atom else 'RSS'} feed of {items:,} items: best {best * 1000:.0f} ms, "
            f"median {median * 1000:.0f} ms, {len(response.content) / 1024:.0f} KiB"
        )
    small, large = rows[0][1:], rows[-1][1:]
    if small != large:
        print("FAIL: query counts grow with the number of news items")
        return 1
    print("OK: query counts are equal at 10 and 1,000 news items")
    return 0


if __name__ == "__main__":
    sys.exit(main())
