"""The editors' flow through Wagtail's and wagtail-localize's admin views.

Create a page in English, translate it into German, fill the translation in the
translation editor, publish, check the German page under /de/, change the English
source, sync, and see what the German translation is missing.
"""

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from wagtail.models import Page
from wagtail.test.utils.form_data import rich_text, streamfield

from campaign_kit.appeals.models import AppealPage
from campaign_kit.events.models import EventPage
from home.models import StandardPage
from tests.factories.events import EventIndexPageFactory
from tests.factories.home import translate_page

from .utils import (
    page_form,
    put_string,
    segments,
    source_for,
    standard_page_form,
    translation_for,
    untranslated,
)

STANDARD_GERMAN = {
    "About the campaign": "Über die Kampagne",
    "Why we campaign for the right to refuse.": "Warum wir das Recht auf Verweigerung fordern.",
    "Nobody should be forced to fight.": "Niemand soll zum Kämpfen gezwungen werden.",
    "about-the-campaign": "ueber-die-kampagne",
}

EVENT_GERMAN = {
    "Vigil for objectors": "Mahnwache für Verweigerer",
    "vigil-for-objectors": "mahnwache-fuer-verweigerer",
    "Why we campaign for the right to refuse.": "Warum wir das Recht auf Verweigerung fordern.",
    "Town hall square": "Rathausplatz",
    "Campaign alliance": "Kampagnenbündnis",
}


def event_index(homes):
    index = EventIndexPageFactory(parent=homes["en"], title="Events", slug="events")
    translate_page(index, "de", title="Termine", slug="termine")
    return index


def event_form(summary, page=None):
    return page_form(
        title="Vigil for objectors",
        slug="vigil-for-objectors",
        summary=summary,
        body=streamfield([]),
        start="2030-12-03 19:00",
        end="2030-12-03 21:00",
        time_zone="Europe/Berlin",
        status="scheduled",
        attendance_mode="offline",
        venue_name="Town hall square",
        street="Marktplatz 1",
        postcode="04109",
        city="Leipzig",
        country="DE",
        organiser="Campaign alliance",
        organiser_url="https://example.org/",
        tags="",
        registration_mode="open",
        capacity="40",
        max_places_per_registration="2",
        waiting_list="on",
    )


APPEAL_GERMAN = {
    "Protect those who refuse": "Schützt die Verweigerer",
    "protect-those-who-refuse": "schuetzt-die-verweigerer",
    "Why we campaign for the right to refuse.": "Warum wir das Recht auf Verweigerung fordern.",
    "We call for protection": "Wir fordern Schutz",
    "European Parliament": "Europäisches Parlament",
    "Thank you!": "Danke!",
}


def appeal_form(intro, page=None):
    data = page_form(
        title="Protect those who refuse",
        slug="protect-those-who-refuse",
        intro=intro,
        body=streamfield([("heading", "We call for protection")]),
        addressees="European Parliament",
        initiators="",
        goal="5000",
        status="open",
        allow_organisations="on",
        thank_you=rich_text("<p>Thank you!</p>"),
    )
    if page is not None:
        data["body-0-id"] = page.body[0].id
    return data


# Each page type of the kit gets a case here: the model, its parent, the form data
# (with the text that changes later), the German strings and what the German page shows.
PAGE_TYPES = {
    "standard_page": {
        "model": StandardPage,
        "parent": lambda homes: homes["en"],
        "slug": "about-the-campaign",
        "form": lambda intro, page=None: standard_page_form(
            "About the campaign",
            "about-the-campaign",
            intro,
            paragraph="Nobody should be forced to fight.",
            block_ids=[block.id for block in page.body] if page else (),
        ),
        "german": STANDARD_GERMAN,
        "german_page_shows": [
            "Über die Kampagne",
            "Niemand soll zum Kämpfen gezwungen werden.",
            "Zum Hauptinhalt springen",  # "Skip to main content"
        ],
    },
    "event_page": {
        "model": EventPage,
        "parent": event_index,
        "slug": "vigil-for-objectors",
        "form": event_form,
        "german": EVENT_GERMAN,
        "german_page_shows": [
            "Mahnwache für Verweigerer",
            "Rathausplatz",
            "Kampagnenbündnis",
            "3. Dezember 2030, 19:00",  # date and time the German way, in Berlin time
            "Ihr Name",  # the registration form's "Your name"
            "Zum Kalender hinzufügen",  # "Add to your calendar"
        ],
    },
    "appeal_page": {
        "model": AppealPage,
        "parent": lambda homes: homes["en"],
        "slug": "protect-those-who-refuse",
        "form": appeal_form,
        "german": APPEAL_GERMAN,
        "german_page_shows": [
            "Schützt die Verweigerer",
            "Wir fordern Schutz",
            "Europäisches Parlament",
            "Ihr Name",  # the signature form's "Your name"
        ],
    },
}


@pytest.mark.parametrize("page_type", list(PAGE_TYPES))
def test_translate_publish_change_and_sync(
    admin_client, homes, page_type, django_capture_on_commit_callbacks
):
    case = PAGE_TYPES[page_type]
    model, form, german_words = case["model"], case["form"], case["german"]
    parent = case["parent"](homes)
    client = admin_client

    # 1. Create and publish the page in English through the page editor.
    add_url = reverse(
        "wagtailadmin_pages:add",
        args=[model._meta.app_label, model._meta.model_name, parent.id],
    )
    response = client.post(
        add_url,
        {**form("Why we campaign for the right to refuse."), "action-publish": "publish"},
    )
    assert response.status_code == 302, response.content[:2000]
    page = model.objects.get(locale__language_code="en", slug=case["slug"])
    assert page.live

    # 2. "Translate this page" into German.
    submit_url = reverse("wagtail_localize:submit_page_translation", args=[page.id])
    assert client.get(submit_url).status_code == 200
    de_locale = homes["de"].locale
    response = client.post(submit_url, {"locales": [de_locale.id]})
    assert response.status_code == 302
    german = page.get_translation(de_locale)
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=[german.id])
    translation = translation_for(page, "de")

    # 3. The translation editor opens and lists the English strings to translate.
    editor = client.get(reverse("wagtailadmin_pages:edit", args=[german.id]))
    assert editor.status_code == 200
    assert "Why we campaign for the right to refuse." in editor.content.decode()

    # 4. Fill every string through the editor's endpoint, then publish.
    for segment in segments(translation):
        response = put_string(client, translation, segment, german_words[segment.string.data])
        assert response.status_code in (200, 201), response.content
    assert untranslated(translation) == []
    # wagtail-localize publishes the revision once the transaction commits.
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("wagtailadmin_pages:edit", args=[german.id]), {"action": "publish"}
        )
    assert response.status_code == 302
    assert "Published" in str(list(get_messages(response.wsgi_request))[0])

    # 5. The German page is live under /de/ with the German interface.
    german.refresh_from_db()
    assert german.live
    public = client.get(german.url)
    assert german.url.startswith("/de/")
    assert public.status_code == 200
    html = public.content.decode()
    assert '<html lang="de">' in html
    for text in case["german_page_shows"]:
        assert text in html
    assert "Warum wir das Recht auf Verweigerung fordern." in html
    assert "Why we campaign" not in html

    # 6. Change the English source and publish it.
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[page.id]),
        {
            **form("Why we stand with conscientious objectors.", page),
            "action-publish": "publish",
        },
    )
    assert response.status_code == 302

    # 7. "Sync translated pages" (the update-translations view), without publishing.
    source = source_for(page)
    update_url = reverse("wagtail_localize:update_translations", args=[source.id])
    assert client.get(update_url).status_code == 200
    response = client.post(update_url, {})
    assert response.status_code == 302

    # 8. The German translation shows what is out of date: the changed intro is
    # untranslated, the rest keeps its German text, and the live page is unchanged.
    assert untranslated(translation) == ["Why we stand with conscientious objectors."]
    editor = client.get(reverse("wagtailadmin_pages:edit", args=[german.id]))
    assert editor.status_code == 200
    assert "Why we stand with conscientious objectors." in editor.content.decode()
    live_german = client.get(german.url).content.decode()
    assert "Warum wir das Recht auf Verweigerung fordern." in live_german
    assert "conscientious objectors" not in live_german
    assert Page.objects.filter(translation_key=page.translation_key).count() == 2
