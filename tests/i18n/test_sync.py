"""Translated vs synchronised fields: a sync updates data, translated text survives."""

import datetime
from decimal import Decimal
from unittest import mock

import pytest
from django.apps import apps
from django.test import Client
from wagtail.models import Page, TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField, get_translatable_fields
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

from home.models import FooterText, StandardPage
from tests.factories.home import StandardPageFactory

HOURS_2 = datetime.timedelta(hours=2)
PROJECT_APPS = ["home", "campaign_kit_campaigns", "campaign_kit_events", "campaign_kit_appeals"]
PAGE_TEXT = {"title", "slug", "seo_title", "search_description"}

# What each translatable model must translate and synchronise (the list:
# dates, times, time zones, capacity, goals, status, amounts, documents, images and
# addresses kept as data are synchronised; text is translated).
EXPECTED = {
    "home.HomePage": {
        "translated": PAGE_TEXT | {"hero_title", "hero_text", "hero_link_label", "body"},
        "synchronised": {"hero_image", "hero_link_page", "featured_campaign", "show_in_menus"},
    },
    "home.StandardPage": {
        "translated": PAGE_TEXT | {"intro", "body"},
        "synchronised": {"show_in_menus"},
    },
    "home.FooterText": {"translated": {"text"}, "synchronised": set()},
    "home.MainMenu": {"translated": {"cta_label", "items"}, "synchronised": {"cta_page"}},
    "home.MenuItem": {"translated": {"label"}, "synchronised": {"page", "url"}},
    "campaign_kit_campaigns.CampaignPage": {
        "translated": PAGE_TEXT
        | {"intro", "body", "donation_sources", "donate_label", "contact_heading"},
        "synchronised": {
            "image",
            "amount_raised",
            "currency",
            "donation_goal",
            "donations_as_of",
            "donate_url",
            "contact_phone",
            "contact_email",
        },
    },
    "campaign_kit_campaigns.NewsIndexPage": {
        "translated": PAGE_TEXT | {"intro"},
        "synchronised": set(),
    },
    "campaign_kit_campaigns.NewsPage": {
        "translated": PAGE_TEXT | {"summary", "body", "author"},
        "synchronised": {"date", "image", "campaign", "tags", "tagged_items"},
    },
    "campaign_kit_campaigns.MaterialsPage": {
        "translated": PAGE_TEXT | {"intro", "order_intro"},
        "synchronised": {"orders_open"},
    },
    "campaign_kit_campaigns.Material": {
        "translated": {"title", "description"},
        "synchronised": {"language", "document", "preview_image", "campaign", "max_quantity"},
    },
    "campaign_kit_events.EventIndexPage": {
        "translated": PAGE_TEXT | {"intro"},
        "synchronised": {"past_per_page"},
    },
    "campaign_kit_events.EventPage": {
        "translated": PAGE_TEXT | {"summary", "body", "venue_name", "status_note", "organiser"},
        "synchronised": {
            "start",
            "end",
            "time_zone",
            "all_day",
            "image",
            "street",
            "postcode",
            "city",
            "country",
            "online_url",
            "status",
            "capacity",
            "registration_opens_at",
            "registration_closes_at",
            "series",
            "campaign",
        },
    },
    "campaign_kit_events.EventSeries": {
        "translated": {"name", "description"},
        "synchronised": {"date"},
    },
    "campaign_kit_appeals.AppealIndexPage": {
        "translated": PAGE_TEXT | {"intro"},
        "synchronised": set(),
    },
    "campaign_kit_appeals.AppealPage": {
        "translated": PAGE_TEXT | {"intro", "body", "addressees", "initiators", "thank_you"},
        "synchronised": {"goal", "deadline", "status", "closed_on", "delivered_on", "campaign"},
    },
}


def translatable_models():
    return [
        model
        for config in apps.get_app_configs()
        if config.label in PROJECT_APPS
        for model in config.get_models()
        if issubclass(model, TranslatableMixin)
    ]


def test_every_translatable_model_is_listed():
    assert {model._meta.label for model in translatable_models()} == set(EXPECTED)


@pytest.mark.parametrize("model", translatable_models(), ids=lambda m: m._meta.label)
def test_every_field_is_declared_explicitly(model):
    """Each field wagtail-localize would handle is declared, none by accident."""
    declared = [f.field_name for f in model.override_translatable_fields]
    assert len(declared) == len(set(declared)), "declared twice"
    for name in declared:
        model._meta.get_field(name)  # a typo would raise FieldDoesNotExist
    with mock.patch.object(model, "override_translatable_fields", []):
        defaults = {f.field_name for f in get_translatable_fields(model)}
    assert defaults - set(declared) == set(), "left to wagtail-localize's default"


@pytest.mark.parametrize("label", list(EXPECTED))
def test_every_model_declares_what_is_translated(label):
    model = apps.get_model(label)
    declared = {f.field_name: f for f in model.override_translatable_fields}
    fields = {f.field_name: f for f in get_translatable_fields(model)}
    for name in EXPECTED[label]["translated"]:
        assert isinstance(declared[name], TranslatableField), name
        assert isinstance(fields[name], TranslatableField), name
    for name in EXPECTED[label]["synchronised"]:
        assert isinstance(declared[name], SynchronizedField), name
        assert isinstance(fields[name], SynchronizedField), name


def translate_with_localize(page, locales):
    source, _ = TranslationSource.get_or_create_from_instance(page)
    translations = []
    for locale in locales:
        translation = Translation.objects.create(source=source, target_locale=locale)
        translation.save_target(publish=True)
        translations.append(translation)
    return source, translations


def fill(translation, mapping):
    for segment in StringSegment.objects.filter(source=translation.source).select_related("string"):
        text = mapping.get(segment.string.data)
        if text:
            StringTranslation.objects.update_or_create(
                translation_of=segment.string,
                locale=translation.target_locale,
                context=segment.context,
                defaults={"data": text},
            )


def test_sync_updates_synchronised_fields_and_keeps_translated_text(
    homes, django_capture_on_commit_callbacks
):
    page = StandardPageFactory(
        parent=homes["en"],
        title="Contact",
        slug="contact",
        intro="Write to us.",
        show_in_menus=False,
    )
    targets = [homes[code].locale for code in ("de", "ru", "uk")]
    words = {
        "de": {"Contact": "Kontakt", "contact": "kontakt", "Write to us.": "Schreiben Sie uns."},
        "ru": {"Contact": "Контакты", "contact": "kontakty", "Write to us.": "Напишите нам."},
        "uk": {"Contact": "Контакти", "contact": "kontakty", "Write to us.": "Напишіть нам."},
    }
    with django_capture_on_commit_callbacks(execute=True):
        source, translations = translate_with_localize(page, targets)
        for translation in translations:
            fill(translation, words[translation.target_locale.language_code])
            translation.save_target(publish=True)

    # Change a synchronised field (and a translated one) in the source, then sync.
    page.show_in_menus = True
    page.intro = "Write to us or call the hotline."
    page.save_revision().publish()
    with django_capture_on_commit_callbacks(execute=True):
        source.update_from_db()
        for translation in translations:
            translation.save_target(publish=True)

    for code in ("de", "ru", "uk"):
        copy = StandardPage.objects.get(
            translation_key=page.translation_key, locale__language_code=code
        )
        assert copy.live
        assert copy.show_in_menus is True  # synchronised
        assert copy.title == words[code]["Contact"]  # translated text survives the sync
        # The changed English sentence has no translation yet: the editor lists it as
        # missing, the published copy shows the new source text only until translated.
        translation = Translation.objects.get(source=source, target_locale__language_code=code)
        missing = [
            s.string.data
            for s in StringSegment.objects.filter(source=source)
            .select_related("string")
            .annotate_translation(translation.target_locale)
            if s.translation is None
        ]
        assert missing == ["Write to us or call the hotline."]
    assert Page.objects.filter(translation_key=page.translation_key).count() == 4


def test_footer_text_is_per_language_and_never_mixed(homes, client):
    FooterText.objects.create(locale=homes["en"].locale, text="<p>Counselling is free.</p>")
    german = FooterText.objects.get(locale=homes["en"].locale).copy_for_translation(
        homes["de"].locale
    )
    german.text = "<p>Die Beratung ist kostenlos.</p>"
    german.save()
    assert "Counselling is free." in client.get("/en/").content.decode()
    de = client.get("/de/").content.decode()
    assert "Die Beratung ist kostenlos." in de and "Counselling" not in de
    ru = client.get("/ru/").content.decode()
    assert "Counselling" not in ru and "Beratung" not in ru


def translate_and_change(homes, page, words, change, capture):
    """Translate `page` (and its parent) into de, ru and uk with `words`, publish, then
    apply `change` to the English page, publish it and sync every translation."""
    targets = [homes[code].locale for code in ("de", "ru", "uk")]
    parent = page.get_parent().specific
    if not isinstance(parent, type(homes["en"])):
        # Its own transaction: publishing the parent on commit after the child exists
        # would save the parent's stale tree fields and hide the child from routing.
        with capture(execute=True):
            translate_with_localize(parent, targets)
    with capture(execute=True):
        source, translations = translate_with_localize(page, targets)
        for translation in translations:
            fill(translation, words[translation.target_locale.language_code])
            translation.save_target(publish=True)
    change(page)
    page.save_revision().publish()
    with capture(execute=True):
        source.update_from_db()
        for translation in translations:
            translation.save_target(publish=True)
    return {
        code: type(page).objects.get(
            translation_key=page.translation_key, locale__language_code=code
        )
        for code in ("de", "ru", "uk")
    }


EVENT_WORDS = {
    "de": {"Vigil": "Mahnwache", "Candles and names.": "Kerzen und Namen."},
    "ru": {"Vigil": "Пикет", "Candles and names.": "Свечи и имена."},
    "uk": {"Vigil": "Пікет", "Candles and names.": "Свічки та імена."},
}


def test_event_date_capacity_and_status_sync_and_translations_survive(
    homes, django_capture_on_commit_callbacks
):
    events = pytest.importorskip("tests.factories.events", reason="the events app is not installed")

    index = events.EventIndexPageFactory(parent=homes["en"], slug="events")
    start = datetime.datetime(2026, 12, 3, 18, 0, tzinfo=datetime.UTC)
    event = events.EventPageFactory(
        parent=index,
        title="Vigil",
        slug="vigil",
        summary="Candles and names.",
        start=start,
        end=start + HOURS_2,
        registration_mode="open",
        capacity=40,
    )
    new_start = start + datetime.timedelta(days=1, hours=1)

    def change(page):
        page.start, page.end = new_start, new_start + HOURS_2
        page.time_zone = "Europe/Kyiv"
        page.capacity = 25
        page.status = "postponed"
        page.city = "Leipzig"

    copies = translate_and_change(
        homes, event, EVENT_WORDS, change, django_capture_on_commit_callbacks
    )
    for code, copy in copies.items():
        assert copy.live
        synced = (copy.start, copy.end, copy.time_zone, copy.capacity, copy.status, copy.city)
        assert synced == (new_start, new_start + HOURS_2, "Europe/Kyiv", 25, "postponed", "Leipzig")
        assert (copy.title, copy.summary) == (
            EVENT_WORDS[code]["Vigil"],
            EVENT_WORDS[code]["Candles and names."],
        )
    # The live German page shows the new date in the event's time zone, German style.
    de = copies["de"]
    response = Client().get(de.url)
    html = response.content.decode()
    assert "Kerzen und Namen." in html
    assert "4. Dezember 2026, 21:00" in html  # 19:00 UTC is 21:00 in Kyiv


def test_appeal_goal_and_status_sync_and_translations_survive(
    homes, django_capture_on_commit_callbacks
):
    appeals = pytest.importorskip(
        "tests.factories.appeals", reason="the appeals app is not installed"
    )

    appeal = appeals.AppealPageFactory(
        parent=homes["en"], title="Protect objectors", slug="protect", intro="Sign now.", goal=1000
    )
    words = {
        "de": {"Protect objectors": "Schützt Verweigerer", "Sign now.": "Jetzt zeichnen."},
        "ru": {"Protect objectors": "Защитите отказников", "Sign now.": "Подпишите сейчас."},
        "uk": {"Protect objectors": "Захистіть відмовників", "Sign now.": "Підпишіть зараз."},
    }

    def change(page):
        page.goal = 5000
        page.status = "closed"

    copies = translate_and_change(homes, appeal, words, change, django_capture_on_commit_callbacks)
    for code, copy in copies.items():
        assert (copy.goal, copy.status) == (5000, "closed")
        assert copy.closed_on == appeal.closed_on is not None
        assert (copy.title, copy.intro) == (
            words[code]["Protect objectors"],
            words[code]["Sign now."],
        )


def test_campaign_donation_amount_syncs_and_translations_survive(
    homes, django_capture_on_commit_callbacks
):
    campaigns = pytest.importorskip(
        "tests.factories.campaigns", reason="the campaigns app is not installed"
    )

    campaign = campaigns.CampaignPageFactory(
        parent=homes["en"],
        title="Asylum for deserters",
        slug="asylum",
        intro="Protection for those who refuse.",
        amount_raised=Decimal("65000"),
        donation_goal=Decimal("100000"),
    )
    words = {
        "de": {"Asylum for deserters": "Asyl für Deserteure"},
        "ru": {"Asylum for deserters": "Убежище для дезертиров"},
        "uk": {"Asylum for deserters": "Притулок для дезертирів"},
    }

    def change(page):
        page.amount_raised = Decimal("65240")
        page.donations_as_of = datetime.date(2026, 11, 30)

    copies = translate_and_change(
        homes, campaign, words, change, django_capture_on_commit_callbacks
    )
    for code, copy in copies.items():
        assert copy.amount_raised == Decimal("65240")
        assert copy.donations_as_of == datetime.date(2026, 11, 30)
        assert copy.title == words[code]["Asylum for deserters"]
    assert copies["de"].amount_raised_display == "65.240\xa0€"
    assert "65.240\xa0€" in Client().get(copies["de"].url).content.decode()
