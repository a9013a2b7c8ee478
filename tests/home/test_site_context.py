"""The cached site context (home/sitecontext.py) and the routing shortcuts (home/routing.py)
answer exactly as Wagtail does without them, and follow every change at once."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale, Page, PageViewRestriction, Site

from home import chrome, sitecontext
from home.models import FooterText, SiteSettings, SocialLink, StandardPage
from tests.factories.home import HomePageFactory, translate_page

pytestmark = pytest.mark.django_db

MIDDLEWARE = "home.sitecontext.SiteContextMiddleware"


@pytest.fixture
def pages(homes):
    en = homes["en"]
    about = en.add_child(
        instance=StandardPage(title="About", slug="about", intro="Who we are.", show_in_menus=True)
    )
    about.save_revision().publish()
    team = about.add_child(instance=StandardPage(title="Team", slug="team"))
    team.save_revision().publish()
    private = en.add_child(instance=StandardPage(title="Private", slug="private"))
    private.save_revision().publish()
    inner = private.add_child(instance=StandardPage(title="Inner", slug="inner"))
    inner.save_revision().publish()
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    secret = en.add_child(instance=StandardPage(title="Secret", slug="secret"))
    secret.save_revision().publish()
    inner.create_alias(parent=en, update_slug="inner-alias")
    alias = secret.create_alias(parent=about, update_slug="secret-alias")
    # restricted after aliasing: the alias has no restriction of its own, Wagtail checks
    # its source's
    PageViewRestriction.objects.create(page=secret, restriction_type=PageViewRestriction.LOGIN)
    translate_page(about, "de", slug="ueber-uns")
    settings = SiteSettings.objects.create(
        site=en.get_site(), organisation_name="Campaign Kit e.V."
    )
    SocialLink.objects.create(settings=settings, label="Mastodon", url="https://example.org/@ck")
    FooterText.objects.create(locale=en.locale, text="<p>Footer words</p>")
    return {"about": about, "team": team, "private": private, "inner": inner, "alias": alias}


URLS = [
    "/en/",
    "/de/",
    "/ru/",
    "/en/about/",
    "/de/ueber-uns/",
    "/ru/about/",
    "/en/about/team/",
    "/en/private/",
    "/en/private/inner/",
    "/en/inner-alias/",
    "/en/about/secret-alias/",
    "/en/missing/",
    "/de/about/",
]


def _answers(client):
    answers = {}
    for url in URLS:
        response = client.get(url)
        answers[url] = (response.status_code, response.get("Location"), response.content)
    return answers


def test_pages_answer_as_without_the_site_context(client, settings, pages):
    """Same status, redirect and bytes for every URL, cold and warm, with and without it."""
    cold = _answers(client)
    warm = _answers(client)
    settings.MIDDLEWARE = [m for m in settings.MIDDLEWARE if m != MIDDLEWARE]
    cache.clear()
    plain = _answers(client)
    for url in URLS:
        assert cold[url] == plain[url], url
        assert warm[url] == plain[url], url
    assert cold["/en/private/"][0] == 302 and cold["/en/private/inner/"][0] == 302
    assert cold["/en/about/secret-alias/"][0] == 302  # an alias keeps its source's restriction
    assert cold["/en/inner-alias/"][0] == 200  # (Wagtail: not those above its source)
    assert cold["/en/about/team/"][0] == 200


def test_view_restrictions_apply_at_once(client, pages, homes):
    about, team = pages["about"], pages["team"]
    assert client.get(team.url).status_code == 200  # the site context is cached from here
    restriction = PageViewRestriction.objects.create(
        page=about, restriction_type=PageViewRestriction.LOGIN
    )
    assert client.get(about.url).status_code == 302
    assert client.get(team.url).status_code == 302
    restriction.delete()
    assert client.get(team.url).status_code == 200
    home_restriction = PageViewRestriction.objects.create(
        page=homes["en"], restriction_type=PageViewRestriction.LOGIN
    )
    assert client.get("/en/").status_code == 302
    assert client.get(team.url).status_code == 302
    home_restriction.delete()
    assert client.get("/en/").status_code == 200


def test_wagtail_checks_view_restrictions_itself(client, pages):
    """The page's restrictions are read by Wagtail's own check on every serve, never skipped."""
    url = pages["team"].url
    client.get(url)
    with CaptureQueriesContext(connection) as warm:
        assert client.get(url).status_code == 200
    statements = [q["sql"] for q in warm]
    assert any('"wagtailcore_pageviewrestriction"' in sql for sql in statements)
    assert not any('"wagtailcore_site"' in sql for sql in statements)
    assert not any('"home_sitesettings"' in sql for sql in statements)


def test_settings_footer_and_social_links_follow_changes(client, pages):
    url = pages["about"].url
    html = client.get(url).content.decode()
    assert "Campaign Kit e.V." in html and "Footer words" in html and "@ck" in html
    settings = SiteSettings.objects.get()
    settings.organisation_name = "Deserters' Aid"
    settings.save()
    SocialLink.objects.create(settings=settings, label="Bluesky", url="https://example.org/bsky")
    text = FooterText.objects.get()
    text.text = "<p>New footer words</p>"
    text.save()
    html = client.get(url).content.decode()
    assert "Deserters&#x27; Aid" in html or "Deserters' Aid" in html
    assert "Bluesky" in html and "New footer words" in html


def test_home_translations_follow_publishing(client, pages, homes):
    html = client.get("/en/").content.decode()
    assert 'hreflang="de"' in html
    homes["de"].unpublish()
    html = client.get("/en/").content.decode()
    assert 'hreflang="de"' not in html and 'hreflang="ru"' in html
    homes["de"].save_revision().publish()
    assert 'hreflang="de"' in client.get("/en/").content.decode()


def test_a_site_without_settings_reads_them_once(client, pages):
    SiteSettings.objects.all().delete()
    cache.clear()
    url = pages["about"].url
    assert client.get(url).status_code == 200  # Wagtail creates the row, the context keeps it
    with CaptureQueriesContext(connection) as warm:
        assert client.get(url).status_code == 200
    assert not any('"home_sitesettings"' in q["sql"] for q in warm)
    assert SiteSettings.objects.count() == 1


def test_sites_are_matched_as_wagtail_matches_them(client, settings, pages, homes):
    settings.ALLOWED_HOSTS = ["*"]
    other = HomePageFactory(
        parent=Page.get_first_root_node(), title="Other", slug="other", hero_title="Elsewhere"
    )
    Site.objects.create(hostname="other.test", port=80, root_page=other)
    for _ in range(2):  # cold, then from the cache
        assert "Elsewhere" in client.get("/en/", HTTP_HOST="other.test").content.decode()
        assert "Welcome" in client.get("/en/", HTTP_HOST="testserver").content.decode()
        assert "Welcome" in client.get("/en/", HTTP_HOST="unknown.test").content.decode()
        assert client.get("/en/about/", HTTP_HOST="other.test").status_code == 404
    site = Site.objects.get(hostname="testserver")
    site.hostname = "campaign.test"
    site.save()
    html = client.get("/en/about/", HTTP_HOST="campaign.test").content.decode()
    assert "http://campaign.test/en/about/" in html  # alternates carry the new root URL


def test_changes_to_sites_locales_and_home_pages_drop_the_context(pages, homes):
    sitecontext.get()
    before = chrome.generation()
    Locale.objects.create(language_code="fr")
    assert chrome.generation() != before
    sitecontext.get()
    before = chrome.generation()
    home = homes["de"]
    home.title = "Startseite"
    home.save()  # a draft save of a home page (its slug could change): as Wagtail's root paths
    assert chrome.generation() != before
    sitecontext.get()
    before = chrome.generation()
    pages["team"].title = "Our team"
    pages["team"].save()  # an ordinary page saved without publishing: nothing shown changes
    assert chrome.generation() == before
