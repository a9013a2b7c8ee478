"""Cancelled and past events in every list (issue 15, item 5): a cancelled event stays in the
lists marked "Cancelled", in the visitor's language; a past one is never shown as upcoming."""

import json
import re
from datetime import timedelta

import pytest
from django.utils import timezone

from campaign_kit.events.models import EventPage
from tests.factories.campaigns import (
    CampaignPageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
)
from tests.factories.home import translate_page

pytestmark = pytest.mark.django_db

BADGE = re.compile(r'<span class="ck-badge ck-badge-danger">([^<]+)</span>')


def days(n):
    return timezone.now() + timedelta(days=n)


@pytest.fixture
def campaign(homes):
    page = CampaignPageFactory(parent=homes["en"], title="The campaign", slug="campaign")
    page.save_revision().publish()
    return page


@pytest.fixture
def events(make_event, campaign):
    """An upcoming event, a cancelled upcoming one and a past one, all of the campaign."""
    return {
        "soon": make_event(
            title="Soon vigil", slug="soon", start=days(2), end=days(2), campaign=campaign
        ),
        "cancelled": make_event(
            title="Called-off rally",
            slug="off",
            start=days(1),
            end=days(1),
            status="cancelled",
            campaign=campaign,
        ),
        "gone": make_event(
            title="Gone march", slug="gone", start=days(-3), end=days(-3), campaign=campaign
        ),
        "campaign": campaign,
    }


def _upcoming_section(html, heading_id):
    """The HTML of the section under an "Upcoming events" heading."""
    start = html.index(f'id="{heading_id}"')
    return html[start : html.index("</section>", start)]


def test_the_queryset_rule(events):
    upcoming = list(EventPage.objects.live().upcoming().values_list("slug", flat=True))
    past = list(EventPage.objects.live().past().values_list("slug", flat=True))
    assert upcoming == ["off", "soon"]
    assert past == ["gone"]
    assert events["gone"].is_past and not events["cancelled"].is_past


@pytest.mark.parametrize(
    "url, heading",
    [
        ("/en/", "events-title"),
        ("/en/campaign/", "campaign-events"),
        ("/en/events/", "upcoming-heading"),
    ],
)
def test_home_hub_and_index_mark_cancelled_and_leave_out_past(client, events, url, heading):
    html = client.get(url).content.decode()
    section = _upcoming_section(html, heading)
    assert "Soon vigil" in section
    assert "Called-off rally" in section
    assert "Gone march" not in section
    assert BADGE.findall(section) == ["Cancelled"]


def test_the_index_lists_past_events_as_past(client, events):
    html = client.get("/en/events/").content.decode()
    past = html[html.index('id="past-heading"') :]
    assert "Gone march" in past
    assert "Soon vigil" not in past


def test_related_links_mark_cancelled_events(client, homes, events):
    news_index = NewsIndexPageFactory(parent=homes["en"], title="News", slug="news")
    news = NewsPageFactory(parent=news_index, title="Report", campaign=events["campaign"])
    html = client.get(news.url).content.decode()
    related = html[html.index('id="related-heading"') :]
    assert "Called-off rally" in related
    assert "Gone march" not in related
    assert BADGE.findall(related) == ["Cancelled"]


def test_the_mark_is_translated(client, homes, index, events):
    translate_page(index, "de", title="Termine", slug="termine")
    translate_page(events["cancelled"], "de", title="Abgesagte Kundgebung", slug="abgesagt")
    html = client.get("/de/termine/").content.decode()
    assert BADGE.findall(_upcoming_section(html, "upcoming-heading")) == ["Abgesagt"]


def test_event_page_jsonld_and_feed_say_cancelled(client, events):
    page = events["cancelled"]
    html = client.get(page.url).content.decode()
    raw = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    assert json.loads(raw)["eventStatus"] == "https://schema.org/EventCancelled"
    feed = client.get("/en/events/calendar/").content.decode()
    vevent = next(e for e in feed.split("BEGIN:VEVENT") if "Called-off rally" in e)
    assert "STATUS:CANCELLED" in vevent
    assert "SUMMARY:Cancelled: Called-off rally" in vevent
