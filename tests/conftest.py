"""Fixtures shared by every app's tests: a site with a home page in four languages."""

import io
import shutil
import socket
import subprocess
import time

import pytest
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.cache import caches
from django.utils import translation
from wagtail.models import Collection, Locale, Page, Site

from tests.factories.home import HomePageFactory, translate_page
from tests.needs import needs

LANGUAGE_CODES = [code for code, _ in settings.LANGUAGES]


def _is_transactional(request):
    marker = request.node.get_closest_marker("django_db")
    if marker and (marker.kwargs.get("transaction") or (marker.args and marker.args[0])):
        return True
    return bool({"transactional_db", "live_server"} & set(request.fixturenames))


@pytest.fixture(autouse=True)
def _wagtail_roots(request):
    """Put back the rows Wagtail's migrations create (default locale, root page, root
    collection) for transactional tests.

    A transactional test ends by flushing every table, so the next one would find no
    page tree to build on. Non-transactional tests run first (pytest-django orders
    them so) inside a rolled-back transaction and never need this.
    """
    if not _is_transactional(request):
        return
    request.getfixturevalue("transactional_db")
    ContentType.objects.clear_cache()
    locale, _ = Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
    if Page.get_first_root_node() is None:
        Page.add_root(instance=Page(title="Root", slug="root", locale=locale))
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")


@pytest.fixture(autouse=True)
def _clear_caches():
    """Every test starts and ends with empty caches: the page cache, the site context, the
    chrome and the rate limits are shared state that would otherwise leak between tests."""
    for cache in caches.all():
        cache.clear()
    yield
    for cache in caches.all():
        cache.clear()


@pytest.fixture(autouse=True)
def _default_language():
    """Each test starts in the default language: a request or an ``activate()`` in an earlier
    test on the same worker would otherwise decide the language of this test's messages."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


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


def _free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _use_redis(settings, monkeypatch, url):
    """The production cache (django-redis) at ``url``, configured as REDIS_URL configures it."""
    from campaign_site.settings import env

    monkeypatch.setenv("REDIS_URL", url)
    settings.CACHES = env.get_cache("REDIS_URL")


class PrivateRedis:
    """A redis-server of the test's own on a free loopback port, to stop and start."""

    def __init__(self):
        self.port = _free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process = None

    def start(self):
        self.process = subprocess.Popen(
            ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--save", ""],
            stdout=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            with socket.socket() as probe:
                if probe.connect_ex(("127.0.0.1", self.port)) == 0:
                    return
            time.sleep(0.05)
        raise RuntimeError("redis-server did not start")

    def stop(self):
        self.process.terminate()
        self.process.wait(10)


@pytest.fixture
def private_redis(settings, monkeypatch):
    """The production cache on a private, running redis-server (empty, nothing on disk); the
    test may stop and start it."""
    if shutil.which("redis-server") is None:
        needs("redis-server (Debian: apt-get install redis-server)")
    server = PrivateRedis()
    server.start()
    _use_redis(settings, monkeypatch, server.url)
    yield server
    if server.process.poll() is None:
        server.stop()


@pytest.fixture
def redis_cache(private_redis):
    """The production cache, running: Redis through django-redis."""
    return caches["default"]


@pytest.fixture
def redis_down(settings, monkeypatch):
    """The production cache pointed at a port where nothing listens; returns that port."""
    port = _free_port()
    _use_redis(settings, monkeypatch, f"redis://127.0.0.1:{port}/0")
    return port


@pytest.fixture
def prepared_xlsx(client, settings, tmp_path, django_capture_on_commit_callbacks):
    """Ask for an XLSX export as the logged-in client does, let its background task run, and
    return the downloaded workbook (opened with openpyxl) and the waiting page's URL."""
    from openpyxl import load_workbook

    settings.CAMPAIGN_KIT_EXPORTS_DIR = str(tmp_path / "exports")

    def fetch(url):
        with django_capture_on_commit_callbacks(execute=True):
            response = client.get(url)
        assert response.status_code == 302, response.status_code
        waiting = response["Location"]
        page = client.get(waiting)
        assert page.status_code == 200
        assert "Your export is ready." in page.content.decode()
        download = client.get(waiting + "download/")
        assert download.status_code == 200
        assert download["Content-Type"].startswith("application/vnd.openxmlformats")
        return load_workbook(io.BytesIO(b"".join(download.streaming_content))), waiting

    return fetch
