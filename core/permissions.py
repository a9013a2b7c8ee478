"""Personal data in the admin: one permission per kind of data, and one answer without it.

Each app guards its personal data (registrations, signatures, postal addresses) by one custom
permission. ``SinglePermissionPolicy`` gives Wagtail's generic views that rule; views and
mixins here answer a user without it with one styled, translated admin page that names the
permission (status 403) instead of Wagtail's redirect to the dashboard.
"""

from functools import wraps

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.template.response import TemplateResponse
from django.utils.translation import gettext
from wagtail.permission_policies.base import BasePermissionPolicy
from wagtail.permissions import policy_registry

FORBIDDEN_TEMPLATE = "campaign_kit/admin/forbidden.html"


def user_has(user, permission):
    """Whether an active user holds ``permission`` ("app_label.codename")."""
    return bool(user and user.is_active and user.has_perm(permission))


def permission_name(permission):
    """The permission's name as staff see it in the group editor, in their language."""
    app_label, _dot, codename = permission.partition(".")
    name = (
        Permission.objects.filter(content_type__app_label=app_label, codename=codename)
        .values_list("name", flat=True)
        .first()
    )
    return gettext(name) if name else permission


def forbidden(request, permission):
    """The admin's answer to a user without ``permission``: a page that says which one.

    A user who holds it asked for something the admin does not offer (such records change
    only through their own screens): the page says that instead."""
    response = TemplateResponse(
        request,
        FORBIDDEN_TEMPLATE,
        {
            "permission_name": permission_name(permission) if permission else "",
            "not_offered": bool(permission) and user_has(request.user, permission),
        },
        status=403,
    )
    return response.render()


def answer_refusals(view, permission):
    """Wrap a view so that a ``PermissionDenied`` raised inside it (Wagtail's generic views
    raise one) gets the 403 page naming ``permission``, not Wagtail's redirect to the
    dashboard."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except PermissionDenied:
            return forbidden(request, permission)

    return wrapped


class RefusalPageViewSetMixin:
    """For a ``ModelViewSet`` or ``SnippetViewSet``: every view it builds answers a refusal
    with the 403 page, naming the policy's one permission or the model permission the view
    needs ("add", "change", "delete", "view")."""

    def construct_view(self, view_class, **kwargs):
        view = super().construct_view(view_class, **kwargs)
        policy_permission = getattr(policy_registry.get_by_type(self.model), "permission", None)
        if policy_permission:
            return answer_refusals(view, policy_permission)
        action = getattr(view_class, "permission_required", None) or "view"
        opts = self.model._meta
        return answer_refusals(view, f"{opts.app_label}.{action}_{opts.model_name}")


def permission_required(permission):
    """Decorate an admin view: log in first, then ``permission`` or the 403 page."""

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if not user_has(request.user, permission):
                return forbidden(request, permission)
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


class PermissionRequiredMixin:
    """The same for class-based admin views: set ``required_permission``. Wagtail's own
    permission checks (which raise ``PermissionDenied``) are answered by the same page."""

    required_permission = None

    def dispatch(self, request, *args, **kwargs):
        permission = self.required_permission or self._policy_permission()
        if permission and not user_has(request.user, permission):
            return forbidden(request, permission)
        try:
            return super().dispatch(request, *args, **kwargs)
        except PermissionDenied:
            return forbidden(request, permission or "")

    def _policy_permission(self):
        policy = getattr(self, "permission_policy", None)
        return getattr(policy, "permission", None)


class SinglePermissionPolicy(BasePermissionPolicy):
    """Wagtail's permission policy for data behind one custom permission: the listed actions
    need it, every other action is refused (the data changes only through services)."""

    def __init__(self, model, permission, actions=("view", "export")):
        super().__init__(model)
        self.permission = permission
        self.allowed_actions = frozenset(actions)

    def user_has_permission(self, user, action):
        return action in self.allowed_actions and user_has(user, self.permission)

    def users_with_any_permission(self, actions):
        if not self.allowed_actions.intersection(actions):
            return get_user_model().objects.none()
        app_label, _dot, codename = self.permission.partition(".")
        held = Q(
            groups__permissions__codename=codename,
            groups__permissions__content_type__app_label=app_label,
        ) | Q(
            user_permissions__codename=codename,
            user_permissions__content_type__app_label=app_label,
        )
        return (
            get_user_model()
            .objects.filter(is_active=True)
            .filter(Q(is_superuser=True) | held)
            .distinct()
        )
