"""Cancelling a registration in the admin asks first, and can be undone while the places
are free (events.services.restore, under the event's lock)."""

import pytest
from django.contrib.auth.models import Permission
from django.core import mail
from django.urls import reverse

from campaign_kit.events import services
from campaign_kit.events.models import EventPool, Registration

pytestmark = pytest.mark.django_db


@pytest.fixture
def organiser(client, django_user_model):
    user = django_user_model.objects.create_user("organiser", password="pw")
    user.user_permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="view_registrations"),
    )
    client.force_login(user)
    return user


@pytest.fixture
def register(event, django_capture_on_commit_callbacks):
    def make(name, places):
        with django_capture_on_commit_callbacks(execute=True):
            services.register(event, name=name, email=f"{name}@example.org", places=places)
        return Registration.objects.get(name=name)

    return make


def urls(registration):
    pool = registration.pool_id
    return (
        reverse("events_cancel_registration", args=[pool, registration.pk]),
        reverse("events_restore_registration", args=[pool, registration.pk]),
    )


def test_cancel_asks_first_then_undo_restores(
    client, organiser, register, django_capture_on_commit_callbacks
):
    register("ann", 3)
    bob = register("bob", 2)
    cancel_url, restore_url = urls(bob)
    manage = client.get(reverse("events_manage", args=[bob.pool_id])).content.decode()
    assert f'href="{cancel_url}"' in manage  # a link to the confirmation page, no JS needed
    mail.outbox.clear()
    page = client.get(cancel_url)
    assert page.status_code == 200 and "Cancel this registration?" in page.content.decode()
    bob.refresh_from_db()
    assert bob.status == "confirmed" and mail.outbox == []
    with django_capture_on_commit_callbacks(execute=True):
        done = client.post(cancel_url, {"confirm": "yes"}, follow=True)
    bob.refresh_from_db()
    assert bob.status == "cancelled"
    content = done.content.decode()
    assert "Registration cancelled" in content and f'href="{restore_url}"' in content
    assert "Undo" in content
    # Undo: the GET only asks, the POST restores and tells the person.
    assert "Restore this registration?" in client.get(restore_url).content.decode()
    bob.refresh_from_db()
    assert bob.status == "cancelled"
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        restored = client.post(restore_url, {"confirm": "yes"}, follow=True)
    bob.refresh_from_db()
    assert (bob.status, bob.cancelled_at) == ("confirmed", None)
    assert "The registration was restored." in restored.content.decode()
    assert [m.to for m in mail.outbox] == [["bob@example.org"]]
    assert services.places_taken(bob.event_key) == 5


def test_undo_refused_when_the_places_went_to_the_waiting_list(
    client, organiser, register, django_capture_on_commit_callbacks
):
    register("ann", 3)
    bob = register("bob", 2)
    cyd = register("cyd", 2)
    assert cyd.status == "waiting"
    cancel_url, restore_url = urls(bob)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(cancel_url, {"confirm": "yes"})
    cyd.refresh_from_db()
    assert cyd.status == "confirmed"  # the waiting list moved up into the freed places
    response = client.post(restore_url, {"confirm": "yes"})
    assert response.status_code == 409
    assert "The event is full" in response.content.decode()
    bob.refresh_from_db()
    assert bob.status == "cancelled"
    assert services.places_taken(bob.event_key) == 5


def test_restore_rules_live_in_the_service(register, event):
    bob = register("bob", 2)
    with pytest.raises(services.RegistrationError, match="Only cancelled"):
        services.restore(bob)
    services.cancel(bob)
    services.register(event, name="Bob again", email="bob@example.org", places=1)
    with pytest.raises(services.RegistrationError, match="registered again"):
        services.restore(bob)


def test_cancel_of_an_unknown_registration_is_404(client, organiser, register):
    bob = register("bob", 1)
    pool = EventPool.objects.get()
    url = reverse("events_cancel_registration", args=[pool.pk, bob.pk + 100])
    assert client.get(url, follow=True).status_code == 404
    # The old one-click POST on the list no longer cancels.
    manage = reverse("events_manage", args=[pool.pk])
    assert client.post(manage, {"registration": bob.pk, "action": "cancel"}).status_code == 400
    bob.refresh_from_db()
    assert bob.status == "confirmed"
