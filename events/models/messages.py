"""What the staff wrote to an event's registrants: the text and how many got it, never who."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .registrations import EventPool


class MessageAudience(models.TextChoices):
    CONFIRMED = "confirmed", _("Confirmed registrants")
    WAITING = "waiting", _("Waiting list")
    BOTH = "both", _("Confirmed and waiting list")


class EventMessage(models.Model):
    pool = models.ForeignKey(
        EventPool, verbose_name=_("event"), on_delete=models.CASCADE, related_name="messages"
    )
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("sent by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    audience = models.CharField(_("recipients"), max_length=12, choices=MessageAudience.choices)
    language = models.CharField(_("language of the text"), max_length=12)
    subject = models.CharField(_("subject"), max_length=200)
    body = models.TextField(_("message"))
    # Versions in other languages: {"de": {"subject": ..., "body": ...}}.
    translations = models.JSONField(_("translations"), default=dict, blank=True)
    recipient_count = models.PositiveIntegerField(_("recipients"))
    created_at = models.DateTimeField(_("sent at"), auto_now_add=True)

    class Meta:
        verbose_name = _("message to registrants")
        verbose_name_plural = _("messages to registrants")
        ordering = ["-created_at", "-id"]

    def __str__(self):
        return self.subject

    def text_for(self, language):
        """(subject, body) in ``language`` if the staff wrote that version, else the main text."""
        version = self.translations.get(language)
        if version:
            return version["subject"], version["body"]
        return self.subject, self.body
