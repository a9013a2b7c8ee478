import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def _clear_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def page_cache(settings):
    """Turn the anonymous page cache on, as in production."""
    settings.CAMPAIGN_KIT_PAGE_CACHE_SECONDS = 300
    settings.CAMPAIGN_KIT_LIVE_PAGE_CACHE_SECONDS = 5
    return settings
