"""The reference site: language prefixes, switcher, hreflang, sitemap, 404, search."""

import re

import pytest
from django.core.exceptions import ImproperlyConfigured

from tests.factories.home import StandardPageFactory, translate_page

pytestmark = pytest.mark.django_db


def test_root_redirects_by_accept_language_without_cookie(client, homes):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="uk,ru;q=0.8")
    assert response.status_code == 302
    assert response["Location"] == "/uk/"
    assert not response.cookies


def test_root_falls_back_to_english(client, homes):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="fr")
    assert response["Location"] == "/en/"


@pytest.mark.parametrize("code", ["en", "de", "ru", "uk"])
def test_home_page_in_each_language(client, homes, code):
    response = client.get(f"/{code}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{code}">' in html
    # No cookies for readers.
    assert not response.cookies
    for other in ["en", "de", "ru", "uk"]:
        assert f'hreflang="{other}"' in html


def test_switcher_links_to_the_pages_own_translations(client, homes):
    about = StandardPageFactory(parent=homes["en"], title="About", slug="about")
    translate_page(about, "de", title="Über uns", slug="ueber-uns")
    html = client.get("/en/about/").content.decode()
    assert 'href="/de/ueber-uns/"' in html
    # Russian has no translation: neither the switcher nor hreflang may point there.
    assert 'hreflang="ru"' not in html
    assert client.get("/de/ueber-uns/").status_code == 200


def test_missing_page_and_unknown_prefix_give_the_site_404(client, homes):
    response = client.get("/en/no-such-page/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()
    response = client.get("/xx/", follow=True)
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


def test_sitemap_lists_every_language_with_alternates(client, homes):
    about = StandardPageFactory(parent=homes["en"], title="About", slug="about")
    translate_page(about, "de", title="Über uns", slug="ueber-uns")
    assert "http://testserver/sitemap-pages.xml" in client.get("/sitemap.xml").content.decode()
    xml = client.get("/sitemap-pages.xml").content.decode()
    assert "<loc>http://testserver/de/ueber-uns/</loc>" in xml
    assert re.search(
        r'<loc>http://testserver/en/about/</loc>.*?hreflang="de" href="http://testserver/de/ueber-uns/"',
        xml,
        re.S,
    )
    # x-default: the page in the site's default language (English), from every language.
    entries = re.findall(r"<url>(.*?)</url>", xml, re.S)
    about_entries = [e for e in entries if "/ueber-uns/</loc>" in e or "/en/about/</loc>" in e]
    assert len(about_entries) == 2
    for entry in about_entries:
        assert 'hreflang="x-default" href="http://testserver/en/about/"' in entry
    assert all('hreflang="x-default"' in entry for entry in entries)


def test_head_names_an_x_default_alternate(client, homes):
    about = StandardPageFactory(parent=homes["en"], title="About", slug="about")
    translate_page(about, "de", title="Über uns", slug="ueber-uns")
    html = client.get("/de/ueber-uns/").content.decode()
    assert '<link rel="alternate" hreflang="x-default" href="http://testserver/en/about/">' in html


def test_search_finds_pages_in_the_active_language(client, homes):
    StandardPageFactory(parent=homes["en"], title="Advice hotline", slug="hotline")
    StandardPageFactory(parent=homes["de"], title="Beratung hotline", slug="beratung")
    html = client.get("/en/search/", {"q": "hotline"}).content.decode()
    assert "Advice hotline" in html
    assert "Beratung hotline" not in html


def test_search_survives_hostile_queries(client, homes):
    response = client.get("/en/search/", {"q": "<script>alert(1)</script>" * 50, "page": "x"})
    assert response.status_code == 200
    assert "<script>alert(1)" not in response.content.decode()


def test_malformed_setting_names_the_variable(monkeypatch):
    from campaign_site.settings import env

    monkeypatch.setenv("DATABASE_URL", "nonsense://")
    with pytest.raises(ImproperlyConfigured, match="DATABASE_URL"):
        env.get_database("DATABASE_URL", "sqlite:///x")
    monkeypatch.setenv("EMAIL_PORT", "twenty-five")
    with pytest.raises(ImproperlyConfigured, match="EMAIL_PORT"):
        env.get_int("EMAIL_PORT", 25)
    monkeypatch.setenv("REDIS_URL", "localhost:6379")
    with pytest.raises(ImproperlyConfigured, match="REDIS_URL"):
        env.get_cache("REDIS_URL")


def test_production_settings_refuse_to_start_without_secret_key(tmp_path):
    import os
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items() if k != "SECRET_KEY"}
    env["DJANGO_SETTINGS_MODULE"] = "campaign_site.settings.production"
    result = subprocess.run(
        [sys.executable, "manage.py", "check"], env=env, capture_output=True, text=True
    )
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr
    assert "Traceback" not in result.stderr
