"""Signatures, their counters and paper counts, keyed on the appeal's translation_key."""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

NAME_MAX = 200


class SignatureKind(models.TextChoices):
    PERSON = "person", _("Person")
    ORGANISATION = "organisation", _("Organisation")


class SignatureStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for e-mail confirmation")
    CONFIRMED = "confirmed", _("Confirmed")
    WITHDRAWN = "withdrawn", _("Withdrawn")
    INVALIDATED = "invalidated", _("Invalidated")


class Moderation(models.TextChoices):
    PENDING = "pending", _("Waiting for moderation")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")


class Display(models.TextChoices):
    HIDDEN = "hidden", _("Do not show my name")
    INITIALS = "initials", _("Show my initials")
    FULL = "full", _("Show my full name")


def logo_path(instance, filename):
    # Random names in a folder of their own; served only through the appeal page
    # once an editor approved the organisation.
    return f"appeals/logos/{uuid.uuid4().hex}.{filename.rsplit('.', 1)[-1].lower()}"


class Signature(models.Model):
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    # No single-column indexes on appeal_key or email_domain: the unique constraint and the
    # public index lead with appeal_key, and every insert of a surge pays for each index.
    appeal_key = models.UUIDField(_("appeal"))
    kind = models.CharField(
        _("kind"), max_length=20, choices=SignatureKind.choices, default=SignatureKind.PERSON
    )
    status = models.CharField(
        _("status"), max_length=20, choices=SignatureStatus.choices, default=SignatureStatus.PENDING
    )
    name = models.CharField(
        _("name"), max_length=NAME_MAX, help_text=_("The person, or the organisation's contact.")
    )
    email = models.EmailField(_("e-mail"), blank=True)
    email_hash = models.CharField(max_length=64, editable=False)
    email_domain = models.CharField(_("e-mail domain"), max_length=255, blank=True)
    country = CountryField(_("country"))
    city = models.CharField(_("city"), max_length=100, blank=True)
    display = models.CharField(
        _("public display"), max_length=20, choices=Display.choices, default=Display.HIDDEN
    )
    newsletter = models.BooleanField(_("newsletter"), default=False)
    consent_version = models.CharField(_("privacy text version"), max_length=40)
    language = models.CharField(_("language"), max_length=10, blank=True)

    organisation_name = models.CharField(_("organisation"), max_length=NAME_MAX, blank=True)
    website = models.URLField(_("website"), max_length=300, blank=True)
    logo = models.ImageField(_("logo"), upload_to=logo_path, blank=True)
    statement = models.TextField(_("statement"), max_length=1000, blank=True)
    moderation = models.CharField(
        _("moderation"), max_length=20, choices=Moderation.choices, default=Moderation.PENDING
    )
    moderated_at = models.DateTimeField(_("moderated at"), null=True, blank=True)

    created_at = models.DateTimeField(_("signed at"), auto_now_add=True, db_index=True)
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)
    withdrawn_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True)
    anonymised_at = models.DateTimeField(_("anonymised at"), null=True, blank=True)

    class Meta:
        verbose_name = _("signature")
        verbose_name_plural = _("signatures")
        ordering = ["-created_at"]
        permissions = [
            (
                "manage_signatures",
                _("Can see, moderate and export appeal signatures (names and e-mail addresses)"),
            )
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["appeal_key", "email_hash"], name="appeals_one_signature_per_address"
            ),
        ]
        indexes = [
            models.Index(
                fields=["appeal_key", "kind", "status", "-confirmed_at"],
                name="appeals_sig_public_idx",
            ),
            # The delivery list reads people in this order, so the first rows come without
            # sorting every confirmed signature first (the CSV's first byte within a second).
            models.Index(
                fields=["appeal_key", "kind", "status", "country", "confirmed_at", "id"],
                name="appeals_sig_delivery_idx",
            ),
        ]

    def __str__(self):
        return self.organisation_name or self.name

    @property
    def is_organisation(self):
        return self.kind == SignatureKind.ORGANISATION

    @property
    def counts(self):
        """Whether this signature is in the public count."""
        if self.status != SignatureStatus.CONFIRMED:
            return False
        return not self.is_organisation or self.moderation == Moderation.APPROVED

    @property
    def public_name(self):
        """The name as the signer agreed to show it ("" when not shown)."""
        if self.is_organisation:
            return self.organisation_name if self.moderation == Moderation.APPROVED else ""
        if self.display == Display.FULL:
            return self.name
        if self.display == Display.INITIALS:
            return initials(self.name)
        return ""


def initials(name):
    parts = [p for p in name.replace("-", " ").split() if p]
    return " ".join(p[0].upper() + "." for p in parts[:4])


class AppealCounter(models.Model):
    """Running totals per appeal, updated in the transaction that changes a signature."""

    appeal_key = models.UUIDField(unique=True)
    people = models.PositiveIntegerField(default=0)
    organisations = models.PositiveIntegerField(default=0)
    countries = models.PositiveIntegerField(
        default=0, help_text=_("Countries with a public organisation.")
    )
    paper_people = models.PositiveIntegerField(default=0)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("appeal counter")

    def __str__(self):
        return str(self.appeal_key)

    @property
    def total_people(self):
        return self.people + self.paper_people


class AppealCountryCount(models.Model):
    """Confirmed signatures per country; kept when personal data is anonymised."""

    appeal_key = models.UUIDField()
    country = CountryField()
    people = models.PositiveIntegerField(default=0)
    organisations = models.PositiveIntegerField(default=0)
    paper_people = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["appeal_key", "country"], name="appeals_country_count_unique"
            )
        ]

    def __str__(self):
        return f"{self.country}: {self.people}"


class PaperCount(models.Model):
    """Signatures collected offline (paper lists, stands), entered by an editor."""

    appeal = models.ForeignKey(
        "wagtailcore.Page",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("appeal"),
        limit_choices_to={
            "content_type__app_label": "campaign_kit_appeals",
            "content_type__model": "appealpage",
        },
    )
    appeal_key = models.UUIDField(editable=False)
    people = models.PositiveIntegerField(_("people"))
    country = CountryField(_("country"))
    note = models.CharField(
        _("note"), max_length=200, blank=True, help_text=_("e.g. stand at the peace festival")
    )
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("paper signatures")
        verbose_name_plural = _("paper signatures")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.people} ({self.country})"

    def save(self, *args, **kwargs):
        self.appeal_key = self.appeal.translation_key
        super().save(*args, **kwargs)
