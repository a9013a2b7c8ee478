"""E-mails to signers (in the language they signed in) and to the staff."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from campaign_kit.core import conf, mailtexts
from campaign_kit.core import links as core_links

from . import mailtexts as appeal_mailtexts
from .models import Signature
from .security import CONFIRM_SALT, WITHDRAW_SALT, confirm_days, make_token
from .selectors import page_for_key


def render_mail(name, context):
    subject = render_to_string(f"campaign_kit_appeals/emails/{name}_subject.txt", context)
    text = render_to_string(f"campaign_kit_appeals/emails/{name}.txt", context)
    html = render_to_string(f"campaign_kit_appeals/emails/{name}.html", context)
    return " ".join(subject.split()), text, html


def links(signature, page):
    with translation.override(signature.language or settings.LANGUAGE_CODE):
        confirm = reverse(
            "campaign_kit_appeals:confirm", args=[make_token(signature, CONFIRM_SALT)]
        )
        withdraw = reverse(
            "campaign_kit_appeals:withdraw", args=[make_token(signature, WITHDRAW_SALT)]
        )
    return {
        "confirm_url": core_links.absolute_url(confirm, site_of=page),
        "withdraw_url": core_links.absolute_url(withdraw, site_of=page),
    }


def _send(name, to, context, language):
    language = language or settings.LANGUAGE_CODE
    with translation.override(language):
        key = appeal_mailtexts.BUILT_IN.get(name)
        custom = key and mailtexts.custom_mail(key, language, appeal_mailtexts.values(context))
        subject, text, html = custom or render_mail(name, context)
    message = EmailMultiAlternatives(subject, text, to=[to])
    message.attach_alternative(html, "text/html")
    message.send()
    return True


def send_signature_mail(name, signature_id=None, *, public_id=None):
    lookup = {"public_id": public_id} if public_id else {"pk": signature_id}
    signature = Signature.objects.filter(**lookup).first()
    if signature is None or not signature.email:
        return False
    page = page_for_key(signature.appeal_key, signature.language)
    if page is None:
        return False
    context = {
        "signature": signature,
        "appeal": page,
        "appeal_url": core_links.absolute_url(page),
        "days": confirm_days(),
        **links(signature, page),
    }
    return _send(name, signature.email, context, signature.language)


def send_already_signed(email, appeal_key, language):
    page = page_for_key(appeal_key, language)
    if page is None:
        return False
    context = {"appeal": page, "appeal_url": core_links.absolute_url(page)}
    return _send("already_signed", email, context, language)


def send_staff_organisation(signature_id):
    signature = Signature.objects.filter(pk=signature_id).first()
    staff = conf.get("STAFF_EMAIL")
    if signature is None or not staff:
        return False
    page = page_for_key(signature.appeal_key, settings.LANGUAGE_CODE)
    admin = getattr(settings, "WAGTAILADMIN_BASE_URL", "").rstrip("/")
    context = {
        "signature": signature,
        "appeal": page,
        "queue_url": admin + reverse("appeals_moderation"),
    }
    return _send("staff_organisation", staff, context, settings.LANGUAGE_CODE)
