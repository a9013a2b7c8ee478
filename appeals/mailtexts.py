"""The signers' mails whose text editors may change, and the values of their placeholders."""

from django.utils.translation import gettext_lazy as _

from campaign_kit.core.mailtexts import MailKind, Placeholder

APPEAL = Placeholder("appeal", _("the appeal's title"), _("Protect those who refuse to fight"))
APPEAL_URL = Placeholder("appeal_url", _("link to the appeal"), "https://example.org/appeal/")
WITHDRAW_URL = Placeholder(
    "withdraw_url", _("link to withdraw the signature"), "https://example.org/w/…"
)

KINDS = (
    MailKind(
        "appeals.confirm",
        _("Appeal: confirm your signature"),
        (
            Placeholder("name", _("the signer's name"), "Alex"),
            APPEAL,
            APPEAL_URL,
            Placeholder("confirm_url", _("link that confirms the signature"), "https://…"),
            WITHDRAW_URL,
            Placeholder("days", _("days the link is valid"), "7"),
        ),
        ("confirm_url",),
    ),
    MailKind("appeals.already_signed", _("Appeal: already signed"), (APPEAL, APPEAL_URL)),
    MailKind(
        "appeals.organisation_approved",
        _("Appeal: organisation's co-signature published"),
        (
            Placeholder("organisation", _("the organisation's name"), "Connection e.V."),
            APPEAL,
            APPEAL_URL,
            WITHDRAW_URL,
        ),
    ),
)

BUILT_IN = {
    "confirm": "appeals.confirm",
    "already_signed": "appeals.already_signed",
    "organisation_approved": "appeals.organisation_approved",
}


def values(context):
    """Placeholder values from the built-in mail's template context."""
    signature = context.get("signature")
    return {
        "name": signature.name if signature else "",
        "organisation": signature.organisation_name if signature else "",
        "appeal": context["appeal"].title,
        "appeal_url": context["appeal_url"],
        "confirm_url": context.get("confirm_url", ""),
        "withdraw_url": context.get("withdraw_url", ""),
        "days": context.get("days", ""),
    }
