"""Signatures next to the appeals in the admin: a dashboard panel, a summary figure and page
buttons, for users who may manage signatures (the screens these link to)."""

from urllib.parse import urlencode

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from wagtail.admin.widgets import Button, ListingButton

from campaign_kit.core.dashboard import CountSummaryItem, DashboardPanel, Row

from . import selectors
from .models import AppealPage


def signatures_url(appeal_key):
    return f"{reverse('signature:index')}?{urlencode({'appeal_key': str(appeal_key)})}"


def _people(people, goal):
    if goal:
        return _("%(people)d of %(goal)d people") % {"people": people, "goal": goal}
    return ngettext("%(people)d person", "%(people)d people", people) % {"people": people}


def moderation_label(count):
    return ngettext(
        "%(n)d organisation waiting for moderation",
        "%(n)d organisations waiting for moderation",
        count,
    ) % {"n": count}


def appeals_panel():
    rows = []
    for page in selectors.dashboard_appeals():
        people = page.ck_people + page.ck_paper
        rows.append(
            Row(
                label=page.ck_title,
                url=signatures_url(page.translation_key),
                detail=_people(people, page.goal),
                note=_("%(n)d new today") % {"n": page.ck_today},
                percent=min(100, round(people * 100 / page.goal)) if page.goal else None,
            )
        )
    pending = selectors.organisations_to_moderate().count()
    return DashboardPanel(
        "ck-open-appeals",
        gettext_lazy("Open appeals"),
        rows,
        order=120,
        empty=_("No appeal is open for signatures."),
        links=[
            (moderation_label(pending), reverse("appeals_moderation")),
            (_("Appeal signatures"), reverse("appeals_overview")),
        ],
    )


def moderation_summary_item(request):
    count = selectors.organisations_to_moderate().count()
    return CountSummaryItem(
        request,
        label=moderation_label(count),
        url=reverse("appeals_moderation"),
        icon="group",
        order=410,
    )


def _is_appeal(page):
    return issubclass(page.specific_class or type(page), AppealPage)


def listing_buttons(page):
    if _is_appeal(page):
        yield ListingButton(
            _("Signatures"),
            url=signatures_url(page.translation_key),
            icon_name="group",
            priority=25,
        )


def header_buttons(page):
    """The appeal's signatures (with its count: one query) and the moderation queue."""
    if not _is_appeal(page):
        return
    counter = selectors.appeal_counts(page.translation_key)
    yield Button(
        _("Signatures (%(people)s)")
        % {"people": _people(counter.total_people, page.specific.goal)},
        url=signatures_url(page.translation_key),
        icon_name="group",
        priority=25,
    )
    yield Button(
        _("Moderation of organisations"),
        url=reverse("appeals_moderation"),
        icon_name="tick",
        priority=26,
    )
