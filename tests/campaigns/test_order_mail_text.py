"""The editors' text of the order confirmation, in the language the order was placed in."""

import pytest
from django.core import mail

from .test_orders import ORDER_URL, order_data

pytestmark = pytest.mark.django_db


def test_custom_order_confirmation(
    admin_client, client, django_capture_on_commit_callbacks, materials_page, flyer
):
    body = "Hello {name}, order {reference}:\n{items}\nTo:\n{address}\n{organisation}"
    response = admin_client.post(
        "/admin/snippets/campaign_kit_core/mailtext/add/?locale=en",
        {"kind": "campaigns.order_confirmation", "subject": "Order {reference}", "body": body},
    )
    assert response.status_code == 302
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(ORDER_URL, order_data(flyer)).status_code == 302
    confirmation = mail.outbox[0]
    assert confirmation.subject.startswith("Order ")
    assert "Hello Anna Example, order" in confirmation.body
    assert "- 5 × Know your rights" in confirmation.body
    assert "Musterstraße 12\n10115 Berlin\nGermany" in confirmation.body
