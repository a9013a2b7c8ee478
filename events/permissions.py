"""Personal data of registrants is only for users holding events.view_registrations."""

from django.contrib.auth import get_user_model
from django.db.models import Q
from django.template.response import TemplateResponse
from wagtail.permission_policies.base import BasePermissionPolicy

VIEW_REGISTRATIONS = "campaign_kit_events.view_registrations"


def can_view_registrations(user):
    return bool(user and user.is_active and user.has_perm(VIEW_REGISTRATIONS))


def forbidden_unless_allowed(request):
    """A 403 page for logged-in staff without the permission, else None."""
    if request.user.is_authenticated and not can_view_registrations(request.user):
        response = TemplateResponse(
            request, "campaign_kit_events/admin/forbidden.html", {}, status=403
        )
        return response.render()
    return None


class RegistrationsPermissionPolicy(BasePermissionPolicy):
    """Read-only admin: 'view' (and the actions built on it) need the custom permission.

    Registrations are never added, edited or deleted in the generic admin views;
    cancelling, moving up and check-in go through the services.
    """

    allowed_actions = {"view", "export"}

    def user_has_permission(self, user, action):
        return action in self.allowed_actions and can_view_registrations(user)

    def users_with_any_permission(self, actions):
        if not self.allowed_actions.intersection(actions):
            return get_user_model().objects.none()
        app_label, codename = VIEW_REGISTRATIONS.split(".")
        perm = Q(
            groups__permissions__codename=codename,
            groups__permissions__content_type__app_label=app_label,
        ) | Q(
            user_permissions__codename=codename,
            user_permissions__content_type__app_label=app_label,
        )
        return (
            get_user_model()
            .objects.filter(is_active=True)
            .filter(Q(is_superuser=True) | perm)
            .distinct()
        )
