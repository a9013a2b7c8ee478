"""The personal link from the e-mails: view, confirm or cancel a registration."""

from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from .. import services
from ..models import Registration, RegistrationStatus
from ..security import read_token


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def registration_detail(request, token):
    public_id = read_token(token)
    registration = None
    if public_id is not None:
        registration = Registration.objects.filter(public_id=public_id).first()
    if registration is None:
        return render(
            request,
            "campaign_kit_events/registration_invalid.html",
            {"title": _("This link is not valid")},
            status=404 if public_id is not None else 400,
        )
    page = services.event_page(registration.event_key, request.LANGUAGE_CODE)
    message = None
    status = 200
    if request.method == "POST":
        action = request.POST.get("action")
        try:
            if action == "confirm":
                registration = services.confirm(registration)
                message = _("Thank you, your registration is confirmed.")
            elif action == "cancel":
                if registration.status == RegistrationStatus.CANCELLED:
                    message = _("This registration was already cancelled.")
                else:
                    registration = services.cancel(registration)
                    message = _("Your registration has been cancelled.")
            else:
                message, status = _("Unknown action."), 400
        except services.RegistrationError as exc:
            message, status = exc.message, exc.status
    return render(
        request,
        "campaign_kit_events/registration_detail.html",
        {
            "title": _("Your registration"),
            "registration": registration,
            "event": page,
            "message": message,
            "token": token,
        },
        status=status,
    )
