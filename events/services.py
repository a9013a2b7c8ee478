"""Business rules for registrations: plain transactional functions.

Places are taken under a lock on the event's EventPool row, which every
translation of the event shares (keyed on the page's translation_key). On
PostgreSQL that is SELECT ... FOR UPDATE; on SQLite the project opens
IMMEDIATE transactions, so atomic() already serialises writers.
"""

import hashlib
from dataclasses import dataclass
from datetime import UTC

from django.conf import settings
from django.db import transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from campaign_kit.core import conf, queueing, sync

from .models import EventPage, EventPool, EventStatus, Registration, RegistrationStatus
from .security import email_hash

S = RegistrationStatus


class RegistrationError(Exception):
    """A refusal the visitor should see (translated), with an HTTP status."""

    def __init__(self, message, status=400, field=None):
        super().__init__(str(message))
        self.message = message
        self.status = status
        self.field = field


@dataclass
class Outcome:
    status: str  # confirmed, waiting or pending
    registration: Registration | None  # None when the address was already registered


def source_page(page):
    """The page whose synchronised fields rule (the source of the translation group)."""
    page = page.specific
    if page.alias_of_id:
        return page.alias_of.specific
    return page


def _utc_seconds(value):
    return value.astimezone(UTC).replace(microsecond=0).isoformat() if value else ""


def fingerprint(page):
    # Whole seconds in UTC: revisions and translation copies may round microseconds, and a
    # page read from a revision carries another offset than one read from its row.
    parts = [
        _utc_seconds(page.start),
        _utc_seconds(page.end),
        page.time_zone,
        str(page.all_day),
        page.attendance_mode,
        page.street,
        page.postcode,
        page.city,
        str(page.country),
        page.online_url,
        page.status,
        page.venue_name,
    ]
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()


def ensure_pool(page):
    pool, _created = EventPool.objects.get_or_create(
        event_key=page.translation_key,
        defaults={
            "title": page.title[:255],
            "starts_at": page.start,
            "ends_at": page.end,
            "fingerprint": fingerprint(page),
        },
    )
    return pool


def sync_pool(page):
    """After a publish: keep dates, title and SEQUENCE of the shared row current.

    Time, place and status are the source's (core.sync): publishing a translation, with its
    own venue name or from an older revision, is no change for calendars.
    Returns (pool, changed, became_cancelled).
    """
    source = sync.source_of(page)
    with transaction.atomic():
        pool = lock_pool(ensure_pool(source))
        new = fingerprint(source)
        changed = new != pool.fingerprint
        if page.pk == source.pk or not pool.title:
            pool.title = page.title[:255]
        pool.starts_at, pool.ends_at = source.start, source.end
        became_cancelled = False
        if changed:
            pool.sequence += 1
            pool.fingerprint = new
            pool.changed_at = timezone.now()
            became_cancelled = (
                source.status == EventStatus.CANCELLED and pool.cancellation_notified_at is None
            )
            if source.status != EventStatus.CANCELLED:
                # Re-scheduled: a later cancellation must be announced again.
                pool.cancellation_notified_at = None
        pool.save()
    if became_cancelled:
        cancel_event(source)
    return pool, changed, became_cancelled


def lock_pool(pool):
    """The event's pool row, locked until the transaction ends: every change to one event's
    places (register, confirm, cancel, move up, restore) waits here for the one before."""
    return EventPool.objects.select_for_update().get(pk=pool.pk)


def places_taken(event_key):
    result = Registration.objects.for_event(event_key).holding_places().aggregate(n=Sum("places"))
    return result["n"] or 0


def places_taken_by_key(event_keys):
    """``{event key: places held}`` for several events in one query (keys without any are 0)."""
    rows = (
        Registration.objects.holding_places()
        .filter(event_key__in=list(event_keys))
        .values("event_key")
        .annotate(n=Sum("places"))
        .order_by()
    )
    return {row["event_key"]: row["n"] or 0 for row in rows}


@dataclass(frozen=True)
class Fill:
    """How full an event is, for the bar on event cards."""

    capacity: int
    taken: int

    @property
    def left(self):
        return max(self.capacity - self.taken, 0)

    @property
    def percent(self):
        return min(100, round(self.taken * 100 / self.capacity)) if self.capacity else 100


def attach_fill(events):
    """Set ``event.fill`` (a ``Fill``, or None without a capacity or registration) on each
    event of a list, with one query for all of them; returns the list."""
    events = list(events)
    counted = [e for e in events if e.capacity is not None and e.registration_mode == "open"]
    taken = places_taken_by_key({e.translation_key for e in counted}) if counted else {}
    for event in events:
        event.fill = (
            Fill(event.capacity, taken.get(event.translation_key, 0)) if event in counted else None
        )
    return events


def counts(event_key):
    """Places per status for one event (for pages and admin)."""
    rows = (
        Registration.objects.filter(event_key=event_key)
        .values("status")
        .annotate(n=Sum("places"))
        .order_by()
    )
    data = {s.value: 0 for s in S}
    for row in rows:
        data[row["status"]] = row["n"] or 0
    return data


def remaining_places(page):
    page = source_page(page)
    if page.capacity is None:
        return None
    return max(page.capacity - places_taken(page.translation_key), 0)


def check_open(page, now=None):
    """Raise RegistrationError unless registration is open now."""
    now = now or timezone.now()
    if page.registration_mode != "open":
        raise RegistrationError(_("This event has no registration."), status=404)
    if page.status in (EventStatus.CANCELLED, EventStatus.POSTPONED):
        raise RegistrationError(_("This event is not taking registrations."), status=409)
    opens, closes = page.registration_window()
    if opens and now < opens:
        raise RegistrationError(_("Registration has not opened yet."), status=403)
    if now >= closes:
        raise RegistrationError(_("Registration is closed."), status=403)


def _enqueue_mail(kind, registration_id, **extra):
    from . import tasks

    queueing.enqueue(tasks.send_registration_mail, kind, registration_id, **extra)


def register(page, *, name, email, places, language=None, now=None):
    """Register for an event.

    An address already registered gets the same answer as a new one, after the same work:
    the insert is tried (the unique constraint refuses the repeat) and one
    task is queued either way, which then mails the new registrant or tells the owner of
    the address (``answer_registration``). Nothing in the reply's timing tells them apart.
    """
    page = source_page(page)
    check_open(page, now)
    if places < 1 or places > page.max_places_per_registration:
        raise RegistrationError(
            _("You can register for at most %(n)s places.")
            % {"n": page.max_places_per_registration},
            field="places",
        )
    language = (language or get_language() or settings.LANGUAGE_CODE)[:12]
    email = email.strip()
    digest = email_hash(email)
    pool = ensure_pool(page)
    with transaction.atomic():
        pool = lock_pool(pool)
        taken = places_taken(page.translation_key)
        free = None if page.capacity is None else page.capacity - taken
        has_room = free is None or free >= places
        if not has_room and not page.waiting_list:
            if free is not None and free > 0:
                raise RegistrationError(
                    _("Only %(n)s places are left.") % {"n": free}, status=409, field="places"
                )
            raise RegistrationError(_("Sorry, this event is full."), status=409)
        outcome = _outcome_for(page, has_room)
        registration = Registration(
            pool=pool,
            event_key=page.translation_key,
            name=name.strip(),
            email=email,
            email_hash=digest,
            places=places,
            status=outcome,
            wants_waiting_list=not has_room,
            language=language,
            consent_version=conf.privacy_version(),
            confirmed_at=timezone.now() if outcome == S.CONFIRMED else None,
        )
        public_id = registration.public_id  # the task's way to tell the two cases apart
        # Refused when the address is registered (or is being, at this moment).
        if not queueing.insert_unless_conflict(registration):
            registration = None
        from . import tasks

        queueing.enqueue(
            tasks.answer_registration,
            str(public_id),
            str(page.translation_key),
            digest,
        )
        return Outcome(outcome, registration)


def answer_registration(public_id, event_key, digest):
    """In the worker: mail the registration just stored, or, if none was (the address was
    registered already), tell the owner of the address. Returns the mail's kind, or None."""
    from . import emails

    registration = Registration.objects.filter(public_id=public_id).first()
    kind = "registered"
    if registration is None:
        kind = "duplicate"
        registration = (
            Registration.objects.for_event(event_key).active().filter(email_hash=digest).first()
        )
    if registration is None:
        return None
    emails.send_registration_mail(kind, registration.pk)
    return kind


def _outcome_for(page, has_room):
    if page.email_confirmation:
        return S.PENDING
    return S.CONFIRMED if has_room else S.WAITING


def event_page(event_key, language=None):
    """The event page in `language` if it exists, else its source page."""
    pages = list(EventPage.objects.filter(translation_key=event_key).select_related("locale"))
    if not pages:
        return None
    for page in pages:
        if language and page.locale.language_code == language:
            return page
    for page in pages:
        if not page.alias_of_id and page.locale.language_code == settings.LANGUAGE_CODE:
            return page
    return pages[0]


def confirm(registration):
    """Confirm a pending registration; confirming twice is harmless, a cancelled one is
    refused (410)."""
    with transaction.atomic():
        lock_pool(registration.pool)
        registration = Registration.objects.get(pk=registration.pk)
        if registration.status == S.CANCELLED:
            raise RegistrationError(_("This registration has been cancelled."), status=410)
        if registration.status != S.PENDING:
            return registration
        if registration.wants_waiting_list:
            registration.status = S.WAITING
        else:
            registration.status = S.CONFIRMED
            registration.confirmed_at = timezone.now()
        registration.save(update_fields=["status", "confirmed_at"])
        _enqueue_mail("confirmed", registration.pk)
        if registration.status == S.WAITING:
            # Places may have been freed while this one waited for confirmation.
            promote_waiting(registration.pool)
        return Registration.objects.get(pk=registration.pk)


def cancel(registration, *, by_staff=False):
    """Cancel a registration, free its places and move the waiting list up. Cancelling twice
    is harmless; after the event, only staff may (a registrant's link is refused, 409)."""
    with transaction.atomic():
        pool = lock_pool(registration.pool)
        registration = Registration.objects.get(pk=registration.pk)
        if registration.status == S.CANCELLED:
            return registration
        if not by_staff:
            page = event_page(pool.event_key)
            if page is not None and source_page(page).is_past:
                raise RegistrationError(_("The event is over; nothing to cancel."), status=409)
        registration.status = S.CANCELLED
        registration.cancelled_at = timezone.now()
        registration.save(update_fields=["status", "cancelled_at"])
        _enqueue_mail("cancelled", registration.pk, by_staff=by_staff)
        promote_waiting(pool)
        return registration


def promote_waiting(pool):
    """Move people from the waiting list to confirmed while places allow, in order.

    Must run inside a transaction holding the pool lock. Stops at the first
    registration that does not fit, so nobody is overtaken.
    """
    page = event_page(pool.event_key)
    if page is None:
        return []
    page = source_page(page)
    if page.status in (EventStatus.CANCELLED, EventStatus.POSTPONED):
        return []
    promoted = []
    taken = places_taken(pool.event_key)
    for registration in Registration.objects.for_event(pool.event_key).waiting():
        if page.capacity is not None and taken + registration.places > page.capacity:
            break
        taken += registration.places
        _promote(registration)
        promoted.append(registration)
    return promoted


def _promote(registration):
    now = timezone.now()
    registration.status = S.CONFIRMED
    registration.promoted_at = now
    registration.confirmed_at = now
    registration.wants_waiting_list = False
    registration.save(update_fields=["status", "promoted_at", "confirmed_at", "wants_waiting_list"])
    _enqueue_mail("promoted", registration.pk)


def promote(registration):
    """Move one waiting registration up by hand, if its places are free."""
    with transaction.atomic():
        pool = lock_pool(registration.pool)
        registration = Registration.objects.get(pk=registration.pk)
        if registration.status != S.WAITING:
            raise RegistrationError(_("Only registrations on the waiting list can be moved up."))
        page = event_page(pool.event_key)
        capacity = source_page(page).capacity if page else None
        if capacity is not None and places_taken(pool.event_key) + registration.places > capacity:
            raise RegistrationError(_("There are not enough free places."), status=409)
        _promote(registration)
        return registration


def check_in(registration, present=True):
    """Mark a confirmed registration present (or not); others cannot check in."""
    with transaction.atomic():
        registration = Registration.objects.select_for_update().get(pk=registration.pk)
        if present and registration.status != S.CONFIRMED:
            raise RegistrationError(_("Only confirmed registrations can check in."))
        registration.checked_in_at = timezone.now() if present else None
        registration.save(update_fields=["checked_in_at"])
        return registration


def cancel_event(page):
    """Mail every active registrant (in their language) that the event is cancelled."""
    page = source_page(page)
    with transaction.atomic():
        pool = lock_pool(ensure_pool(page))
        if pool.cancellation_notified_at is not None:
            return 0
        pool.cancellation_notified_at = timezone.now()
        pool.save(update_fields=["cancellation_notified_at"])
        recipients = list(
            Registration.objects.for_event(pool.event_key)
            .active()
            .exclude(email="")
            .values_list("pk", flat=True)
        )
        for pk in recipients:
            _enqueue_mail("event_cancelled", pk)
        return len(recipients)


def restore(registration):
    """Undo a cancellation while its places are still free.

    Checked and taken under the pool lock, like ``register()``: the freed places may have gone
    to the waiting list or to a new registrant meanwhile, and then the event is full. Staff
    restore for a person they know, so the registration comes back confirmed (also one that
    was waiting or pending) and the person gets the confirmation mail again.
    """
    with transaction.atomic():
        pool = lock_pool(registration.pool)
        registration = Registration.objects.get(pk=registration.pk)
        if registration.status != S.CANCELLED:
            raise RegistrationError(_("Only cancelled registrations can be restored."))
        if registration.anonymised_at:
            raise RegistrationError(_("This registration was anonymised: it cannot be restored."))
        page = event_page(pool.event_key)
        page = source_page(page) if page else None
        if page is not None and page.status in (EventStatus.CANCELLED, EventStatus.POSTPONED):
            raise RegistrationError(_("This event is not taking registrations."), status=409)
        again = (
            Registration.objects.for_event(registration.event_key)
            .active()
            .filter(email_hash=registration.email_hash)
            .exclude(email_hash="")
        )
        if again.exists():
            raise RegistrationError(
                _("This person has registered again: there is nothing to restore."), status=409
            )
        capacity = page.capacity if page else None
        if capacity is not None and places_taken(pool.event_key) + registration.places > capacity:
            raise RegistrationError(
                _("The event is full: the places of this registration have been taken."),
                status=409,
            )
        registration.status = S.CONFIRMED
        registration.confirmed_at = registration.confirmed_at or timezone.now()
        registration.wants_waiting_list = False
        registration.cancelled_at = None
        registration.save(
            update_fields=["status", "confirmed_at", "wants_waiting_list", "cancelled_at"]
        )
        _enqueue_mail("confirmed", registration.pk)
        return registration
