"""Mails the staff write to an event's registrants, and the reminder before each event.

Both only queue mails (one task per registrant, in the same transaction as the record); the
task renders each mail in the registrant's language (emails.send_registration_mail).
"""

from datetime import timedelta
from numbers import Real

from django.core.exceptions import ImproperlyConfigured
from django.db import transaction
from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext as _

from campaign_kit.core import conf, queueing

from .models import EventMessage, MessageAudience, Registration, RegistrationStatus

S = RegistrationStatus
AUDIENCES = {
    MessageAudience.CONFIRMED: [S.CONFIRMED],
    MessageAudience.WAITING: [S.WAITING],
    MessageAudience.BOTH: [S.CONFIRMED, S.WAITING],
}


class MailingError(Exception):
    """A refusal the staff member should see (translated); nothing was queued."""

    def __init__(self, message):
        super().__init__(str(message))
        self.message = message


def recipients(pool, audience):
    return Registration.objects.filter(pool=pool, status__in=AUDIENCES[audience]).exclude(email="")


def recipients_by_language(pool, audience):
    """{language: number of recipients}, for the preview."""
    rows = recipients(pool, audience).values("language").annotate(n=Count("id")).order_by()
    return {row["language"]: row["n"] for row in rows}


def _enqueue(kind, registration_id, **extra):
    from . import tasks

    queueing.enqueue(tasks.send_registration_mail, kind, registration_id, **extra)


@transaction.atomic
def send_message(pool, *, audience, language, subject, body, translations, user, expected):
    """Record the message and queue one mail per recipient. ``expected`` is the count the staff
    member saw in the preview: if it changed meanwhile, nothing is sent and they look again."""
    ids = list(recipients(pool, audience).values_list("pk", flat=True))
    if not ids:
        raise MailingError(_("Nobody in this group is registered for the event; nothing was sent."))
    if len(ids) != expected:
        raise MailingError(
            _("The number of recipients changed since the preview; check it and send again.")
        )
    message = EventMessage.objects.create(
        pool=pool,
        sent_by=user,
        audience=audience,
        language=language,
        subject=subject,
        body=body,
        translations=translations,
        recipient_count=len(ids),
    )
    for pk in ids:
        _enqueue("message", pk, message_id=message.pk)
    return message


def reminder_hours():
    """``CAMPAIGN_KIT_EVENTS_REMINDER_HOURS``, checked: a positive number of hours."""
    hours = conf.get("EVENTS_REMINDER_HOURS")
    if isinstance(hours, bool) or not isinstance(hours, Real) or not 0 < hours <= 24 * 60:
        raise ImproperlyConfigured(
            _(
                "CAMPAIGN_KIT_EVENTS_REMINDER_HOURS must be a number of hours before the event "
                "greater than 0 and at most 1440 (60 days), e.g. 24; it is %(value)r."
            )
            % {"value": hours}
        )
    return hours


def due_reminders(now, hours):
    """Confirmed registrations of events that start within ``hours`` and are not cancelled,
    not yet reminded."""
    return Registration.objects.filter(
        status=S.CONFIRMED,
        reminder_sent_at__isnull=True,
        pool__starts_at__gt=now,
        pool__starts_at__lte=now + timedelta(hours=hours),
        pool__cancellation_notified_at__isnull=True,
    ).exclude(email="")


def take_due(now, hours, batch):
    """Ids of up to ``batch`` due reminders, locked until the transaction ends; other workers
    skip locked rows (SKIP LOCKED) rather than wait for them or take them too."""
    due = due_reminders(now, hours).select_for_update(skip_locked=True, of=("self",))
    return list(due.order_by("pk").values_list("pk", flat=True)[:batch])


def queue_reminders(now=None, batch=500):
    """Queue each due reminder exactly once, even with several workers running this at once:
    a worker takes its rows (take_due) and marks them in the same transaction as it queues
    their mails; the mark makes the rows no longer due. On SQLite IMMEDIATE transactions
    serialise the workers instead."""
    hours = reminder_hours()
    now = now or timezone.now()
    queued = 0
    while True:
        with transaction.atomic():
            ids = take_due(now, hours, batch)
            if not ids:
                return queued
            Registration.objects.filter(pk__in=ids).update(reminder_sent_at=now)
            for pk in ids:
                _enqueue("reminder", pk)
        queued += len(ids)
