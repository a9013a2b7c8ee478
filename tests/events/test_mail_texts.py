"""Mail texts editors change in the admin: validated on save, previewed, used when sending,
and never sent broken (the built-in text goes out instead)."""

import logging

import pytest
from django.core import mail
from wagtail.models import Locale
from wagtail.users.models import UserProfile

from campaign_kit.core.models import MailText
from campaign_kit.events import services

pytestmark = pytest.mark.django_db

ADD = "/admin/snippets/campaign_kit_core/mailtext/add/"


@pytest.fixture
def editor(client, admin_user):
    client.force_login(admin_user)
    return client


def _add(client, locale="en", **data):
    return client.post(f"{ADD}?locale={locale}", data)


def test_the_form_lists_the_placeholders_of_each_mail(editor, locales):
    html = editor.get(f"{ADD}?locale=en").content.decode()
    assert "Event: reminder before the event" in html
    assert "Appeal: confirm your signature" in html
    assert "Materials: order confirmed" in html
    assert "{confirm_url}" in html and "{link}" in html


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("Hello {nmae}", "Unknown placeholder {nmae}"),
        ("Hello {name", "is not closed"),
        ("Hello {registration.email}", "Unknown placeholder {registration.email}"),
        ("Hello {name:>999999}", "without : or !"),
        ("Hello {name}", "This mail must contain {link}"),
    ],
)
def test_a_broken_text_is_refused_with_a_clear_message(editor, locales, body, message):
    response = _add(editor, kind="events.confirmed", subject="Confirmed: {event}", body=body)
    assert response.status_code == 200  # the form again, with its error
    assert message in response.content.decode()
    assert not MailText.objects.exists()


def test_the_error_is_translated(editor, locales, admin_user):
    profile = UserProfile.get_for_user(admin_user)
    profile.preferred_language = "de"
    profile.save()
    response = _add(editor, kind="events.confirmed", subject="{event}", body="Hallo {nmae}")
    assert "Unbekannter Platzhalter {nmae}" in response.content.decode()


def test_one_text_per_mail_and_language(editor, locales):
    data = {"kind": "events.confirmed", "subject": "Confirmed: {event}", "body": "Hi {link}"}
    assert _add(editor, **data).status_code == 302
    response = _add(editor, **data)
    assert "already has a text in this language" in response.content.decode()
    assert _add(editor, locale="de", **data).status_code == 302
    assert MailText.objects.count() == 2


def test_preview_fills_in_example_values(editor, locales):
    data = {"kind": "events.reminder", "subject": "Soon: {event}", "body": "Dear {name}, {link}"}
    preview = "/admin/snippets/campaign_kit_core/mailtext/preview/?locale=en"
    assert editor.post(preview, data).json()["is_valid"] is True
    html = editor.get(preview).content.decode()
    assert "Soon: Vigil for conscientious objectors" in html
    assert "Dear Alex" in html
    # A broken text makes the preview invalid: Wagtail shows its own "not valid" state.
    assert editor.post(preview, {**data, "body": "Dear {nobody}"}).json()["is_valid"] is False


def test_the_custom_text_is_sent_in_the_registrants_language(
    editor, event, locales, django_capture_on_commit_callbacks
):
    body = "Dear {name}, see you at {where}.\nChange: {link}"
    _add(editor, kind="events.confirmed", subject="You're in: {event}", body=body)
    _add(
        editor,
        locale="de",
        kind="events.confirmed",
        subject="Dabei: {event}",
        body="Hi {name} {link}",
    )
    with django_capture_on_commit_callbacks(execute=True):
        services.register(event, name="Ann <b>", email="a@example.org", places=1, language="en")
        services.register(event, name="Ben", email="b@example.org", places=1, language="de")
        services.register(event, name="Cat", email="c@example.org", places=1, language="ru")
    by_address = {m.to[0]: m for m in mail.outbox}
    english = by_address["a@example.org"]
    assert english.subject == "You're in: Vigil in Frankfurt"
    assert english.body.startswith("Dear Ann <b>, see you at Community hall")
    assert "Change: http://" in english.body
    html = english.alternatives[0][0]
    assert "Ann &lt;b&gt;" in html and "<b>" not in html.replace("<body>", "")
    assert [a[0] for a in english.attachments] == ["event.ics"]
    assert by_address["b@example.org"].subject.startswith("Dabei: ")
    # No Russian text: the built-in one, in Russian.
    assert "Vigil in Frankfurt" in by_address["c@example.org"].subject
    assert not by_address["c@example.org"].subject.startswith(("You're in", "Dabei"))


def test_a_text_broken_at_send_time_falls_back_to_the_built_in_one(
    event, locales, caplog, django_capture_on_commit_callbacks
):
    # As a translation imported by wagtail-localize could be: stored without the form's check.
    MailText.objects.create(
        kind="events.confirmed",
        locale=Locale.objects.get(language_code="en"),
        subject="Hi {name}",
        body="Broken {unknown} {link}",
    )
    with caplog.at_level(logging.WARNING), django_capture_on_commit_callbacks(execute=True):
        services.register(event, name="Ann", email="a@example.org", places=1, language="en")
    (message,) = mail.outbox
    assert message.subject == "Registration confirmed: Vigil in Frankfurt"
    assert "Broken" not in message.body
    assert "cannot be rendered" in caplog.text
    assert "a@example.org" not in caplog.text


def test_wagtail_localize_translates_subject_and_body_and_keeps_the_kind(editor, locales):
    from django.urls import reverse
    from wagtail_localize.models import StringSegment, TranslationSource

    data = {"kind": "events.reminder", "subject": "Soon: {event}", "body": "Hi {link}"}
    assert _add(editor, **data).status_code == 302
    source = MailText.objects.get()
    url = reverse(
        "wagtail_localize:submit_snippet_translation",
        args=["campaign_kit_core", "mailtext", source.pk],
    )
    response = editor.post(url, {"locales": [locales["de"].pk]})
    assert response.status_code == 302
    german = MailText.objects.get(locale=locales["de"])
    assert german.kind == "events.reminder" and german.translation_key == source.translation_key
    segments = StringSegment.objects.filter(source=TranslationSource.objects.get())
    assert {s.string.data for s in segments} == {"Soon: {event}", "Hi {link}"}


def test_editors_group_may_change_mail_texts(client, django_user_model, locales):
    from django.contrib.auth.models import Group
    from django.core.management import call_command

    call_command("setup_roles", verbosity=0)
    user = django_user_model.objects.create_user("ed", "ed@example.org", "pw")
    user.groups.add(Group.objects.get(name="Editors"))
    client.force_login(user)
    data = {"kind": "events.cancelled", "subject": "Cancelled: {event}", "body": "Bye {name}"}
    assert _add(client, **data).status_code == 302
    assert MailText.objects.filter(kind="events.cancelled").exists()
