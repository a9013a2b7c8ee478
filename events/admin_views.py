"""Per-event registration list for organisers: counts, check-in, cancel, move up.

Built for a phone at the door: one column, large buttons, plain POST forms.
"""

from urllib.parse import urlencode

from django.contrib import messages
from django.db.models import Case, IntegerField, Value, When
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from . import services
from .models import EventPool, Registration, RegistrationStatus
from .permissions import registrations_required

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


def _act(request, pool):
    registration = get_object_or_404(Registration, pk=request.POST.get("registration"), pool=pool)
    action = request.POST.get("action")
    try:
        if action == "check_in":
            services.check_in(registration, True)
        elif action == "undo_check_in":
            services.check_in(registration, False)
        elif action == "cancel":
            services.cancel(registration, by_staff=True)
            messages.success(request, _("Registration cancelled; the waiting list moved up."))
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
