"""Admin screens: print orders (with shipping labels export), materials and downloads per day."""

from django.conf import settings
from django.db.models import OuterRef, Subquery, Sum, Value
from django.db.models.functions import Coalesce
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList, Panel
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic.models import CreateView, DeleteView, EditView, IndexView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies.base import ModelPermissionPolicy
from wagtail.snippets.views.snippets import SnippetViewSet

from campaign_kit.core.exports import StreamingExportMixin
from campaign_kit.core.permissions import (
    PermissionRequiredMixin,
    RefusalPageViewSetMixin,
    SinglePermissionPolicy,
)

from . import services
from .models import DownloadCount, Material, PrintOrder

FULFIL_PERMISSION = "campaign_kit_campaigns.fulfil_orders"


def orders_policy(model):
    """Orders hold postal addresses: only users with "fulfil orders" see or change them. They
    come from the public form and go with the retention rules, so nobody adds or deletes
    them in the admin."""
    return SinglePermissionPolicy(model, FULFIL_PERMISSION, actions=("view", "change"))


class OrderLinesPanel(Panel):
    class BoundPanel(Panel.BoundPanel):
        def render_html(self, parent_context=None):
            lines = self.instance.lines.all() if self.instance.pk else []
            return format_html(
                "<ul>{}</ul>",
                format_html_join(
                    "",
                    "<li>{} × {} ({})</li>",
                    ((ln.quantity, ln.material_title, ln.material_language) for ln in lines),
                ),
            )


class FulfilOrdersRequiredMixin(PermissionRequiredMixin):
    required_permission = FULFIL_PERMISSION


class OrderIndexView(FulfilOrdersRequiredMixin, StreamingExportMixin, IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().prefetch_related("lines")


class OrderEditView(FulfilOrdersRequiredMixin, EditView):
    def save_instance(self):
        return services.change_status(self.object, self.form.cleaned_data["status"])


class OrderCreateView(FulfilOrdersRequiredMixin, CreateView):
    pass


class OrderDeleteView(FulfilOrdersRequiredMixin, DeleteView):
    pass


class PrintOrderViewSet(RefusalPageViewSetMixin, ModelViewSet):
    model = PrintOrder
    icon = "mail"
    menu_label = _("Print orders")
    menu_order = 310
    add_to_admin_menu = True
    index_view_class = OrderIndexView
    edit_view_class = OrderEditView
    add_view_class = OrderCreateView
    delete_view_class = OrderDeleteView
    inspect_view_enabled = False
    list_display = [
        "reference",
        "created_at",
        "status",
        Column("total_copies", label=_("Copies")),
        "country",
        "language",
    ]
    form_fields = ["status"]
    list_filter = ["status"]
    search_fields = ["reference", "name", "city", "email"]
    list_export = [
        "reference",
        "name",
        "organisation",
        "street",
        "address_extra",
        "postcode",
        "city",
        "country_name",
        "items_summary",
        "status",
    ]
    export_headings = {
        "country_name": _("Country"),
        "items_summary": _("Contents"),
    }
    export_filename = "shipping-labels"
    edit_handler = ObjectList(
        [
            FieldPanel("status"),
            OrderLinesPanel(heading=_("Materials")),
            MultiFieldPanel(
                [
                    FieldPanel(name, read_only=True)
                    for name in [
                        "name",
                        "organisation",
                        "street",
                        "address_extra",
                        "postcode",
                        "city",
                        "country",
                        "email",
                    ]
                ],
                heading=_("Shipping address"),
            ),
            MultiFieldPanel(
                [
                    FieldPanel(name, read_only=True)
                    for name in [
                        "reference",
                        "created_at",
                        "shipped_at",
                        "language",
                        "consent_version",
                    ]
                ],
                heading=_("Details"),
            ),
        ]
    )


class MaterialViewSet(RefusalPageViewSetMixin, SnippetViewSet):
    model = Material
    icon = "doc-full"
    menu_label = _("Materials")
    add_to_admin_menu = True
    menu_order = 300
    list_display = [
        "title",
        "language",
        "orderable",
        "max_quantity",
        Column("downloads_total", label=_("Downloads"), sort_key="downloads_total"),
    ]
    list_filter = ["language", "orderable"]
    search_fields = ["title", "description"]

    def get_queryset(self, request):
        # Downloads of all translations together, in one subquery (no query per row).
        totals = (
            DownloadCount.objects.filter(material_key=OuterRef("translation_key"))
            .values("material_key")
            .annotate(total=Sum("count"))
            .values("total")
        )
        return Material.objects.annotate(downloads_total=Coalesce(Subquery(totals), Value(0)))


class DownloadsPolicy(ModelPermissionPolicy):
    """Download counts hold no personal data: whoever may edit materials may read them.

    The rows are written only by the download view, so nobody adds, edits or deletes them.
    """

    permission = "campaign_kit_campaigns.change_material"  # named on the 403 page

    def user_has_permission(self, user, action):
        if action != "view" or not user.is_active:
            return False
        return user.has_perm(self.permission) or super().user_has_permission(user, "view")


class DownloadIndexView(StreamingExportMixin, IndexView):
    def get_base_queryset(self):
        # The material's title in the source language, in the same query as the counts.
        titles = Material.objects.filter(
            translation_key=OuterRef("material_key"), locale__language_code=settings.LANGUAGE_CODE
        ).values("title")[:1]
        return DownloadCount.objects.annotate(material_title=Subquery(titles)).order_by(
            "-day", "material_title"
        )


class DownloadCountViewSet(RefusalPageViewSetMixin, ModelViewSet):
    """Downloads per material and day, filterable by date, exportable as CSV or XLSX."""

    model = DownloadCount
    icon = "download"
    menu_label = _("Downloads per day")
    menu_order = 305
    add_to_admin_menu = True
    index_view_class = DownloadIndexView
    inspect_view_enabled = False
    list_display = ["day", Column("material_title", label=_("Material")), "count"]
    list_filter = ["day"]
    list_export = ["day", "material_title", "count"]
    export_headings = {"material_title": _("Material")}
    export_filename = "material-downloads"
    form_fields = ["day", "count"]  # required by ModelViewSet; the policy allows no editing
