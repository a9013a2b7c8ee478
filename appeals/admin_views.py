"""Admin views: per-appeal overview, moderation queue, delivery export, invalidation, erasure.

Rejecting, invalidating and erasing ask first on a confirmation page; a rejection can be
undone (the organisation goes back to the moderation queue)."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods, require_POST
from wagtail.admin import messages as admin_messages

from campaign_kit.core import sync
from campaign_kit.core.confirm import confirmation, confirmed
from campaign_kit.core.exports import csv_response, in_language, xlsx_response

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
    if request.POST.get("decision") != "approve":
        return redirect("appeals_reject", pk=signature.pk)  # a rejection asks first
    services.moderate(signature.pk, True)
    messages.success(request, _("Approved."))
    return redirect("appeals_moderation")


def _organisation(pk):
    return get_object_or_404(Signature, pk=pk, kind=SignatureKind.ORGANISATION)


def _org_details(signature):
    return [signature.organisation_name, signature.country.name, signature.website]


@manage_signatures_required
@require_http_methods(["GET", "POST"])
def reject(request, pk):
    signature = _organisation(pk)
    back = reverse("appeals_moderation")
    if not confirmed(request):
        return confirmation(
            request,
            title=_("Reject this organisation?"),
            question=_(
                "It will not appear on the appeal and its contact is told by e-mail. You can "
                "put it back into the moderation queue afterwards."
            ),
            details=_org_details(signature),
            action_label=_("Yes, reject"),
            destructive=True,
            cancel_url=back,
        )
    services.moderate(signature.pk, False)
    undo = reverse("appeals_return_to_moderation", args=[signature.pk])
    admin_messages.success(
        request, _("Rejected."), buttons=[admin_messages.button(undo, _("Undo"))]
    )
    return redirect(back)


@manage_signatures_required
@require_http_methods(["GET", "POST"])
def return_to_moderation(request, pk):
    signature = _organisation(pk)
    page = {
        "title": _("Put this organisation back into moderation?"),
        "question": _("The rejection is undone: the organisation waits for a decision again."),
        "details": _org_details(signature),
        "action_label": _("Yes, back into moderation"),
        "cancel_url": reverse("appeals_moderation"),
    }
    if not confirmed(request):
        return confirmation(request, **page)
    if services.return_to_moderation(signature.pk) is None:
        error = _("Only a rejected organisation that has not withdrawn can go back to moderation.")
        return confirmation(request, **page, error=error, status=409)
    messages.success(request, _("The organisation is waiting for moderation again."))
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
    return csv_response(in_language(exports.stream_csv(page.translation_key)), filename)


@manage_signatures_required
def invalidate(request, page_id):
    page = get_object_or_404(AppealPage, pk=page_id)
    form = InvalidateForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            qs = services.invalidation_queryset(
                page.translation_key,
                form.cleaned_data["domain"],
                form.cleaned_data["since"],
                form.cleaned_data["until"],
            ).exclude(status=SignatureStatus.INVALIDATED)
            matching = qs.count()
            # Acts only on the count the confirmation page showed (a new wave asks again).
            if confirmed(request) and request.POST.get("expected") == str(matching):
                changed = services.invalidate(qs)
                messages.success(request, _("%(n)d signatures invalidated.") % {"n": changed})
                return redirect("appeals_overview")
            return _confirm_invalidation(request, page, form, matching)
        status = 400
    return TemplateResponse(
        request,
        "campaign_kit_appeals/admin/invalidate.html",
        {"page": page, "form": form, "header_title": _("Invalidate signatures")},
        status=status,
    )


def _confirm_invalidation(request, page, form, matching):
    hidden = {name: form.data.get(name, "") for name in ("domain", "since", "until")}
    return confirmation(
        request,
        title=_("Invalidate signatures"),
        question=ngettext(
            "%(n)d signature of “%(appeal)s” matches. It will stop counting and leave the list.",
            "%(n)d signatures of “%(appeal)s” match. They will stop counting and leave the list.",
            matching,
        )
        % {"n": matching, "appeal": page.title},
        hidden={**hidden, "expected": matching},
        action_label=_("Yes, invalidate them"),
        destructive=True,
        cancel_url=reverse("appeals_invalidate", args=[page.pk]),
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
    if not confirmed(request):
        found = services.signatures_by_email(email).count()
        return confirmation(
            request,
            title=_("Erase this person's data?"),
            question=ngettext(
                "%(n)d signature was made with this address. Its name, e-mail and other "
                "personal data are erased for good; it leaves the count. This cannot be undone.",
                "%(n)d signatures were made with this address. Their names, e-mails and other "
                "personal data are erased for good; they leave the count. This cannot be undone.",
                found,
            )
            % {"n": found},
            details=[email],
            hidden={"email": email},
            action_label=_("Yes, erase"),
            destructive=True,
            cancel_url=reverse("appeals_overview"),
        )
    erased = services.erase_by_email(email)
    messages.success(request, _("Erased the data of %(n)d signatures.") % {"n": erased})
    return redirect("appeals_overview")


@manage_signatures_required
@require_http_methods(["GET", "POST"])
def erase(request, pk):
    signature = get_object_or_404(Signature, pk=pk)
    if not confirmed(request):
        return confirmation(
            request,
            title=_("Erase this person's data?"),
            question=_(
                "The name, e-mail and other personal data of this signature are erased for "
                "good and it leaves the count. This cannot be undone."
            ),
            details=[signature.organisation_name or signature.name, signature.email],
            action_label=_("Yes, erase"),
            destructive=True,
            cancel_url=reverse("appeals_overview"),
        )
    services.erase_person(signature)
    messages.success(request, _("The personal data of this signature was erased."))
    return redirect("appeals_overview")
