from django.urls import path
from wagtail import hooks
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from campaign_kit.core import converters  # noqa: F401 - registers <id:...>

from .admin_views import cancel_registration, manage_event, restore_registration
from .message_views import write_to_registrants
from .models import EventPool, EventSeries, Registration
from .permissions import registrations_policy
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
