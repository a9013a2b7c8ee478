"""Action days: a series groups the events of one day (e.g. all 15 May events)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField


class EventSeries(TranslatableMixin, models.Model):
    name = models.CharField(_("name"), max_length=160)
    slug = models.SlugField(_("slug"), max_length=80, allow_unicode=False)
    description = models.TextField(_("description"), max_length=600, blank=True)
    date = models.DateField(_("date"), null=True, blank=True)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description"), FieldPanel("date")]
    override_translatable_fields = [
        TranslatableField("name"),
        TranslatableField("description"),
        SynchronizedField("slug"),
        SynchronizedField("date"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("event series")
        verbose_name_plural = _("event series")
        ordering = ["date", "name"]

    def __str__(self):
        return self.name
