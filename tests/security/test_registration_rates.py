"""Registration limits per event and address, under a higher ceiling per address."""

import pytest
from django.urls import reverse

from tests.factories.events import EventIndexPageFactory, EventPageFactory

pytestmark = pytest.mark.django_db


def register(client, event, n, address="192.0.2.10"):
    return client.post(
        reverse("campaign_kit_events:register", args=[event.pk]),
        {"name": "Ann", "email": f"a{n}@example.org", "places": 1, "consent": "on"},
        REMOTE_ADDR=address,
    ).status_code


def test_one_events_limit_leaves_other_events_open_up_to_the_ceiling(client, homes, settings):
    settings.CAMPAIGN_KIT_EVENTS_REGISTRATION_RATE = "2/h"
    settings.CAMPAIGN_KIT_EVENTS_REGISTRATION_ADDRESS_RATE = "5/h"
    index = EventIndexPageFactory(parent=homes["en"], title="Events", slug="events")
    first, second, third = (
        EventPageFactory(parent=index, registration_mode="open", capacity=50) for _ in range(3)
    )
    # A shelter's address: two people for each event, then the per-event limit.
    assert [register(client, first, n) for n in range(3)] == [303, 303, 429]
    assert [register(client, second, n) for n in range(3, 6)] == [303, 303, 429]
    # Six POSTs counted against the ceiling of five: every further event is refused.
    assert register(client, third, 6) == 429
    # Another address is counted on its own.
    assert register(client, third, 7, address="192.0.2.11") == 303


def test_default_rates(settings):
    from campaign_kit.core import conf

    assert conf.get("EVENTS_REGISTRATION_RATE") == "10/h"
    assert conf.get("EVENTS_REGISTRATION_ADDRESS_RATE") == "60/h"
