"""The production cache: Redis through django-redis (REDIS_URL), against a real server."""

import threading

import pytest
from django.test import Client

from campaign_site.middleware import HIT_HEADER
from campaign_site.settings import env


def test_redis_url_selects_django_redis(monkeypatch):
    monkeypatch.setenv("REDIS_URL", "redis://cache.example.org:6379/2")
    monkeypatch.setenv("CACHE_KEY_PREFIX", "ngo")
    config = env.get_cache("REDIS_URL")["default"]
    assert config["BACKEND"] == "django_redis.cache.RedisCache"
    assert config["LOCATION"] == "redis://cache.example.org:6379/2"
    assert config["KEY_PREFIX"] == "ngo"


def test_one_client_per_process(redis_cache):
    """Django's own backend built a client (and its ~200 response callbacks) per operation."""
    client = redis_cache.client.get_client(write=True)
    redis_cache.set("a", 1)
    assert redis_cache.get("a") == 1
    assert redis_cache.client.get_client(write=True) is client


def test_increments_from_many_threads_all_count_and_keep_the_expiry(redis_cache):
    """The rate limits' counters: no increment lost, the window's expiry kept, and a missing
    counter is an error rather than a new counter without expiry."""
    redis_cache.add("counter", 0, timeout=600)
    threads = [
        threading.Thread(target=lambda: [redis_cache.incr("counter") for _ in range(50)])
        for _ in range(8)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert redis_cache.get("counter") == 400
    assert 0 < redis_cache.ttl("counter") <= 600
    with pytest.raises(ValueError):
        redis_cache.incr("never-set")
    assert redis_cache.get("never-set") is None


@pytest.mark.django_db
def test_page_cache_in_redis(home, page_cache, redis_cache, django_assert_num_queries):
    browser = Client()
    first = browser.get("/en/")
    assert first[HIT_HEADER] == "miss"
    with django_assert_num_queries(0):
        second = browser.get("/en/")
    assert second[HIT_HEADER] == "hit"
    assert second.content == first.content
    home.hero_title = "Fresh headline"
    home.save_revision().publish()  # purge: the generation counter is incremented in Redis
    fresh = browser.get("/en/")
    assert fresh[HIT_HEADER] == "miss"
    assert "Fresh headline" in fresh.content.decode()
