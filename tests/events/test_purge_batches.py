"""purge_personal_data works in batches, one transaction each, and resumes after a crash."""

import uuid
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.db.models.signals import post_delete
from django.utils import timezone

from campaign_kit.core import batches
from campaign_kit.events.models import EventPool, Registration

pytestmark = pytest.mark.django_db


@pytest.fixture
def old_pending():
    pool = EventPool.objects.create(event_key=uuid.uuid4(), ends_at=timezone.now())
    rows = Registration.objects.bulk_create(
        Registration(
            pool=pool,
            event_key=pool.event_key,
            name=f"P{n}",
            email=f"p{n}@example.org",
            consent_version="1",
            status="pending",
        )
        for n in range(5)
    )
    Registration.objects.update(created_at=timezone.now() - timedelta(days=3))
    return rows


def test_a_crash_keeps_the_finished_batches_and_a_rerun_finishes(monkeypatch, old_pending):
    monkeypatch.setattr(batches, "BATCH_SIZE", 2)
    deleted = []

    def crash_on_the_third(sender, instance, **kwargs):
        deleted.append(instance.pk)
        if len(deleted) == 3:
            raise RuntimeError("worker killed")

    post_delete.connect(crash_on_the_third, sender=Registration, dispatch_uid="crash")
    try:
        with pytest.raises(RuntimeError):
            call_command("purge_personal_data", stdout=None)
    finally:
        post_delete.disconnect(dispatch_uid="crash", sender=Registration)
    # The first batch committed; the second rolled back whole.
    assert Registration.objects.count() == 3
    call_command("purge_personal_data")
    assert Registration.objects.count() == 0


def test_batches_see_changes_made_meanwhile(monkeypatch, old_pending):
    """A registration confirmed after the run picked its batch is not deleted."""
    monkeypatch.setattr(batches, "BATCH_SIZE", 2)
    confirmed = old_pending[-1]

    calls = []

    def confirm_the_last(batch):
        calls.append(batch)
        if len(calls) == 3:  # the last batch, [confirmed], was picked while still pending
            Registration.objects.filter(pk=confirmed.pk).update(status="confirmed")
        batch.delete()

    qs = Registration.objects.filter(status="pending")
    assert batches.in_batches(qs, confirm_the_last) == 5
    assert list(Registration.objects.values_list("pk", flat=True)) == [confirmed.pk]
