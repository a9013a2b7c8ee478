"""Event pages and series for the tests and benchmarks."""

from datetime import timedelta

import factory
import wagtail_factories
from django.utils import timezone

from campaign_kit.events.models import EventIndexPage, EventPage, EventSeries


class EventIndexPageFactory(wagtail_factories.PageFactory):
    title = "Events"
    slug = factory.Sequence(lambda n: f"events-{n}")
    intro = "Meet us in your city."

    class Meta:
        model = EventIndexPage


class EventSeriesFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Action day {n}")
    slug = factory.Sequence(lambda n: f"action-day-{n}")

    class Meta:
        model = EventSeries


class EventPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Event {n}")
    slug = factory.Sequence(lambda n: f"event-{n}")
    summary = "A vigil for conscientious objectors."
    start = factory.LazyFunction(
        lambda: timezone.now().replace(second=0, microsecond=0) + timedelta(days=10)
    )
    end = factory.LazyAttribute(lambda o: o.start + timedelta(hours=2))
    time_zone = "Europe/Berlin"
    venue_name = "Community hall"
    street = "Hauptstraße 1"
    postcode = "60311"
    city = "Frankfurt am Main"
    country = "DE"
    organiser = "Campaign Kit e.V."

    class Meta:
        model = EventPage
