"""E-mails about print orders, rendered from templates/campaigns/emails/."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from campaign_kit.core import conf, mailtexts

from . import mailtexts as order_mailtexts


def _render(name, context):
    base = f"campaign_kit_campaigns/emails/{name}"
    subject = " ".join(render_to_string(f"{base}_subject.txt", context).split())
    text = render_to_string(f"{base}.txt", context)
    html = render_to_string(f"{base}.html", context)
    return subject, text, html


def _send(name, context, to, language, custom_kind=None):
    with translation.override(language):
        custom = custom_kind and mailtexts.custom_mail(
            custom_kind,
            language,
            order_mailtexts.values(context["order"], context["lines"], context["organisation"]),
        )
        subject, text, html = custom or _render(name, context)
    message = EmailMultiAlternatives(subject, text, settings.DEFAULT_FROM_EMAIL, to)
    message.attach_alternative(html, "text/html")
    message.send()


def _organisation():
    return conf.get("ORGANISATION_NAME") or getattr(settings, "WAGTAIL_SITE_NAME", "")


def send_order_confirmation(order):
    context = {
        "order": order,
        "lines": list(order.lines.all()),
        "organisation": _organisation(),
    }
    _send(
        "order_confirmation",
        context,
        [order.email],
        order.language,
        custom_kind="campaigns.order_confirmation",
    )


def send_staff_notification(order):
    """Tell the team an order came in: what and how many, never the postal address."""
    to = conf.get("STAFF_EMAIL")
    if not to:
        return
    base_url = getattr(settings, "WAGTAILADMIN_BASE_URL", "").rstrip("/")
    admin_url = base_url + reverse("campaigns_printorder:edit", args=[order.pk])
    context = {"order": order, "lines": list(order.lines.all()), "admin_url": admin_url}
    _send("order_staff", context, [to], settings.LANGUAGE_CODE)
