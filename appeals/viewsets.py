"""Admin screens: signatures (personal data, permission-guarded) and paper counts."""

from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import IndexView, InspectView
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import HeaderButton

from campaign_kit.core.exports import StreamingExportMixin
from campaign_kit.core.permissions import RefusalPageViewSetMixin

from .models import PaperCount, Signature
from .permissions import ManageSignaturesRequiredMixin


class SignatureIndexView(ManageSignaturesRequiredMixin, StreamingExportMixin, IndexView):
    pass


class SignatureInspectView(ManageSignaturesRequiredMixin, InspectView):
    @cached_property
    def header_buttons(self):
        # Erasure on request: the button leads to its confirmation page.
        url = reverse("appeals_erase", args=[self.object.pk])
        return [HeaderButton(_("Erase personal data"), url=url, icon_name="bin")]


class SignatureViewSet(RefusalPageViewSetMixin, ModelViewSet):
    model = Signature
    index_view_class = SignatureIndexView
    inspect_view_class = SignatureInspectView
    icon = "user"
    menu_label = _("Signatures")
    url_prefix = "appeals/signatures"
    copy_view_enabled = False
    inspect_view_enabled = True
    list_display = [
        "name",
        "organisation_name",
        Column("kind", label=_("Kind")),
        "status",
        "moderation",
        "country",
        "created_at",
    ]
    list_filter = ["status", "kind", "moderation", "country", "appeal_key"]
    search_fields = ["name", "organisation_name", "email", "email_domain"]
    list_export = [
        "appeal_key",
        "kind",
        "status",
        "name",
        "organisation_name",
        "email",
        "country",
        "city",
        "display",
        "newsletter",
        "consent_version",
        "language",
        "moderation",
        "created_at",
        "confirmed_at",
        "withdrawn_at",
    ]
    export_filename = "signatures"
    inspect_view_fields = list_export + ["website", "statement"]
    ordering = ["-created_at"]
    form_fields = ["display"]


class PaperCountViewSet(RefusalPageViewSetMixin, ModelViewSet):
    model = PaperCount
    icon = "doc-full"
    menu_label = _("Paper signatures")
    url_prefix = "appeals/paper"
    copy_view_enabled = False
    inspect_view_enabled = False
    list_display = ["appeal", "people", "country", "note", "created_at"]
    form_fields = ["appeal", "people", "country", "note"]
    ordering = ["-created_at"]


class AppealsViewSetGroup(ViewSetGroup):
    menu_label = _("Appeals")
    menu_icon = "group"
    items = (SignatureViewSet, PaperCountViewSet)
