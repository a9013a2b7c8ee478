"""Personal data of signers is only for users holding appeals.manage_signatures."""

from functools import wraps

from django.contrib.auth import get_user_model
from django.db.models import Q
from django.http import HttpResponseForbidden
from django.utils.translation import gettext as _
from wagtail.permission_policies.base import BasePermissionPolicy

MANAGE_SIGNATURES = "campaign_kit_appeals.manage_signatures"


def can_manage_signatures(user):
    return bool(user and user.is_active and user.has_perm(MANAGE_SIGNATURES))


def manage_signatures_required(view):
    """Answer 403 (not Wagtail's redirect to the dashboard) to users without the permission."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not can_manage_signatures(request.user):
            return HttpResponseForbidden(_("You need the permission to manage signatures."))
        return view(request, *args, **kwargs)

    return wrapped


class ManageSignaturesRequiredMixin:
    def dispatch(self, request, *args, **kwargs):
        if not can_manage_signatures(request.user):
            return HttpResponseForbidden(_("You need the permission to manage signatures."))
        return super().dispatch(request, *args, **kwargs)


class SignaturesPermissionPolicy(BasePermissionPolicy):
    """Signatures are viewed and exported in the generic admin, changed only through services."""

    allowed_actions = {"view", "export"}

    def user_has_permission(self, user, action):
        return action in self.allowed_actions and can_manage_signatures(user)

    def users_with_any_permission(self, actions):
        if not self.allowed_actions.intersection(actions):
            return get_user_model().objects.none()
        app_label, codename = MANAGE_SIGNATURES.split(".")
        perm = Q(
            groups__permissions__codename=codename,
            groups__permissions__content_type__app_label=app_label,
        ) | Q(
            user_permissions__codename=codename, user_permissions__content_type__app_label=app_label
        )
        return (
            get_user_model()
            .objects.filter(is_active=True)
            .filter(Q(is_superuser=True) | perm)
            .distinct()
        )
