"""Admin: personal data only with events.view_registrations; export, check-in, actions."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.utils import timezone

from campaign_kit.events import services
from campaign_kit.events.models import EventPool, Registration
from campaign_kit.events.retention import purge_personal_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff(django_user_model):
    user = django_user_model.objects.create_user("editor", "editor@example.org", "pw")
    group = Group.objects.create(name="Event helpers")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    user.groups.add(group)
    return user


@pytest.fixture
def organiser(staff):
    staff.user_permissions.add(Permission.objects.get(codename="view_registrations"))
    return staff


@pytest.fixture
def registrations(event, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        services.register(event, name="=HYPERLINK(1)", email="a@example.org", places=3)
        services.register(event, name="Bo", email="b@example.org", places=2)
        services.register(event, name="Cy", email="c@example.org", places=2)
    return list(Registration.objects.order_by("id"))


URLS = [
    "/admin/events/registrations/",
    "/admin/events/registrations-by-event/",
]


@pytest.mark.parametrize("url", URLS)
def test_staff_without_permission_gets_403(client, staff, registrations, url):
    client.force_login(staff)
    assert client.get(url).status_code == 403
    pool = EventPool.objects.get()
    assert client.get(f"/admin/events/manage/{pool.pk}/").status_code == 403


@pytest.mark.parametrize("url", URLS)
def test_staff_with_permission_gets_200(client, organiser, registrations, url):
    client.force_login(organiser)
    response = client.get(url)
    assert response.status_code == 200


def test_counts_search_filter_and_export(client, organiser, registrations, prepared_xlsx):
    client.force_login(organiser)
    html = client.get("/admin/events/registrations-by-event/").content.decode()
    assert "Vigil in Frankfurt" in html
    html = client.get("/admin/events/registrations/?q=Bo").content.decode()
    assert "b@example.org" in html and "c@example.org" not in html
    html = client.get("/admin/events/registrations/?status=waiting").content.decode()
    assert "c@example.org" in html and "b@example.org" not in html
    csv = client.get("/admin/events/registrations/?export=csv")
    assert csv.status_code == 200
    body = b"".join(csv.streaming_content).decode()
    assert "'=HYPERLINK(1)" in body
    book, _waiting = prepared_xlsx("/admin/events/registrations/?export=xlsx&status=waiting")
    emails = [row[2] for row in book.active.iter_rows(min_row=2, values_only=True)]
    assert emails == ["c@example.org"]  # the listing's filter, applied by the task


def test_check_in_cancel_and_promote_by_hand(
    client, organiser, registrations, django_capture_on_commit_callbacks
):
    client.force_login(organiser)
    first, second, third = registrations
    assert third.status == "waiting"
    pool = EventPool.objects.get()
    url = f"/admin/events/manage/{pool.pk}/"
    page = client.get(url)
    assert page.status_code == 200
    assert "2 waiting" in page.content.decode()
    client.post(url, {"registration": first.pk, "action": "check_in"})
    first.refresh_from_db()
    assert first.checked_in_at is not None
    # The service refuses to check in anyone not confirmed (here: on the waiting list).
    response = client.post(url, {"registration": third.pk, "action": "check_in"}, follow=True)
    assert "Only confirmed registrations can check in." in response.content.decode()
    third.refresh_from_db()
    assert third.checked_in_at is None
    # Moving up by hand is refused while it would exceed the capacity.
    client.post(url, {"registration": third.pk, "action": "promote"})
    third.refresh_from_db()
    assert third.status == "waiting"
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"{url}cancel/{second.pk}/", {"confirm": "yes"})
    second.refresh_from_db()
    third.refresh_from_db()
    assert second.status == "cancelled" and third.status == "confirmed"
    assert {m.to[0] for m in mail.outbox} == {"b@example.org", "c@example.org"}
    assert client.post(url, {"registration": first.pk, "action": "explode"}).status_code == 400


def test_retention_deletes_unconfirmed_and_anonymises_after_the_event(
    make_event, django_capture_on_commit_callbacks
):
    page = make_event(registration_mode="open", email_confirmation=True, capacity=10)
    with django_capture_on_commit_callbacks(execute=True):
        services.register(page, name="Old", email="old@example.org", places=1)
        new = services.register(page, name="New", email="new@example.org", places=1)
    Registration.objects.filter(name="Old").update(created_at=timezone.now() - timedelta(hours=49))
    services.confirm(new.registration)
    now = timezone.now()
    assert purge_personal_data(now, dry_run=True)["events.unconfirmed_registrations_deleted"] == 1
    result = purge_personal_data(now)
    assert result["events.unconfirmed_registrations_deleted"] == 1
    assert result["events.registrations_anonymised"] == 0
    later = page.end + timedelta(days=31)
    assert purge_personal_data(later)["events.registrations_anonymised"] == 1
    registration = Registration.objects.get()
    assert registration.name == registration.email == registration.email_hash == ""
    assert registration.status == "confirmed" and registration.places == 1
    assert services.counts(page.translation_key)["confirmed"] == 1


def test_editors_can_open_the_event_forms(client, admin_user, index, event):
    client.force_login(admin_user)
    assert (
        client.get(f"/admin/pages/add/campaign_kit_events/eventpage/{index.pk}/").status_code == 200
    )
    assert client.get(f"/admin/pages/{event.pk}/edit/").status_code == 200
    assert client.get("/admin/snippets/campaign_kit_events/eventseries/").status_code == 200
    assert client.get("/admin/snippets/campaign_kit_events/eventseries/add/").status_code == 200


def test_editor_form_rejects_an_end_before_the_start(event):
    from django.core.exceptions import ValidationError

    event.end = event.start - timedelta(hours=1)
    with pytest.raises(ValidationError):
        event.full_clean()


def test_the_search_survives_an_action(client, organiser, registrations):
    """The search typed before an action comes back as it was, even with & or # in it."""
    client.force_login(organiser)
    url = f"/admin/events/manage/{EventPool.objects.get().pk}/"
    first = registrations[0]
    response = client.post(url, {"registration": first.pk, "action": "check_in", "q": "a&b #1"})
    assert response.status_code == 302
    assert response["Location"] == f"{url}?q=a%26b+%231#registration-{first.pk}"
