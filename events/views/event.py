"""The event page and registrations posted to it (Post/Redirect/Get)."""

from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST
from django_ratelimit.core import is_ratelimited
from django_ratelimit.exceptions import Ratelimited

from campaign_kit.core import conf, content, links, privacy, related, structured, topics
from campaign_kit.core.access import page_view
from campaign_kit.core.hashing import client_hash

from .. import calendars, jsonld, services
from ..forms import RegistrationForm
from ..models import EventPage
from ..security import outcome_token, read_outcome_token


class HttpResponseSeeOther(HttpResponseRedirect):
    """Post/Redirect/Get: browsers fetch the target with GET."""

    status_code = 303


def _event_context(request, page, form=None, error=None):
    source = services.source_page(page)
    remaining = services.remaining_places(source) if source.registration_mode == "open" else None
    registration_state = _registration_state(source, remaining)
    if form is None and registration_state == "open":
        form = RegistrationForm(max_places=source.max_places_per_registration)
    if form is not None:
        form.link_privacy_policy(privacy.privacy_policy_url(request))
    ics_url = links.absolute_url(page.get_url(request) + page.reverse_subpage("ics_view"), request)
    context = page.get_context(request)
    fill = services.attach_fill([source])[0].fill if registration_state != "none" else None
    context.update(
        {
            "fill": fill,
            "map_url": calendars.map_link(page),
            # Shown only in cached fragments of the template: read on a cache miss.
            "tags": content.deferred(topics.labelled, page.tags.all(), page.locale_id),
            **related.context_for(request, page, "events"),
            "form": form,
            "error": error,
            "remaining": remaining,
            "registration_state": registration_state,
            "ics_url": ics_url,
            "google_url": calendars.google_link(page),
            "outlook_url": calendars.outlook_link(page),
            "jsonld": structured.dumps(jsonld.event_jsonld(page, request, remaining)),
        }
    )
    return context


def _registration_state(page, remaining):
    if page.registration_mode != "open":
        return "none"
    try:
        services.check_open(page)
    except services.RegistrationError as exc:
        if exc.status == 409:
            return "unavailable"
        opens, _closes = page.registration_window()
        if opens and timezone.now() < opens:
            return "not_yet"
        return "closed"
    if remaining == 0 and not page.waiting_list:
        return "full"
    return "open"


def event_detail(request, page):
    if request.method not in ("GET", "HEAD"):
        return HttpResponse(status=405, headers={"Allow": "GET, HEAD"})
    return TemplateResponse(request, page.get_template(request), _event_context(request, page))


def _ratelimited(request, page):
    """Per event and client address, and a higher ceiling per address across all events: a
    shared address (a shelter, a campus, a Tor exit) can register many people for many events
    before the ceiling, and one event's limit does not block the others."""
    per_event = is_ratelimited(
        request,
        group="events.register",
        key=lambda group, req: f"{page.translation_key}:{client_hash(group, req)}",
        rate=conf.get("EVENTS_REGISTRATION_RATE"),
        method="POST",
        increment=True,
    )
    per_address = is_ratelimited(
        request,
        group="events.register.all",
        key=client_hash,
        rate=conf.get("EVENTS_REGISTRATION_ADDRESS_RATE"),
        method="POST",
        increment=True,
    )
    return per_event or per_address


def _live_event(page_id):
    return EventPage.objects.live().filter(pk=page_id).first()


@require_POST
@page_view(_live_event)
def post_registration(request, page):
    """A registration: a plain URL outside Wagtail routing, answered with a redirect."""
    if _ratelimited(request, page):
        raise Ratelimited()
    source = services.source_page(page)
    form = RegistrationForm(request.POST, max_places=source.max_places_per_registration)
    template = page.get_template(request)
    if not form.is_valid():
        context = _event_context(request, page, form=form)
        return TemplateResponse(request, template, context, status=400)
    try:
        outcome = services.register(
            page,
            name=form.cleaned_data["name"],
            email=form.cleaned_data["email"],
            places=form.cleaned_data["places"],
        )
    except services.RegistrationError as exc:
        if exc.field:
            form.add_error(exc.field, str(exc.message))
            context = _event_context(request, page, form=form)
        else:
            context = _event_context(request, page, error=str(exc.message))
        return TemplateResponse(request, template, context, status=exc.status)
    # Post/Redirect/Get: the outcome travels signed in the URL (no cookie, no personal data).
    target = reverse(
        "campaign_kit_events:registered", args=[page.pk, outcome_token(outcome.status)]
    )
    return HttpResponseSeeOther(target)


@require_GET
@page_view(_live_event)
def registered(request, page, token):
    """The result of a registration: confirmed, on the waiting list or pending confirmation."""
    outcome = read_outcome_token(token)
    if outcome is None:
        raise Http404
    context = page.get_context(request)
    context.update(
        {
            "outcome": outcome,
            "ics_url": page.url + page.reverse_subpage("ics_view"),
            "google_url": calendars.google_link(page),
            "outlook_url": calendars.outlook_link(page),
            **related.context_for(request, page, "events"),
        }
    )
    return TemplateResponse(request, "campaign_kit_events/registration_done.html", context)
