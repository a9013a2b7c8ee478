"""A Redis outage answers 503 "try again" with Retry-After, never a 500, and the site answers
again by itself once Redis is back.

Production keeps the page cache, the site context and the rate limits in Redis; the outage is
real: django-redis pointed at a port where nothing listens, or a private redis-server stopped
and started again.
"""

import pytest
from django.test import Client

from campaign_site.middleware import HIT_HEADER

pytestmark = pytest.mark.django_db


def visitor():
    return Client(raise_request_exception=False)


def assert_unavailable(response, port, language="en"):
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert response["Cache-Control"] == "no-store"
    body = response.content.decode()
    assert f'<html lang="{language}">' in body
    assert "Traceback" not in body and str(port) not in body  # nothing of the error shown


def test_pages_while_redis_is_down_are_a_503(homes, page_cache, redis_down):
    """The page cache fails first, in middleware before any view: handler500 answers."""
    assert_unavailable(visitor().get("/en/"), redis_down)
    assert_unavailable(visitor().get("/de/"), redis_down, language="de")


def test_pages_with_a_cookie_while_redis_is_down_are_a_503(homes, redis_down):
    """Without the page cache, the site context is the first to need Redis."""
    browser = visitor()
    browser.cookies["sessionid"] = "x"
    assert_unavailable(browser.get("/en/"), redis_down)


def test_site_answers_again_once_redis_is_back(homes, page_cache, private_redis):
    browser = visitor()
    assert browser.get("/en/")[HIT_HEADER] == "miss"
    assert browser.get("/en/")[HIT_HEADER] == "hit"
    private_redis.stop()
    assert_unavailable(browser.get("/en/"), private_redis.port)
    private_redis.start()  # empty: it kept nothing on disk
    back = browser.get("/en/")
    assert back.status_code == 200
    assert back[HIT_HEADER] == "miss"
    assert browser.get("/en/")[HIT_HEADER] == "hit"
