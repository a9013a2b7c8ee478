"""An image whose file is gone (a restored database without its media, a storage that lost a
file) never breaks a page: the page is shown, its structured data leaves the image out, as
Wagtail's image tag shows a missing image."""

import json
import re

import pytest

from home.models import SiteSettings
from tests.factories.campaigns import ImageFactory, NewsIndexPageFactory, NewsPageFactory
from tests.factories.events import EventIndexPageFactory, EventPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def _without_file(image):
    image.file.storage.delete(image.file.name)
    return image


def _jsonld(html):
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert blocks, "the page has no structured data"
    return [json.loads(block) for block in blocks]


def test_pages_with_missing_image_files_are_shown_without_those_images(client, homes):
    gone = _without_file(ImageFactory(title="Lost logo"))
    SiteSettings.objects.create(site=homes["en"].get_site(), logo=gone, hero_image=gone)
    news = NewsPageFactory(
        parent=NewsIndexPageFactory(parent=homes["en"]),
        title="News with a lost picture",
        image=_without_file(ImageFactory()),
    )
    event = EventPageFactory(parent=EventIndexPageFactory(parent=homes["en"]), title="Vigil")
    for page in (homes["en"], news, event):
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        named = [key for data in _jsonld(response.content.decode()) for key in _keys(data)]
        assert "image" not in named and "logo" not in named, page.url


def _keys(data):
    """Every key of a JSON-LD document, nested objects and lists included."""
    if isinstance(data, dict):
        for key, value in data.items():
            yield key
            yield from _keys(value)
    elif isinstance(data, list):
        for value in data:
            yield from _keys(value)
