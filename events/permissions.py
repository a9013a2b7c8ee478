"""Personal data of registrants is only for users holding "Can view registrations"."""

from campaign_kit.core.permissions import (
    PermissionRequiredMixin,
    SinglePermissionPolicy,
    permission_required,
    user_has,
)

VIEW_REGISTRATIONS = "campaign_kit_events.view_registrations"


def can_view_registrations(user):
    """Whether the admin shows `user` registrations next to events (dashboard, page buttons)."""
    return user_has(user, VIEW_REGISTRATIONS)


registrations_required = permission_required(VIEW_REGISTRATIONS)


class RegistrationsRequiredMixin(PermissionRequiredMixin):
    required_permission = VIEW_REGISTRATIONS


def registrations_policy(model):
    """Registrations are read in the admin (lists, exports); cancelling, moving up and check-in
    go through the services, never through the generic edit views."""
    return SinglePermissionPolicy(model, VIEW_REGISTRATIONS)
