"""No timing oracle on print orders: an address that ordered before gets the same reply after
the same work as a new one (every order is stored; nothing depends on the address)."""

import pytest

from .. import timing
from .test_orders import ORDER_URL, order_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def database_queue(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def test_a_known_address_gets_the_same_reply_after_the_same_work(
    client, materials_page, flyer, database_queue
):
    def order(email):
        data = order_data(flyer, email=email)
        return timing.post(client, ORDER_URL, data, "campaign_kit.campaigns.")

    order("known@example.org")
    order("warm@example.org")
    new = order("new@example.org")
    known = order("known@example.org")
    timing.assert_same_work(new, known)
    assert new.reply[0] == 302
