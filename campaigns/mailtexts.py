"""The order mail whose text editors may change, and the values of its placeholders."""

from django.utils.translation import gettext_lazy as _

from campaign_kit.core.mailtexts import MailKind, Placeholder

KINDS = (
    MailKind(
        "campaigns.order_confirmation",
        _("Materials: order confirmed"),
        (
            Placeholder("name", _("the name on the order"), "Alex"),
            Placeholder("reference", _("order reference"), "A1B2C3"),
            Placeholder("items", _("the ordered materials, one per line"), "- 20 × Flyer"),
            Placeholder("address", _("the shipping address"), "Alex\nMain St 1\n60311 Frankfurt"),
            Placeholder("organisation", _("your organisation's name"), "Connection e.V."),
        ),
    ),
)


def values(order, lines, organisation):
    address = [
        order.name,
        order.organisation,
        order.street,
        order.address_extra,
        f"{order.postcode} {order.city}".strip(),
        str(order.country.name) if order.country else "",
    ]
    return {
        "name": order.name,
        "reference": order.reference,
        "items": "\n".join(f"- {line.quantity} × {line.material_title}" for line in lines),
        "address": "\n".join(part for part in address if part),
        "organisation": organisation,
    }
