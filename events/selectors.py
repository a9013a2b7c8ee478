"""Read-only queries for the event pages, feeds and the home page."""

from datetime import datetime, time, timedelta

from django.core.cache import cache
from django.db.models import Exists, Max, OuterRef, Q
from django.utils import timezone, translation

from campaign_kit.core import conf, content
from campaign_kit.core.restrictions import unrestricted

from .models import EventPage, EventPageTag


def public_events(locale=None):
    """Live, public (not private or restricted) event pages, optionally in one locale."""
    qs = EventPage.objects.live().filter(unrestricted()).select_related("series", "locale")
    if locale is not None:
        qs = qs.filter(locale=locale)
    return qs


def upcoming_events(locale, limit=3, campaign=None):
    """The next events in `locale` (of one campaign, if given): the events section of home
    pages and campaign hubs (see apps.py)."""
    qs = public_events(locale)
    if campaign is not None:
        qs = qs.filter(campaign__translation_key=campaign.translation_key)
    from .services import attach_fill

    return attach_fill(qs.upcoming()[:limit])


def filter_events(qs, *, city="", month="", campaign=None, tag="", series=""):
    if city:
        qs = qs.filter(city__iexact=city)
    if month:
        try:
            first = datetime.strptime(month, "%Y-%m")
        except ValueError:
            first = None
        if first is not None:
            tz = timezone.get_current_timezone()
            start = datetime.combine(first.date(), time.min, tzinfo=tz)
            nxt = (first.replace(day=28) + timedelta(days=4)).replace(day=1)
            end = datetime.combine(nxt.date(), time.min, tzinfo=tz)
            qs = qs.filter(start__lt=end, end__gte=start)
    if campaign is not None:
        qs = qs.filter(campaign__translation_key=campaign.translation_key)
    if tag:
        # A subquery, not a join: a join repeats events with several tags, and the DISTINCT
        # that would undo it compares whole rows (body included) and defeats the indexes.
        qs = qs.filter(
            Exists(EventPageTag.objects.filter(content_object=OuterRef("pk"), tag__slug=tag))
        )
    if series:
        qs = qs.filter(series__slug=series)
    return qs


def feed_events(locale, *, within=None, city="", campaign=None, now=None):
    """Events for a subscribable feed (below the page `within`, if given), bounded so that a
    feed polled every hour stays small however many events the site collects: those that
    ended in the last EVENTS_FEED_PAST_DAYS and start in the next EVENTS_FEED_FUTURE_DAYS,
    at most EVENTS_FEED_MAX_EVENTS of them, the earliest first."""
    now = now or timezone.now()
    qs = public_events(locale).filter(
        end__gte=now - timedelta(days=conf.get("EVENTS_FEED_PAST_DAYS")),
        start__lte=now + timedelta(days=conf.get("EVENTS_FEED_FUTURE_DAYS")),
    )
    if within is not None:
        qs = qs.descendant_of(within)
    qs = filter_events(qs, city=city, campaign=campaign)
    return qs.order_by("start", "pk")[: conf.get("EVENTS_FEED_MAX_EVENTS")]


def feed_aged_out(index_page, *, city="", campaign=None, now=None):
    """When the last event left the feed by growing old (None if none has): a change of the
    feed that no event's own change date shows."""
    now = now or timezone.now()
    past_days = conf.get("EVENTS_FEED_PAST_DAYS")
    cutoff = now - timedelta(days=past_days)
    qs = public_events(index_page.locale).filter(end__lt=cutoff).descendant_of(index_page)
    last_end = filter_events(qs, city=city, campaign=campaign).aggregate(m=Max("end"))["m"]
    return last_end + timedelta(days=past_days) if last_end else None


# Filter choices of the index page, cached between changes --------------------------------


def index_data(request, index_page, base):
    """Filter choices of an event index and the series of its language, as plain data.

    They change only when content does (events, series, tags, view restrictions: the content
    generation; series are watched in apps.py), not per request, so they are built with
    set-based queries and cached per index page, language and time zone (month names and
    boundaries depend on both) until one of those changes.
    """
    key = ":".join(
        (
            "campaign-kit:events:index",
            str(content.version(request)),
            str(index_page.pk),
            translation.get_language() or "",
            timezone.get_current_timezone_name(),
        )
    )
    data = cache.get(key)
    if data is None:
        data = _build_index_data(index_page, base)
        cache.set(key, data, timeout=content.TIMEOUT)
    return data


def _build_index_data(index_page, base):
    from django.utils.formats import date_format
    from taggit.models import Tag
    from wagtail.models import Page

    from .models import EventSeries

    rows = list(base.order_by().values_list("city", "start", "campaign_id", "series_id"))
    tz = timezone.get_current_timezone()
    months = sorted({timezone.localtime(start, tz).strftime("%Y-%m") for _, start, _, _ in rows})
    campaign_ids = {campaign_id for _, _, campaign_id, _ in rows if campaign_id is not None}
    series_ids = {series_id for _, _, _, series_id in rows if series_id is not None}
    tags = Tag.objects.filter(
        pk__in=EventPageTag.objects.filter(content_object__in=base).values("tag_id")
    )
    options = {
        "cities": sorted({city for city, _, _, _ in rows if city}),
        "months": [
            (month, date_format(datetime.strptime(month, "%Y-%m"), "YEAR_MONTH_FORMAT"))
            for month in months
        ],
        "campaigns": [
            {"pk": page.pk, "title": page.title}
            for page in Page.objects.filter(pk__in=campaign_ids).order_by("title")
        ],
        "tags": [{"pk": t.pk, "name": t.name, "slug": t.slug} for t in tags.order_by("name")],
    }
    # The series of the events shown (a filter choice) and every series in the page's language
    # (a short list, so grouping the upcoming events needs no query of its own whether or not
    # the events shown belong to a series), in one query.
    all_series = list(
        EventSeries.objects.filter(Q(pk__in=series_ids) | Q(locale=index_page.locale_id))
    )
    options["series"] = [
        {"pk": s.pk, "name": s.name, "slug": s.slug} for s in all_series if s.pk in series_ids
    ]
    series = {s.translation_key: s for s in all_series if s.locale_id == index_page.locale_id}
    return {"options": options, "series": series}


# Admin: figures of registrations next to events -------------------------------------------


def _places(key, registrations):
    """Places of `registrations` of the event whose key is the outer column `key`, as a
    subquery (0 without any)."""
    from django.db.models import IntegerField, Subquery, Sum, Value
    from django.db.models.functions import Coalesce

    rows = (
        registrations.filter(event_key=OuterRef(key))
        .order_by()
        .values("event_key")
        .annotate(n=Sum("places"))
        .values("n")[:1]
    )
    return Coalesce(Subquery(rows, output_field=IntegerField()), Value(0))


def with_registration_figures(queryset, key="translation_key"):
    """Annotate each row (an event page, or a pool with ``key="event_key"``) with
    ``ck_pool_id``, ``ck_places_taken`` and ``ck_places_waiting``: subqueries in the same
    query, so a listing costs no query per row."""
    from django.db.models import Subquery

    from .models import EventPool, Registration

    pools = EventPool.objects.filter(event_key=OuterRef(key)).values("pk")[:1]
    return queryset.annotate(
        ck_pool_id=Subquery(pools),
        ck_places_taken=_places(key, Registration.objects.holding_places()),
        ck_places_waiting=_places(key, Registration.objects.waiting()),
    )


def dashboard_events(limit=8, now=None):
    """The next events that take registrations (one row per translation group: its pool),
    named in the admin's language where a translation has it, else in the default language,
    with capacity and places taken and waiting: one query."""
    from django.conf import settings
    from django.db.models import Subquery
    from django.db.models.functions import Coalesce

    from .models import EventPool

    def page_value(field, language=None):
        pages = EventPage.objects.filter(translation_key=OuterRef("event_key"))
        if language:
            pages = pages.filter(locale__language_code=language)
        return Subquery(pages.order_by("pk").values(field)[:1])

    pools = EventPool.objects.filter(ends_at__gte=now or timezone.now()).annotate(
        ck_title=Coalesce(
            page_value("title", translation.get_language()),
            page_value("title", settings.LANGUAGE_CODE),
            "title",
        ),
        ck_capacity=page_value("capacity"),
        ck_mode=page_value("registration_mode"),
    )
    pools = with_registration_figures(pools, key="event_key").filter(ck_mode="open")
    return list(pools.order_by("starts_at", "pk")[:limit])
