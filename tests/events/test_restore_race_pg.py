"""Restoring a cancelled registration races new registrants for the last place on PostgreSQL.

Real processes, released together: one restores the cancelled registration, the others
register for the same single free place. The event lock in ``services.restore`` and
``services.register`` lets exactly one of them have it; nobody oversells. The control run
switches the lock off and widens the window between reading and writing, in the child
processes only, and must oversell: proof that the test would catch a missing lock.
"""

import multiprocessing
import time

import pytest
from django.db import connection, connections

from campaign_kit.events import services
from campaign_kit.events.models import Registration

pytestmark = [pytest.mark.postgres, pytest.mark.forks]

REGISTRANTS = 7
CAPACITY = 3


def _worker(page_id, registration_id, n, barrier, results, lock):
    from django.db import connections as child_connections

    from campaign_kit.events.models import EventPage, Registration

    if not lock:  # the control, in this child process only
        services.lock_pool = lambda pool: pool
        read_places = services.places_taken

        def slow_read(event_key):
            taken = read_places(event_key)
            time.sleep(0.3)
            return taken

        services.places_taken = slow_read
    try:
        page = EventPage.objects.get(pk=page_id)
        cancelled = Registration.objects.get(pk=registration_id)
        barrier.wait(timeout=60)
        try:
            if n == 0:
                services.restore(cancelled)
                results.put("restored")
            else:
                email = f"new{n}@example.org"
                services.register(page, name=f"New {n}", email=email, places=1, language="en")
                results.put("registered")
        except services.RegistrationError:
            results.put("refused")
    except Exception as exc:  # reported to the parent, which fails the test
        results.put(f"error: {exc!r}")
    finally:
        child_connections.close_all()


@pytest.fixture
def full_but_one(transactional_db, make_event):
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (set DATABASE_URL=postgres://...): row locks are the point")
    page = make_event(
        registration_mode="open",
        capacity=CAPACITY,
        waiting_list=False,
        max_places_per_registration=1,
    )
    for n in range(CAPACITY):
        services.register(page, name=f"Old {n}", email=f"old{n}@example.org", places=1)
    cancelled = Registration.objects.order_by("id").last()
    services.cancel(cancelled)
    return page, cancelled


def race(page, cancelled, lock):
    connections.close_all()
    ctx = multiprocessing.get_context("fork")
    barrier = ctx.Barrier(REGISTRANTS + 1)
    results = ctx.Queue()
    procs = [
        ctx.Process(target=_worker, args=(page.pk, cancelled.pk, n, barrier, results, lock))
        for n in range(REGISTRANTS + 1)
    ]
    for proc in procs:
        proc.start()
    outcomes = [results.get(timeout=120) for _ in procs]
    for proc in procs:
        proc.join(timeout=60)
    assert not [o for o in outcomes if o.startswith("error")], outcomes
    return outcomes


def test_restore_and_new_registrations_share_the_last_place(full_but_one):
    page, cancelled = full_but_one
    outcomes = race(page, cancelled, lock=True)
    assert outcomes.count("restored") + outcomes.count("registered") == 1, outcomes
    assert services.places_taken(page.translation_key) == CAPACITY


def test_control_without_the_lock_oversells(full_but_one):
    page, cancelled = full_but_one
    outcomes = race(page, cancelled, lock=False)
    assert outcomes.count("restored") + outcomes.count("registered") > 1, outcomes
    assert services.places_taken(page.translation_key) > CAPACITY
