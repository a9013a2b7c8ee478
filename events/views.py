"""Public views: thin, they call services, selectors and calendars."""

import hashlib

from django.conf import settings
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse, HttpResponseNotModified, HttpResponseRedirect
from django.shortcuts import render
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.http import http_date, parse_http_date_safe, quote_etag
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django_ratelimit.core import is_ratelimited
from django_ratelimit.exceptions import Ratelimited
from wagtail.models import Page

from . import calendars, jsonld, privacy, selectors, services
from .forms import RegistrationForm
from .models import EventPage, Registration, RegistrationStatus
from .security import client_hash, outcome_token, read_outcome_token, read_token

MAX_FILTER_LENGTH = 80


class HttpResponseSeeOther(HttpResponseRedirect):
    """Post/Redirect/Get: browsers fetch the target with GET."""

    status_code = 303


def _clean_param(request, name):
    return request.GET.get(name, "").strip()[:MAX_FILTER_LENGTH]


# Index ---------------------------------------------------------------------


def event_index(request, index_page):
    locale = index_page.locale
    base = selectors.public_events(locale).descendant_of(index_page)
    filters = {
        "city": _clean_param(request, "city"),
        "month": _clean_param(request, "month"),
        "tag": _clean_param(request, "tag"),
        "series": _clean_param(request, "series"),
    }
    campaign = None
    campaign_id = _clean_param(request, "campaign")
    if campaign_id.isdigit():
        campaign = Page.objects.filter(pk=int(campaign_id)).first()
    filtered = selectors.filter_events(base, campaign=campaign, **filters)
    upcoming_page = Paginator(selectors.upcoming(filtered), _upcoming_per_page()).get_page(
        request.GET.get("upcoming")
    )
    upcoming = list(upcoming_page)
    cached = selectors.index_data(index_page, base)
    groups = _group_by_series(upcoming, cached["series"])
    past_qs = selectors.past(filtered)
    past_page = Paginator(past_qs, index_page.past_per_page or 12).get_page(request.GET.get("page"))
    options = cached["options"]
    feed_query = {k: v for k, v in (("city", filters["city"]),) if v}
    if campaign is not None:
        feed_query["campaign"] = campaign.pk
    feed_url = index_page.get_full_url(request) + index_page.reverse_subpage("feed_view")
    if feed_query:
        from urllib.parse import urlencode

        feed_url += "?" + urlencode(feed_query)
    context = index_page.get_context(request)
    context.update(
        {
            "groups": groups,
            "upcoming": upcoming,
            "upcoming_page": upcoming_page,
            "past_page": past_page,
            "filters": filters,
            "campaign": campaign,
            "options": options,
            "active_filters": any(filters.values()) or campaign is not None,
            "feed_url": feed_url,
            "webcal_url": "webcal://" + feed_url.split("://", 1)[-1],
            "query_without_page": _query_without_page(request),
            "query_without_upcoming": _query_without_page(request, "upcoming"),
        }
    )
    return TemplateResponse(request, "events/event_index_page.html", context)


def _group_by_series(events, localized):
    """[(series or None, [events])]: events of one action day stay together.

    The series is shown in the page's language when it has been translated (`localized`:
    the series of that language by translation key).
    """
    groups = []
    by_series = {}
    for event in events:
        if event.series_id is None:
            groups.append((None, [event]))
            continue
        if event.series_id not in by_series:
            series = localized.get(event.series.translation_key, event.series)
            by_series[event.series_id] = (series, [])
            groups.append(by_series[event.series_id])
        by_series[event.series_id][1].append(event)
    return groups


def _upcoming_per_page():
    return getattr(settings, "CAMPAIGN_KIT_EVENTS_UPCOMING_PER_PAGE", 20)


def _query_without_page(request, name="page"):
    """The current query (filters, the other list's page) without the page parameter `name`."""
    query = request.GET.copy()
    query.pop(name, None)
    return query.urlencode()


# Event page -------------------------------------------------------------------


def _event_context(request, page, form=None, error=None):
    source = services.source_page(page)
    remaining = services.remaining_places(source) if source.registration_mode == "open" else None
    registration_state = _registration_state(source, remaining)
    if form is None and registration_state == "open":
        form = RegistrationForm(max_places=source.max_places_per_registration)
    if form is not None:
        form.link_privacy_policy(privacy.privacy_policy_url(request))
    ics_url = page.get_full_url(request) + page.reverse_subpage("ics_view")
    context = page.get_context(request)
    context.update(
        {
            "form": form,
            "error": error,
            "remaining": remaining,
            "registration_state": registration_state,
            "ics_url": ics_url,
            "google_url": calendars.google_link(page),
            "outlook_url": calendars.outlook_link(page),
            "jsonld": jsonld.as_script_data(jsonld.event_jsonld(page, request, remaining)),
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


def _ratelimited(request):
    rate = getattr(settings, "CAMPAIGN_KIT_EVENTS_REGISTRATION_RATE", "10/h")
    return is_ratelimited(
        request,
        group="events.register",
        key=client_hash,
        rate=rate,
        method="POST",
        increment=True,
    )


def event_register(request, page):
    """The page's own register/ route: kept for pages cached with the old form action."""
    if request.method != "POST":
        return HttpResponse(status=405, headers={"Allow": "POST"})
    return _register(request, page)


@require_POST
def post_registration(request, page_id):
    """A registration: a plain URL outside Wagtail routing, answered with a redirect."""
    page = EventPage.objects.live().filter(pk=page_id).first()
    if page is None:
        raise Http404
    return _register(request, page)


def _register(request, page):
    if _ratelimited(request):
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
    target = reverse("events:registered", args=[page.pk, outcome_token(outcome.status)])
    return HttpResponseSeeOther(target)


@require_GET
def registered(request, page_id, token):
    """The result of a registration: confirmed, on the waiting list or pending confirmation."""
    outcome = read_outcome_token(token)
    page = EventPage.objects.live().filter(pk=page_id).first()
    if page is None or outcome is None:
        raise Http404
    context = page.get_context(request)
    context.update({"outcome": outcome, "ics_url": page.url + page.reverse_subpage("ics_view")})
    return TemplateResponse(request, "events/registration_done.html", context)


# Calendars --------------------------------------------------------------------


def _conditional_calendar(request, body, filename, last_modified):
    etag = quote_etag(hashlib.sha256(body).hexdigest()[:32])
    if_none_match = request.headers.get("If-None-Match")
    not_modified = False
    if if_none_match:
        not_modified = etag in [t.strip() for t in if_none_match.split(",")] or if_none_match == "*"
    elif last_modified is not None:
        since = parse_http_date_safe(request.headers.get("If-Modified-Since", ""))
        not_modified = since is not None and int(last_modified.timestamp()) <= since
    headers = {"ETag": etag, "Cache-Control": "public, max-age=3600"}
    if last_modified is not None:
        headers["Last-Modified"] = http_date(last_modified.timestamp())
    if not_modified:
        response = HttpResponseNotModified()
        for key, value in headers.items():
            response[key] = value
        return response
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    for key, value in headers.items():
        response[key] = value
    return response


def _last_modified(events):
    stamps = [e.last_modified for e in events if e.last_modified]
    return max(stamps) if stamps else None


def event_ics(request, page):
    if request.method not in ("GET", "HEAD"):
        return HttpResponse(status=405, headers={"Allow": "GET, HEAD"})
    events = calendars.calendar_events([page], request=request)
    from . import ical

    # DTSTAMP is the time the data last changed, so unchanged data gives the same bytes
    # (and ETag) on every request.
    last_modified = _last_modified(events)
    body = ical.build_calendar(events, name=page.title, dtstamp=last_modified)
    return _conditional_calendar(request, body, f"{page.slug}.ics", last_modified)


def event_feed(request, index_page):
    if request.method not in ("GET", "HEAD"):
        return HttpResponse(status=405, headers={"Allow": "GET, HEAD"})
    city = _clean_param(request, "city")
    campaign = None
    campaign_id = _clean_param(request, "campaign")
    if campaign_id:
        if not campaign_id.isdigit():
            raise Http404
        campaign = Page.objects.filter(pk=int(campaign_id)).first()
        if campaign is None:
            raise Http404
    pages = selectors.feed_events(index_page.locale, city=city, campaign=campaign)
    pages = pages.descendant_of(index_page)
    events = calendars.calendar_events(pages, request=request)
    name = index_page.title
    if city:
        name = f"{name} – {city}"
    if campaign is not None:
        name = f"{name} – {campaign.localized.title}"
    from . import ical

    last_modified = _last_modified(events) or index_page.last_published_at
    body = ical.build_calendar(events, name=name, dtstamp=last_modified)
    return _conditional_calendar(request, body, "events.ics", last_modified)


# Personal link ------------------------------------------------------------------


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
            "events/registration_invalid.html",
            {"title": _("This link is not valid")},
            status=404 if public_id is not None else 400,
        )
    page = services.event_page(registration.event_key, request.LANGUAGE_CODE)
    message = None
    status = 200
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "confirm":
            if registration.status == RegistrationStatus.CANCELLED:
                message, status = _("This registration has been cancelled."), 410
            else:
                registration = services.confirm(registration)
                message = _("Thank you, your registration is confirmed.")
        elif action == "cancel":
            if registration.status == RegistrationStatus.CANCELLED:
                message = _("This registration was already cancelled.")
            elif page is not None and page.is_past:
                message, status = _("The event is over; nothing to cancel."), 409
            else:
                registration = services.cancel(registration)
                message = _("Your registration has been cancelled.")
        else:
            message, status = _("Unknown action."), 400
    return render(
        request,
        "events/registration_detail.html",
        {
            "title": _("Your registration"),
            "registration": registration,
            "event": page,
            "message": message,
            "token": token,
        },
        status=status,
    )
