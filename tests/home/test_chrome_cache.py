"""The cached chrome (menu, footer, language links: home/chrome.py) follows every change at
once, while sites, settings, routing and view restrictions are Wagtail's own."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale, Page, PageViewRestriction, Site

from campaign_kit.core import content
from home.models import FooterText, SiteSettings, SocialLink, StandardPage
from tests.factories.home import HomePageFactory, translate_page

pytestmark = pytest.mark.django_db


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


def test_pages_answer_as_wagtail_routes_them(client, pages):
    """Cold and warm alike: restrictions (also through aliases), translations, 404s."""
    for _ in range(2):
        answers = {url: client.get(url) for url in URLS}
        assert {url: r.status_code for url, r in answers.items()} == {
            "/en/": 200,
            "/de/": 200,
            "/ru/": 200,
            "/en/about/": 200,
            "/de/ueber-uns/": 200,
            "/ru/about/": 404,
            "/en/about/team/": 200,
            "/en/private/": 302,
            "/en/private/inner/": 302,
            "/en/inner-alias/": 200,  # Wagtail: an alias keeps only its source's restriction
            "/en/about/secret-alias/": 302,
            "/en/missing/": 404,
            "/de/about/": 404,
        }


def test_view_restrictions_apply_at_once(client, pages, homes):
    about, team = pages["about"], pages["team"]
    assert client.get(team.url).status_code == 200  # the chrome is cached from here
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


def test_a_site_without_settings_gets_them_from_wagtail(client, pages):
    SiteSettings.objects.all().delete()
    cache.clear()
    assert client.get(pages["about"].url).status_code == 200  # Wagtail creates the row
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


def test_changes_to_sites_locales_and_settings_drop_the_chrome(pages, homes):
    before = content.version()
    Locale.objects.create(language_code="fr")
    assert content.version() != before
    before = content.version()
    homes["de"].save_revision().publish()
    assert content.version() != before
    before = content.version()
    pages["team"].title = "Our team"
    pages["team"].save()  # an ordinary page saved without publishing: nothing shown changes
    assert content.version() == before
