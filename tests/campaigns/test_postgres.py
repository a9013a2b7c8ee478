"""Concurrent downloads against real PostgreSQL: every download is counted exactly once."""

import threading

import pytest
from django.db import connection, connections

from campaign_kit.campaigns.models import DownloadCount
from campaign_kit.campaigns.services import record_download
from tests.factories.campaigns import MaterialFactory

THREADS = 8
PER_THREAD = 10


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_concurrent_downloads_are_all_counted(locales):
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (set DATABASE_URL=postgres://...)")
    material = MaterialFactory()
    barrier = threading.Barrier(THREADS)
    errors = []

    def worker():
        try:
            barrier.wait()
            for _ in range(PER_THREAD):
                record_download(material)
        except Exception as exc:  # pragma: no cover - reported below
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker) for _ in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    row = DownloadCount.objects.get()
    assert row.count == THREADS * PER_THREAD
