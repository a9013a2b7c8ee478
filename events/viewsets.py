"""Admin screens: events with their counts, registrations, check-in list."""

from django.db.models import Count, OuterRef, Q, Subquery, Sum
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.generic import IndexView, InspectView
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.snippets.views.snippets import SnippetViewSet

from campaign_kit.core.exports import StreamingExportMixin, time_zone
from campaign_kit.core.permissions import RefusalPageViewSetMixin

from .models import EventPage, EventPool, EventSeries, Registration, RegistrationStatus
from .permissions import RegistrationsRequiredMixin


def _sum(status):
    return Sum("registrations__places", filter=Q(registrations__status=status), default=0)


class EventPoolIndexView(RegistrationsRequiredMixin, IndexView):
    # ModelViewSet has no get_queryset(request) hook (SnippetViewSet does): the view's own.
    def get_base_queryset(self):
        return (
            super()
            .get_base_queryset()
            .annotate(
                confirmed_places=_sum(RegistrationStatus.CONFIRMED),
                waiting_places=_sum(RegistrationStatus.WAITING),
                pending_places=_sum(RegistrationStatus.PENDING),
                cancelled_places=_sum(RegistrationStatus.CANCELLED),
                registration_count=Count("registrations"),
            )
        )


class RegistrationInspectView(RegistrationsRequiredMixin, InspectView):
    pass


class RegistrationIndexView(RegistrationsRequiredMixin, StreamingExportMixin, IndexView):
    def get_base_queryset(self):
        # The pool is a column and in the export; times are exported in the event's zone.
        zones = EventPage.objects.filter(translation_key=OuterRef("event_key")).values("time_zone")[
            :1
        ]
        return (
            super()
            .get_base_queryset()
            .select_related("pool")
            .annotate(ck_time_zone=Subquery(zones))
        )

    def export_time_zone(self, item):
        return time_zone(item.ck_time_zone)


class EventPoolViewSet(RefusalPageViewSetMixin, ModelViewSet):
    model = EventPool
    index_view_class = EventPoolIndexView
    icon = "date"
    menu_label = _("Registrations by event")
    url_prefix = "events/registrations-by-event"
    add_to_admin_menu = False
    inspect_view_enabled = False
    list_display = [
        TitleColumn(
            "title",
            label=_("Event"),
            get_url=lambda pool: reverse("events_manage", args=[pool.pk]),
        ),
        "starts_at",
        Column("confirmed_places", label=_("Confirmed")),
        Column("waiting_places", label=_("Waiting list")),
        Column("pending_places", label=_("Pending")),
        Column("cancelled_places", label=_("Cancelled")),
        Column("registration_count", label=_("Registrations")),
    ]
    list_filter = []
    search_fields = ["title"]
    ordering = ["-starts_at"]
    copy_view_enabled = False
    form_fields = ["title"]

    def get_edit_url(self, instance):
        return None


class RegistrationViewSet(RefusalPageViewSetMixin, ModelViewSet):
    model = Registration
    index_view_class = RegistrationIndexView
    inspect_view_class = RegistrationInspectView
    icon = "user"
    menu_label = _("Registrations")
    url_prefix = "events/registrations"
    inspect_view_enabled = True
    copy_view_enabled = False
    list_display = ["name", "email", "places", "status", "pool", "created_at", "checked_in_at"]
    list_filter = ["status", "pool", "language"]
    search_fields = ["name", "email"]
    list_export = [
        "pool",
        "name",
        "email",
        "places",
        "status",
        "language",
        "consent_version",
        "created_at",
        "confirmed_at",
        "promoted_at",
        "cancelled_at",
        "checked_in_at",
    ]
    export_filename = "registrations"
    inspect_view_fields = list_export
    ordering = ["-created_at"]
    form_fields = ["places"]


class EventSeriesViewSet(RefusalPageViewSetMixin, SnippetViewSet):
    model = EventSeries
    icon = "calendar-alt"
    menu_label = _("Event series")
    list_display = ["name", "date", "locale"]
    search_fields = ["name"]


class EventsViewSetGroup(ViewSetGroup):
    menu_label = _("Events")
    menu_icon = "date"
    items = (EventPoolViewSet, RegistrationViewSet)
