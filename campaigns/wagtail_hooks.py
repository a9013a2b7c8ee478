from wagtail import hooks
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from . import dashboard
from .models import DownloadCount, PrintOrder
from .viewsets import (
    DownloadCountViewSet,
    DownloadsPolicy,
    MaterialViewSet,
    PrintOrderViewSet,
    orders_policy,
)

register_permission_policy(PrintOrder, orders_policy(PrintOrder))
register_permission_policy(DownloadCount, DownloadsPolicy(DownloadCount))
register_snippet(MaterialViewSet)


@hooks.register("register_admin_viewset")
def register_print_orders():
    return PrintOrderViewSet("campaigns_printorder")


@hooks.register("register_admin_viewset")
def register_download_counts():
    return DownloadCountViewSet("campaigns_downloads")


# Orders and downloads one click from the materials: dashboard, explorer rows, page editor --


@hooks.register("construct_homepage_panels")
def add_materials_panel(request, panels):
    panel = dashboard.materials_panel(request.user)
    if panel:
        panels.append(panel)


@hooks.register("construct_homepage_summary_items")
def add_new_orders_summary(request, items):
    if dashboard.can_fulfil_orders(request.user):
        items.append(dashboard.new_orders_summary_item(request))


@hooks.register("register_page_listing_buttons")
def materials_listing_buttons(page, user, **kwargs):
    yield from dashboard.listing_buttons(page, user)


@hooks.register("register_page_header_buttons")
def materials_header_buttons(page, user, **kwargs):
    yield from dashboard.header_buttons(page, user)
