"""Signatories pages show names people chose to publish: noindex unless the appeal opts in,
and never in the sitemap."""

import html
import re

import pytest

from tests.factories.appeals import AppealPageFactory

pytestmark = pytest.mark.django_db

NOINDEX = '<meta name="robots" content="noindex">'


@pytest.fixture
def appeal(homes):
    page = AppealPageFactory(parent=homes["en"], title="Appeal", slug="appeal", goal=10)
    page.save_revision().publish()
    return page


def signatories(client, appeal):
    appeal.refresh_from_db()
    return client.get(appeal.url + appeal.reverse_subpage("signatories")).content.decode()


def test_signatories_are_noindex_by_default(client, appeal):
    assert NOINDEX in signatories(client, appeal)
    # The appeal itself may be indexed.
    assert NOINDEX not in client.get(appeal.url).content.decode()


def test_an_editor_may_let_search_engines_index_them(client, appeal):
    appeal.index_signatories = True
    appeal.save_revision().publish()
    assert NOINDEX not in signatories(client, appeal)


@pytest.mark.parametrize("opt_in", [False, True])
def test_signatories_are_never_in_the_sitemap(client, appeal, opt_in):
    appeal.index_signatories = opt_in
    appeal.save_revision().publish()
    index = client.get("/sitemap.xml").content.decode()
    pages = re.findall(r"<loc>http://testserver(/sitemap-[^<]+)</loc>", index)
    assert pages
    body = "".join(client.get(html.unescape(path)).content.decode() for path in pages)
    assert appeal.full_url in body
    assert "signatories" not in body
