"""Real OS processes race for the last places on PostgreSQL.

Each child is forked after the parent closed its connections, so every child
opens its own connection to the same test database. A barrier releases them
together. The locked run must give exactly the capacity; the control run, with
the lock switched off and a pause between reading and writing (both injected here, in
the child processes, never through the service's arguments), must oversell, which
proves this test would catch a missing lock.
"""

import multiprocessing
import time

import pytest
from django.db import connection, connections

from campaign_kit.events import services
from campaign_kit.events.models import Registration

pytestmark = [pytest.mark.postgres, pytest.mark.forks]

PROCESSES = 24
CAPACITY = 5


def _worker(page_id, n, barrier, results, lock, delay):
    from django.db import connections as child_connections

    from campaign_kit.events.models import EventPage

    if not lock:  # the control: in this child process only
        services.lock_pool = lambda pool: pool
    if delay:
        read_places = services.places_taken

        def slow_read(event_key):
            taken = read_places(event_key)
            time.sleep(delay)  # widen the window between reading and writing
            return taken

        services.places_taken = slow_read
    try:
        page = EventPage.objects.get(pk=page_id)
        barrier.wait(timeout=60)
        try:
            outcome = services.register(
                page,
                name=f"Person {n}",
                email=f"person{n}@example.org",
                places=1,
                language="en",
            )
            results.put(outcome.status)
        except services.RegistrationError:
            results.put("refused")
    except Exception as exc:  # reported to the parent, which fails the test
        results.put(f"error: {exc!r}")
    finally:
        child_connections.close_all()


def race(page, *, lock, delay=0.0):
    connections.close_all()
    ctx = multiprocessing.get_context("fork")
    barrier = ctx.Barrier(PROCESSES)
    results = ctx.Queue()
    procs = [
        ctx.Process(target=_worker, args=(page.pk, n, barrier, results, lock, delay))
        for n in range(PROCESSES)
    ]
    for proc in procs:
        proc.start()
    outcomes = [results.get(timeout=120) for _ in procs]
    for proc in procs:
        proc.join(timeout=60)
    return outcomes


@pytest.fixture
def pg_only():
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (set DATABASE_URL=postgres://...): row locks are the point")


@pytest.fixture
def race_event(pg_only, transactional_db, make_event):
    return make_event(
        registration_mode="open",
        capacity=CAPACITY,
        waiting_list=False,
        max_places_per_registration=1,
    )


def test_last_places_are_never_oversold(race_event):
    outcomes = race(race_event, lock=True)
    assert not [o for o in outcomes if o.startswith("error")], outcomes
    assert outcomes.count("confirmed") == CAPACITY
    assert outcomes.count("refused") == PROCESSES - CAPACITY
    assert services.places_taken(race_event.translation_key) == CAPACITY
    assert Registration.objects.filter(status="confirmed").count() == CAPACITY


def test_waiting_list_takes_the_rest_exactly(pg_only, transactional_db, make_event):
    page = make_event(registration_mode="open", capacity=CAPACITY, waiting_list=True)
    outcomes = race(page, lock=True)
    assert outcomes.count("confirmed") == CAPACITY
    assert outcomes.count("waiting") == PROCESSES - CAPACITY
    assert Registration.objects.filter(status="waiting").count() == PROCESSES - CAPACITY


def test_control_without_the_lock_oversells(race_event):
    outcomes = race(race_event, lock=False, delay=0.3)
    confirmed = Registration.objects.filter(status="confirmed").count()
    assert outcomes.count("confirmed") == confirmed
    assert confirmed > CAPACITY, "the race test would not catch an oversell"
