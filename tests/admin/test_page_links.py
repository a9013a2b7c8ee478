"""Data one click from its page: an event's registrations, an appeal's signatures and a
materials page's orders and downloads, in the page explorer and in the page editor."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import GroupPagePermission

from campaign_kit.events.models import EventPool

pytestmark = pytest.mark.django_db

LABEL = "Registrations (3 of 3, 1 waiting)"


def get(client, user, url):
    client.force_login(user)
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def manage_url(event):
    pool = EventPool.objects.get(event_key=event.translation_key)
    return f"/admin/events/manage/{pool.pk}/"


def test_event_row_in_the_explorer_links_to_its_manage_screen(client, superuser, full_event):
    html = get(client, superuser, f"/admin/pages/{full_event.get_parent().pk}/")
    assert LABEL in html
    assert f'href="{manage_url(full_event)}"' in html


def test_event_editor_links_to_its_manage_screen(client, superuser, full_event):
    html = get(client, superuser, f"/admin/pages/{full_event.pk}/edit/")
    assert LABEL in html
    assert f'href="{manage_url(full_event)}"' in html


def test_event_without_capacity_shows_places_taken(client, superuser, make_event):
    event = make_event(title="Open air", capacity=None)
    html = get(client, superuser, f"/admin/pages/{event.pk}/edit/")
    assert "Registrations (0, 0 waiting)" in html


def page_editor(user, page):
    """`user` may edit `page` and below, through a group as the NGO sets it up."""
    group = Group.objects.create(name="Page editors of the test")
    GroupPagePermission.objects.create(
        group=group, page=page, permission=Permission.objects.get(codename="change_page")
    )
    user.groups.add(group)
    return type(user).objects.get(pk=user.pk)


def test_no_registrations_link_without_the_permission(client, limited, full_event):
    editor = page_editor(limited, full_event.get_parent())
    for url in (
        f"/admin/pages/{full_event.get_parent().pk}/",
        f"/admin/pages/{full_event.pk}/edit/",
    ):
        html = get(client, editor, url)
        assert "Registrations (" not in html
        assert "/admin/events/manage/" not in html


def test_explorer_figures_ride_in_the_listing_query(client, superuser, full_event, make_event):
    """Wagtail and wagtail-localize spend a few queries per row of their own; the
    registration figures add none: they are subqueries of the listing's one query."""
    url = f"/admin/pages/{full_event.get_parent().pk}/"
    client.force_login(superuser)

    def registration_queries():
        with CaptureQueriesContext(connection) as queries:
            html = client.get(url).content.decode()
        sql = [q["sql"] for q in queries.captured_queries]
        return html, [q for q in sql if "campaign_kit_events_registration" in q]

    _html, few = registration_queries()
    for n in range(5):
        make_event(title=f"Vigil {n}", days=12 + n)
    html, many = registration_queries()
    assert len(few) == len(many) == 1
    assert html.count("Registrations (0 of 3, 0 waiting)") == 5


def test_appeal_links_to_its_signatures_and_moderation(client, superuser, appeal, signatures):
    signatures_url = f"/admin/appeals/signatures/?appeal_key={appeal.translation_key}"
    html = get(client, superuser, f"/admin/pages/{appeal.pk}/edit/")
    assert "Signatures (3 of 100 people)" in html
    assert signatures_url in html
    assert 'href="/admin/appeals/moderation/"' in html
    listing = get(client, superuser, f"/admin/pages/{appeal.get_parent().pk}/")
    assert signatures_url in listing


def test_signatures_listing_filtered_by_the_link(client, superuser, appeal, signatures, homes):
    from tests.factories.appeals import AppealPageFactory, SignatureFactory

    other = AppealPageFactory(parent=homes["en"], title="Other", slug="other")
    SignatureFactory(appeal_key=other.translation_key, name="Someone Else")
    html = get(client, superuser, f"/admin/appeals/signatures/?appeal_key={appeal.translation_key}")
    assert "Signer" in html
    assert "Someone Else" not in html


def test_materials_page_links_to_orders_and_downloads(
    client, superuser, materials_page, orders, downloads
):
    html = get(client, superuser, f"/admin/pages/{materials_page.pk}/edit/")
    assert "Print orders (2 new)" in html
    assert 'href="/admin/campaigns_printorder/"' in html
    assert "Downloads (7 in the last 7 days)" in html
    assert 'href="/admin/campaigns_downloads/"' in html


def test_appeal_and_materials_links_need_their_permissions(
    client, limited, appeal, materials_page, signatures
):
    editor = page_editor(limited, appeal.get_parent())
    for page in (appeal, materials_page):
        html = get(client, editor, f"/admin/pages/{page.pk}/edit/")
        assert "/admin/appeals/signatures/" not in html
        assert "/admin/appeals/moderation/" not in html
        assert "/admin/campaigns_printorder/" not in html
        assert "/admin/campaigns_downloads/" not in html
