"""Business rules for signing, confirming, withdrawing, moderating and counting.

Counters: every change that moves a signature in or out of the public count
locks the appeal's AppealCounter row (SELECT ... FOR UPDATE) and applies the
difference in the same transaction, so the totals are exact under concurrency
and reading them is one indexed row read.
"""

import logging
import uuid
from dataclasses import dataclass

from django.core.cache import cache
from django.db import transaction
from django.db.models import Count, F, Q, Sum
from django.utils import timezone

from campaign_kit.core import conf, queueing

from . import tasks
from .models import (
    AppealCounter,
    AppealCountryCount,
    Moderation,
    PaperCount,
    Signature,
    SignatureKind,
    SignatureStatus,
)
from .security import email_hash

log = logging.getLogger(__name__)


def mails_per_address_per_day():
    return int(conf.get("APPEAL_MAILS_PER_ADDRESS"))


def _enqueue(task_name, *args):
    queueing.enqueue(getattr(tasks, task_name), *args)


# --- counters -------------------------------------------------------------


def _locked_counter(appeal_key):
    AppealCounter.objects.bulk_create([AppealCounter(appeal_key=appeal_key)], ignore_conflicts=True)
    return AppealCounter.objects.select_for_update().get(appeal_key=appeal_key)


def _apply(appeal_key, country, people=0, organisations=0, paper=0):
    """Add the deltas to the appeal's counters; call inside a transaction."""
    if not (people or organisations or paper):
        return
    counter = _locked_counter(appeal_key)
    AppealCountryCount.objects.bulk_create(
        [AppealCountryCount(appeal_key=appeal_key, country=country)], ignore_conflicts=True
    )
    row = AppealCountryCount.objects.get(appeal_key=appeal_key, country=country)
    before_orgs = row.organisations
    AppealCountryCount.objects.filter(pk=row.pk).update(
        people=F("people") + people,
        organisations=F("organisations") + organisations,
        paper_people=F("paper_people") + paper,
    )
    after_orgs = before_orgs + organisations
    countries = (after_orgs > 0) - (before_orgs > 0)
    AppealCounter.objects.filter(pk=counter.pk).update(
        people=F("people") + people,
        organisations=F("organisations") + organisations,
        paper_people=F("paper_people") + paper,
        countries=F("countries") + countries,
        updated_at=timezone.now(),
    )


def _delta(signature, counted_before):
    counted_after = signature.counts
    if counted_before == counted_after:
        return
    step = 1 if counted_after else -1
    if signature.is_organisation:
        _apply(signature.appeal_key, signature.country, organisations=step)
    else:
        _apply(signature.appeal_key, signature.country, people=step)


@transaction.atomic
def recount(appeal_key):
    """Recompute the counters from the signature rows and paper counts; returns the counter."""
    counter = _locked_counter(appeal_key)
    counted = Signature.objects.filter(
        appeal_key=appeal_key, status=SignatureStatus.CONFIRMED
    ).filter(Q(kind=SignatureKind.PERSON) | Q(moderation=Moderation.APPROVED))
    per_country = {}
    for row in counted.values("country", "kind").annotate(n=Count("id")):
        entry = per_country.setdefault(
            row["country"], {"people": 0, "organisations": 0, "paper_people": 0}
        )
        entry["people" if row["kind"] == SignatureKind.PERSON else "organisations"] += row["n"]
    for row in (
        PaperCount.objects.filter(appeal_key=appeal_key).values("country").annotate(n=Sum("people"))
    ):
        entry = per_country.setdefault(
            row["country"], {"people": 0, "organisations": 0, "paper_people": 0}
        )
        entry["paper_people"] += row["n"]
    # Rows of anonymised signatures are deleted only for pending ones; confirmed
    # rows stay (without personal data), so the rows are the truth.
    AppealCountryCount.objects.filter(appeal_key=appeal_key).delete()
    AppealCountryCount.objects.bulk_create(
        [AppealCountryCount(appeal_key=appeal_key, country=c, **v) for c, v in per_country.items()]
    )
    counter.people = sum(v["people"] for v in per_country.values())
    counter.organisations = sum(v["organisations"] for v in per_country.values())
    counter.paper_people = sum(v["paper_people"] for v in per_country.values())
    counter.countries = sum(1 for v in per_country.values() if v["organisations"])
    counter.save()
    return counter


# --- signing --------------------------------------------------------------


@dataclass(frozen=True)
class SignResult:
    """What ``sign`` queued. Whether a row was written is not known to the request (the
    worker's task finds out); asking costs a query, which tests and logo clean-up pay."""

    public_id: uuid.UUID

    @property
    def signature(self):
        """The stored signature, or None when the address had already signed."""
        return Signature.objects.filter(public_id=self.public_id).first()

    @property
    def created(self):
        return self.signature is not None


def sign(appeal, data, language, kind=SignatureKind.PERSON):
    """Create a pending signature and queue the confirmation link.

    If the (normalised) address already signed this appeal, nothing is created. Both cases
    do the same work before the reply, so that its timing does not tell a stranger whether
    an address signed: one statement that inserts unless the address signed
    (``INSERT ... ON CONFLICT DO NOTHING``, Django's ``bulk_create(ignore_conflicts=True)``)
    and one task in the same transaction; the task then decides (``answer_repeat``). The
    caller shows the same neutral reply.
    """
    digest = email_hash(data["email"])
    fields = {
        "appeal_key": appeal.translation_key,
        "kind": kind,
        "name": data["name"],
        "email": data["email"].strip(),
        "email_hash": digest,
        "email_domain": data["email"].strip().rpartition("@")[2].lower(),
        "country": data["country"],
        "city": data.get("city", ""),
        "display": data.get("display") or "hidden",
        "newsletter": bool(data.get("newsletter")),
        "consent_version": conf.privacy_version(),
        "language": language,
    }
    if kind == SignatureKind.ORGANISATION:
        fields.update(
            organisation_name=data["organisation_name"],
            website=data.get("website", ""),
            statement=data.get("statement", ""),
            display="full",
        )
    signature = Signature(**fields)
    if kind == SignatureKind.ORGANISATION and data.get("logo"):
        signature.logo = data["logo"]
    # Row and mail task commit together (core/queueing.py); the task carries what a repeat
    # needs, as no row may have been written. bulk_create still runs the fields' pre_save
    # (a logo file is stored) but no save signals: none are connected for signatures.
    with transaction.atomic():
        Signature.objects.bulk_create([signature], ignore_conflicts=True)
        queueing.enqueue(
            tasks.send_confirmation,
            str(signature.public_id),
            str(appeal.translation_key),
            digest,
            language,
        )
    result = SignResult(signature.public_id)
    if signature.logo and not result.created:
        signature.logo.delete(save=False)  # stored by the insert's pre_save; no row keeps it
    return result


def answer_repeat(appeal_key, digest, language):
    """In the worker, for a signature that was not stored because the address had signed:
    the owner of the address gets a fresh link while still pending, else a note, at most a
    few mails per address per day. Returns the mail's name, or None when none is due."""
    from . import emails

    existing = Signature.objects.filter(appeal_key=appeal_key, email_hash=digest).first()
    if existing is None or not existing.email or not _may_mail(digest):
        return None
    if existing.status == SignatureStatus.PENDING:
        emails.send_signature_mail("confirm", public_id=existing.public_id)
        return "confirm"
    emails.send_already_signed(existing.email, appeal_key, language)
    return "already_signed"


def _may_mail(digest):
    key = f"campaign_kit_appeals:mails:{digest}:{timezone.now():%Y%m%d}"
    cache.add(key, 0, 86400)
    try:
        sent = cache.incr(key)
    except ValueError:  # evicted between add and incr
        cache.set(key, 1, 86400)
        sent = 1
    return sent <= mails_per_address_per_day()


@transaction.atomic
def confirm(public_id):
    """Confirm a signature; returns it (None if unknown). Confirming twice changes nothing."""
    signature = Signature.objects.select_for_update().filter(public_id=public_id).first()
    if signature is None or signature.status != SignatureStatus.PENDING:
        return signature
    before = signature.counts
    signature.status = SignatureStatus.CONFIRMED
    signature.confirmed_at = timezone.now()
    signature.save(update_fields=["status", "confirmed_at"])
    _delta(signature, before)
    if signature.is_organisation and signature.moderation == Moderation.PENDING:
        _enqueue("notify_staff_organisation", signature.pk)
    return signature


@transaction.atomic
def withdraw(public_id):
    signature = Signature.objects.select_for_update().filter(public_id=public_id).first()
    if signature is None or signature.status in (
        SignatureStatus.WITHDRAWN,
        SignatureStatus.INVALIDATED,
    ):
        return signature
    before = signature.counts
    signature.status = SignatureStatus.WITHDRAWN
    signature.withdrawn_at = timezone.now()
    signature.display = "hidden"
    signature.newsletter = False
    signature.save(update_fields=["status", "withdrawn_at", "display", "newsletter"])
    _delta(signature, before)
    return signature


@transaction.atomic
def moderate(signature_id, approve):
    """Approve or reject an organisation; the contact is told by e-mail."""
    signature = Signature.objects.select_for_update().get(
        pk=signature_id, kind=SignatureKind.ORGANISATION
    )
    before = signature.counts
    signature.moderation = Moderation.APPROVED if approve else Moderation.REJECTED
    signature.moderated_at = timezone.now()
    signature.save(update_fields=["moderation", "moderated_at"])
    _delta(signature, before)
    if signature.email:
        _enqueue("send_moderation_result", signature.pk)
    return signature


@transaction.atomic
def return_to_moderation(signature_id):
    """Undo a rejection: the organisation waits for moderation again. Not for one withdrawn,
    erased or invalidated since; returns the signature, or None when it cannot go back."""
    signature = Signature.objects.select_for_update().get(
        pk=signature_id, kind=SignatureKind.ORGANISATION
    )
    if signature.moderation != Moderation.REJECTED or signature.status not in (
        SignatureStatus.PENDING,
        SignatureStatus.CONFIRMED,
    ):
        return None
    # Neither a rejected nor a pending organisation counts: the counters stay as they are.
    signature.moderation = Moderation.PENDING
    signature.moderated_at = None
    signature.save(update_fields=["moderation", "moderated_at"])
    return signature


def invalidate(queryset):
    """Invalidate many signatures (spam waves); returns how many changed."""
    changed = 0
    ids = list(queryset.exclude(status=SignatureStatus.INVALIDATED).values_list("pk", flat=True))
    for pk in ids:
        with transaction.atomic():
            signature = Signature.objects.select_for_update().get(pk=pk)
            if signature.status == SignatureStatus.INVALIDATED:
                continue
            before = signature.counts
            signature.status = SignatureStatus.INVALIDATED
            signature.save(update_fields=["status"])
            _delta(signature, before)
            changed += 1
    return changed


def invalidation_queryset(appeal_key, domain="", since=None, until=None):
    qs = Signature.objects.filter(appeal_key=appeal_key)
    if domain:
        qs = qs.filter(email_domain=domain.strip().lower().lstrip("@"))
    if since:
        qs = qs.filter(created_at__gte=since)
    if until:
        qs = qs.filter(created_at__lte=until)
    return qs


def paper_count_changed(appeal_key):
    """Paper counts are few and edited by hand: recompute the totals after each change."""
    transaction.on_commit(lambda: recount(appeal_key))


# --- personal data --------------------------------------------------------


def _anonymise(signature, now):
    """Strip personal data from one signature; counts stay as they are."""
    keep_org = (
        signature.is_organisation
        and signature.moderation == Moderation.APPROVED
        and signature.counts
    )
    signature.email = ""
    signature.email_domain = ""
    signature.email_hash = f"anon:{signature.public_id.hex}"
    signature.city = ""
    signature.newsletter = False
    signature.anonymised_at = now
    if keep_org:
        signature.name = ""  # the contact person; the organisation stays public
    else:
        if signature.logo:
            signature.logo.delete(save=False)
        signature.name = ""
        signature.display = "hidden"
        signature.organisation_name = ""
        signature.website = ""
        signature.statement = ""
    signature.save()


@transaction.atomic
def erase_person(signature):
    """Erase one person's data on request: the signature leaves the count and the list."""
    signature = Signature.objects.select_for_update().get(pk=signature.pk)
    before = signature.counts
    if signature.status in (SignatureStatus.PENDING, SignatureStatus.CONFIRMED):
        signature.status = SignatureStatus.WITHDRAWN
        signature.withdrawn_at = timezone.now()
    signature.moderation = (
        Moderation.REJECTED if signature.is_organisation else signature.moderation
    )
    _delta(signature, before)
    _anonymise(signature, timezone.now())
    return signature


def signatures_by_email(email):
    """Every signature made with this (normalised) address."""
    return Signature.objects.filter(email_hash=email_hash(email))


def erase_by_email(email):
    """Erase the data of every signature made with this (normalised) address; returns how many."""
    signatures = list(signatures_by_email(email))
    for signature in signatures:
        erase_person(signature)
    return len(signatures)
