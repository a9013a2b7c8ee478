"""The registrants' mails whose text editors may change, and the values of their placeholders."""

from django.utils.translation import gettext_lazy as _

from campaign_kit.core.mailtexts import MailKind, Placeholder

PLACEHOLDERS = (
    Placeholder("name", _("the registrant's name"), "Alex"),
    Placeholder("event", _("the event's title"), _("Vigil for conscientious objectors")),
    Placeholder("when", _("date and time"), _("Saturday, 14 March, 18:00")),
    Placeholder("where", _("the place"), _("Town hall square, Frankfurt")),
    Placeholder("places", _("number of places"), "2"),
    Placeholder("event_url", _("link to the event page"), "https://example.org/events/vigil/"),
    Placeholder("link", _("link to view or cancel the registration"), "https://example.org/r/…"),
)

KINDS = (
    MailKind("events.confirmed", _("Event: registration confirmed"), PLACEHOLDERS, ("link",)),
    MailKind("events.waiting_list", _("Event: on the waiting list"), PLACEHOLDERS, ("link",)),
    MailKind("events.place_free", _("Event: a place is free (moved up)"), PLACEHOLDERS, ("link",)),
    MailKind("events.cancelled", _("Event: registration cancelled"), PLACEHOLDERS),
    MailKind("events.reminder", _("Event: reminder before the event"), PLACEHOLDERS, ("link",)),
)


def kind_for(name, status):
    """The editable kind behind the built-in mail ``name`` for a registration in ``status``
    (None: that mail has only its built-in text, e.g. the request to confirm)."""
    if name in ("registered", "confirmed"):
        return {"confirmed": "events.confirmed", "waiting": "events.waiting_list"}.get(status)
    return {
        "promoted": "events.place_free",
        "cancelled": "events.cancelled",
        "reminder": "events.reminder",
    }.get(name)


def values(context):
    """Placeholder values from the built-in mail's template context."""
    registration = context["registration"]
    return {
        "name": registration.name,
        "event": context["title"],
        "when": context["when"],
        "where": context["where"],
        "places": registration.places,
        "event_url": context["event_url"],
        "link": context["link"],
    }
