"""Read-only queries for the event pages, feeds and the home page."""

from datetime import datetime, time, timedelta

from django.db.models import Q
from django.utils import timezone

from .models import EventPage

FEED_PAST_DAYS = 90


def not_restricted():
    """Outside any view-restricted section: Wagtail's ``.public()`` as a subquery, because
    ``.public()`` runs a query of its own every time it is called."""
    from django.db.models import Exists, OuterRef
    from django.db.models.functions import Length, Substr
    from wagtail.models import PageViewRestriction

    return ~Exists(
        PageViewRestriction.objects.filter(
            page__path=Substr(OuterRef("path"), 1, Length("page__path"))
        )
    )


def public_events(locale=None):
    """Live, public (not private or restricted) event pages, optionally in one locale."""
    qs = EventPage.objects.live().filter(not_restricted()).select_related("series", "locale")
    if locale is not None:
        qs = qs.filter(locale=locale)
    return qs


def upcoming(qs, now=None):
    now = now or timezone.now()
    return qs.filter(end__gte=now).order_by("start", "pk")


def past(qs, now=None):
    now = now or timezone.now()
    return qs.filter(end__lt=now).order_by("-start", "-pk")


def upcoming_events(locale, limit=3):
    return list(upcoming(public_events(locale))[:limit])


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
        qs = qs.filter(tags__slug=tag)
    if series:
        qs = qs.filter(series__slug=series)
    return qs.distinct()


def feed_events(locale, *, city="", campaign=None, now=None):
    """Events for a subscribable feed: upcoming ones and those of the last 90 days."""
    now = now or timezone.now()
    qs = public_events(locale).filter(end__gte=now - timedelta(days=FEED_PAST_DAYS))
    qs = filter_events(qs, city=city, campaign=campaign)
    return qs.order_by("start", "pk")


def campaign_events(campaign_page):
    """Events of a campaign page in its own locale (for the campaigns app)."""
    return upcoming(
        public_events(campaign_page.locale).filter(
            Q(campaign__translation_key=campaign_page.translation_key)
        )
    )
