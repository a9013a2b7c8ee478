"""The home page links its hero button and featured campaign in the visitor's language."""

import pytest

from campaign_kit.campaigns.factories import CampaignPageFactory
from home.factories import StandardPageFactory, translate_page

pytestmark = pytest.mark.django_db


def test_hero_link_and_featured_campaign_follow_the_language(client, homes):
    en, de = homes["en"], homes["de"]
    about = StandardPageFactory(parent=en, title="About", slug="about")
    about.save_revision().publish()
    about_de = translate_page(about, "de", title="Über uns", slug="ueber-uns")
    en.refresh_from_db()
    campaign = CampaignPageFactory(parent=en, title="Protection", slug="protection")
    campaign.search_description = "Asylum for deserters."
    campaign.save_revision().publish()
    for home in (en, de):
        home.refresh_from_db()
        home.hero_link_page = about
        home.hero_link_label = ""
        home.featured_campaign = campaign
        home.save_revision().publish()

    html = client.get(de.url).content.decode()
    assert f'href="{about_de.url}">Über uns</a>' in html
    # not translated into German: the English campaign is featured
    assert f'href="{campaign.url}">Protection</a>' in html and "Asylum for deserters." in html

    campaign_de = translate_page(campaign, "de", title="Schutz", slug="schutz")
    html = client.get(de.url).content.decode()
    assert f'href="{campaign_de.url}">Schutz</a>' in html
    about_de.unpublish()
    html = client.get(de.url).content.decode()
    assert f'href="{about.url}">About</a>' in html  # the German page is gone: English
    assert f'href="{about.url}">About</a>' in client.get(en.url).content.decode()

    campaign.unpublish()
    campaign_de.unpublish()
    assert "featured-campaign" not in client.get(de.url).content.decode()
