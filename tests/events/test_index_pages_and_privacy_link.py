"""The upcoming list is paginated with the filters kept; the consent text links the
privacy policy in the visitor's language."""

import html as html_lib
import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.models import Site

from home.models import SiteSettings
from tests.factories.home import StandardPageFactory, translate_page

pytestmark = pytest.mark.django_db


def days(n):
    return timezone.now() + timedelta(days=n)


def upcoming_section(html):
    return html.split('id="upcoming-heading"', 1)[1].split('id="subscribe-heading"', 1)[0]


def test_upcoming_events_are_paginated_and_links_keep_the_filters(
    client, index, make_event, settings
):
    settings.CAMPAIGN_KIT_EVENTS_UPCOMING_PER_PAGE = 2
    for n in range(5):
        make_event(title=f"Bochum {n}", city="Bochum", start=days(n + 1), end=days(n + 1))
    make_event(title="Mainz talk", city="Mainz", start=days(1), end=days(1))

    first = upcoming_section(client.get(index.url + "?city=Bochum").content.decode())
    assert "Bochum 0" in first and "Bochum 1" in first and "Bochum 2" not in first
    assert "Mainz" not in first
    assert "Page 1 of 3" in first
    links = [html_lib.unescape(h) for h in re.findall(r'<a href="(\?[^"]+)">', first)]
    assert links == ["?city=Bochum&upcoming=2#upcoming-heading"]

    third = upcoming_section(client.get(index.url + "?city=Bochum&upcoming=3").content.decode())
    assert "Bochum 4" in third and "Bochum 3" not in third and "Page 3 of 3" in third
    # Out of range or garbage: the nearest page, never an error.
    assert "Bochum 4" in upcoming_section(client.get(index.url + "?upcoming=99").content.decode())
    assert client.get(index.url + "?upcoming=abc").status_code == 200


def test_past_pages_keep_the_upcoming_page_and_vice_versa(client, index, make_event, settings):
    settings.CAMPAIGN_KIT_EVENTS_UPCOMING_PER_PAGE = 1
    index.past_per_page = 1
    index.save_revision().publish()
    for n in range(2):
        make_event(title=f"Soon {n}", start=days(n + 1), end=days(n + 1))
        make_event(title=f"Old {n}", start=days(-n - 5), end=days(-n - 5))
    html = html_lib.unescape(client.get(index.url + "?upcoming=2").content.decode())
    assert "?upcoming=2&page=2" in html  # the past list's next page keeps the upcoming page
    html = html_lib.unescape(client.get(index.url + "?page=2").content.decode())
    assert "?page=2&upcoming=2#upcoming-heading" in html


@pytest.fixture
def privacy(homes):
    page = StandardPageFactory(parent=homes["en"], title="Privacy policy", slug="privacy")
    page.save_revision().publish()
    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    site_settings.privacy_policy_page = page
    site_settings.save()
    return page


def consent_links(html):
    block = html.split('id="register"', 1)[1]
    return re.findall(r'<a href="([^"]+)">([^<]+)</a>', block)


def german_link_to(href, html):
    """A link to `href` whose text is translated (translators may reword it)."""
    return any(h == href and text != "Read the privacy policy" for h, text in consent_links(html))


def test_consent_text_links_the_privacy_policy_in_the_visitors_language(
    client, event, index_de, privacy
):
    assert ("/en/privacy/", "Read the privacy policy") in consent_links(
        client.get(event.url).content.decode()
    )
    event_de = translate_page(event, "de", title="Mahnwache", slug="mahnwache")
    # No German privacy page yet: the configured (English) one.
    assert german_link_to("/en/privacy/", client.get(event_de.url).content.decode())
    translate_page(privacy, "de", title="Datenschutz", slug="datenschutz")
    html = client.get(event_de.url).content.decode()
    assert german_link_to("/de/datenschutz/", html)
    # The link stays when the form comes back with errors.
    with translation.override("de"):
        action = reverse("campaign_kit_events:register", args=[event_de.pk])
    response = client.post(action, {"name": "", "email": "x"})
    assert response.status_code == 400
    assert german_link_to("/de/datenschutz/", response.content.decode())


def test_no_privacy_page_configured_no_link(client, event):
    links = consent_links(client.get(event.url).content.decode())
    assert all("privacy" not in href for href, _text in links)
