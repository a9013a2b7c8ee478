"""Retention: delete unconfirmed signatures after the link expired; anonymise after the appeal ends.

Counts per country (AppealCountryCount), the counters and organisations that
agreed to be public are kept.
"""

from datetime import timedelta

from django.db import transaction

from campaign_kit.core import conf

from .models import AppealPage, AppealStatus, Signature, SignatureStatus
from .security import confirm_days
from .services import _anonymise


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
    for signature in expired.iterator():
        if signature.logo:
            signature.logo.delete(save=False)
    expired.delete()  # pending signatures never counted, so the counters stay right
    for signature in to_anonymise.iterator(chunk_size=500):
        with transaction.atomic():
            _anonymise(signature, now)
    return result
