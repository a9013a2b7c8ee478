"""Client addresses behind one and two proxies: a spoofed X-Forwarded-For changes nothing.

The client may send any X-Forwarded-For; each trusted proxy appends the address it was
connected from. Rotating the left-hand entries must not give a fresh rate-limit budget.
"""

import pytest
from django.test import RequestFactory
from django.urls import reverse

from campaign_kit.core.clientaddr import client_address
from tests.appeals.conftest import person_data
from tests.factories.events import EventIndexPageFactory, EventPageFactory

pytestmark = pytest.mark.django_db

CLIENT = "203.0.113.7"
CDN = "198.51.100.20"


@pytest.fixture(params=[1, 2], ids=["one-proxy", "two-proxies"])
def proxies(request, settings):
    settings.CAMPAIGN_KIT_CLIENT_IP_HEADER = "HTTP_X_FORWARDED_FOR"
    settings.CAMPAIGN_KIT_TRUSTED_PROXY_HOPS = request.param
    settings.CAMPAIGN_KIT_APPEAL_MIN_FILL_SECONDS = 0
    return request.param


def forwarded(proxies, spoofed, client=CLIENT):
    """The header as the site's nginx receives it; with two hops a CDN appended `client`
    and nginx appended the CDN's address."""
    entries = [spoofed, client] + ([CDN] if proxies == 2 else [])
    return {"HTTP_X_FORWARDED_FOR": ", ".join(entries), "REMOTE_ADDR": "127.0.0.1"}


def spoofed(n):
    return f"10.{n // 250}.{n % 250}.1"


def test_the_client_is_the_entry_behind_the_trusted_hops(proxies):
    request = RequestFactory().get("/", **forwarded(proxies, "6.6.6.6"))
    assert client_address(request) == CLIENT


def test_without_the_header_the_connection_counts(proxies):
    assert client_address(RequestFactory().get("/", REMOTE_ADDR="192.0.2.1")) == "192.0.2.1"


def test_rotating_the_header_does_not_pass_the_admin_login_throttle(client, home, proxies):
    statuses = [
        client.post(
            "/admin/login/",
            {"username": "admin", "password": f"wrong{n}"},
            **forwarded(proxies, spoofed(n)),
        ).status_code
        for n in range(15)
    ]
    assert statuses[:10] == [200] * 10
    assert statuses[10:] == [429] * 5
    # Another client behind the same proxies is not affected.
    other = client.post(
        "/admin/login/",
        {"username": "admin", "password": "wrong"},
        **forwarded(proxies, spoofed(99), client="203.0.113.8"),
    )
    assert other.status_code == 200


def test_rotating_the_header_does_not_pass_the_signature_limit(client, homes, proxies, settings):
    from tests.factories.appeals import AppealPageFactory

    settings.CAMPAIGN_KIT_APPEAL_SIGN_RATE = "3/h"
    appeal = AppealPageFactory(parent=homes["en"], title="Appeal", slug="appeal", goal=10)
    url = reverse("campaign_kit_appeals:sign", args=[appeal.pk])
    statuses = [
        client.post(
            url, person_data(**{"p-email": f"p{n}@example.org"}), **forwarded(proxies, spoofed(n))
        ).status_code
        for n in range(5)
    ]
    assert statuses == [303, 303, 303, 429, 429]


def test_rotating_the_header_does_not_pass_the_registration_limit(client, homes, proxies, settings):
    settings.CAMPAIGN_KIT_EVENTS_REGISTRATION_RATE = "3/h"
    index = EventIndexPageFactory(parent=homes["en"], title="Events", slug="events")
    event = EventPageFactory(parent=index, registration_mode="open", capacity=50)
    url = reverse("campaign_kit_events:register", args=[event.pk])
    statuses = [
        client.post(
            url,
            {"name": "Ann", "email": f"a{n}@example.org", "places": 1, "consent": "on"},
            **forwarded(proxies, spoofed(n)),
        ).status_code
        for n in range(5)
    ]
    assert statuses == [303, 303, 303, 429, 429]
