from django.urls import path
from wagtail import hooks
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from campaign_kit.core import converters  # noqa: F401 - registers <id:...>

from . import dashboard, selectors
from .admin_views import cancel_registration, export_event, manage_event, restore_registration
from .message_views import write_to_registrants
from .models import EventPool, EventSeries, Registration
from .permissions import can_view_registrations, registrations_policy
from .viewsets import EventSeriesViewSet, EventsViewSetGroup

register_permission_policy(EventPool, registrations_policy(EventPool))
register_permission_policy(Registration, registrations_policy(Registration))
register_snippet(EventSeries, viewset=EventSeriesViewSet)


@hooks.register("register_admin_viewset")
def register_events_viewsets():
    return EventsViewSetGroup()


@hooks.register("register_admin_urls")
def register_events_admin_urls():
    return [
        path("events/manage/<id:pool_id>/", manage_event, name="events_manage"),
        path("events/manage/<id:pool_id>/message/", write_to_registrants, name="events_message"),
        path(
            "events/manage/<id:pool_id>/export.<str:fmt>",
            export_event,
            name="events_manage_export",
        ),
        path(
            "events/manage/<id:pool_id>/cancel/<id:pk>/",
            cancel_registration,
            name="events_cancel_registration",
        ),
        path(
            "events/manage/<id:pool_id>/restore/<id:pk>/",
            restore_registration,
            name="events_restore_registration",
        ),
    ]


@hooks.register("register_permissions")
def register_events_permissions():
    from django.contrib.auth.models import Permission

    return Permission.objects.filter(
        content_type__app_label="campaign_kit_events", codename="view_registrations"
    )


# Registrations one click from the event: dashboard, explorer rows, page editor --------------


@hooks.register("construct_homepage_panels")
def add_upcoming_events_panel(request, panels):
    if can_view_registrations(request.user):
        panels.append(dashboard.upcoming_events_panel())


@hooks.register("construct_explorer_page_queryset")
def annotate_registration_figures(_parent_page, pages, request):
    # The figures ride along in the listing's own query (no query per row).
    if can_view_registrations(request.user):
        return selectors.with_registration_figures(pages)
    return pages


@hooks.register("register_page_listing_buttons")
def event_registrations_listing_button(page, user, **kwargs):
    if can_view_registrations(user):
        button = dashboard.listing_button(page)
        if button:
            yield button


@hooks.register("register_page_header_buttons")
def event_registrations_header_button(page, user, **kwargs):
    if can_view_registrations(user):
        button = dashboard.header_button(page)
        if button:
            yield button
