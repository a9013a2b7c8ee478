from wagtail import hooks
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

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
