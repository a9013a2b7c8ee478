"""Retention rules, run by `manage.py purge_personal_data` (e.g. daily from cron).

- Registrations still waiting for e-mail confirmation are deleted after 48 hours.
- Names and e-mail addresses are removed a configurable number of days after
  the event ends (CAMPAIGN_KIT_EVENTS_RETENTION_DAYS, default 30). Places,
  status and dates stay, so the counts remain.
"""

from datetime import timedelta

from campaign_kit.core import conf
from campaign_kit.core.batches import in_batches

from .models import Registration, RegistrationStatus

UNCONFIRMED_HOURS = 48


def retention_days():
    return int(conf.get("EVENTS_RETENTION_DAYS"))


def purge_personal_data(now, dry_run=False):
    unconfirmed = Registration.objects.filter(
        status=RegistrationStatus.PENDING,
        created_at__lt=now - timedelta(hours=UNCONFIRMED_HOURS),
    )
    expired = Registration.objects.filter(
        anonymised_at__isnull=True,
        pool__ends_at__lt=now - timedelta(days=retention_days()),
    )
    result = {
        "events.unconfirmed_registrations_deleted": unconfirmed.count(),
        "events.registrations_anonymised": expired.count(),
    }
    if dry_run:
        return result
    # In batches: deleting collects the rows (signals are connected), and one transaction
    # over every row of a busy year would hold its locks for the whole run.
    in_batches(unconfirmed, lambda batch: batch.delete())
    in_batches(
        expired, lambda batch: batch.update(name="", email="", email_hash="", anonymised_at=now)
    )
    return result
