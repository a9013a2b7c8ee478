"""Public views: thin, they call services, selectors and calendars."""

from .calendar_views import event_feed, event_ics
from .event import event_detail, post_registration, registered
from .index import event_index
from .personal_link import registration_detail

__all__ = [
    "event_detail",
    "event_feed",
    "event_ics",
    "event_index",
    "post_registration",
    "registered",
    "registration_detail",
]
