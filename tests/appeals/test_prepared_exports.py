"""XLSX exports are built by a background task and downloaded by the user who asked, while
they keep the permission; the files go after the retention time."""

import io
import os
import tracemalloc
from datetime import timedelta

import pytest
from django.contrib.auth.models import Permission
from django.core.management import call_command
from django.utils import timezone
from openpyxl import load_workbook

from campaign_kit.core import exports, prepared
from campaign_kit.core.models import PreparedExport
from tests.appeals.test_streaming_exports import add_signatures

pytestmark = pytest.mark.django_db


def staff_user(django_user_model, username, *codenames):
    user = django_user_model.objects.create_user(username, f"{username}@example.org", "pw")
    user.is_staff = True
    user.save()
    for codename in ("access_admin", *codenames):
        user.user_permissions.add(Permission.objects.get(codename=codename))
    return user


def status(client, url):
    """The final status (the site's LocaleMiddleware sends an admin 404 on to /en/..., which
    answers 404 too)."""
    return client.get(url, follow=True).status_code


@pytest.fixture
def manager(django_user_model):
    return staff_user(django_user_model, "m", "manage_signatures")


@pytest.fixture
def exports_dir(settings, tmp_path):
    settings.CAMPAIGN_KIT_EXPORTS_DIR = str(tmp_path / "exports")
    return tmp_path / "exports"


def test_waiting_page_reloads_until_the_task_has_run(client, manager, appeal, exports_dir):
    add_signatures(appeal, 5)
    client.force_login(manager)
    response = client.get(f"/admin/appeals/{appeal.pk}/export.xlsx")  # task queued, not run
    assert response.status_code == 302
    waiting = response["Location"]
    html = client.get(waiting).content.decode()
    assert "Your export is being prepared." in html
    assert '<meta http-equiv="refresh" content="5">' in html
    assert status(client, waiting + "download/") == 404
    export = PreparedExport.objects.get()
    assert (export.user, export.filename) == (manager, "signatories-protect.xlsx")

    assert prepared.build(str(export.public_id)) is True  # what the worker runs
    html = client.get(waiting).content.decode()
    assert "Your export is ready." in html and "http-equiv" not in html
    book = load_workbook(io.BytesIO(b"".join(client.get(waiting + "download/").streaming_content)))
    assert [c.value for c in next(book.worksheets[0].iter_rows())][:2] == ["Kind", "Name"]
    assert os.listdir(exports_dir) == [f"{export.public_id}.xlsx"]


def test_the_listing_filters_go_into_the_file(client, manager, appeal, prepared_xlsx):
    add_signatures(appeal, 3)
    client.force_login(manager)
    book, _waiting = prepared_xlsx("/admin/appeals/signatures/?export=xlsx&q=Signer+2")
    names = [row[3] for row in book.active.iter_rows(min_row=2, values_only=True)]
    assert names == ["Signer 2"]


def test_only_the_requesting_user_with_the_permission_downloads(
    client, manager, appeal, prepared_xlsx, django_user_model
):
    add_signatures(appeal, 3)
    client.force_login(manager)
    _book, waiting = prepared_xlsx(f"/admin/appeals/{appeal.pk}/export.xlsx")

    colleague = staff_user(django_user_model, "colleague", "manage_signatures")
    client.force_login(colleague)
    assert status(client, waiting) == 404  # not even that it exists
    assert status(client, waiting + "download/") == 404

    manager.user_permissions.remove(Permission.objects.get(codename="manage_signatures"))
    manager = django_user_model.objects.get(pk=manager.pk)  # no cached permissions
    client.force_login(manager)
    assert client.get(waiting + "download/").status_code == 403
    client.logout()
    assert client.get(waiting + "download/").status_code == 302  # to the login page


def test_a_permission_withdrawn_before_the_task_runs_fails_the_export(
    client, manager, appeal, exports_dir, django_user_model
):
    client.force_login(manager)
    waiting = client.get("/admin/appeals/signatures/?export=xlsx")["Location"]
    manager.user_permissions.remove(Permission.objects.get(codename="manage_signatures"))
    manager.user_permissions.add(Permission.objects.get(codename="view_signature"))
    export = PreparedExport.objects.get()
    assert prepared.build(str(export.public_id)) is False  # the view refused the user
    export.refresh_from_db()
    assert export.status == PreparedExport.Status.FAILED
    assert not exports_dir.exists() or not os.listdir(exports_dir)
    client.force_login(django_user_model.objects.get(pk=manager.pk))
    assert client.get(waiting + "download/").status_code == 403


def test_unknown_export_id_is_404(client, manager):
    client.force_login(manager)
    assert status(client, "/admin/exports/not-a-uuid/") == 404
    missing = "/admin/exports/00000000-0000-0000-0000-000000000000/"
    assert status(client, missing) == 404


def test_files_are_deleted_after_the_retention_time(
    client, manager, appeal, prepared_xlsx, exports_dir, settings
):
    settings.CAMPAIGN_KIT_EXPORT_RETENTION_HOURS = 2
    client.force_login(manager)
    _book, old = prepared_xlsx(f"/admin/appeals/{appeal.pk}/export.xlsx")
    _book, fresh = prepared_xlsx(f"/admin/appeals/{appeal.pk}/export.xlsx")
    PreparedExport.objects.filter(pk=PreparedExport.objects.order_by("pk").first().pk).update(
        created_at=timezone.now() - timedelta(hours=3)
    )
    out = io.StringIO()
    call_command("purge_personal_data", stdout=out)
    assert "campaign_kit_core: prepared exports deleted: 1" in out.getvalue()
    assert status(client, old) == 404
    assert client.get(fresh + "download/").status_code == 200
    assert len(os.listdir(exports_dir)) == 1


@pytest.mark.parametrize(
    "url", ["/admin/appeals/{pk}/export.xlsx", "/admin/appeals/signatures/?export=xlsx"]
)
def test_building_the_file_takes_memory_that_does_not_grow_with_the_rows(
    client, manager, appeal, url, exports_dir, monkeypatch
):
    """The task writes the workbook to a file on disk: ten times the rows, about the same
    traced peak (the benchmark shows the same at 100,000 rows)."""
    monkeypatch.setattr(exports, "CHUNK_SIZE", 100)
    client.force_login(manager)

    def peak():
        client.get(url.format(pk=appeal.pk))
        export = PreparedExport.objects.latest("pk")
        tracemalloc.start()
        try:
            assert prepared.build(str(export.public_id))
            return tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()

    add_signatures(appeal, 300)
    peak()  # warm up imports and caches
    small = peak()
    add_signatures(appeal, 2700, start=300)
    large = peak()
    assert large - small < 1_000_000, (small, large)
