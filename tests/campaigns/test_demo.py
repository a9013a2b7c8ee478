import pytest

from campaign_kit.campaigns.models import CampaignPage, Material, NewsPage
from home.demo import campaigns as campaigns_demo
from home.demo import site as site_demo
from home.models import HomePage

pytestmark = pytest.mark.django_db


def _load():
    context = {}
    site_demo.load(context, lambda *a: None)
    campaigns_demo.load(context, lambda *a: None)
    return context


def test_demo_campaign_news_and_flyers(client, settings, tmp_path):
    context = _load()
    assert set(context["campaign"]) == {"en", "de", "ru", "uk"}
    counts = (NewsPage.objects.count(), Material.objects.count(), CampaignPage.objects.count())
    _load()  # idempotent
    assert (NewsPage.objects.count(), Material.objects.count(), CampaignPage.objects.count()) == (
        counts
    )
    assert NewsPage.objects.filter(locale__language_code="en").count() >= 5
    assert NewsPage.objects.filter(locale__language_code="de").count() >= 5

    campaign = context["campaign"]["en"]
    assert 60000 <= campaign.amount_raised <= 70000
    body = client.get(campaign.url).content.decode()
    assert "€65,240" in body
    assert body.count("news-card") == 3
    assert HomePage.objects.filter(featured_campaign=campaign).count() == 4

    for language in ["en", "de"]:
        material = Material.objects.get(language=language, locale__language_code="en")
        response = client.get(material.get_download_url())
        data = b"".join(response.streaming_content)
        assert data.startswith(b"%PDF-") and b"%%EOF" in data[-32:]
