"""Admin views: per-appeal overview, moderation queue, delivery export, invalidation, erasure."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from campaign_kit.core import sync
from campaign_kit.core.exports import csv_response, xlsx_response

from . import exports, services
from .forms import InvalidateForm
from .models import AppealPage, Moderation, Signature, SignatureKind, SignatureStatus
from .permissions import MANAGE_SIGNATURES, manage_signatures_required
from .selectors import appeal_counts


def _source_appeals():
    """One row per appeal (translations share the signatures), named in the staff member's
    admin language where the appeal has it, else in its source language."""
    groups = {}
    for page in AppealPage.objects.select_related("locale").order_by("-first_published_at", "pk"):
        groups.setdefault(page.translation_key, []).append(page)
    language = translation.get_language()
    rows = []
    for pages in groups.values():
        in_language = [p for p in pages if p.locale.language_code == language]
        rows.append(in_language[0] if in_language else sync.source_of(pages[0]))
    return rows


@manage_signatures_required
def overview(request):
    rows = [(page, appeal_counts(page.translation_key)) for page in _source_appeals()]
    pending = Signature.objects.filter(
        kind=SignatureKind.ORGANISATION, moderation=Moderation.PENDING
    ).exclude(status__in=[SignatureStatus.WITHDRAWN, SignatureStatus.INVALIDATED])
    return TemplateResponse(
        request,
        "campaign_kit_appeals/admin/overview.html",
        {"rows": rows, "pending": pending.count(), "header_title": _("Appeals")},
    )


@manage_signatures_required
def moderation(request):
    queue = Signature.objects.filter(
        kind=SignatureKind.ORGANISATION, moderation=Moderation.PENDING
    ).exclude(status__in=[SignatureStatus.WITHDRAWN, SignatureStatus.INVALIDATED])
    return TemplateResponse(
        request,
        "campaign_kit_appeals/admin/moderation.html",
        {"queue": queue.order_by("created_at"), "header_title": _("Organisations to moderate")},
    )


@manage_signatures_required
@require_POST
def moderate(request, pk):
    signature = get_object_or_404(Signature, pk=pk, kind=SignatureKind.ORGANISATION)
    approve = request.POST.get("decision") == "approve"
    services.moderate(signature.pk, approve)
    messages.success(request, _("Approved.") if approve else _("Rejected."))
    return redirect("appeals_moderation")


@manage_signatures_required
def export(request, page_id, fmt):
    if fmt not in ("csv", "xlsx"):
        raise Http404
    page = get_object_or_404(AppealPage, pk=page_id)
    filename = f"signatories-{page.slug}.{fmt}"
    if fmt == "xlsx":
        key = page.translation_key
        return xlsx_response(
            request, lambda output: exports.write_xlsx(key, output), filename, MANAGE_SIGNATURES
        )
    return csv_response(exports.stream_csv(page.translation_key), filename)


@manage_signatures_required
def invalidate(request, page_id):
    page = get_object_or_404(AppealPage, pk=page_id)
    form = InvalidateForm(request.POST or None)
    matching = None
    status = 200
    if request.method == "POST":
        if form.is_valid():
            qs = services.invalidation_queryset(
                page.translation_key,
                form.cleaned_data["domain"],
                form.cleaned_data["since"],
                form.cleaned_data["until"],
            ).exclude(status=SignatureStatus.INVALIDATED)
            if form.cleaned_data["confirm"]:
                changed = services.invalidate(qs)
                messages.success(request, _("%(n)d signatures invalidated.") % {"n": changed})
                return redirect("appeals_overview")
            matching = qs.count()
        else:
            status = 400
    return TemplateResponse(
        request,
        "campaign_kit_appeals/admin/invalidate.html",
        {
            "page": page,
            "form": form,
            "matching": matching,
            "header_title": _("Invalidate signatures"),
        },
        status=status,
    )


@manage_signatures_required
@require_POST
def recount(request, page_id):
    page = get_object_or_404(AppealPage, pk=page_id)
    services.recount(page.translation_key)
    messages.success(request, _("The counts were recomputed."))
    return redirect("appeals_overview")


@manage_signatures_required
@require_POST
def erase_by_email(request):
    email = request.POST.get("email", "").strip()[:254]
    if "@" not in email:
        messages.error(request, _("Please enter the e-mail address of the person."))
        return redirect("appeals_overview")
    erased = services.erase_by_email(email)
    messages.success(request, _("Erased the data of %(n)d signatures.") % {"n": erased})
    return redirect("appeals_overview")


@manage_signatures_required
@require_POST
def erase(request, pk):
    signature = get_object_or_404(Signature, pk=pk)
    services.erase_person(signature)
    messages.success(request, _("The personal data of this signature was erased."))
    return redirect("appeals_overview")
