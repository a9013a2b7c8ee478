"""Per-event registration list for organisers: counts, check-in, cancel, move up.

Built for a phone at the door: one column, large buttons, plain POST forms. Cancelling asks
first (a confirmation page) and offers an undo while the places are still free.
"""

from urllib.parse import urlencode

from django.contrib import messages
from django.db.models import Case, IntegerField, Value, When
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods
from wagtail.admin import messages as admin_messages

from campaign_kit.core.confirm import confirmation, confirmed
from campaign_kit.core.exports import csv_response, xlsx_response

from . import exports, services
from .models import EventPool, Registration, RegistrationStatus
from .permissions import VIEW_REGISTRATIONS, registrations_required

STATUS_ORDER = Case(
    When(status=RegistrationStatus.CONFIRMED, then=Value(0)),
    When(status=RegistrationStatus.WAITING, then=Value(1)),
    When(status=RegistrationStatus.PENDING, then=Value(2)),
    default=Value(3),
    output_field=IntegerField(),
)


@require_http_methods(["GET", "POST"])
@registrations_required
def manage_event(request, pool_id):
    pool = get_object_or_404(EventPool, pk=pool_id)
    if request.method == "POST":
        return _act(request, pool)
    query = request.GET.get("q", "").strip()[:100]
    registrations = Registration.objects.filter(pool=pool)
    if query:
        registrations = registrations.filter(name__icontains=query)
    registrations = registrations.order_by(STATUS_ORDER, "name", "id")
    page = services.event_page(pool.event_key)
    capacity = services.source_page(page).capacity if page else None
    return TemplateResponse(
        request,
        "campaign_kit_events/admin/manage_event.html",
        {
            "pool": pool,
            "page_obj": page,
            "capacity": capacity,
            "counts": services.counts(pool.event_key),
            "registrations": registrations,
            "query": query,
            "checked_in": registrations.filter(checked_in_at__isnull=False).count(),
        },
    )


@registrations_required
def export_event(request, pool_id, fmt):
    """That event's registrations, times in the event's own time zone."""
    if fmt not in ("csv", "xlsx"):
        raise Http404
    pool = get_object_or_404(EventPool, pk=pool_id)
    page = services.event_page(pool.event_key)
    tz = services.source_page(page).tz if page else timezone.get_current_timezone()
    filename = f"registrations-{page.slug if page else pool.pk}.{fmt}"
    if fmt == "xlsx":
        return xlsx_response(
            request,
            lambda output: exports.write_xlsx(pool, tz, output),
            filename,
            VIEW_REGISTRATIONS,
        )
    return csv_response(exports.stream_csv(pool, tz), filename)


def _act(request, pool):
    registration = get_object_or_404(Registration, pk=request.POST.get("registration"), pool=pool)
    action = request.POST.get("action")
    try:
        if action == "check_in":
            services.check_in(registration, True)
        elif action == "undo_check_in":
            services.check_in(registration, False)
        elif action == "promote":
            services.promote(registration)
            messages.success(request, _("Registration moved up from the waiting list."))
        else:
            return TemplateResponse(
                request, "campaign_kit_events/admin/bad_action.html", {}, status=400
            )
    except services.RegistrationError as exc:
        messages.error(request, str(exc.message))
    target = request.POST.get("q", "")
    url = f"{request.path}?{urlencode({'q': target})}" if target else request.path
    return redirect(f"{url}#registration-{registration.pk}")


def _registration(pool_id, pk):
    return get_object_or_404(Registration.objects.select_related("pool"), pk=pk, pool_id=pool_id)


def _details(registration):
    return [
        registration.name or _("(anonymised)"),
        _("Places: %(n)s") % {"n": registration.places},
        registration.get_status_display(),
    ]


@require_http_methods(["GET", "POST"])
@registrations_required
def cancel_registration(request, pool_id, pk):
    registration = _registration(pool_id, pk)
    back = reverse("events_manage", args=[pool_id])
    if registration.status == RegistrationStatus.CANCELLED:
        messages.info(request, _("This registration is already cancelled."))
        return redirect(back)
    if not confirmed(request):
        return confirmation(
            request,
            title=_("Cancel this registration?"),
            question=_(
                "The person is told by e-mail, the places become free and the waiting list "
                "moves up. You can restore the registration while its places are still free."
            ),
            details=_details(registration),
            action_label=_("Yes, cancel the registration"),
            destructive=True,
            cancel_url=back,
        )
    services.cancel(registration, by_staff=True)
    undo = reverse("events_restore_registration", args=[pool_id, registration.pk])
    admin_messages.success(
        request,
        _("Registration cancelled; the waiting list moved up."),
        buttons=[admin_messages.button(undo, _("Undo"))],
    )
    return redirect(back)


@require_http_methods(["GET", "POST"])
@registrations_required
def restore_registration(request, pool_id, pk):
    registration = _registration(pool_id, pk)
    back = reverse("events_manage", args=[pool_id])
    page = {
        "title": _("Restore this registration?"),
        "question": _("The registration is confirmed again and the person is told by e-mail."),
        "details": _details(registration),
        "action_label": _("Yes, restore the registration"),
        "cancel_url": back,
    }
    if not confirmed(request):
        return confirmation(request, **page)
    try:
        services.restore(registration)
    except services.RegistrationError as exc:
        return confirmation(request, **page, error=exc.message, status=exc.status)
    messages.success(request, _("The registration was restored."))
    return redirect(f"{back}#registration-{registration.pk}")
