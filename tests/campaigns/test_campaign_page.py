import html
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Site

from campaign_kit.campaigns.money import format_money, progress_percent
from home.models import SiteSettings
from tests.factories.campaigns import CampaignPageFactory, MaterialFactory, NewsPageFactory

pytestmark = pytest.mark.django_db


def test_money_is_formatted_per_language():
    assert format_money(Decimal("65000"), "EUR", "en") == "€65,000"
    assert format_money(Decimal("65000"), "EUR", "de") == "65.000\xa0€"
    assert format_money(Decimal("1234.5"), "EUR", "en") == "€1,234.50"
    assert format_money(None, "EUR", "en") == ""
    assert progress_percent(Decimal("65000"), Decimal("100000")) == 65
    assert progress_percent(Decimal("150"), Decimal("100")) == 100
    assert progress_percent(Decimal("1"), None) is None


def test_campaign_page_shows_progress_in_each_language(client, campaign, campaign_de):
    body = client.get("/en/protection/").content.decode()
    assert "€65,000" in body
    assert '<span class="ck-progress-fill" style="width:65%">' in body
    assert "65% of the goal" in body
    body_de = client.get("/de/schutz/").content.decode()
    assert "65.000\xa0€" in body_de or "65.000&nbsp;€" in body_de
    # The amount is synchronised: one figure in every language.
    assert campaign_de.amount_raised == campaign.amount_raised


def test_campaign_page_offers_a_donate_link_without_embeds(client, campaign):
    campaign.donate_url = "https://donate.example.org/"
    campaign.donate_label = "Give now"
    campaign.save_revision().publish()
    body = client.get("/en/protection/").content.decode()
    assert 'href="https://donate.example.org/"' in body
    assert "<iframe" not in body
    assert not client.cookies


def _contact_block(body):
    start = body.index('<section class="contact-card')
    return body[start : body.index("</section>", start)]


def test_contact_falls_back_to_site_settings_and_can_be_overridden(client, campaign):
    settings = SiteSettings.for_site(Site.objects.get())
    settings.hotline_phone = "+49 30 0000 0000"
    settings.contact_email = "team@example.org"
    settings.save()
    block = _contact_block(client.get("/en/protection/").content.decode())
    assert "+49 30 0000 0000" in block
    assert "team@example.org" in block
    campaign.contact_phone = "+49 40 1111 1111"
    campaign.save_revision().publish()
    block = _contact_block(client.get("/en/protection/").content.decode())
    assert "+49 40 1111 1111" in block
    assert 'href="tel:+494011111111"' in block
    assert "+49 30 0000 0000" not in block


def test_sections_fill_themselves(client, campaign, news_index, make_news, flyer):
    other = CampaignPageFactory(parent=campaign.get_parent(), slug="other")
    make_news(2, campaign=campaign, title="Our news")
    make_news(1, campaign=other, title="Other news")
    flyer.campaign = campaign
    flyer.save()
    body = client.get("/en/protection/").content.decode()
    assert body.count("Our news") == 2
    assert "Other news" not in body
    assert "Know your rights" in body
    assert f'href="/en/news/?campaign={campaign.pk}"' in body
    # Events and appeals are optional; the sections are lists either way.
    assert isinstance(campaign.upcoming_events(), list)
    assert isinstance(campaign.open_appeals(), list)


def test_campaign_text_is_escaped(client, homes):
    page = CampaignPageFactory(
        parent=homes["en"], slug="x", intro="<script>alert(1)</script>", donation_sources="<b>"
    )
    page.save_revision().publish()
    body = client.get("/en/x/").content.decode()
    assert "<script>alert(1)</script>" not in body
    assert html.escape("<script>alert(1)</script>") in body


def test_campaign_feeds_list_only_its_news(client, campaign, make_news):
    make_news(2, campaign=campaign, title="Campaign item")
    make_news(1, title="Unrelated item")
    body = client.get("/en/protection/").content.decode()
    assert 'type="application/rss+xml"' in body
    assert 'href="/en/protection/news/rss/"' in body
    rss = client.get("/en/protection/news/rss/")
    assert rss["Content-Type"].startswith("application/rss+xml")
    assert rss.content.count(b"<item>") == 2
    assert b"Unrelated item" not in rss.content
    atom = client.get("/en/protection/news/atom/")
    assert atom.content.count(b"<entry>") == 2


def _count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def test_campaign_page_query_count_is_flat(client, campaign, news_index):
    def add(count):
        for _ in range(count):
            NewsPageFactory(parent=news_index, campaign=campaign, tags=["asylum", "law"])
            MaterialFactory(campaign=campaign)

    add(2)
    client.get("/en/protection/")  # warm caches (site root paths, renditions)
    small = _count_queries(client, "/en/protection/")
    add(8)
    client.get("/en/protection/")
    large = _count_queries(client, "/en/protection/")
    assert small == large
