"""The core's models: contact details for sites without a settings model of their own, the
names of tags in each language, and spreadsheets prepared in the background."""

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting
from wagtail.models import TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField

from . import hours


class ContactDetails(models.Model):
    """Who runs the site and how to reach them: shown on campaign pages, in e-mails and as the
    organiser of calendar files. A site with a settings model of its own adds these fields to
    it by inheriting from this class, and names it in ``CAMPAIGN_KIT_CONTACT_SETTINGS``."""

    organisation_name = models.CharField(_("organisation name"), max_length=120, blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    hotline_phone = models.CharField(_("hotline phone"), max_length=40, blank=True)
    hotline_days = models.CharField(
        _("hotline days"),
        max_length=20,
        blank=True,
        validators=[RegexValidator(hours.DAYS, _("Use the numbers 1 to 7, e.g. 1-4 or 1,3,5."))],
        help_text=_(
            "Days the hotline answers as numbers (1 = Monday … 7 = Sunday), e.g. 1-4 or 1,3,5: "
            "written out in each visitor's language."
        ),
    )
    hotline_opens = models.TimeField(_("hotline opens"), null=True, blank=True)
    hotline_closes = models.TimeField(_("hotline closes"), null=True, blank=True)
    hotline_time_zone = models.CharField(
        _("hotline time zone"),
        max_length=60,
        blank=True,
        default="Europe/Berlin",
        help_text=_("The zone of the opening hours, e.g. Europe/Berlin."),
    )
    hotline_hours = models.CharField(
        _("other hotline hours"),
        max_length=120,
        blank=True,
        help_text=_(
            "Language-neutral, shown only when no days and times are given above, e.g. 10:00–16:00."
        ),
    )
    donate_url = models.URLField(
        _("donation page"),
        blank=True,
        help_text=_("Your own donation page, linked from donation progress. Nothing is embedded."),
    )
    bank_account_holder = models.CharField(_("account holder"), max_length=120, blank=True)
    bank_iban = models.CharField(
        _("IBAN"),
        max_length=42,
        blank=True,
        validators=[RegexValidator(r"^[A-Z]{2}[0-9]{2}[A-Z0-9 ]{10,38}$", _("Enter an IBAN."))],
    )
    bank_bic = models.CharField(_("BIC"), max_length=11, blank=True)
    privacy_policy_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("privacy policy page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [
        FieldPanel("organisation_name"),
        FieldPanel("contact_email"),
        MultiFieldPanel(
            [
                FieldPanel("hotline_phone"),
                FieldRowPanel([FieldPanel("hotline_days"), FieldPanel("hotline_time_zone")]),
                FieldRowPanel([FieldPanel("hotline_opens"), FieldPanel("hotline_closes")]),
                FieldPanel("hotline_hours"),
            ],
            heading=_("Hotline"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("donate_url"),
                FieldPanel("bank_account_holder"),
                FieldRowPanel([FieldPanel("bank_iban"), FieldPanel("bank_bic")]),
            ],
            heading=_("Donations"),
        ),
        FieldPanel("privacy_policy_page"),
    ]

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        errors = {}
        if self.hotline_time_zone and not hours.valid_zone(self.hotline_time_zone):
            errors["hotline_time_zone"] = _("Unknown time zone. Use a name such as Europe/Berlin.")
        if bool(self.hotline_opens) != bool(self.hotline_closes):
            errors["hotline_closes"] = _("Give both the opening and the closing time, or neither.")
        if errors:
            raise ValidationError(errors)

    def hotline_hours_display(self):
        """The opening hours written in the active language, e.g. "Mo.–Do., 10:00–16:00
        (Zeit: Berlin)"; the language-neutral text when no days and times are set."""
        written = hours.describe(
            self.hotline_days, self.hotline_opens, self.hotline_closes, self.hotline_time_zone
        )
        return written or self.hotline_hours


class ContactSettings(ContactDetails, BaseSiteSetting):
    """The contact details as site settings, for sites without a settings model of their own."""

    class Meta:
        verbose_name = _("Campaign Kit contact")

    def __str__(self):
        return self.organisation_name or str(self._meta.verbose_name)


class TopicLabel(TranslatableMixin, models.Model):
    """A tag's name in one language. Tags are shared by every translation of a page (so a
    topic filter works across languages); this label is what readers of a language see."""

    tag = models.ForeignKey(
        "taggit.Tag", verbose_name=_("tag"), on_delete=models.CASCADE, related_name="+"
    )
    label = models.CharField(_("label"), max_length=100)

    panels = [FieldPanel("tag"), FieldPanel("label")]
    override_translatable_fields = [TranslatableField("label"), SynchronizedField("tag")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("topic label")
        verbose_name_plural = _("topic labels")
        constraints = [
            models.UniqueConstraint(fields=["tag", "locale"], name="campaign_kit_one_topic_label")
        ]

    def __str__(self):
        return self.label


class PreparedExport(models.Model):
    """A spreadsheet built in the background for one user (see core/prepared.py): the request
    it answers is kept so that the task can replay it with that user's permissions."""

    class Status(models.TextChoices):
        PENDING = "pending", _("being prepared")
        READY = "ready", _("ready")
        FAILED = "failed", _("failed")

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    path = models.CharField(max_length=500)
    query = models.TextField(blank=True)
    filename = models.CharField(max_length=200)
    permission = models.CharField(max_length=150, blank=True)  # needed again to download
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    stored_name = models.CharField(max_length=200, blank=True)  # in the private storage
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("prepared export")
        verbose_name_plural = _("prepared exports")

    def __str__(self):
        return self.filename
