import importlib
import sys

import pytest


@pytest.fixture
def page_cache(settings):
    """Turn the anonymous page cache on, as in production."""
    settings.CAMPAIGN_KIT_PAGE_CACHE_SECONDS = 300
    settings.CAMPAIGN_KIT_LIVE_PAGE_CACHE_SECONDS = 5
    return settings


PRODUCTION = "campaign_site.settings.production"


@pytest.fixture
def production_settings(monkeypatch):
    """Import the production settings module afresh under a given environment."""
    monkeypatch.setenv("SECRET_KEY", "s" * 60)

    def load(**env):
        for name, value in env.items():
            monkeypatch.setenv(name, value)
        sys.modules.pop(PRODUCTION, None)
        try:
            return importlib.import_module(PRODUCTION)
        finally:
            sys.modules.pop(PRODUCTION, None)

    return load
