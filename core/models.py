"""The core's models: contact details for sites without a settings model of their own, the
names of tags in each language, and spreadsheets prepared in the background."""

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, Panel
from wagtail.contrib.settings.models import BaseSiteSetting
from wagtail.models import PreviewableMixin, TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField

from . import hours, mailtexts


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


class PlaceholdersPanel(Panel):
    """Lists every mail kind with the placeholders its text may use."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "campaign_kit/admin/mail_placeholders.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["kinds"] = mailtexts.placeholder_help()
            return context


class MailText(PreviewableMixin, TranslatableMixin, models.Model):
    """The editors' subject and body of one mail in one language, replacing the built-in text.
    Translated with wagtail-localize like any snippet; the kind is the same in every language."""

    kind = models.CharField(_("mail"), max_length=60, choices=mailtexts.kind_choices)
    subject = models.CharField(_("subject"), max_length=200)
    body = models.TextField(
        _("text"),
        help_text=_(
            "Plain text. Placeholders such as {name} are replaced when the mail is sent; "
            "see the list below. Without a text here the built-in text is sent."
        ),
    )

    panels = [FieldPanel("kind"), FieldPanel("subject"), FieldPanel("body"), PlaceholdersPanel()]
    override_translatable_fields = [
        SynchronizedField("kind"),
        TranslatableField("subject"),
        TranslatableField("body"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("mail text")
        verbose_name_plural = _("mail texts")
        constraints = [
            models.UniqueConstraint(fields=["kind", "locale"], name="campaign_kit_one_mail_text")
        ]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.subject}"

    def clean(self):
        super().clean()
        kind = mailtexts.mail_kinds().get(self.kind)
        if kind is None:
            return  # the field's own choices refuse it
        errors = {}
        for name in ("subject", "body"):
            try:
                mailtexts.check(getattr(self, name), kind.names)
            except ValidationError as error:
                errors[name] = error
        if "body" not in errors:
            try:
                mailtexts.check_required(self.body, kind.required)
            except ValidationError as error:
                errors["body"] = error
        # The form has no locale field, so Django would not check the constraint itself.
        if self.locale_id and (
            MailText.objects.filter(kind=self.kind, locale_id=self.locale_id)
            .exclude(pk=self.pk)
            .exists()
        ):
            errors["kind"] = _("This mail already has a text in this language: edit that one.")
        if errors:
            raise ValidationError(errors)

    def get_preview_template(self, request, mode_name):
        return "campaign_kit/admin/mail_preview.html"

    def get_preview_context(self, request, mode_name):
        context = super().get_preview_context(request, mode_name)
        # A new text has no locale yet while it is previewed.
        language = self.locale.language_code if self.locale_id else get_language()
        context["language"] = language
        kind = mailtexts.mail_kinds().get(self.kind)
        if kind is not None:
            try:
                subject, text, _html = mailtexts.render(
                    self.subject, self.body, kind, kind.samples(), language
                )
                context.update(subject=subject, text=text)
            except ValidationError as error:
                context["errors"] = error.messages
        return context


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
