"""News lists cost the same queries whether or not their items have images."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories.campaigns import ImageFactory, NewsPageFactory

pytestmark = pytest.mark.django_db


def _warm_count(client, url):
    assert client.get(url).status_code == 200  # renditions are made once, caches filled
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx), response.content.decode()


def test_lists_with_and_without_images_cost_the_same(client, campaign, news_index):
    plain = [
        NewsPageFactory(parent=news_index, campaign=campaign, tags=["law"], image=None)
        for _ in range(4)
    ]
    urls = [news_index.url, campaign.url, plain[0].url]
    without = {url: _warm_count(client, url) for url in urls}
    assert all("<img" not in html.split("<main", 1)[-1] for _, html in without.values())

    image = ImageFactory()
    for page in plain:
        page.image = image
        page.save_revision().publish()
    with_images = {url: _warm_count(client, url) for url in urls}
    for url in urls:
        count, html = with_images[url]
        # Lists load their images with the items; a news page's own image is part of its
        # cached article fragment (core/content.py), so warm it costs no query either.
        assert count == without[url][0], url
        assert re.search(r'<figure class="ck-card-media"><img[^>]* alt=""', html), url
    # One image policy ({% responsive_image %}): cards load lazily, the page's own top image
    # (the largest paint) is fetched first, every one decodes asynchronously with a srcset.
    card = re.search(r'<figure class="ck-card-media">(<img[^>]*>)', with_images[urls[0]][1])[1]
    assert 'loading="lazy"' in card and 'decoding="async"' in card and "srcset=" in card
    top = re.search(r'<figure class="news-figure">(<img[^>]*>)', with_images[urls[2]][1])[1]
    assert 'fetchpriority="high"' in top and "loading=" not in top and 'decoding="async"' in top
