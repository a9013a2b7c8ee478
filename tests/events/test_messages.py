"""Writing to an event's registrants from its manage screen, and the reminder before it."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core import mail
from django.core.management import CommandError, call_command
from django.core.management.base import SystemCheckError
from django.utils import timezone

from campaign_kit.events import services
from campaign_kit.events.models import EventMessage, EventPool, Registration

pytestmark = pytest.mark.django_db


@pytest.fixture
def organiser(client, django_user_model):
    from django.contrib.auth.models import Permission

    user = django_user_model.objects.create_user("organiser", "o@example.org", "pw")
    user.user_permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="view_registrations"),
    )
    client.force_login(user)
    return user


@pytest.fixture
def people(make_event, django_capture_on_commit_callbacks):
    """Ann (en) and Ben (de) confirmed, Cat (ru) waiting, Dan cancelled."""
    event = make_event(
        title="Vigil in Frankfurt", slug="vigil", registration_mode="open", capacity=2
    )
    with django_capture_on_commit_callbacks(execute=True):
        for name, language in [("Ann", "en"), ("Ben", "de"), ("Cat", "ru"), ("Dan", "en")]:
            services.register(
                event, name=name, email=f"{name.lower()}@example.org", places=1, language=language
            )
    services.cancel(Registration.objects.get(name="Dan"))
    mail.outbox.clear()
    return event


def _url(suffix=""):
    return f"/admin/events/manage/{EventPool.objects.get().pk}/message/{suffix}"


TEXT = {"subject": "Bring a candle", "body": "Please bring a candle.\nThank you!"}


def test_manage_screen_links_to_the_message_form(client, organiser, people):
    pool = EventPool.objects.get()
    html = client.get(f"/admin/events/manage/{pool.pk}/").content.decode()
    assert _url() in html
    assert "Versions in other languages" in client.get(_url()).content.decode()


def test_preview_counts_then_send_queues_one_mail_each_in_their_language(
    client, organiser, people, django_capture_on_commit_callbacks
):
    data = {
        **TEXT,
        "audience": "both",
        "subject_de": "Bringt eine Kerze mit",
        "body_de": "Bitte bringt eine Kerze mit.",
    }
    preview = client.post(_url(), {**data, "action": "preview"})
    html = preview.content.decode()
    assert preview.status_code == 200
    assert "This message goes to 3 people." in html
    assert "Send to 3 people" in html
    assert "Bitte bringt eine Kerze mit." in html and "Alex" in html
    assert not mail.outbox and not EventMessage.objects.exists()

    with django_capture_on_commit_callbacks(execute=True):
        sent = client.post(_url(), {**data, "action": "send", "expected": "3"})
    assert sent.status_code == 302
    by_address = {m.to[0]: m for m in mail.outbox}
    assert set(by_address) == {"ann@example.org", "ben@example.org", "cat@example.org"}
    assert by_address["ann@example.org"].subject == "Bring a candle"
    assert by_address["ann@example.org"].body.startswith("Hello Ann,\n\nPlease bring a candle.")
    german = by_address["ben@example.org"]
    assert german.subject == "Bringt eine Kerze mit"
    assert german.body.startswith("Hallo Ben,")
    # No Russian version: the main text, with greeting and details in Russian.
    assert by_address["cat@example.org"].subject == "Bring a candle"
    assert "Please bring a candle." in by_address["cat@example.org"].body
    assert "candle.<br>Thank you!" in by_address["ann@example.org"].alternatives[0][0]

    record = EventMessage.objects.get()
    assert (record.subject, record.audience, record.recipient_count) == (
        "Bring a candle",
        "both",
        3,
    )
    assert record.sent_by == organiser
    stored = str([record.subject, record.body, record.translations])
    assert "@" not in stored
    assert "The message is queued for 3 people." in client.get(sent.url).content.decode()
    assert "Bring a candle" in client.get(_url()).content.decode()  # listed as sent


def test_audience_waiting_only(client, organiser, people, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(_url(), {**TEXT, "audience": "waiting", "action": "send", "expected": "1"})
    assert [m.to[0] for m in mail.outbox] == ["cat@example.org"]


def test_nobody_registered_sends_nothing(client, organiser, make_event):
    event = make_event(title="Empty", slug="empty", registration_mode="open", capacity=5)
    services.ensure_pool(event)
    for action in ("preview", "send"):
        response = client.post(
            _url(), {**TEXT, "audience": "both", "action": action, "expected": "0"}
        )
        assert response.status_code == 400
        assert "Nobody in this group is registered" in response.content.decode()
    assert not mail.outbox and not EventMessage.objects.exists()


def test_a_changed_count_sends_nothing(client, organiser, people):
    response = client.post(_url(), {**TEXT, "audience": "both", "action": "send", "expected": "2"})
    assert response.status_code == 400
    assert "number of recipients changed" in response.content.decode()
    assert not mail.outbox and not EventMessage.objects.exists()


def test_bad_form_input_is_answered_not_crashed_on(client, organiser, people):
    response = client.post(_url(), {"audience": "everyone", "subject": "", "action": "preview"})
    assert response.status_code == 400
    assert "Select a valid choice" in response.content.decode()
    half = {**TEXT, "audience": "both", "subject_de": "Nur Betreff", "action": "preview"}
    response = client.post(_url(), half)
    assert response.status_code == 400
    assert "Give both the subject and the message in this language" in response.content.decode()


def test_only_staff_with_the_registrations_permission(client, django_user_model, people):
    from django.contrib.auth.models import Permission

    editor = django_user_model.objects.create_user("editor", "e@example.org", "pw")
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)
    assert client.get(_url()).status_code == 403
    assert client.post(_url(), {**TEXT, "audience": "both", "action": "send"}).status_code == 403
    assert not mail.outbox


def _soon(event, hours):
    event.start = timezone.now() + timedelta(hours=hours)
    event.end = event.start + timedelta(hours=2)
    event.save_revision().publish()


def test_reminder_once_in_each_language_with_calendar_and_cancel_link(
    people, django_capture_on_commit_callbacks
):
    out = StringIO()
    call_command("send_event_reminders", stdout=out)  # ten days ahead: not yet
    assert "Reminders queued: 0" in out.getvalue() and not mail.outbox
    _soon(people, 20)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_event_reminders", stdout=out)
        call_command("send_event_reminders", stdout=out)
    by_address = {m.to[0]: m for m in mail.outbox}
    assert sorted(m.to[0] for m in mail.outbox) == ["ann@example.org", "ben@example.org"]
    english = by_address["ann@example.org"]
    assert english.subject == "Reminder: Vigil in Frankfurt"
    assert [a[0] for a in english.attachments] == ["event.ics"]
    assert "Your registration (view or cancel):\nhttp://" in english.body
    assert by_address["ben@example.org"].subject.startswith("Erinnerung")
    assert Registration.objects.filter(reminder_sent_at__isnull=False).count() == 2


def test_reminder_hours_setting(settings, people, django_capture_on_commit_callbacks):
    _soon(people, 30)
    mail.outbox.clear()
    settings.CAMPAIGN_KIT_EVENTS_REMINDER_HOURS = 48
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_event_reminders", stdout=StringIO())
    assert len(mail.outbox) == 2


@pytest.mark.parametrize("value", [-5, 0, "24", None, True])
def test_an_invalid_reminder_time_is_refused_and_sends_nothing(settings, people, value):
    _soon(people, 20)
    mail.outbox.clear()
    settings.CAMPAIGN_KIT_EVENTS_REMINDER_HOURS = value
    with pytest.raises(CommandError, match="CAMPAIGN_KIT_EVENTS_REMINDER_HOURS must be"):
        call_command("send_event_reminders", stdout=StringIO())
    assert not mail.outbox
    assert not Registration.objects.filter(reminder_sent_at__isnull=False).exists()


def test_no_reminder_for_past_or_cancelled_events(people, django_capture_on_commit_callbacks):
    _soon(people, -1)  # already begun
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_event_reminders", stdout=StringIO())
    assert not [m for m in mail.outbox if m.subject.startswith("Reminder")]
    _soon(people, 5)
    people.status = "cancelled"
    with django_capture_on_commit_callbacks(execute=True):
        people.save_revision().publish()
        call_command("send_event_reminders", stdout=StringIO())
    assert not [m for m in mail.outbox if m.subject.startswith("Reminder")]


def test_manage_py_check_reports_a_bad_reminder_time(settings):
    settings.CAMPAIGN_KIT_EVENTS_REMINDER_HOURS = -1
    with pytest.raises(SystemCheckError, match="campaign_kit_events.E001"):
        call_command("check", stdout=StringIO(), stderr=StringIO())
