"""The event index: upcoming and past events, filters, series."""

from django.core.paginator import Paginator
from django.template.response import TemplateResponse
from wagtail.models import Page

from campaign_kit.core import conf, links, topics
from campaign_kit.core.converters import parse_id
from campaign_kit.core.restrictions import unrestricted

from .. import selectors, services

MAX_FILTER_LENGTH = 80


def clean_param(request, name):
    """A filter value from the query string, trimmed and bounded (filters also feed calendars)."""
    return request.GET.get(name, "").strip()[:MAX_FILTER_LENGTH]


def event_index(request, index_page):
    locale = index_page.locale
    base = selectors.public_events(locale).descendant_of(index_page)
    filters = {
        "city": clean_param(request, "city"),
        "month": clean_param(request, "month"),
        "tag": clean_param(request, "tag"),
        "series": clean_param(request, "series"),
    }
    campaign = None
    campaign_id = parse_id(clean_param(request, "campaign"))
    if campaign_id is not None:
        # A restricted campaign filters nothing: its name would show on the page.
        campaign = Page.objects.filter(unrestricted(), pk=campaign_id).first()
    filtered = selectors.filter_events(base, campaign=campaign, **filters)
    upcoming_page = Paginator(filtered.upcoming(), _upcoming_per_page()).get_page(
        request.GET.get("upcoming")
    )
    upcoming = services.attach_fill(upcoming_page)
    cached = selectors.index_data(request, index_page, base)
    groups = _group_by_series(upcoming, cached["series"])
    past_qs = filtered.past()
    past_page = Paginator(past_qs, index_page.past_per_page or 12).get_page(request.GET.get("page"))
    options = dict(cached["options"])
    if options.get("tags"):
        options["tags"] = topics.labelled(options["tags"], locale)
    feed_query = {k: v for k, v in (("city", filters["city"]),) if v}
    if campaign is not None:
        feed_query["campaign"] = campaign.pk
    feed_url = links.absolute_url(
        index_page.get_url(request) + index_page.reverse_subpage("feed_view"), request
    )
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
    return TemplateResponse(request, "campaign_kit_events/event_index_page.html", context)


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
    return conf.get("EVENTS_UPCOMING_PER_PAGE")


def _query_without_page(request, name="page"):
    """The current query (filters, the other list's page) without the page parameter `name`."""
    query = request.GET.copy()
    query.pop(name, None)
    return query.urlencode()
