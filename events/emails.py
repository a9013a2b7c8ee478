"""E-mails to registrants, each in the registrant's own language."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from campaign_kit.core import links, mailtexts

from . import calendars
from .mailtexts import kind_for
from .mailtexts import values as placeholder_values
from .models import EventMessage, EventStatus, Registration, RegistrationStatus
from .security import make_token

KINDS = {
    "registered",
    "duplicate",
    "confirmed",
    "promoted",
    "cancelled",
    "event_cancelled",
    "reminder",
    "message",
}


def render_mail(name, context):
    subject = render_to_string(f"campaign_kit_events/emails/{name}_subject.txt", context)
    text = render_to_string(f"campaign_kit_events/emails/{name}.txt", context)
    html = render_to_string(f"campaign_kit_events/emails/{name}.html", context)
    return " ".join(subject.split()), text, html


def registration_link(registration, page):
    with translation.override(registration.language):
        path = reverse("campaign_kit_events:registration", args=[make_token(registration)])
    return links.absolute_url(path, site_of=page)


def send_registration_mail(kind, registration_id, by_staff=False, message_id=None):
    from .services import event_page, source_page

    if kind not in KINDS:
        raise ValueError(kind)
    registration = Registration.objects.filter(pk=registration_id).first()
    if registration is None or not registration.email:
        return False
    if kind == "reminder" and registration.status != "confirmed":
        return False  # cancelled since the reminder was queued
    page = event_page(registration.event_key, registration.language)
    if page is None:
        return False
    with translation.override(registration.language):
        source = source_page(page)
        context = {
            "registration": registration,
            "page": page,
            "event": source,
            "title": page.title,
            "event_url": links.absolute_url(page),
            "link": registration_link(registration, page),
            "by_staff": by_staff,
            "when": page.when_display,
            "where": page.location_text,
        }
        if kind == "message":
            staff_message = EventMessage.objects.filter(pk=message_id).first()
            if staff_message is None:
                return False
            context["subject"], context["body"] = staff_message.text_for(registration.language)
        custom_kind = kind_for(kind, registration.status)
        custom = custom_kind and mailtexts.custom_mail(
            custom_kind, registration.language, placeholder_values(context)
        )
        subject, text, html = custom or render_mail(kind, context)
        message = EmailMultiAlternatives(
            subject, text, settings.DEFAULT_FROM_EMAIL, [registration.email]
        )
        message.attach_alternative(html, "text/html")
        # Plain calendar data, not an iTIP message (no METHOD, see README "Calendars"): the
        # cancelled one carries STATUS:CANCELLED and a higher SEQUENCE under the same UID.
        if (
            kind in ("registered", "confirmed", "promoted", "reminder")
            and registration.status == RegistrationStatus.CONFIRMED
        ):
            message.attach("event.ics", calendars.event_ics(page), "text/calendar")
        elif kind == "event_cancelled":
            message.attach(
                "cancelled.ics",
                calendars.event_ics(page, status=EventStatus.CANCELLED),
                "text/calendar",
            )
        message.send()
    return True
