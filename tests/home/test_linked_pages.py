"""The home page links its hero button and featured campaign in the visitor's language."""

import re

import pytest

from tests.factories.campaigns import CampaignPageFactory
from tests.factories.home import StandardPageFactory, translate_page

pytestmark = pytest.mark.django_db


def featured(html):
    """The featured campaign's heading and link, or None without one."""
    if 'class="ck-section campaign-feature"' not in html:
        return None
    section = html.split('class="ck-section campaign-feature"', 1)[1].split("</section>", 1)[0]
    title = re.search(r'<h2 id="featured-title">([^<]+)</h2>', section).group(1)
    href = re.search(r'<a class="ck-btn" href="([^"]+)"', section).group(1)
    return title, href, section


def test_hero_link_and_featured_campaign_follow_the_language(client, homes):
    en, de = homes["en"], homes["de"]
    about = StandardPageFactory(parent=en, title="About", slug="about")
    about.save_revision().publish()
    about_de = translate_page(about, "de", title="Über uns", slug="ueber-uns")
    en.refresh_from_db()
    campaign = CampaignPageFactory(parent=en, title="Protection", slug="protection")
    campaign.intro = "Asylum for deserters."
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
    title, href, section = featured(html)
    assert (title, href) == ("Protection", campaign.url) and "Asylum for deserters." in section

    campaign_de = translate_page(campaign, "de", title="Schutz", slug="schutz")
    html = client.get(de.url).content.decode()
    assert featured(html)[:2] == ("Schutz", campaign_de.url)
    about_de.unpublish()
    html = client.get(de.url).content.decode()
    assert f'href="{about.url}">About</a>' in html  # the German page is gone: English
    assert f'href="{about.url}">About</a>' in client.get(en.url).content.decode()

    campaign.unpublish()
    campaign_de.unpublish()
    assert featured(client.get(de.url).content.decode()) is None
