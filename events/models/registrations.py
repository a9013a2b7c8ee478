"""Data shared by every translation of an event: the seat pool and registrations."""

import uuid

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class EventPool(models.Model):
    """One row per translation group of an event; locked while places are taken.

    Also remembers what calendars need across languages: the SEQUENCE, raised
    whenever time, place or status change, and a fingerprint of those values.
    """

    event_key = models.UUIDField(_("event key"), unique=True, editable=False)
    title = models.CharField(_("event"), max_length=255, blank=True)
    starts_at = models.DateTimeField(_("starts at"), null=True, blank=True)
    ends_at = models.DateTimeField(_("ends at"), null=True, blank=True)
    sequence = models.PositiveIntegerField(_("calendar sequence"), default=0)
    fingerprint = models.CharField(max_length=64, blank=True, editable=False)
    changed_at = models.DateTimeField(_("last change of time, place or status"), auto_now_add=True)
    cancellation_notified_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("event registrations")
        verbose_name_plural = _("events with registrations")
        ordering = ["-starts_at"]
        permissions = [
            (
                "view_registrations",
                _("Can see and handle event registrations (names and e-mail addresses)"),
            )
        ]

    def __str__(self):
        return self.title or str(self.event_key)


class RegistrationStatus(models.TextChoices):
    PENDING = "pending", _("Pending e-mail confirmation")
    CONFIRMED = "confirmed", _("Confirmed")
    WAITING = "waiting", _("Waiting list")
    CANCELLED = "cancelled", _("Cancelled")


ACTIVE_STATUSES = [
    RegistrationStatus.PENDING,
    RegistrationStatus.CONFIRMED,
    RegistrationStatus.WAITING,
]
# Confirmed registrations, and pending ones that will be confirmed with places (not those
# that asked for the waiting list): what counts against the capacity.
HOLDS_PLACES = Q(status=RegistrationStatus.CONFIRMED) | Q(
    status=RegistrationStatus.PENDING, wants_waiting_list=False
)


class RegistrationQuerySet(models.QuerySet):
    def for_event(self, event_key):
        return self.filter(event_key=event_key)

    def active(self):
        return self.filter(status__in=ACTIVE_STATUSES)

    def holding_places(self):
        return self.filter(HOLDS_PLACES)

    def waiting(self):
        """The waiting list, first come first served."""
        return self.filter(status=RegistrationStatus.WAITING).order_by("created_at", "id")


class Registration(models.Model):
    # Personal data, not content: kept out of Wagtail's reference index (the event page's
    # "usage" listing), which also spares a queued task per registration.
    wagtail_reference_index_ignore = True

    pool = models.ForeignKey(
        EventPool, verbose_name=_("event"), on_delete=models.CASCADE, related_name="registrations"
    )
    event_key = models.UUIDField(_("event key"), db_index=True, editable=False)
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    name = models.CharField(_("name"), max_length=120, blank=True)
    email = models.EmailField(_("e-mail"), max_length=254, blank=True)
    email_hash = models.CharField(max_length=64, blank=True, editable=False)
    places = models.PositiveSmallIntegerField(_("places"), default=1)
    status = models.CharField(
        _("status"), max_length=12, choices=RegistrationStatus.choices, db_index=True
    )
    # While pending: whether confirming will give places or a waiting-list spot.
    wants_waiting_list = models.BooleanField(default=False, editable=False)
    language = models.CharField(_("language"), max_length=12, default="en")
    consent_version = models.CharField(_("privacy text version"), max_length=40)
    created_at = models.DateTimeField(_("registered at"), auto_now_add=True, db_index=True)
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)
    promoted_at = models.DateTimeField(_("moved up at"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True)
    checked_in_at = models.DateTimeField(_("checked in at"), null=True, blank=True)
    anonymised_at = models.DateTimeField(_("anonymised at"), null=True, blank=True)
    # Set by the one worker that queues the reminder (events.mailings.queue_reminders).
    reminder_sent_at = models.DateTimeField(_("reminder sent at"), null=True, blank=True)

    objects = RegistrationQuerySet.as_manager()

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["created_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["event_key", "email_hash"],
                condition=Q(status__in=ACTIVE_STATUSES) & ~Q(email_hash=""),
                name="events_one_active_registration_per_address",
            )
        ]
        indexes = [models.Index(fields=["event_key", "status"])]

    def __str__(self):
        return self.name or str(_("(anonymised)"))

    @property
    def is_active(self):
        """In memory, the rule of ``RegistrationQuerySet.active``."""
        return self.status in ACTIVE_STATUSES
