"""Translated vs synchronised fields: a sync updates data, translated text survives."""

import datetime

import pytest
from wagtail.models import Page
from wagtail_localize.fields import SynchronizedField, TranslatableField, get_translatable_fields
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

from home.factories import StandardPageFactory
from home.models import FooterText, HomePage, StandardPage

HOURS_2 = datetime.timedelta(hours=2)

EXPECTED = {
    HomePage: {
        "translated": {"title", "slug", "hero_title", "hero_text", "hero_link_label", "body"},
        "synchronised": {"hero_image", "hero_link_page", "featured_campaign", "show_in_menus"},
    },
    StandardPage: {
        "translated": {"title", "slug", "intro", "body", "seo_title", "search_description"},
        "synchronised": {"show_in_menus"},
    },
    FooterText: {"translated": {"text"}, "synchronised": set()},
}


@pytest.mark.parametrize("model", list(EXPECTED), ids=lambda m: m.__name__)
def test_every_model_declares_what_is_translated(model):
    declared = {f.field_name: f for f in model.override_translatable_fields}
    fields = {f.field_name: f for f in get_translatable_fields(model)}
    for name in EXPECTED[model]["translated"]:
        assert isinstance(declared[name], TranslatableField), name
        assert isinstance(fields[name], TranslatableField), name
    for name in EXPECTED[model]["synchronised"]:
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


def test_event_start_time_syncs_to_every_translation(homes, django_capture_on_commit_callbacks):
    events = pytest.importorskip("events.factories", reason="the events app is not installed")
    from events.models import EventPage

    index = events.EventIndexPageFactory(parent=homes["en"], slug="events")
    start = datetime.datetime(2026, 12, 3, 18, 0, tzinfo=datetime.UTC)
    event = events.EventPageFactory(
        parent=index, title="Vigil", slug="vigil", start=start, end=start + HOURS_2
    )
    targets = [homes[code].locale for code in ("de", "ru", "uk")]
    titles = {"de": "Mahnwache", "ru": "Пикет", "uk": "Пікет"}
    with django_capture_on_commit_callbacks(execute=True):
        translate_with_localize(index, targets)
        source, translations = translate_with_localize(event, targets)
        for translation in translations:
            fill(translation, {"Vigil": titles[translation.target_locale.language_code]})
            translation.save_target(publish=True)

    new_start = start + datetime.timedelta(days=1, hours=1)
    event.start, event.end = new_start, new_start + HOURS_2
    event.city = "Leipzig"
    event.save_revision().publish()
    with django_capture_on_commit_callbacks(execute=True):
        source.update_from_db()
        for translation in translations:
            translation.save_target(publish=True)

    for code in ("de", "ru", "uk"):
        copy = EventPage.objects.get(
            translation_key=event.translation_key, locale__language_code=code
        )
        assert copy.live
        assert (copy.start, copy.end, copy.city) == (new_start, new_start + HOURS_2, "Leipzig")
        assert copy.title == titles[code]
