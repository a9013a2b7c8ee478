"""Registrations next to the events in the admin: a dashboard panel and page buttons.

Only for users who may see registrations (the screens these link to); see wagtail_hooks.py.
"""

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.widgets import Button, ListingButton

from campaign_kit.core.dashboard import DashboardPanel, Row

from . import selectors, services
from .models import EventPage, EventPool, RegistrationStatus


def registrations_label(taken, capacity, waiting):
    """ "Registrations (3 of 3, 1 waiting)": places held of the capacity, places waiting."""
    if capacity is None:
        return _("Registrations (%(taken)d, %(waiting)d waiting)") % {
            "taken": taken,
            "waiting": waiting,
        }
    return _("Registrations (%(taken)d of %(capacity)d, %(waiting)d waiting)") % {
        "taken": taken,
        "capacity": capacity,
        "waiting": waiting,
    }


def _percent(taken, capacity):
    return min(100, round(taken * 100 / capacity)) if capacity else None


def upcoming_events_panel():
    rows = []
    for pool in selectors.dashboard_events():
        capacity = pool.ck_capacity
        if capacity is None:
            detail = _("%(taken)d places taken") % {"taken": pool.ck_places_taken}
        else:
            detail = _("%(taken)d of %(capacity)d places") % {
                "taken": pool.ck_places_taken,
                "capacity": capacity,
            }
        note = ""
        if pool.ck_places_waiting:
            note = _("%(n)d on the waiting list") % {"n": pool.ck_places_waiting}
        rows.append(
            Row(
                label=f"{pool.ck_title} · {pool.starts_at:%Y-%m-%d}"
                if pool.starts_at
                else pool.ck_title,
                url=reverse("events_manage", args=[pool.pk]),
                detail=detail,
                note=note,
                percent=_percent(pool.ck_places_taken, capacity),
            )
        )
    return DashboardPanel(
        "ck-upcoming-events",
        gettext_lazy("Upcoming events with registration"),
        rows,
        order=110,
        empty=_("No upcoming events take registrations."),
        links=[(_("All events with registrations"), reverse("eventpool:index"))],
    )


def _figures(page):
    """(pool id, places taken, places waiting) of one page: the explorer's annotations
    (selectors.with_registration_figures) where present, else two small queries."""
    if hasattr(page, "ck_pool_id"):
        return page.ck_pool_id, page.ck_places_taken, page.ck_places_waiting
    pool_id = (
        EventPool.objects.filter(event_key=page.translation_key)
        .values_list("pk", flat=True)
        .first()
    )
    if pool_id is None:
        return None, 0, 0
    counts = services.counts(page.translation_key)
    taken = services.places_taken(page.translation_key)
    return pool_id, taken, counts[RegistrationStatus.WAITING]


def registrations_button(page, button_class, priority):
    """The button to an event page's manage screen, or None (not an event, no pool yet)."""
    if not issubclass(page.specific_class or type(page), EventPage):
        return None
    page = page.specific_deferred
    if page.registration_mode != "open":
        return None
    pool_id, taken, waiting = _figures(page)
    if pool_id is None:
        return None
    return button_class(
        registrations_label(taken, page.capacity, waiting),
        url=reverse("events_manage", args=[pool_id]),
        icon_name="group",
        priority=priority,
        attrs={"data-ck-registrations": str(pool_id)},
    )


def listing_button(page):
    return registrations_button(page, ListingButton, priority=25)


def header_button(page):
    return registrations_button(page, Button, priority=25)
