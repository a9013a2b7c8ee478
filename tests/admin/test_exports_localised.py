"""Exports the staff can read: each event's own registrations from its manage screen, and
every export with status labels in the admin user's language and local times to the second
(the event's own zone for registrations, the site's otherwise)."""

import csv
import io
import zoneinfo

import pytest
from django.utils import timezone
from openpyxl import load_workbook
from wagtail.users.models import UserProfile

from campaign_kit.appeals.models import Signature
from campaign_kit.campaigns.models import PrintOrder
from campaign_kit.events.models import EventPool, Registration

from .conftest import grant

pytestmark = pytest.mark.django_db

NEW_YORK = zoneinfo.ZoneInfo("America/New_York")
BERLIN = zoneinfo.ZoneInfo("Europe/Berlin")


def local(value, tz):
    return timezone.localtime(value, tz).strftime("%Y-%m-%d %H:%M:%S")


def read_csv(response):
    assert response.status_code == 200
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text)))


@pytest.fixture
def event(make_event, django_capture_on_commit_callbacks):
    from campaign_kit.events import services

    page = make_event(time_zone="America/New_York")
    with django_capture_on_commit_callbacks(execute=True):
        services.register(page, name="Ada", email="ada@example.org", places=3)
        services.register(page, name="Ben", email="ben@example.org", places=1)
    return page


def export_url(event, fmt):
    pool = EventPool.objects.get(event_key=event.translation_key)
    return f"/admin/events/manage/{pool.pk}/export.{fmt}"


def in_german(user):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "de"
    profile.save()
    return user


def test_manage_screen_offers_its_own_export(client, superuser, event):
    client.force_login(superuser)
    pool = EventPool.objects.get(event_key=event.translation_key)
    html = client.get(f"/admin/events/manage/{pool.pk}/").content.decode()
    assert f'href="{export_url(event, "csv")}"' in html
    assert f'href="{export_url(event, "xlsx")}"' in html


def test_event_csv_has_labels_and_the_events_local_times(client, superuser, event, make_event):
    other = make_event(title="Other event")
    from campaign_kit.events import services

    services.register(other, name="Someone Else", email="else@example.org", places=1)
    client.force_login(superuser)
    rows = read_csv(client.get(export_url(event, "csv")))
    assert rows[0][:4] == ["Name", "E-mail", "Places", "Status"]
    assert [row[0] for row in rows[1:]] == ["Ada", "Ben"]  # that event's registrations only
    assert rows[1][3] == "Confirmed" and rows[2][3] == "Waiting list"
    ada = Registration.objects.get(name="Ada")
    assert rows[1][5] == local(ada.created_at, NEW_YORK)
    assert rows[1][6] == local(ada.confirmed_at, NEW_YORK)
    assert rows[2][6] == ""  # Ben waits: never confirmed


def test_event_csv_in_the_admin_users_language(client, superuser, event):
    """The file streams after the view returned: still in the user's language."""
    client.force_login(in_german(superuser))
    rows = read_csv(client.get(export_url(event, "csv")))
    assert rows[0][:4] == ["Name", "E-Mail", "Plätze", "Status"]
    assert rows[1][3] == "Bestätigt" and rows[2][3] == "Warteliste"


def test_event_xlsx_in_the_admin_users_language(
    client, superuser, event, settings, tmp_path, django_capture_on_commit_callbacks
):
    """Prepared in the background by a replay of the request as its user, in their language."""
    settings.CAMPAIGN_KIT_EXPORTS_DIR = str(tmp_path / "exports")
    client.force_login(in_german(superuser))
    with django_capture_on_commit_callbacks(execute=True):
        response = client.get(export_url(event, "xlsx"))
    assert response.status_code == 302
    download = client.get(response["Location"] + "download/")
    assert download.status_code == 200
    sheet = load_workbook(io.BytesIO(b"".join(download.streaming_content))).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[1][3] == "Bestätigt" and rows[2][3] == "Warteliste"
    ada = Registration.objects.get(name="Ada")
    expected = timezone.localtime(ada.created_at, NEW_YORK).replace(microsecond=0, tzinfo=None)
    assert rows[1][5] == expected


def test_event_export_needs_the_registrations_permission(client, limited, event):
    client.force_login(limited)
    assert client.get(export_url(event, "csv")).status_code == 403
    assert client.get(export_url(event, "xlsx")).status_code == 403
    client.force_login(grant(limited, "view_registrations"))
    assert client.get(export_url(event, "csv")).status_code == 200
    assert client.get(export_url(event, "pdf")).status_code == 404


def test_registrations_export_uses_labels_and_each_events_zone(client, superuser, event):
    client.force_login(superuser)
    rows = read_csv(client.get("/admin/events/registrations/?export=csv"))
    header = rows[0]
    by_name = {row[header.index("Name")]: row for row in rows[1:]}
    ada = Registration.objects.get(name="Ada")
    assert by_name["Ada"][header.index("Status")] == "Confirmed"
    assert by_name["Ben"][header.index("Status")] == "Waiting list"
    created = by_name["Ada"][header.index("Registered at")]
    assert created == local(ada.created_at, NEW_YORK)
    assert "." not in created and "+" not in created


def test_signatures_export_uses_labels_and_the_sites_zone(client, superuser, signatures):
    client.force_login(in_german(superuser))
    rows = read_csv(client.get("/admin/appeals/signatures/?export=csv"))
    header = rows[0]
    organisation = Signature.objects.get(kind="organisation")
    row = next(r for r in rows[1:] if r[header.index("Organisation")] == "Friends of Peace")
    assert row[header.index("Status")] == "Bestätigt", (header, row)
    assert row[header.index("Moderation")] == "Wartet auf Moderation"
    assert row[header.index("Unterzeichnet am")] == local(organisation.created_at, BERLIN)


def test_print_orders_export_uses_status_labels(client, superuser, orders):
    client.force_login(superuser)
    rows = read_csv(client.get("/admin/campaigns_printorder/?export=csv"))
    statuses = sorted(row[-1] for row in rows[1:])
    assert statuses == ["New", "New", "Packed", "Shipped"]
    assert PrintOrder.objects.filter(status="new").count() == 2
