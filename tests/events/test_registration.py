"""Registration through real HTTP requests, with the real mail outbox."""

from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone, translation

from campaign_kit.events.models import Registration
from campaign_kit.events.security import make_token
from tests.factories.home import translate_page

pytestmark = pytest.mark.django_db


def register_url(page):
    """The form's action: a plain URL in the page's language, outside page routing."""
    with translation.override(page.locale.language_code):
        return reverse("campaign_kit_events:register", args=[page.pk])


def post(client, page, capture, **data):
    """Register and follow the 303 to the result page."""
    payload = {"name": "Ann Example", "email": "ann@example.org", "places": 1, "consent": "on"}
    payload.update(data)
    with capture(execute=True):
        return client.post(register_url(page), payload, follow=True)


def test_confirmed_registration_mails_details_ics_and_personal_link(
    client, event, django_capture_on_commit_callbacks, settings
):
    response = post(client, event, django_capture_on_commit_callbacks, places=2)
    [(target, status)] = response.redirect_chain
    assert status == 303 and target.startswith(f"/en/events/-/{event.pk}/registered/")
    assert response.status_code == 200
    assert "is confirmed" in response.content.decode()
    registration = Registration.objects.get()
    assert registration.status == "confirmed"
    assert registration.places == 2
    assert registration.consent_version == settings.CAMPAIGN_KIT_PRIVACY_VERSION
    assert registration.event_key == event.translation_key
    assert registration.language == "en"
    [message] = mail.outbox
    assert message.to == ["ann@example.org"]
    assert "Vigil in Frankfurt" in message.subject
    assert "/en/events/-/registration/" in message.body
    [(filename, ics, mimetype)] = message.attachments
    ics = ics.decode() if isinstance(ics, bytes) else ics
    assert filename == "event.ics" and mimetype == "text/calendar"
    assert "METHOD" not in ics and "ORGANIZER" not in ics
    assert "ann@example.org" not in response.content.decode()


def test_invalid_input_is_answered_with_400_and_nothing_stored(client, event):
    response = client.post(
        register_url(event), {"name": "", "email": "not-an-address", "places": 9}
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "Enter a valid email address" in html
    assert "Please agree to the privacy text" in html
    assert "at most 3 places" in html
    assert 'aria-invalid="true"' in html or "is-invalid" in html
    assert Registration.objects.count() == 0


def test_registration_closed_or_not_yet_open(client, make_event):
    closed = make_event(registration_mode="open", registration_closes_at=timezone.now())
    response = client.post(
        register_url(closed),
        {"name": "A", "email": "a@example.org", "places": 1, "consent": "on"},
    )
    assert response.status_code == 403
    assert "Registration is closed" in response.content.decode()
    later = make_event(
        registration_mode="open", registration_opens_at=timezone.now() + timedelta(days=1)
    )
    response = client.post(
        register_url(later),
        {"name": "A", "email": "a@example.org", "places": 1, "consent": "on"},
    )
    assert response.status_code == 403
    assert "not opened yet" in response.content.decode()
    assert Registration.objects.count() == 0


def test_full_event_without_waiting_list_refuses(
    client, make_event, django_capture_on_commit_callbacks
):
    page = make_event(registration_mode="open", capacity=1, waiting_list=False)
    assert post(client, page, django_capture_on_commit_callbacks).status_code == 200
    response = post(client, page, django_capture_on_commit_callbacks, email="bo@example.org")
    assert response.status_code == 409
    assert "this event is full" in response.content.decode()
    assert Registration.objects.count() == 1


def test_waiting_list_then_cancel_promotes_and_mails(
    client, make_event, django_capture_on_commit_callbacks
):
    page = make_event(registration_mode="open", capacity=2, max_places_per_registration=2)
    post(client, page, django_capture_on_commit_callbacks, places=2)
    response = post(client, page, django_capture_on_commit_callbacks, email="bo@example.org")
    assert "waiting list" in response.content.decode()
    first, second = Registration.objects.order_by("id")
    assert second.status == "waiting"
    mail.outbox.clear()
    url = f"/en/events/-/registration/{make_token(first)}/"
    assert client.get(url).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"action": "cancel"})
    assert response.status_code == 200
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.status == "cancelled"
    assert second.status == "confirmed" and second.promoted_at
    subjects = {m.to[0]: m.subject for m in mail.outbox}
    assert "cancelled" in subjects["ann@example.org"]
    assert "A place is free" in subjects["bo@example.org"]
    # Cancelling twice is harmless.
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url, {"action": "cancel"}).status_code == 200


def test_email_confirmation_needs_post_and_is_idempotent(
    client, make_event, django_capture_on_commit_callbacks
):
    page = make_event(registration_mode="open", capacity=3, email_confirmation=True)
    response = post(client, page, django_capture_on_commit_callbacks)
    assert "check your e-mail" in response.content.decode()
    registration = Registration.objects.get()
    assert registration.status == "pending"
    assert "confirm" in mail.outbox[0].subject.lower()
    assert not mail.outbox[0].attachments
    url = f"/en/events/-/registration/{make_token(registration)}/"
    client.get(url)  # a mail scanner opening the link
    registration.refresh_from_db()
    assert registration.status == "pending"
    for _ in range(2):
        with django_capture_on_commit_callbacks(execute=True):
            assert client.post(url, {"action": "confirm"}).status_code == 200
    registration.refresh_from_db()
    assert registration.status == "confirmed"
    assert len([m for m in mail.outbox if m.attachments]) == 1


def test_duplicate_address_gets_the_same_reply_and_the_owner_is_told(
    client, event, django_capture_on_commit_callbacks
):
    first = post(client, event, django_capture_on_commit_callbacks)
    second = post(client, event, django_capture_on_commit_callbacks, email="ANN@example.org")
    assert second.status_code == first.status_code == 200
    assert "is confirmed" in second.content.decode()
    assert Registration.objects.count() == 1
    assert "already registered" in mail.outbox[-1].subject


def test_tampered_or_unknown_tokens(client, event, django_capture_on_commit_callbacks):
    post(client, event, django_capture_on_commit_callbacks)
    token = make_token(Registration.objects.get())
    response = client.get(f"/en/events/-/registration/{token[:-2]}xx/")
    assert response.status_code == 400
    assert "This link is not valid" in response.content.decode()
    Registration.objects.all().delete()
    assert (
        client.post(f"/en/events/-/registration/{token}/", {"action": "cancel"}).status_code == 404
    )


def test_capacity_is_shared_by_translations_and_mails_use_the_registrants_language(
    client, event, index_de, django_capture_on_commit_callbacks
):
    event_de = translate_page(event, "de", title="Mahnwache in Frankfurt", slug="mahnwache")
    assert event_de.capacity == 5
    post(client, event, django_capture_on_commit_callbacks, places=3)
    response = post(
        client, event_de, django_capture_on_commit_callbacks, places=3, email="jo@example.org"
    )
    assert response.status_code == 200
    registration = Registration.objects.get(language="de")
    assert registration.status == "waiting"
    assert registration.event_key == event.translation_key
    german = mail.outbox[-1]
    assert "Mahnwache in Frankfurt" in german.subject
    assert "/de/events/-/registration/" in german.body
    page = client.get(event.url).content.decode()
    assert "2 places left" in page


def test_rate_limit_answers_429(client, event, settings, django_capture_on_commit_callbacks):
    settings.CAMPAIGN_KIT_EVENTS_REGISTRATION_RATE = "2/h"
    for n in range(2):
        post(client, event, django_capture_on_commit_callbacks, email=f"p{n}@example.org")
    response = post(client, event, django_capture_on_commit_callbacks, email="p9@example.org")
    assert response.status_code == 429
    assert Registration.objects.count() == 2


def test_cancelled_event_refuses_registration(client, make_event):
    page = make_event(registration_mode="open", status="cancelled")
    response = client.post(
        register_url(page),
        {"name": "A", "email": "a@example.org", "places": 1, "consent": "on"},
    )
    assert response.status_code == 409
    assert Registration.objects.count() == 0


def test_form_posts_outside_page_routing(client, event):
    html = client.get(event.url).content.decode()
    assert f'action="/en/events/-/{event.pk}/register/#register"' in html
    # The page itself has no register/ route: routing a POST through Wagtail is what the
    # plain URL avoids.
    payload = {"name": "Ann Example", "email": "ann@example.org", "places": 1, "consent": "on"}
    assert client.post(event.url + "register/", payload).status_code == 404
    assert Registration.objects.count() == 0


def test_result_page_refuses_forged_tokens_and_unknown_events(client, event):
    assert client.get(f"/en/events/-/{event.pk}/registered/confirmed/").status_code == 404
    from campaign_kit.events.security import outcome_token

    token = outcome_token("waiting")
    response = client.get(f"/en/events/-/{event.pk}/registered/{token}/")
    assert response.status_code == 200 and "waiting list" in response.content.decode()
    assert client.get(f"/en/events/-/{event.pk + 999}/registered/{token}/").status_code == 404
    assert client.get(f"/en/events/-/{event.pk}/registered/{token[:-1]}x/").status_code == 404
    assert client.post(f"/en/events/-/{event.pk}/registered/{token}/").status_code == 405


def test_unknown_event_and_cross_site_post(client, event):
    payload = {"name": "A", "email": "a@example.org", "places": 1, "consent": "on"}
    assert client.post(f"/en/events/-/{event.pk + 999}/register/", payload).status_code == 404
    assert client.get(register_url(event)).status_code == 405
    response = client.post(register_url(event), payload, HTTP_ORIGIN="https://evil.example")
    assert response.status_code == 403
    assert Registration.objects.count() == 0


def test_registration_opening_is_shown_in_the_events_time_zone(client, make_event):
    from datetime import UTC, datetime

    opens = datetime(2031, 3, 1, 7, 0, tzinfo=UTC)  # 09:00 in Kyiv, 08:00 in Berlin
    page = make_event(
        registration_mode="open",
        registration_opens_at=opens,
        start=datetime(2031, 5, 15, 16, 0, tzinfo=UTC),
        end=datetime(2031, 5, 15, 18, 0, tzinfo=UTC),
    )
    page.time_zone = "Europe/Kyiv"
    page.save_revision().publish()
    html = client.get(page.url).content.decode()
    assert "Registration opens on March 1, 2031, 9 a.m." in html


def test_personal_link_rules_come_from_the_services(
    client, make_event, django_capture_on_commit_callbacks
):
    """A cancelled registration cannot be confirmed (410), a past event not cancelled by the
    registrant (409); the registration stays as it was and a clear message is shown."""
    page = make_event(registration_mode="open", capacity=3, email_confirmation=True)
    post(client, page, django_capture_on_commit_callbacks)
    registration = Registration.objects.get()
    url = f"/en/events/-/registration/{make_token(registration)}/"
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url, {"action": "cancel"}).status_code == 200
    response = client.post(url, {"action": "confirm"})
    assert response.status_code == 410
    assert "This registration has been cancelled." in response.content.decode()
    registration.refresh_from_db()
    assert registration.status == "cancelled"

    past = make_event(registration_mode="open", capacity=3, title="Past vigil", slug="past")
    post(client, past, django_capture_on_commit_callbacks, email="bo@example.org")
    late = Registration.objects.get(event_key=past.translation_key)
    type(past).objects.filter(translation_key=past.translation_key).update(
        start=timezone.now() - timedelta(days=2), end=timezone.now() - timedelta(days=1)
    )
    response = client.post(f"/en/events/-/registration/{make_token(late)}/", {"action": "cancel"})
    assert response.status_code == 409
    assert "The event is over; nothing to cancel." in response.content.decode()
    late.refresh_from_db()
    assert late.status == "confirmed"
