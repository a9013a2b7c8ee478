"""Several cron runs of send_event_reminders at once queue each reminder exactly once.

Real OS processes against PostgreSQL (the pattern of test_concurrency_pg.py): each child is
forked after the parent closed its connections and opens its own; a barrier releases them
together. The control run, without the row locks and with a pause between reading and
marking (both injected in the child processes, never through the service's arguments),
queues reminders twice, which proves the test would catch a double send.
"""

import multiprocessing
import time
from datetime import timedelta

import pytest
from django.db import connection, connections
from django.utils import timezone

from campaign_kit.events import services
from campaign_kit.events.models import Registration

pytestmark = [pytest.mark.postgres, pytest.mark.forks]

PROCESSES = 4
PEOPLE = 30


def _worker(barrier, results, lock, delay):
    from django.db import connections as child_connections

    from campaign_kit.events import mailings

    if not lock:  # the control, in this child process only: no row locks, a slow read

        def take_unlocked(now, hours, batch):
            ids = list(mailings.due_reminders(now, hours).values_list("pk", flat=True)[:batch])
            time.sleep(delay)  # widen the window between reading and marking
            return ids

        mailings.take_due = take_unlocked
    try:
        barrier.wait(timeout=60)
        results.put(mailings.queue_reminders(batch=10))
    except Exception as exc:  # reported to the parent, which fails the test
        results.put(f"error: {exc!r}")
    finally:
        child_connections.close_all()


def race(*, lock, delay=0.0):
    connections.close_all()
    ctx = multiprocessing.get_context("fork")
    barrier = ctx.Barrier(PROCESSES)
    results = ctx.Queue()
    procs = [
        ctx.Process(target=_worker, args=(barrier, results, lock, delay)) for _ in range(PROCESSES)
    ]
    for proc in procs:
        proc.start()
    outcomes = [results.get(timeout=120) for _ in procs]
    for proc in procs:
        proc.join(timeout=60)
    return outcomes


@pytest.fixture
def soon(transactional_db, make_event):
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (set DATABASE_URL=postgres://...): row locks are the point")
    start = timezone.now() + timedelta(hours=5)
    page = make_event(
        registration_mode="open", capacity=PEOPLE, start=start, end=start + timedelta(hours=2)
    )
    for n in range(PEOPLE):
        services.register(page, name=f"P{n}", email=f"p{n}@example.org", places=1)
    assert Registration.objects.filter(status="confirmed").count() == PEOPLE
    return page


def test_each_reminder_is_queued_once(soon):
    outcomes = race(lock=True)
    assert not [o for o in outcomes if isinstance(o, str)], outcomes
    assert sum(outcomes) == PEOPLE
    assert not Registration.objects.filter(reminder_sent_at__isnull=True).exists()
    assert race(lock=True) == [0] * PROCESSES  # a later run finds nothing due


def test_control_without_the_lock_sends_twice(soon):
    outcomes = race(lock=False, delay=0.5)
    assert not [o for o in outcomes if isinstance(o, str)], outcomes
    assert sum(outcomes) > PEOPLE, "the race test would not catch a double send"
