"""Retention: delete unconfirmed signatures after the link expired; anonymise after the appeal ends.

Counts per country (AppealCountryCount), the counters and organisations that
agreed to be public are kept.
"""

from datetime import timedelta

from campaign_kit.core import conf
from campaign_kit.core.batches import in_batches

from .models import AppealPage, AppealStatus, Signature, SignatureStatus
from .security import confirm_days
from .services import _anonymise

ANONYMISE_BATCH = 500  # rows loaded whole (each keeps or drops its public parts)


def retention_days():
    return int(conf.get("APPEAL_RETENTION_DAYS"))


def purge_personal_data(now, dry_run=False):
    expired = Signature.objects.filter(
        status=SignatureStatus.PENDING, created_at__lt=now - timedelta(days=confirm_days())
    )
    cutoff = (now - timedelta(days=retention_days())).date()
    ended_keys = set(
        AppealPage.objects.filter(
            status__in=[AppealStatus.CLOSED, AppealStatus.DELIVERED], closed_on__lte=cutoff
        )
        .values_list("translation_key", flat=True)
        .distinct()
    )
    to_anonymise = Signature.objects.filter(appeal_key__in=ended_keys, anonymised_at__isnull=True)
    result = {
        "appeals.unconfirmed_signatures_deleted": expired.count(),
        "appeals.signatures_anonymised": to_anonymise.exclude(pk__in=expired.values("pk")).count(),
    }
    if dry_run:
        return result
    in_batches(expired, _delete_pending)  # pending signatures never counted: counters stay
    in_batches(to_anonymise, lambda batch: _anonymise_all(batch, now), size=ANONYMISE_BATCH)
    return result


def _delete_pending(batch):
    for signature in batch.exclude(logo="").only("pk", "logo"):
        signature.logo.delete(save=False)
    batch.delete()


def _anonymise_all(batch, now):
    for signature in batch:
        _anonymise(signature, now)
