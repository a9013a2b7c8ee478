from .messages import EventMessage, MessageAudience
from .pages import (
    ATTENDANCE_MODES,
    EventIndexPage,
    EventPage,
    EventPageTag,
    EventStatus,
)
from .registrations import EventPool, Registration, RegistrationStatus
from .series import EventSeries

__all__ = [
    "ATTENDANCE_MODES",
    "EventIndexPage",
    "EventMessage",
    "EventPage",
    "EventPageTag",
    "EventPool",
    "EventSeries",
    "EventStatus",
    "MessageAudience",
    "Registration",
    "RegistrationStatus",
]
