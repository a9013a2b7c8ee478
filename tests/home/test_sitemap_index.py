"""The sitemap: an index of bounded pages, hreflang alternates kept, restricted pages left out."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from home.sitemaps import MultilingualSitemap
from tests.factories.home import StandardPageFactory, translate_page

pytestmark = pytest.mark.django_db


def _locs(xml):
    return re.findall(r"<loc>([^<]+)</loc>", xml)


@pytest.fixture
def small_pages(monkeypatch):
    monkeypatch.setattr(MultilingualSitemap, "limit", 3)


def test_sitemap_xml_is_an_index_of_bounded_pages(client, homes, small_pages):
    for n in range(4):
        StandardPageFactory(parent=homes["en"], title=f"Page {n}", slug=f"page-{n}")
    # 4 homes + 4 pages = 8 URLs: three sitemap pages of at most 3.
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    xml = response.content.decode()
    assert "<sitemapindex" in xml
    pages = _locs(xml)
    assert pages == [
        "http://testserver/sitemap-pages.xml",
        "http://testserver/sitemap-pages.xml?p=2",
        "http://testserver/sitemap-pages.xml?p=3",
    ]
    listed = []
    for url in pages:
        body = client.get(url.removeprefix("http://testserver")).content.decode()
        assert "<urlset" in body
        locs = _locs(body)
        assert 1 <= len(locs) <= 3
        listed += locs
    assert len(listed) == len(set(listed)) == 8
    assert "http://testserver/en/page-3/" in listed
    assert client.get("/sitemap-pages.xml?p=9").status_code == 404
    assert client.get("/sitemap-pages.xml?p=x").status_code == 404
    assert client.get("/sitemap-nope.xml").status_code == 404


def test_alternates_with_x_default_on_every_page(client, homes, small_pages):
    about = StandardPageFactory(parent=homes["en"], title="About", slug="about")
    translate_page(about, "de", title="Über uns", slug="ueber-uns")
    xml = "".join(client.get(f"/sitemap-pages.xml?p={n}").content.decode() for n in range(1, 3))
    entry = re.search(r"<url><loc>http://testserver/de/ueber-uns/</loc>.*?</url>", xml, re.S)
    assert entry, xml
    assert 'hreflang="en" href="http://testserver/en/about/"' in entry.group()
    assert 'hreflang="de" href="http://testserver/de/ueber-uns/"' in entry.group()
    assert 'hreflang="x-default" href="http://testserver/en/about/"' in entry.group()


def test_restricted_pages_are_left_out(client, homes):
    private = StandardPageFactory(parent=homes["en"], title="Members", slug="members")
    StandardPageFactory(parent=private, title="Inner", slug="inner")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    xml = client.get("/sitemap-pages.xml").content.decode()
    assert "/en/members/" not in xml
    assert "/en/members/inner/" not in xml
    assert "http://testserver/en/" in _locs(xml)


def test_queries_per_sitemap_page_do_not_grow_with_the_site(client, homes, small_pages):
    def queries(path):
        client.get(path)  # warm: the site's root paths are cached after the first request
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(path).status_code == 200
        return len(ctx)

    StandardPageFactory(parent=homes["en"], title="First", slug="first")
    small = (queries("/sitemap.xml"), queries("/sitemap-pages.xml"))
    for n in range(20):
        page = StandardPageFactory(parent=homes["en"], title=f"Page {n}", slug=f"page-{n}")
        translate_page(page, "de", title=f"Seite {n}", slug=f"seite-{n}")
    large = (queries("/sitemap.xml"), queries("/sitemap-pages.xml"))
    assert large <= small, (small, large)
