"""Shared fields reach every live language at once, when the source is published.

The editor's path of issue 15: change the English event, publish it, run "Sync translated
pages" with "Publish immediately" unticked (the default). Every live language version then
shows the new data on its page, .ics file, calendar feed, JSON-LD and in mails; translated
text stays; nothing a translation publishes later can bring the old values back.
"""

import datetime
import json
import re
from decimal import Decimal

import pytest
from django.core import mail
from icalendar import Calendar
from wagtail.models import Page
from wagtail_localize.models import Translation

from campaign_kit.core.sync import SharedField, shared_fields, source_of
from campaign_kit.events import services
from campaign_kit.events.models import EventPage, EventPool
from tests.factories.events import EventIndexPageFactory, EventPageFactory

from .test_sync import EVENT_WORDS, fill, translate_with_localize

pytestmark = pytest.mark.django_db

CODES = ("de", "ru", "uk")
# A 3 December at least two weeks ahead, whatever day the suite runs: registration for it is
# open, it is within the calendar feed's window, and both zones keep winter time (Berlin
# +01:00, Kyiv +02:00).
_TODAY = datetime.date.today()
YEAR = _TODAY.year + 1 if (_TODAY.month, _TODAY.day) >= (11, 20) else _TODAY.year
BERLIN_1800 = datetime.datetime(YEAR, 12, 3, 17, 0, tzinfo=datetime.UTC)  # 18:00 in Berlin
HOURS_2 = datetime.timedelta(hours=2)
INDEX_WORDS = {"de": "Termine", "ru": "События", "uk": "Події"}
CANCELLED = {
    "en": "This event is cancelled.",
    "de": "Diese Veranstaltung ist abgesagt.",
    "ru": "Это мероприятие отменено.",
    "uk": "Цей захід скасовано.",
}


@pytest.fixture
def translated_event(homes, django_capture_on_commit_callbacks):
    """A Berlin event at 18:00, translated with wagtail-localize and live in four languages."""
    targets = [homes[code].locale for code in CODES]
    index = EventIndexPageFactory(parent=homes["en"], title="Events", slug="events")
    with django_capture_on_commit_callbacks(execute=True):
        _, index_translations = translate_with_localize(index, targets)
        for translation in index_translations:
            code = translation.target_locale.language_code
            fill(translation, {"Events": INDEX_WORDS[code], "events": f"events-{code}"})
            translation.save_target(publish=True)
    event = EventPageFactory(
        parent=index,
        title="Vigil",
        slug="vigil",
        summary="Candles and names.",
        start=BERLIN_1800,
        end=BERLIN_1800 + HOURS_2,
        time_zone="Europe/Berlin",
        registration_mode="open",
        capacity=40,
        max_places_per_registration=3,
    )
    event.save_revision().publish()
    with django_capture_on_commit_callbacks(execute=True):
        source, translations = translate_with_localize(event, targets)
        for translation in translations:
            fill(translation, EVENT_WORDS[translation.target_locale.language_code])
            translation.save_target(publish=True)
    event.refresh_from_db()
    return event, source, translations


def copies(event):
    return {
        code: EventPage.objects.get(
            translation_key=event.translation_key, locale__language_code=code
        )
        for code in ("en",) + CODES
    }


def sync_without_publishing(source, translations, capture):
    """ "Sync translated pages" with "Publish immediately" unticked."""
    with capture(execute=True):
        source.update_from_db()
        for translation in translations:
            translation.save_target(publish=False)


def ics_event(client, url):
    response = client.get(url)
    assert response.status_code == 200
    [vevent] = Calendar.from_ical(response.content).walk("VEVENT")
    return vevent


def jsonld(html):
    for block in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S):
        data = json.loads(block)
        if data.get("@type") == "Event":
            return data
    raise AssertionError("no Event JSON-LD")


def test_shared_fields_are_declared_once_on_the_models():
    names = {field.name for field in shared_fields(EventPage)}
    assert {"start", "end", "time_zone", "capacity", "status"} <= names
    assert "title" not in names and "summary" not in names
    declared = {f.field_name: f for f in EventPage.override_translatable_fields}
    assert isinstance(declared["start"], SharedField)
    assert not declared["start"].overridable  # wagtail-localize offers no override


def test_new_time_reaches_every_language_without_republishing_translations(
    client, translated_event, django_capture_on_commit_callbacks
):
    event, source, translations = translated_event
    for code, page in copies(event).items():
        services.register(
            page, name=f"Reader {code}", email=f"{code}@example.org", places=1, language=code
        )
    new_start = BERLIN_1800 + datetime.timedelta(hours=1)  # 19:00 in Berlin

    event.start, event.end, event.capacity = new_start, new_start + HOURS_2, 25
    with django_capture_on_commit_callbacks(execute=True):
        event.save_revision().publish()
    sync_without_publishing(source, translations, django_capture_on_commit_callbacks)

    sequence = EventPool.objects.get(event_key=event.translation_key).sequence
    for code, page in copies(event).items():
        assert (page.start, page.end, page.capacity) == (new_start, new_start + HOURS_2, 25)
        html = client.get(page.url).content.decode()
        assert "19:00" in html and "18:00" not in html, code
        assert jsonld(html)["startDate"] == f"{YEAR}-12-03T19:00:00+01:00"
        vevent = ics_event(client, page.url + "ics/")
        assert vevent["DTSTART"].dt == new_start
        assert vevent["SEQUENCE"] == sequence
        feed = ics_event(client, page.get_parent().url + "calendar/")
        assert feed["DTSTART"].dt == new_start
    for code, page in copies(event).items():
        if code != "en":
            assert (page.title, page.summary) == (
                EVENT_WORDS[code]["Vigil"],
                EVENT_WORDS[code]["Candles and names."],
            )
            # The draft the sync made, and the latest revision, carry the new time too.
            assert page.get_latest_revision_as_object().start == new_start
    # A mail sent now, in the registrant's language, says 19:00.
    mail.outbox.clear()
    german = copies(event)["de"]
    with django_capture_on_commit_callbacks(execute=True):
        services.register(german, name="Late", email="late@example.org", places=1, language="de")
    [message] = mail.outbox
    assert "19:00" in message.body and "18:00" not in message.body
    assert "Mahnwache" in message.subject + message.body


def test_live_translations_change_at_the_source_publish_before_any_sync(
    client, translated_event, django_capture_on_commit_callbacks
):
    event, _source, _translations = translated_event
    new_start = BERLIN_1800 + datetime.timedelta(days=1)
    event.start, event.end = new_start, new_start + HOURS_2
    event.time_zone = "Europe/Kyiv"
    with django_capture_on_commit_callbacks(execute=True):
        event.save_revision().publish()
    for code, page in copies(event).items():
        assert (page.start, page.time_zone) == (new_start, "Europe/Kyiv"), code
        html = client.get(page.url).content.decode()
        assert "19:00" in html  # 17:00 UTC in Kyiv
        assert jsonld(html)["startDate"] == f"{YEAR}-12-04T19:00:00+02:00"


def test_cancelled_source_is_cancelled_everywhere_at_once(
    client, translated_event, django_capture_on_commit_callbacks
):
    event, _source, _translations = translated_event
    for code, page in copies(event).items():
        with django_capture_on_commit_callbacks(execute=True):
            services.register(
                page, name=f"Reader {code}", email=f"{code}@example.org", places=1, language=code
            )
    mail.outbox.clear()

    event.status = "cancelled"
    with django_capture_on_commit_callbacks(execute=True):
        event.save_revision().publish()

    for code, page in copies(event).items():
        assert page.status == "cancelled"
        html = client.get(page.url).content.decode()
        assert CANCELLED[code] in html
        assert jsonld(html)["eventStatus"] == "https://schema.org/EventCancelled"
        assert ics_event(client, page.url + "ics/")["STATUS"] == "CANCELLED"
        assert ics_event(client, page.get_parent().url + "calendar/")["STATUS"] == "CANCELLED"
        if code != "en":
            assert page.title == EVENT_WORDS[code]["Vigil"]
    # One cancellation mail per registrant, each with the cancelled calendar entry.
    assert sorted(m.to[0] for m in mail.outbox) == sorted(
        f"{code}@example.org" for code in ("en",) + CODES
    )
    german = next(m for m in mail.outbox if m.to == ["de@example.org"])
    assert "Mahnwache" in german.subject
    [(_name, ics, _type)] = german.attachments
    assert "STATUS:CANCELLED" in ics


def test_a_translation_published_from_an_old_revision_keeps_the_source_values(
    client, translated_event, django_capture_on_commit_callbacks
):
    event, source, translations = translated_event
    german = copies(event)["de"]
    old_revision = german.latest_revision
    new_start = BERLIN_1800 + datetime.timedelta(hours=1)
    event.start, event.end, event.status = new_start, new_start + HOURS_2, "cancelled"
    with django_capture_on_commit_callbacks(execute=True):
        event.save_revision().publish()
    sequence = EventPool.objects.get().sequence

    # An editor publishes the German page's older revision, or an old sync is published.
    with django_capture_on_commit_callbacks(execute=True):
        old_revision.publish()
        [old_sync] = [t for t in translations if t.target_locale.language_code == "ru"]
        old_sync.save_target(publish=True)  # from the source as extracted before the change

    for code in ("de", "ru"):
        page = copies(event)[code]
        assert (page.start, page.status) == (new_start, "cancelled"), code
        assert page.title == EVENT_WORDS[code]["Vigil"]
        assert CANCELLED[code] in client.get(page.url).content.decode()
    # Publishing translations is no change of time, place or status for calendars.
    assert EventPool.objects.get().sequence == sequence


def test_appeal_and_campaign_figures_reach_live_translations(
    homes, client, django_capture_on_commit_callbacks
):
    from tests.factories.appeals import AppealPageFactory
    from tests.factories.campaigns import CampaignPageFactory

    targets = [homes[code].locale for code in CODES]
    campaign = CampaignPageFactory(
        parent=homes["en"],
        title="Asylum",
        slug="asylum",
        amount_raised=Decimal("65000"),
        donation_goal=Decimal("100000"),
    )
    appeal = AppealPageFactory(parent=homes["en"], title="Protect", slug="protect", goal=1000)
    for page in (campaign, appeal):
        page.save_revision().publish()
        with django_capture_on_commit_callbacks(execute=True):
            _, translations = translate_with_localize(page, targets)
            for translation in translations:
                fill(translation, {page.title: f"{page.title} ({translation.target_locale})"})
                translation.save_target(publish=True)

    campaign.amount_raised = Decimal("65240")
    campaign.save_revision().publish()
    appeal.goal, appeal.status = 5000, "closed"
    appeal.save_revision().publish()
    appeal.refresh_from_db()

    for code in CODES:
        copy = type(campaign).objects.get(
            translation_key=campaign.translation_key, locale=homes[code].locale
        )
        assert copy.amount_raised == Decimal("65240")
        assert copy.title == f"Asylum ({homes[code].locale})"
        copy = type(appeal).objects.get(
            translation_key=appeal.translation_key, locale=homes[code].locale
        )
        assert (copy.goal, copy.status, copy.closed_on) == (5000, "closed", appeal.closed_on)
        assert copy.title == f"Protect ({homes[code].locale})"
    german = type(campaign).objects.get(
        translation_key=campaign.translation_key, locale=homes["de"].locale
    )
    assert "65.240\xa0€" in client.get(german.url).content.decode()


def test_source_is_the_page_localize_translates_from(translated_event, homes):
    event, _source, _translations = translated_event
    for page in copies(event).values():
        assert source_of(page).pk == event.pk
    assert Translation.objects.filter(source__object_id=event.translation_key).count() == 3
    assert Page.objects.filter(translation_key=event.translation_key).count() == 4
