"""Real OS processes racing on PostgreSQL: one row per address, exact counters."""

import multiprocessing
import uuid
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.db import connection

from campaign_kit.appeals.models import Signature
from campaign_kit.appeals.selectors import appeal_counts
from campaign_kit.appeals.services import recount
from tests.factories.appeals import SignatureFactory

from . import pg_workers

pytestmark = [pytest.mark.postgres, pytest.mark.forks]
ROOT = str(Path(__file__).resolve().parents[2])
WORKERS = 20
VARIANTS = [
    "Jane.Doe@gmail.com",
    "janedoe@gmail.com",
    "JANE.DOE+appeal@googlemail.com",
    "j.a.n.e.doe+x@gmail.com",
]


@pytest.fixture(autouse=True)
def _needs_postgres():
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (set DATABASE_URL); SQLite serialises writers anyway")


@pytest.fixture
def race_appeal(transactional_db):
    # No page needed: signatures are keyed on the translation_key. (A flushed
    # transactional database has no page tree to build pages in.)
    return SimpleNamespace(translation_key=uuid.uuid4(), pk=0)


def run_all(target, args_list):
    ctx = multiprocessing.get_context("fork")
    barrier = ctx.Barrier(len(args_list))
    db_settings = dict(connection.settings_dict)
    processes = [
        ctx.Process(target=target, args=(db_settings, ROOT, barrier, *args)) for args in args_list
    ]
    connection.close()  # children must not share the parent's socket
    for p in processes:
        p.start()
    for p in processes:
        p.join(90)
    for p in processes:
        if p.exitcode is None:
            p.kill()
    assert [p.exitcode for p in processes] == [0] * len(processes)
    return processes


def race_sign(appeal, skip_normalisation):
    ctx = multiprocessing.get_context("fork")
    results = ctx.Queue()
    args = [
        (
            str(appeal.translation_key),
            appeal.pk,
            VARIANTS[i % len(VARIANTS)],
            skip_normalisation,
            results,
        )
        for i in range(WORKERS)
    ]
    run_all(pg_workers.sign, args)
    return [results.get(timeout=5) for _ in range(WORKERS)]


def test_parallel_duplicate_signatures_leave_one_row(race_appeal):
    created = race_sign(race_appeal, skip_normalisation=False)
    assert Signature.objects.filter(appeal_key=race_appeal.translation_key).count() == 1
    assert created.count(True) == 1


def test_control_without_normalisation_finds_duplicates(race_appeal):
    race_sign(race_appeal, skip_normalisation=True)
    assert Signature.objects.filter(appeal_key=race_appeal.translation_key).count() == len(VARIANTS)


def test_control_naive_check_then_insert_doubles(transactional_db):
    with connection.cursor() as cursor:
        cursor.execute("CREATE TABLE IF NOT EXISTS appeals_race_control (h text)")
    try:
        run_all(pg_workers.naive_insert, [("same",)] * 8)
        with connection.cursor() as cursor:
            cursor.execute("SELECT count(*) FROM appeals_race_control")
            assert cursor.fetchone()[0] > 1
    finally:
        with connection.cursor() as cursor:
            cursor.execute("DROP TABLE appeals_race_control")


def test_parallel_confirmations_keep_counter_exact(race_appeal):
    key = race_appeal.translation_key
    countries = ["DE", "FR", "PL", "LT"]
    pending = [
        SignatureFactory(
            appeal_key=key, status="pending", confirmed_at=None, country=countries[i % 4]
        )
        for i in range(WORKERS * 3)
    ]
    ids = [str(s.public_id) for s in pending]
    # Every worker confirms an overlapping slice: each signature is confirmed 2-3 times at once.
    args = [(ids[(i * 3) % len(ids) :] + ids[: (i * 3) % len(ids)][:30],) for i in range(WORKERS)]
    args = [(a[0][:30],) for a in args]
    run_all(pg_workers.confirm, args)
    confirmed = Signature.objects.filter(appeal_key=key, status="confirmed").count()
    live = appeal_counts(key)
    exact = recount(key)
    assert live.people == exact.people == confirmed == len(pending)
