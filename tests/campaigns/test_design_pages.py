"""The appeal, order and hub pages as the public design needs them: the share block sends
nothing before a click, the charts have a text alternative, country lists start with a
translated placeholder and follow the countries a page ships to."""

import pytest

from campaign_kit.campaigns.models import PrintOrder
from tests.campaigns.test_orders import ORDER_URL, order_data

pytestmark = pytest.mark.django_db


def test_order_form_offers_only_the_countries_the_page_ships_to(client, materials_page, flyer):
    materials_page.ship_to = "EU"
    materials_page.save_revision().publish()
    html = client.get(ORDER_URL).content.decode()
    assert '<option value="" selected>Choose a country</option>' in html
    assert 'value="AT"' in html and 'value="US"' not in html and 'value="CH"' not in html
    response = client.post(ORDER_URL, order_data(flyer, country="US"))
    assert response.status_code == 400
    assert not PrintOrder.objects.exists()


def test_unknown_shipping_code_is_refused_with_a_message(materials_page):
    from django.core.exceptions import ValidationError

    materials_page.ship_to = "DE, XX"
    with pytest.raises(ValidationError) as caught:
        materials_page.full_clean()
    assert "XX" in caught.value.message_dict["ship_to"][0]


def test_country_placeholder_is_translated(client):
    from django.utils import translation

    from campaign_kit.appeals.forms import SignatureForm

    with translation.override("de"):
        html = SignatureForm(prefix="p")["country"].as_widget()
    assert ">Land auswählen</option>" in html
    assert "---------" not in html
