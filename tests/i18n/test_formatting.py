"""Dates, times, amounts and numbers are formatted in the visitor's language."""

import datetime
from decimal import Decimal

import pytest

from tests.factories.home import translate_page

pytestmark = pytest.mark.django_db
NBSP = "\xa0"

AMOUNTS = {
    "en": ("€65,240", "€100,000"),
    "de": (f"65.240{NBSP}€", f"100.000{NBSP}€"),
    "ru": (f"65{NBSP}240{NBSP}€", f"100{NBSP}000{NBSP}€"),
    # CLDR writes the ISO code in Ukrainian.
    "uk": (f"65{NBSP}240{NBSP}EUR", f"100{NBSP}000{NBSP}EUR"),
}


def test_donation_amounts_per_language(client, homes):
    campaigns = pytest.importorskip("tests.factories.campaigns")
    campaign = campaigns.CampaignPageFactory(
        parent=homes["en"],
        slug="asylum",
        amount_raised=Decimal("65240"),
        donation_goal=Decimal("100000"),
    )
    campaign.save_revision().publish()
    pages = {"en": campaign}
    for code in ("de", "ru", "uk"):
        pages[code] = translate_page(campaign, code, slug=f"asylum-{code}")
    for code, page in pages.items():
        html = client.get(page.url).content.decode()
        raised, goal = AMOUNTS[code]
        assert raised in html, code
        assert goal in html, code
    assert "65,240" not in client.get(pages["de"].url).content.decode()


WHEN = {
    "en": "May 15, 2030, 7 p.m. – 9 p.m. (EEST)",
    "de": "15. Mai 2030, 19:00 – 21:00 (EEST)",
    "ru": "15 мая 2030 г., 19:00 – 21:00 (EEST)",
    "uk": "15 травня 2030 р., 19:00 – 21:00 (EEST)",
}


def test_event_dates_per_language_in_the_events_time_zone(client, homes):
    events = pytest.importorskip("tests.factories.events")
    index = events.EventIndexPageFactory(parent=homes["en"], slug="events")
    start = datetime.datetime(2030, 5, 15, 16, 0, tzinfo=datetime.UTC)  # 19:00 in Kyiv
    event = events.EventPageFactory(
        parent=index, slug="vigil", start=start, end=start + datetime.timedelta(hours=2)
    )
    event.time_zone = "Europe/Kyiv"
    event.save_revision().publish()
    pages = {"en": event}
    for code in ("de", "ru", "uk"):
        translate_page(index, code, slug=f"events-{code}")
        pages[code] = translate_page(event, code, slug=f"vigil-{code}")
    for code, page in pages.items():
        html = client.get(page.url).content.decode()
        assert WHEN[code] in html, code


COUNTS = {
    "en": ("12,345 people have signed.", "Help us reach 20,000."),
    "de": ("12.345 Menschen haben unterschrieben.", "Helfen Sie uns, 20.000 zu erreichen."),
    "ru": (f"Подписали 12{NBSP}345 человек.", f"Помогите нам собрать 20{NBSP}000."),
    "uk": (f"Підписали 12{NBSP}345 людей.", f"Допоможіть нам зібрати 20{NBSP}000."),
}


def test_signature_counts_per_language(client, homes, django_capture_on_commit_callbacks):
    appeals = pytest.importorskip("tests.factories.appeals")
    from campaign_kit.appeals.models import PaperCount

    appeal = appeals.AppealPageFactory(parent=homes["en"], slug="protect", goal=20000)
    appeal.save_revision().publish()
    pages = {"en": appeal}
    for code in ("de", "ru", "uk"):
        pages[code] = translate_page(appeal, code, slug=f"protect-{code}")
    with django_capture_on_commit_callbacks(execute=True):
        PaperCount.objects.create(appeal=appeal, people=12345, country="DE", note="Stands")
    for code, page in pages.items():
        html = client.get(page.url).content.decode()
        for expected in COUNTS[code]:
            assert expected in html, (code, expected)
    assert "12,345" not in client.get(pages["ru"].url).content.decode()
