"""Pieces of the admin dashboard that each app fills with its own rows.

Each app contributes its panels and summary items from its own ``wagtail_hooks.py``
(``construct_homepage_panels``, ``construct_homepage_summary_items``), so the dashboard shows
exactly the installed apps, and only what the user's permissions allow: an app adds a panel
only after checking the permission of the screen its rows link to.
"""

from dataclasses import dataclass

from wagtail.admin.site_summary import SummaryItem
from wagtail.admin.ui.components import Component


@dataclass
class Row:
    """One line of a panel: what it is, where to act on it, and its figures."""

    label: str
    url: str
    detail: str = ""
    note: str = ""
    percent: int | None = None


class DashboardPanel(Component):
    template_name = "campaign_kit/admin/dashboard_panel.html"

    def __init__(self, name, heading, rows, *, order=150, empty="", links=()):
        self.name = name
        self.heading = heading
        self.rows = rows
        self.order = order
        self.empty = empty
        self.links = links  # (label, url) pairs shown under the rows

    def get_context_data(self, parent_context):
        return {"panel": self}


class CountSummaryItem(SummaryItem):
    """A figure in the dashboard's summary bar, linking to the screen behind it."""

    template_name = "campaign_kit/admin/summary_item.html"

    def __init__(self, request, *, label, url, icon, order):
        super().__init__(request)
        self.label = label
        self.url = url
        self.icon = icon
        self.order = order

    def get_context_data(self, parent_context):
        return {"item": self}
