"""Anonymous page cache: hits without cookies, bypass with cookies, purge on (un)publish."""

import re

import pytest
from django.test import Client

from campaign_site.middleware import HIT_HEADER

pytestmark = pytest.mark.django_db

CACHE = HIT_HEADER


def test_cache_is_off_unless_configured(client, home):
    assert CACHE not in client.get("/en/")
    assert CACHE not in client.get("/en/")


def test_anonymous_visitors_get_cached_pages(client, home, page_cache, django_assert_num_queries):
    first = client.get("/en/")
    assert first.status_code == 200
    assert first[CACHE] == "miss"
    with django_assert_num_queries(0):
        second = client.get("/en/")
    assert second.status_code == 200
    assert second[CACHE] == "hit"
    assert second.content == first.content
    assert second["Content-Security-Policy"] == first["Content-Security-Policy"]
    assert not second.cookies
    # Each language has its own entry.
    assert client.get("/de/")[CACHE] == "miss"


def test_visitors_with_cookies_bypass_the_cache(client, home, page_cache):
    client.get("/en/")
    client.cookies["sessionid"] = "abc"
    assert CACHE not in client.get("/en/")


def test_query_strings_get_their_own_entry(client, home, page_cache):
    assert client.get("/en/")[CACHE] == "miss"
    assert client.get("/en/?page=2")[CACHE] == "miss"
    assert client.get("/en/?page=2")[CACHE] == "hit"


def test_publishing_purges_the_cache(client, home, page_cache):
    assert client.get("/en/")[CACHE] == "miss"
    assert client.get("/en/")[CACHE] == "hit"
    home.hero_title = "Fresh headline"
    home.save_revision().publish()
    response = client.get("/en/")
    assert response[CACHE] == "miss"
    assert "Fresh headline" in response.content.decode()


def test_unpublishing_purges_the_cache(client, homes, page_cache):
    from tests.factories.home import StandardPageFactory

    page = StandardPageFactory(parent=homes["en"], title="About us", slug="about")
    url = page.url
    assert client.get(url)[CACHE] == "miss"
    assert client.get(url)[CACHE] == "hit"
    page.unpublish()
    assert client.get(url).status_code == 404


def test_non_page_responses_and_errors_are_not_cached(client, home, page_cache):
    assert CACHE not in client.get("/en/search/?q=x")
    assert client.get("/en/does-not-exist/").status_code == 404
    assert CACHE not in client.get("/en/does-not-exist/")


def test_form_on_cached_page_still_submits(home, page_cache):
    """A cached copy has no per-visitor token; the browser's Origin header vouches instead."""
    browser = Client(enforce_csrf_checks=True)
    assert browser.get("/en/")[CACHE] == "miss"
    cached = browser.get("/en/")
    assert cached[CACHE] == "hit"
    assert not browser.cookies
    response = browser.post("/en/", {"q": "x"}, HTTP_ORIGIN="http://testserver")
    assert response.status_code == 200


def test_event_page_with_form_is_cached_briefly_and_its_form_submits(homes, page_cache):
    import time

    from campaign_kit.events.models.registrations import Registration
    from tests.factories.events import EventIndexPageFactory, EventPageFactory

    page_cache.CAMPAIGN_KIT_LIVE_PAGE_CACHE_SECONDS = 1
    index = EventIndexPageFactory(parent=homes["en"], title="Events", slug="events")
    event = EventPageFactory(parent=index, slug="vigil", registration_mode="open", capacity=10)
    event.save_revision().publish()
    browser = Client(enforce_csrf_checks=True)
    assert browser.get(event.url)[CACHE] == "miss"
    cached = browser.get(event.url)
    assert cached[CACHE] == "hit"
    assert b'name="email"' in cached.content
    assert not cached.cookies
    # Live counters: the copy expires within seconds.
    time.sleep(1.1)
    assert browser.get(event.url)[CACHE] == "miss"
    # The form posts to the action in the cached copy and is answered with a redirect.
    action = re.search(r'<form [^>]*method="post" action="([^"#]+)', cached.content.decode())[1]
    response = browser.post(
        action,
        {"name": "Ada", "email": "ada@example.org", "places": "1", "consent": "on"},
        HTTP_ORIGIN="http://testserver",
    )
    assert response.status_code == 303
    assert Registration.objects.filter(event_key=event.translation_key).count() == 1
    result = browser.get(response["Location"])
    assert result.status_code == 200 and "is confirmed" in result.content.decode()
    assert not browser.cookies
