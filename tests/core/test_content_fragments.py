"""Cached fragments of public pages follow every change of what they show.

A news page's article, neighbours and related news and an event page's header, body, facts
and back link are cached with Wagtail's ``{% wagtailpagecache %}`` under the content
generation (core/content.py). Each test renders a page once (filling the fragments), changes
something the page shows through the path an editor takes, and reads the page again.
"""

import json
import re

import pytest
from wagtail.models import PageViewRestriction

from campaign_kit.core import content
from campaign_kit.core.models import TopicLabel
from tests.factories.campaigns import NewsIndexPageFactory, NewsPageFactory
from tests.factories.events import EventIndexPageFactory, EventPageFactory, EventSeriesFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def news(homes):
    index = NewsIndexPageFactory(parent=homes["en"], title="News", slug="news")
    older = NewsPageFactory(parent=index, title="Older item", tags=["law"])
    page = NewsPageFactory(parent=index, title="This item", tags=["law"])
    return index, older, page


def _html(client, page, **headers):
    response = client.get(page.url, **headers)
    assert response.status_code == 200
    return response.content.decode()


def test_a_news_page_shows_a_newly_published_neighbour_and_related_item(client, news):
    index, older, page = news
    html = _html(client, page)
    assert 'rel="next"' not in html and "Older item" in html
    newer = NewsPageFactory(parent=index, title="Newer item", tags=["law"], live=False)
    assert "Newer item" not in _html(client, page)  # a draft is not shown
    newer.save_revision().publish()
    html = _html(client, page)
    assert f'href="{newer.url}" rel="next"' in html
    assert html.count("Newer item") == 2  # the next link and the related card


def _gone_when_restricted_or_unpublished(client, page, linked, text):
    """`text` (of the page `linked`) leaves `page` while `linked` is restricted, comes back
    when the restriction is lifted, and leaves again when `linked` is unpublished."""
    PageViewRestriction.objects.create(page=linked, restriction_type="login")
    assert text not in _html(client, page)
    PageViewRestriction.objects.filter(page=linked).delete()
    assert text in _html(client, page)
    linked.unpublish()
    assert text not in _html(client, page)


def test_unpublishing_or_restricting_a_neighbour_removes_it(client, news):
    index, older, page = news
    assert f'href="{older.url}" rel="prev"' in _html(client, page)
    _gone_when_restricted_or_unpublished(client, page, older, "Older item")


def test_a_renamed_topic_shows_on_the_news_page(client, news, locales):
    index, older, page = news
    assert ">Law</a>" in _html(client, page)
    tag = page.tags.get()
    label = TopicLabel.objects.create(tag=tag, locale=locales["en"], label="Military law")
    assert ">Military law</a>" in _html(client, page)
    label.label = "Law of refusal"
    label.save()
    assert ">Law of refusal</a>" in _html(client, page)


def test_a_republished_page_shows_its_new_text_and_a_draft_only_in_preview(client, news):
    index, older, page = news
    assert "What happened" in _html(client, page)
    page.summary = "The draft summary."
    draft = page.save_revision()
    assert "The draft summary." not in _html(client, page)
    preview = draft.as_object().make_preview_request()
    assert "The draft summary." in preview.content.decode()
    # The preview wrote nothing into the cache: the live page still shows the live text.
    assert "The draft summary." not in _html(client, page)
    draft.publish()
    assert "The draft summary." in _html(client, page)


def test_jsonld_links_follow_the_host_the_page_was_asked_for(client, news):
    index, older, page = news

    def jsonld_url(host):
        html = _html(client, page, HTTP_HOST=host)
        data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html)[1])
        return data["url"]

    assert jsonld_url("testserver").startswith("http://testserver/")
    assert jsonld_url("localhost:8123").startswith("http://localhost:8123/")


def test_an_event_page_follows_its_series_and_index(client, homes):
    index = EventIndexPageFactory(parent=homes["en"], title="Events", slug="events")
    series = EventSeriesFactory(name="Objectors' Day")
    event = EventPageFactory(parent=index, series=series)
    assert "Objectors&#x27; Day" in _html(client, event)
    series.name = "Conscientious Objectors' Day"
    series.save()
    html = _html(client, event)
    assert "Conscientious Objectors&#x27; Day" in html
    index.slug = "whats-on"
    index.save_revision().publish()
    event.refresh_from_db()
    assert 'class="ck-back" href="/en/whats-on/"' in _html(client, event)


def test_the_generation_moves_on_publish_and_not_on_a_draft(news):
    index, older, page = news
    before = content.version()
    page.title = "A draft title"
    page.save_revision()
    assert content.version() == before
    page.save_revision().publish()
    assert content.version() != before


def _warm_queries(client, url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(url)
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx)


def test_the_plain_news_index_is_cached_and_a_filtered_one_is_not(client, news):
    index, older, page = news
    plain = _warm_queries(client, index.url)
    # A filtered list runs its queries on every request: parameters never fill the cache.
    assert _warm_queries(client, index.url + "?tag=law") > plain
    assert _warm_queries(client, index.url + "?tag=no-such-topic") > plain
    newer = NewsPageFactory(parent=index, title="Newer item", live=False)
    newer.save_revision().publish()
    assert "Newer item" in _html(client, index)


def test_the_header_follows_a_renamed_page_and_the_footer_the_settings(client, news):
    from home.models import SiteSettings

    index, older, page = news
    index.show_in_menus = True
    index.save_revision().publish()
    assert ">News</a>" in _html(client, page)
    index.title = "Updates"
    index.save_revision().publish()
    assert ">Updates</a>" in _html(client, page)
    settings = SiteSettings.for_site(index.get_site())
    settings.contact_email = "press@example.org"
    settings.save()
    assert "mailto:press@example.org" in _html(client, page)


def test_more_from_this_campaign_follows_unpublishing_and_restricting_at_once(client, homes):
    """The campaign's links are cached for a minute, but under the content generation: an
    appeal unpublished or restricted meanwhile is not linked from the next request on."""
    from tests.factories.appeals import AppealPageFactory
    from tests.factories.campaigns import CampaignPageFactory

    campaign = CampaignPageFactory(parent=homes["en"], title="Campaign", slug="campaign")
    appeal = AppealPageFactory(
        parent=homes["en"], title="Sign this appeal", slug="appeal", campaign=campaign
    )
    index = NewsIndexPageFactory(parent=homes["en"], title="News", slug="news")
    page = NewsPageFactory(parent=index, title="This item", campaign=campaign)
    assert "Sign this appeal" in _html(client, page)
    _gone_when_restricted_or_unpublished(client, page, appeal, "Sign this appeal")
