"""Print orders and downloads next to the materials in the admin: a dashboard panel, a
summary figure and page buttons, each shown to users who may open the screen it links to."""

from datetime import timedelta
from urllib.parse import urlencode

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from wagtail.admin.widgets import Button, ListingButton

from campaign_kit.core.dashboard import CountSummaryItem, DashboardPanel, Row

from . import selectors
from .models import MaterialsPage, PrintOrder
from .viewsets import DownloadsPolicy, orders_policy


def can_fulfil_orders(user):
    return orders_policy(PrintOrder).user_has_permission(user, "view")


def can_view_downloads(user):
    from .models import DownloadCount

    return DownloadsPolicy(DownloadCount).user_has_permission(user, "view")


def orders_url(status=None):
    url = reverse("campaigns_printorder:index")
    return f"{url}?{urlencode({'status': status})}" if status else url


def week_start():
    """The first of the last seven days (today included), in the site's time zone."""
    return timezone.localdate() - timedelta(days=6)


def _orders_label(count, status):
    if status == PrintOrder.Status.NEW:
        return ngettext("%(n)d new print order", "%(n)d new print orders", count) % {"n": count}
    return ngettext(
        "%(n)d print order packed, not shipped", "%(n)d print orders packed, not shipped", count
    ) % {"n": count}


def _downloads_label(count):
    return ngettext(
        "%(n)d download in the last 7 days", "%(n)d downloads in the last 7 days", count
    ) % {"n": count}


def materials_panel(user):
    """Orders (for fulfilment staff) and downloads (for material editors): None when the user
    may see neither."""
    rows = []
    if can_fulfil_orders(user):
        counts = selectors.order_counts()
        for status in (PrintOrder.Status.NEW, PrintOrder.Status.PACKED):
            rows.append(Row(label=_orders_label(counts[status], status), url=orders_url(status)))
    if can_view_downloads(user):
        count = selectors.downloads_since(week_start())
        rows.append(Row(label=_downloads_label(count), url=reverse("campaigns_downloads:index")))
    if not rows:
        return None
    return DashboardPanel("ck-materials", gettext_lazy("Materials"), rows, order=130)


def new_orders_summary_item(request):
    count = selectors.order_counts()["new"]
    return CountSummaryItem(
        request,
        label=_orders_label(count, PrintOrder.Status.NEW),
        url=orders_url(PrintOrder.Status.NEW),
        icon="mail",
        order=420,
    )


def _is_materials_page(page):
    return issubclass(page.specific_class or type(page), MaterialsPage)


def page_buttons(page, user, button_class, with_counts=False):
    """Print orders and downloads of the materials, for a materials page."""
    if not _is_materials_page(page):
        return
    if can_fulfil_orders(user):
        label = _("Print orders")
        if with_counts:
            label = _("Print orders (%(n)d new)") % {"n": selectors.order_counts()["new"]}
        yield button_class(label, url=orders_url(), icon_name="mail", priority=25)
    if can_view_downloads(user):
        label = _("Downloads")
        if with_counts:
            label = _("Downloads (%(n)d in the last 7 days)") % {
                "n": selectors.downloads_since(week_start())
            }
        url = reverse("campaigns_downloads:index")
        yield button_class(label, url=url, icon_name="download", priority=26)


def listing_buttons(page, user):
    return page_buttons(page, user, ListingButton)


def header_buttons(page, user):
    return page_buttons(page, user, Button, with_counts=True)
