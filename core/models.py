"""The one model of the core: contact details for sites without a settings model of their own."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting


class ContactDetails(models.Model):
    """Who runs the site and how to reach them: shown on campaign pages, in e-mails and as the
    organiser of calendar files. A site with a settings model of its own adds these fields to
    it by inheriting from this class, and names it in ``CAMPAIGN_KIT_CONTACT_SETTINGS``."""

    organisation_name = models.CharField(_("organisation name"), max_length=120, blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    hotline_phone = models.CharField(_("hotline phone"), max_length=40, blank=True)
    hotline_hours = models.CharField(
        _("hotline hours"),
        max_length=120,
        blank=True,
        help_text=_("Language-neutral, e.g. Mon–Thu 10:00–16:00 (CET)."),
    )
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
            [FieldPanel("hotline_phone"), FieldPanel("hotline_hours")], heading=_("Hotline")
        ),
        FieldPanel("privacy_policy_page"),
    ]

    class Meta:
        abstract = True


class ContactSettings(ContactDetails, BaseSiteSetting):
    """The contact details as site settings, for sites without a settings model of their own."""

    class Meta:
        verbose_name = _("Campaign Kit contact")

    def __str__(self):
        return self.organisation_name or str(self._meta.verbose_name)
