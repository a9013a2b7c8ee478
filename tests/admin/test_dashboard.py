"""The admin home as the NGO's staff see it: each app's panel with its figures and links,
only for users allowed on the screens they link to, in a fixed number of queries."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from campaign_kit.events.models import EventPool

from .conftest import grant

pytestmark = pytest.mark.django_db


def panel(html, name):
    """The HTML of one dashboard panel ('' when it is not there)."""
    match = re.search(rf'<section[^>]*id="{name}-section"[^>]*>.*?</section>', html, re.S)
    return match.group(0) if match else ""


def dashboard(client, user):
    client.force_login(user)
    response = client.get("/admin/")
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def everything(full_event, signatures, orders, downloads):
    return full_event


def test_superuser_sees_every_panel_with_its_figures_and_links(client, superuser, everything):
    html = dashboard(client, superuser)
    pool = EventPool.objects.get(event_key=everything.translation_key)

    events = panel(html, "ck-upcoming-events")
    assert "Vigil in Frankfurt" in events
    assert f'href="/admin/events/manage/{pool.pk}/"' in events
    assert "3 of 3 places (100 %)" in events
    assert "1 on the waiting list" in events

    appeals = panel(html, "ck-open-appeals")
    assert "Protect objectors" in appeals
    assert "3 of 100 people (3 %)" in appeals
    assert "2 new today" in appeals
    assert "1 organisation waiting for moderation" in appeals
    assert 'href="/admin/appeals/moderation/"' in appeals
    assert "/admin/appeals/signatures/?appeal_key=" in appeals

    materials = panel(html, "ck-materials")
    assert "2 new print orders" in materials
    assert 'href="/admin/campaigns_printorder/?status=new"' in materials
    assert "1 print order packed, not shipped" in materials
    assert 'href="/admin/campaigns_printorder/?status=packed"' in materials
    assert "7 downloads in the last 7 days" in materials
    assert 'href="/admin/campaigns_downloads/"' in materials

    # The summary bar: organisations to moderate and new orders.
    assert html.count("1 organisation waiting for moderation") == 2
    assert html.count("2 new print orders") == 2


def test_user_without_personal_data_permissions_sees_no_personal_data_panel(
    client, limited, everything
):
    html = dashboard(client, limited)
    for name in ("ck-upcoming-events", "ck-open-appeals", "ck-materials"):
        assert panel(html, name) == ""
    assert "/admin/events/manage/" not in html
    assert "/admin/appeals/moderation/" not in html
    assert "print order" not in html
    assert "ck-outdated-translations" not in html  # no page permission either


def test_each_permission_shows_its_own_panel_only(client, limited, everything):
    organiser = grant(limited, "view_registrations")
    html = dashboard(client, organiser)
    assert "3 of 3 places" in panel(html, "ck-upcoming-events")
    assert panel(html, "ck-open-appeals") == ""
    assert panel(html, "ck-materials") == ""

    fulfiller = grant(limited, "fulfil_orders")
    materials = panel(dashboard(client, fulfiller), "ck-materials")
    assert "2 new print orders" in materials
    assert "downloads" not in materials  # downloads need the materials permission

    signatures = grant(limited, "manage_signatures")
    assert "2 new today" in panel(dashboard(client, signatures), "ck-open-appeals")


def test_dashboard_queries_do_not_grow_with_rows(
    client, superuser, everything, make_event, django_assert_max_num_queries
):
    client.force_login(superuser)
    client.get("/admin/")  # warm the per-process caches (content types, site)
    with CaptureQueriesContext(connection) as few:
        assert client.get("/admin/").status_code == 200
    budget = len(few)  # now: the query log is a bounded deque
    for n in range(6):
        make_event(title=f"Another vigil {n}", days=11 + n)
    with django_assert_max_num_queries(budget):
        html = client.get("/admin/").content.decode()
    assert "Another vigil 5" in panel(html, "ck-upcoming-events")
