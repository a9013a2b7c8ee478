"""Editors: the edit screens render, and wagtail-localize translates these pages and snippets."""

import pytest
from wagtail_localize.models import TranslationSource

from campaign_kit.campaigns.models import CampaignPage, Material, NewsPage
from tests.factories.campaigns import NewsPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("editor", "editor@example.org", "pw")
    client.force_login(user)
    return client


def test_edit_screens_render(admin_client, campaign, news_index, materials_page, flyer):
    news = NewsPageFactory(parent=news_index, campaign=campaign, tags=["law"])
    for page in [campaign, news_index, news, materials_page]:
        response = admin_client.get(f"/admin/pages/{page.pk}/edit/")
        assert response.status_code == 200, page
    assert (
        admin_client.get(
            f"/admin/snippets/campaign_kit_campaigns/material/edit/{flyer.pk}/"
        ).status_code
        == 200
    )
    assert (
        admin_client.get(
            f"/admin/pages/add/campaign_kit_campaigns/newspage/{news_index.pk}/"
        ).status_code
        == 200
    )


def test_wagtail_localize_translates_text_and_syncs_data(locales, campaign, news_index, flyer):
    news = NewsPageFactory(parent=news_index, campaign=campaign, tags=["law"], author="Team")
    for instance in [news_index, campaign, news, flyer]:
        source, _created = TranslationSource.get_or_create_from_instance(instance)
        source.create_or_update_translation(locales["de"], fallback=True)

    news_de = NewsPage.objects.get(locale=locales["de"])
    assert news_de.translation_key == news.translation_key
    assert news_de.date == news.date
    assert news_de.campaign.translation_key == campaign.translation_key
    campaign_de = CampaignPage.objects.get(locale=locales["de"])
    assert campaign_de.amount_raised == campaign.amount_raised
    assert campaign_de.currency == "EUR"
    flyer_de = Material.objects.get(locale=locales["de"])
    assert flyer_de.document_id == flyer.document_id
    assert flyer_de.max_quantity == flyer.max_quantity

    segments = {
        s.context.path
        for s in TranslationSource.objects.get(
            object_id=news.translation_key
        ).stringsegment_set.all()
    }
    assert "title" in segments and "summary" in segments
    assert "date" not in segments
