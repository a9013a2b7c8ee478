from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.permissions import register_permission_policy

from campaign_kit.core import converters  # noqa: F401 - registers <id:...>

from . import admin_views, dashboard
from .models import Signature
from .permissions import can_manage_signatures, signatures_policy
from .viewsets import AppealsViewSetGroup

register_permission_policy(Signature, signatures_policy(Signature))


@hooks.register("register_admin_viewset")
def register_appeals_viewsets():
    return AppealsViewSetGroup()


@hooks.register("register_admin_urls")
def register_appeals_admin_urls():
    return [
        path("appeals/overview/", admin_views.overview, name="appeals_overview"),
        path("appeals/moderation/", admin_views.moderation, name="appeals_moderation"),
        path("appeals/moderation/<id:pk>/", admin_views.moderate, name="appeals_moderate"),
        path("appeals/moderation/<id:pk>/reject/", admin_views.reject, name="appeals_reject"),
        path(
            "appeals/moderation/<id:pk>/reopen/",
            admin_views.return_to_moderation,
            name="appeals_return_to_moderation",
        ),
        path("appeals/<id:page_id>/export.<str:fmt>", admin_views.export, name="appeals_export"),
        path("appeals/<id:page_id>/invalidate/", admin_views.invalidate, name="appeals_invalidate"),
        path("appeals/<id:page_id>/recount/", admin_views.recount, name="appeals_recount"),
        path("appeals/signature/<id:pk>/erase/", admin_views.erase, name="appeals_erase"),
        path("appeals/erase/", admin_views.erase_by_email, name="appeals_erase_by_email"),
    ]


class ManageSignaturesMenuItem(MenuItem):
    def is_shown(self, request):
        return can_manage_signatures(request.user)


@hooks.register("register_admin_menu_item")
def register_appeals_menu_item():
    return ManageSignaturesMenuItem(
        _("Appeal signatures"), reverse("appeals_overview"), icon_name="group", order=310
    )


@hooks.register("register_permissions")
def register_appeals_permissions():
    from django.contrib.auth.models import Permission

    return Permission.objects.filter(
        content_type__app_label="campaign_kit_appeals", codename__in=["manage_signatures"]
    )


# Signatures one click from the appeal: dashboard, explorer rows, page editor ---------------


@hooks.register("construct_homepage_panels")
def add_appeals_panel(request, panels):
    if can_manage_signatures(request.user):
        panels.append(dashboard.appeals_panel())


@hooks.register("construct_homepage_summary_items")
def add_moderation_summary(request, items):
    if can_manage_signatures(request.user):
        items.append(dashboard.moderation_summary_item(request))


@hooks.register("register_page_listing_buttons")
def appeal_signatures_listing_button(page, user, **kwargs):
    if can_manage_signatures(user):
        yield from dashboard.listing_buttons(page)


@hooks.register("register_page_header_buttons")
def appeal_signatures_header_buttons(page, user, **kwargs):
    if can_manage_signatures(user):
        yield from dashboard.header_buttons(page)
