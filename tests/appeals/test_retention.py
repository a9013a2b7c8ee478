from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from campaign_kit.appeals import retention
from campaign_kit.appeals.models import AppealCountryCount, Signature
from campaign_kit.appeals.retention import purge_personal_data
from campaign_kit.appeals.services import recount
from tests.factories.appeals import SignatureFactory


def test_unconfirmed_signatures_deleted_after_expiry(appeal):
    old = SignatureFactory(appeal_key=appeal.translation_key, status="pending", confirmed_at=None)
    Signature.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=8))
    fresh = SignatureFactory(appeal_key=appeal.translation_key, status="pending", confirmed_at=None)
    result = purge_personal_data(timezone.now(), dry_run=True)
    assert result["appeals.unconfirmed_signatures_deleted"] == 1
    assert Signature.objects.count() == 2
    purge_personal_data(timezone.now())
    assert list(Signature.objects.values_list("pk", flat=True)) == [fresh.pk]


def test_anonymised_after_appeal_ends_keeping_counts_and_public_orgs(appeal, settings):
    key = appeal.translation_key
    SignatureFactory(appeal_key=key, name="Person One", city="Berlin", country="DE")
    SignatureFactory(
        appeal_key=key,
        kind="organisation",
        organisation_name="Public Org",
        moderation="approved",
        country="FR",
    )
    recount(key)
    appeal.status = "delivered"
    appeal.delivered_on = timezone.localdate() - timedelta(days=200)
    appeal.closed_on = appeal.delivered_on
    appeal.save_revision().publish()
    settings.CAMPAIGN_KIT_APPEAL_RETENTION_DAYS = 180
    call_command("purge_personal_data")
    person = Signature.objects.get(kind="person")
    org = Signature.objects.get(kind="organisation")
    assert (person.name, person.email, person.city) == ("", "", "")
    assert person.anonymised_at is not None
    assert org.organisation_name == "Public Org" and org.email == "" and org.name == ""
    counts = {
        c.country.code: (c.people, c.organisations)
        for c in AppealCountryCount.objects.filter(appeal_key=key)
    }
    assert counts == {"DE": (1, 0), "FR": (0, 1)}
    assert recount(key).people == 1


def test_anonymising_resumes_after_a_crash_keeping_finished_batches(appeal, monkeypatch):
    """One transaction per batch: a run killed in its second batch keeps the first, rolls the
    second back whole, and the next run finishes the rest; the counts never move."""
    key = appeal.translation_key
    for n in range(5):
        SignatureFactory(appeal_key=key, name=f"Person {n}", email=f"p{n}@example.org")
    counts_before = recount(key).people
    appeal.status = "closed"
    appeal.closed_on = timezone.localdate() - timedelta(days=400)
    appeal.save_revision().publish()
    monkeypatch.setattr(retention, "ANONYMISE_BATCH", 2)
    calls = []
    real = retention._anonymise

    def crash_on_the_fourth(signature, now):
        calls.append(signature.pk)
        if len(calls) == 4:
            raise RuntimeError("worker killed")
        real(signature, now)

    monkeypatch.setattr(retention, "_anonymise", crash_on_the_fourth)
    with pytest.raises(RuntimeError):
        purge_personal_data(timezone.now())
    assert Signature.objects.filter(anonymised_at__isnull=False).count() == 2
    monkeypatch.setattr(retention, "_anonymise", real)
    purge_personal_data(timezone.now())
    assert not Signature.objects.exclude(name="").exists()
    assert Signature.objects.filter(anonymised_at__isnull=True).count() == 0
    assert recount(key).people == counts_before == 5
