"""Fixtures shared by every app's tests: a site with a home page in four languages."""

import pytest
from django.conf import settings
from wagtail.models import Locale, Page, Site

from home.factories import HomePageFactory, translate_page

LANGUAGE_CODES = [code for code, _ in settings.LANGUAGES]


@pytest.fixture
def locales(db):
    return {code: Locale.objects.get_or_create(language_code=code)[0] for code in LANGUAGE_CODES}


@pytest.fixture
def homes(locales):
    """The site root as a HomePage in English with live translations in de, ru and uk."""
    root = Page.get_first_root_node()
    home = HomePageFactory(parent=root, title="Home", slug="home-en", hero_title="Welcome")
    Site.objects.all().delete()
    Site.objects.create(hostname="testserver", port=80, root_page=home, is_default_site=True)
    pages = {"en": home}
    for code in LANGUAGE_CODES[1:]:
        pages[code] = translate_page(home, code, slug=f"home-{code}", title=f"Home {code}")
    return pages


@pytest.fixture
def home(homes):
    return homes["en"]
