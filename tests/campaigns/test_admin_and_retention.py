import csv
import io
from datetime import timedelta

import pytest
from django.contrib.auth.models import Permission
from django.core.management import call_command
from django.utils import timezone

from campaign_kit.campaigns import services
from campaign_kit.campaigns.models import OrderLine, PrintOrder
from campaign_kit.campaigns.retention import purge_personal_data
from tests.factories.campaigns import PrintOrderFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff(django_user_model):
    user = django_user_model.objects.create_user("staff", password="pw", is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    return user


@pytest.fixture
def fulfiller(staff):
    staff.user_permissions.add(Permission.objects.get(codename="fulfil_orders"))
    return staff


@pytest.fixture
def order(flyer):
    order = PrintOrderFactory(name='=HYPERLINK("http://evil")', street="Beispielweg 1")
    OrderLine.objects.create(order=order, material=flyer, material_title=flyer.title, quantity=3)
    return order


def test_staff_without_permission_gets_403(client, staff, order):
    client.force_login(staff)
    assert client.get("/admin/campaigns_printorder/").status_code == 403
    assert client.get(f"/admin/campaigns_printorder/edit/{order.pk}/").status_code == 403
    assert client.get("/admin/campaigns_printorder/?export=csv").status_code == 403


def test_fulfiller_sees_orders_and_addresses(client, fulfiller, order):
    client.force_login(fulfiller)
    response = client.get("/admin/campaigns_printorder/")
    assert response.status_code == 200
    assert order.reference in response.content.decode()
    edit = client.get(f"/admin/campaigns_printorder/edit/{order.pk}/").content.decode()
    assert "Beispielweg 1" in edit
    assert "3 × Know your rights" in edit


def test_shipping_labels_csv_neutralises_formulas(client, fulfiller, order):
    PrintOrderFactory(status=PrintOrder.Status.SHIPPED, name="Already shipped")
    client.force_login(fulfiller)
    response = client.get("/admin/campaigns_printorder/?export=csv&status=new")
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert rows[0][:3] == ["Reference", "Name", "Organisation"]
    assert len(rows) == 2
    assert rows[1][1].startswith("'=HYPERLINK")
    assert "Beispielweg 1" in rows[1]
    assert "3 × Know your rights" in rows[1]
    assert "Germany" in rows[1]


def test_shipping_labels_xlsx_is_prepared_for_the_fulfiller(
    client, fulfiller, order, prepared_xlsx
):
    PrintOrderFactory(status=PrintOrder.Status.SHIPPED, name="Already shipped")
    client.force_login(fulfiller)
    book, waiting = prepared_xlsx("/admin/campaigns_printorder/?export=xlsx&status=new")
    rows = list(book.active.iter_rows(values_only=True))
    assert list(rows[0][:3]) == ["Reference", "Name", "Organisation"]
    assert len(rows) == 2  # the listing's filter, applied by the background task
    assert rows[1][1].startswith("'=HYPERLINK")
    assert "Beispielweg 1" in rows[1]
    fulfiller.user_permissions.remove(Permission.objects.get(codename="fulfil_orders"))
    client.force_login(type(fulfiller).objects.get(pk=fulfiller.pk))
    assert client.get(waiting + "download/").status_code == 403


def test_status_change_through_admin_records_shipping(client, fulfiller, order):
    client.force_login(fulfiller)
    response = client.post(
        f"/admin/campaigns_printorder/edit/{order.pk}/", {"status": PrintOrder.Status.SHIPPED}
    )
    assert response.status_code == 302
    order.refresh_from_db()
    assert order.status == PrintOrder.Status.SHIPPED
    assert order.shipped_at is not None
    # The address is not editable here.
    client.post(
        f"/admin/campaigns_printorder/edit/{order.pk}/",
        {"status": PrintOrder.Status.SHIPPED, "street": "Changed"},
    )
    order.refresh_from_db()
    assert order.street == "Beispielweg 1"


def test_nobody_adds_orders_in_the_admin(client, fulfiller):
    client.force_login(fulfiller)
    assert client.get("/admin/campaigns_printorder/new/").status_code == 403


def test_retention_deletes_addresses_after_shipping(settings, order):
    settings.CAMPAIGN_KIT_ORDER_RETENTION_DAYS = 30
    now = timezone.now()
    services.change_status(order, PrintOrder.Status.SHIPPED, now=now - timedelta(days=31))
    recent = PrintOrderFactory()
    services.change_status(recent, PrintOrder.Status.SHIPPED, now=now - timedelta(days=29))
    waiting = PrintOrderFactory(status=PrintOrder.Status.PACKED)
    PrintOrder.objects.filter(pk=waiting.pk).update(created_at=now - timedelta(days=90))

    assert purge_personal_data(now, dry_run=True) == {"print order addresses deleted": 1}
    order.refresh_from_db()
    assert order.street == "Beispielweg 1"

    assert purge_personal_data(now) == {"print order addresses deleted": 1}
    order.refresh_from_db()
    assert (order.name, order.street, order.postcode, order.city, order.email) == ("",) * 5
    assert order.personal_data_purged_at == now
    assert order.lines.get().quantity == 3  # counts remain
    recent.refresh_from_db()
    waiting.refresh_from_db()
    assert recent.street and waiting.street
    assert purge_personal_data(now) == {"print order addresses deleted": 0}


def test_purge_command_runs_campaigns_rules(order):
    services.change_status(
        order, PrintOrder.Status.CANCELLED, now=timezone.now() - timedelta(days=40)
    )
    out = io.StringIO()
    call_command("purge_personal_data", stdout=out)
    assert "campaigns: print order addresses deleted: 1" in out.getvalue()


def test_material_admin_lists_download_totals(client, django_user_model, flyer):
    from campaign_kit.campaigns.services import record_download

    record_download(flyer)
    record_download(flyer)
    admin = django_user_model.objects.create_superuser("admin", "admin@example.org", "pw")
    client.force_login(admin)
    response = client.get("/admin/snippets/campaign_kit_campaigns/material/")
    assert response.status_code == 200
    body = response.content.decode()
    assert "Know your rights" in body
    assert ">2<" in body.replace(" ", "").replace("\n", "")


def test_downloads_per_day_report_and_export(client, staff, locales, flyer):
    for _ in range(3):
        assert client.get(f"/en/campaigns/-/materials/{flyer.pk}/download/").status_code == 200
    client.force_login(staff)
    # Staff who may not edit materials do not see the report.
    assert client.get("/admin/campaigns_downloads/").status_code in (302, 403)
    staff.user_permissions.add(Permission.objects.get(codename="change_material"))
    response = client.get("/admin/campaigns_downloads/")
    assert response.status_code == 200
    html = response.content.decode()
    assert flyer.title in html
    assert "/admin/campaigns_downloads/add/" not in html  # counts come only from downloads
    export = client.get("/admin/campaigns_downloads/?export=csv")
    rows = list(csv.reader(io.StringIO(b"".join(export.streaming_content).decode())))
    assert rows[1] == [timezone.localdate().isoformat(), flyer.title, "3"]
    assert client.get("/admin/campaigns_downloads/add/").status_code in (302, 403)
