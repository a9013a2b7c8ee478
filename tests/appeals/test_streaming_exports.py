"""Exports stream: the response is a stream, its rows come from an iterator, memory stays flat."""

import csv
import io
import tracemalloc

import pytest
from django.contrib.auth.models import Permission
from django.utils import timezone

from campaign_kit.appeals.models import Signature
from campaign_kit.core import exports
from tests.factories.appeals import SignatureFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def manager(django_user_model):
    user = django_user_model.objects.create_user("m", "m@example.org", "pw", is_staff=True)
    for codename in ("access_admin", "manage_signatures"):
        user.user_permissions.add(Permission.objects.get(codename=codename))
    return user


def add_signatures(appeal, count, start=0):
    now = timezone.now()
    Signature.objects.bulk_create(
        SignatureFactory.build(
            appeal_key=appeal.translation_key,
            name=f"=cmd|' /C calc'!A{n}" if n == 0 else f"Signer {n}",
            email=f"signer{n}@example.org",
            email_hash=f"hash-{n}",
            city="Berlin",
            confirmed_at=now,
        )
        for n in range(start, start + count)
    )


def body(response):
    assert response.status_code == 200
    assert response.streaming
    return b"".join(response.streaming_content)


@pytest.mark.parametrize(
    "url",
    ["/admin/appeals/{pk}/export.csv", "/admin/appeals/signatures/?export=csv"],
)
def test_csv_exports_stream_every_row_neutralised(client, manager, appeal, url):
    add_signatures(appeal, 450)
    client.force_login(manager)
    text = body(client.get(url.format(pk=appeal.pk))).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    names = {row[1] for row in rows if len(row) > 1} | {row[3] for row in rows if len(row) > 3}
    assert "'=cmd|' /C calc'!A0" in names
    assert "=cmd|' /C calc'!A0" not in names
    assert {f"Signer {n}" for n in range(1, 450)} <= names


@pytest.mark.parametrize(
    "url",
    ["/admin/appeals/{pk}/export.xlsx", "/admin/appeals/signatures/?export=xlsx"],
)
def test_xlsx_exports_are_prepared_with_every_row_neutralised(
    client, manager, appeal, url, prepared_xlsx
):
    add_signatures(appeal, 450)
    client.force_login(manager)
    book, _waiting = prepared_xlsx(url.format(pk=appeal.pk))
    values = {cell.value for row in book.worksheets[0].iter_rows() for cell in row}
    assert "'=cmd|' /C calc'!A0" in values
    assert {f"Signer {n}" for n in range(1, 450)} <= values


def test_unknown_delivery_format_is_404(client, manager, appeal):
    client.force_login(manager)
    assert client.get(f"/admin/appeals/{appeal.pk}/export.pdf").status_code == 404


@pytest.mark.parametrize(
    "url",
    ["/admin/appeals/{pk}/export.csv", "/admin/appeals/signatures/?export=csv"],
)
def test_export_memory_does_not_grow_with_the_rows(client, manager, appeal, url, monkeypatch):
    """Ten times the rows, about the same peak: rows are read a chunk at a time and never all
    held (holding 2,700 more signatures would take several MB; the benchmark shows the same
    at 100,000 rows). XLSX: see test_prepared_exports."""
    monkeypatch.setattr(exports, "CHUNK_SIZE", 100)
    client.force_login(manager)

    def peak():
        tracemalloc.start()
        try:
            response = client.get(url.format(pk=appeal.pk))
            assert response.streaming
            for _chunk in response.streaming_content:
                pass
            return tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()

    add_signatures(appeal, 300)
    peak()  # warm up imports and caches
    small = peak()
    add_signatures(appeal, 2700, start=300)
    large = peak()
    assert large - small < 1_000_000, (small, large)
