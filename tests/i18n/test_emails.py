"""E-mails go out in the language the person used on the site, interface text included."""

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation

from tests.factories.home import translate_page

pytestmark = pytest.mark.django_db
LANGUAGES = ("de", "ru", "uk")


def translated(language, message, **values):
    with translation.override(language):
        text = translation.gettext(message) % values
    assert text != message % values, f"{message!r} has no {language} translation"
    return text


@pytest.mark.parametrize("language", LANGUAGES)
def test_registration_mail_in_the_registrants_language(
    client, homes, language, django_capture_on_commit_callbacks
):
    events = pytest.importorskip("tests.factories.events")
    index = events.EventIndexPageFactory(parent=homes["en"], slug="events")
    event = events.EventPageFactory(parent=index, slug="vigil", registration_mode="open")
    event.save_revision().publish()
    translate_page(index, language, slug=f"events-{language}")
    page = translate_page(event, language, slug=f"vigil-{language}", title=f"Vigil {language}")
    with translation.override(language):
        url = reverse("campaign_kit_events:register", args=[page.pk])
    payload = {"name": "Olena", "email": "olena@example.org", "places": 1, "consent": "on"}
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url, payload).status_code == 303
    [message] = mail.outbox
    expected = translated(language, "Registration confirmed: %(title)s", title=page.title)
    assert message.subject == expected
    assert f"/{language}/events/-/registration/" in message.body


@pytest.mark.parametrize("language", LANGUAGES)
def test_signature_mail_in_the_signers_language(
    client, homes, language, settings, django_capture_on_commit_callbacks
):
    appeals = pytest.importorskip("tests.factories.appeals")
    from campaign_kit.appeals.security import form_timestamp

    settings.CAMPAIGN_KIT_APPEAL_MIN_FILL_SECONDS = 0
    appeal = appeals.AppealPageFactory(parent=homes["en"], slug="protect")
    appeal.save_revision().publish()
    page = translate_page(appeal, language, slug=f"protect-{language}", title=f"Appeal {language}")
    with translation.override(language):
        url = reverse("campaign_kit_appeals:sign", args=[page.pk])
    payload = {
        "p-name": "Olena",
        "p-email": "olena@example.org",
        "p-country": "UA",
        "p-display": "hidden",
        "p-consent": "on",
        "p-homepage": "",
        "p-started": form_timestamp(),
    }
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url, payload).status_code == 303
    [message] = mail.outbox
    expected = translated(language, "Please confirm your signature: %(title)s", title=page.title)
    assert message.subject == expected
    assert f"/{language}/appeals/-/signature/" in message.body
