import json
import re
import xml.etree.ElementTree as ET

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from campaign_kit.campaigns.selectors import latest_news
from tests.factories.campaigns import CampaignPageFactory, ImageFactory, NewsPageFactory

pytestmark = pytest.mark.django_db


def test_index_is_paginated_newest_first(client, news_index, make_news):
    items = make_news(12)
    first = client.get("/en/news/").content.decode()
    assert items[-1].title in first
    assert items[0].title not in first
    assert "Page 1 of 2" in first
    second = client.get("/en/news/?page=2").content.decode()
    assert items[0].title in second
    # Nonsense page numbers fall back instead of failing.
    assert client.get("/en/news/?page=abc").status_code == 200
    assert client.get("/en/news/?page=999").status_code == 200


def test_deep_pages_follow_a_cursor_instead_of_an_offset(
    client, news_index, make_news, monkeypatch
):
    """Past the numbered pages, "Older" and "Newer" carry the (date, pk) of an item: the same
    items in the same order as numbered pages would show, however deep."""
    from datetime import date

    from campaign_kit.campaigns import paging

    monkeypatch.setattr(paging, "NUMBERED_PAGES", 1)
    # 25 items over 5 days, five on each day: the cursor must break ties by pk.
    items = [
        make_news(1, date=date(2025, 1, 1 + n // 5), title=f"Item {n:02}")[0] for n in range(25)
    ]
    newest_first = [item.title for item in reversed(items)]

    def titles(body):
        return re.findall(r"Item \d\d", body)

    def link(body, rel):
        found = re.search(rf'href="\?([^"]*)" rel="{rel}"', body)
        return found and found.group(1).replace("&amp;", "&")

    first = client.get("/en/news/").content.decode()
    assert titles(first) == newest_first[:10] and "Page 1 of 3" in first
    older = link(first, "next")
    assert older.startswith("before=2025-01-04.")
    second = client.get(f"/en/news/?{older}").content.decode()
    assert titles(second) == newest_first[10:20]
    assert "Page " not in second  # a keyset page does not count its way down
    third = client.get(f"/en/news/?{link(second, 'next')}").content.decode()
    assert titles(third) == newest_first[20:] and link(third, "next") is None
    back = client.get(f"/en/news/?{link(third, 'prev')}").content.decode()
    assert titles(back) == newest_first[10:20]
    top = client.get(f"/en/news/?{link(back, 'prev')}").content.decode()
    assert titles(top) == newest_first[:10] and link(top, "prev") is None
    # A page number past the numbered pages shows the last of them; a broken cursor the first.
    assert titles(client.get("/en/news/?page=400").content.decode()) == newest_first[:10]
    for broken in ("before=yesterday", "after=2025-13-01.1", "before=2025-01-01.x"):
        response = client.get(f"/en/news/?{broken}")
        assert response.status_code == 200
        assert titles(response.content.decode()) == newest_first[:10]


def test_index_filters_by_tag_and_campaign(client, homes, news_index, make_news):
    campaign = CampaignPageFactory(parent=homes["en"], slug="c1")
    make_news(1, title="Tagged law", tags=["law"])
    make_news(1, title="Campaign item", campaign=campaign)
    make_news(1, title="Plain item")
    body = client.get("/en/news/?tag=law").content.decode()
    assert "Tagged law" in body and "Plain item" not in body
    body = client.get(f"/en/news/?campaign={campaign.pk}").content.decode()
    assert "Campaign item" in body and "Plain item" not in body
    body = client.get("/en/news/?campaign=nonsense&tag=%3Cscript%3E").content.decode()
    assert "No news found." in body
    assert "<script>" not in body
    # Pagination links keep the filters.
    make_news(11, tags=["law"])
    body = client.get("/en/news/?tag=law").content.decode()
    assert "?tag=law&amp;page=2" in body


def test_index_has_feed_autodiscovery_and_valid_feeds(client, news_index, make_news):
    make_news(3, tags=["asylum"], author="Campaign team")
    body = client.get("/en/news/").content.decode()
    assert '<link rel="alternate" type="application/rss+xml"' in body
    assert '<link rel="alternate" type="application/atom+xml"' in body
    rss = client.get("/en/news/feed/rss/")
    root = ET.fromstring(rss.content)  # noqa: S314 (our own feed)
    channel = root.find("channel")
    assert channel.find("language").text == "en"
    items = channel.findall("item")
    assert len(items) == 3
    assert items[0].find("link").text.startswith("http://testserver/en/news/")
    assert items[0].find("category").text == "asylum"
    atom = client.get("/en/news/feed/atom/")
    assert atom["Content-Type"].startswith("application/atom+xml")
    root = ET.fromstring(atom.content)  # noqa: S314 (our own feed)
    assert len(root.findall("{http://www.w3.org/2005/Atom}entry")) == 3


def test_feeds_are_per_language(client, news_index, news_index_de, make_news):
    make_news(2)
    make_news(1, parent=news_index_de, title="Nur auf Deutsch")
    de = client.get("/de/neuigkeiten/feed/rss/")
    assert de.content.count(b"<item>") == 1
    assert b"<language>de</language>" in de.content
    assert client.get("/en/news/feed/rss/").content.count(b"<item>") == 2


def test_news_page_has_jsonld_navigation_and_related(client, homes, news_index):
    campaign = CampaignPageFactory(parent=homes["en"], slug="c2", title="The campaign")
    image = ImageFactory()
    older = NewsPageFactory(parent=news_index, title="Older", tags=["law"])
    page = NewsPageFactory(
        parent=news_index,
        title='Decision </script><script>alert("x")</script>',
        tags=["law"],
        campaign=campaign,
        image=image,
        author="Campaign team",
    )
    newer = NewsPageFactory(parent=news_index, title="Newer", campaign=campaign)
    NewsPageFactory(parent=news_index, title="Unrelated")
    response = client.get(page.url)
    body = response.content.decode()
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', body, re.S)
    data = json.loads(match.group(1))
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == page.title
    # Both dates are ISO date-times; the article's date is the day of datePublished.
    assert data["datePublished"].startswith(page.date.isoformat() + "T")
    assert re.match(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d.*[+-]\d\d:\d\d$", data["dateModified"])
    assert data["author"] == {
        "@type": "Organization",
        "name": "Campaign team",
        "url": "http://testserver/",
    }
    assert data["publisher"]["@type"] == "Organization"
    assert data["publisher"]["url"] == "http://testserver/"
    assert data["image"][0].startswith("http://testserver/")
    assert '<script>alert("x")' not in body
    assert f'href="{older.url}" rel="prev"' in body
    assert f'href="{newer.url}" rel="next"' in body
    related = response.context["surroundings"]["related"]
    assert {p.title for p in related} == {"Older", "Newer"}
    assert "The campaign" in body


def test_news_body_blocks_render_through_their_templates(client, news_index):
    from wagtail.documents.models import Document

    from tests.factories.campaigns import DocumentFactory

    document = DocumentFactory(title="Leaflet")
    page = NewsPageFactory(
        parent=news_index,
        body=json.dumps(
            [
                {"type": "rich_text", "value": "<p>Some <b>text</b></p>"},
                {"type": "quote", "value": {"quote": "<q>Refuse</q>", "attribution": "A person"}},
                {"type": "document_link", "value": {"document": document.pk, "label": ""}},
                {
                    "type": "press_mention",
                    "value": {
                        "outlet": "Daily <Example>",
                        "date": "2022-06-10",
                        "headline": "Deserters need protection",
                        "url": "https://news.example.org/a",
                    },
                },
            ]
        ),
    )
    body = client.get(page.url).content.decode()
    assert "<b>text</b>" in body
    assert "&lt;q&gt;Refuse&lt;/q&gt;" in body
    assert "Leaflet" in body and "(PDF" in body
    assert "Daily &lt;Example&gt;" in body
    assert 'href="https://news.example.org/a"' in body
    assert Document.objects.count() == 1


def test_latest_news_selector_for_home_page(news_index, locales, make_news):
    make_news(5)
    items = latest_news(locales["en"], limit=3)
    assert len(items) == 3
    assert items[0].date >= items[1].date >= items[2].date
    assert latest_news(locales["de"], limit=3) == []
    assert items[0].teaser_meta


def test_index_query_count_is_flat(client, news_index):
    def add(count):
        for _ in range(count):
            NewsPageFactory(parent=news_index, tags=["asylum", "law"], image=ImageFactory())

    add(3)
    client.get("/en/news/")
    with CaptureQueriesContext(connection) as small:
        client.get("/en/news/")
    add(12)
    client.get("/en/news/")
    with CaptureQueriesContext(connection) as large:
        client.get("/en/news/")
    assert len(small) == len(large)
    with CaptureQueriesContext(connection) as feed_small:
        client.get("/en/news/feed/rss/")
    add(5)
    with CaptureQueriesContext(connection) as feed_large:
        client.get("/en/news/feed/rss/")
    assert len(feed_small) == len(feed_large)
