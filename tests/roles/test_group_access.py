"""Each staff group through the real admin URLs: what it reaches, and the one 403 page that
names the missing permission for everything else (lists, exports, check-in, direct URLs)."""

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.users.models import UserProfile

from campaign_kit.events import services
from campaign_kit.events.models import EventPool, Registration
from tests.factories.appeals import AppealPageFactory, SignatureFactory
from tests.factories.campaigns import MaterialFactory, PrintOrderFactory
from tests.factories.events import EventIndexPageFactory, EventPageFactory

pytestmark = pytest.mark.django_db

REGISTRATIONS = "Can see and handle event registrations (names and e-mail addresses)"
SIGNATURES = "Can see, moderate and export appeal signatures (names and e-mail addresses)"
ORDERS = "Can see postal addresses and fulfil print orders"


@pytest.fixture
def data(homes, django_capture_on_commit_callbacks):
    index = EventIndexPageFactory(parent=homes["en"], title="Events", slug="events")
    event = EventPageFactory(parent=index, title="Vigil", registration_mode="open", capacity=5)
    event.save_revision().publish()
    with django_capture_on_commit_callbacks(execute=True):
        services.register(event, name="Ada Private", email="ada@example.org", places=1)
    appeal = AppealPageFactory(parent=homes["en"], title="Protect objectors", slug="protect")
    SignatureFactory(appeal_key=appeal.translation_key, name="Sam Signer")
    MaterialFactory(title="Know your rights", language="en")
    call_command("setup_roles")
    return {
        "event": event,
        "pool": EventPool.objects.get(),
        "registration": Registration.objects.get(),
        "appeal": appeal,
        "order": PrintOrderFactory(street="Beispielweg 1"),
    }


def urls(d):
    """Screen name: (URL, the permission a refusal names)."""
    return {
        "registrations": ("/admin/events/registrations/", REGISTRATIONS),
        "registrations csv": ("/admin/events/registrations/?export=csv", REGISTRATIONS),
        "registrations xlsx": ("/admin/events/registrations/?export=xlsx", REGISTRATIONS),
        "by event": ("/admin/events/registrations-by-event/", REGISTRATIONS),
        "check-in": (reverse("events_manage", args=[d["pool"].pk]), REGISTRATIONS),
        "signatures": ("/admin/appeals/signatures/", SIGNATURES),
        "signatures csv": ("/admin/appeals/signatures/?export=csv", SIGNATURES),
        "overview": ("/admin/appeals/overview/", SIGNATURES),
        "moderation": ("/admin/appeals/moderation/", SIGNATURES),
        "appeal csv": (f"/admin/appeals/{d['appeal'].pk}/export.csv", SIGNATURES),
        "appeal xlsx": (f"/admin/appeals/{d['appeal'].pk}/export.xlsx", SIGNATURES),
        "invalidate": (f"/admin/appeals/{d['appeal'].pk}/invalidate/", SIGNATURES),
        "orders": ("/admin/campaigns_printorder/", ORDERS),
        "orders csv": ("/admin/campaigns_printorder/?export=csv", ORDERS),
        "order": (f"/admin/campaigns_printorder/edit/{d['order'].pk}/", ORDERS),
        "materials": ("/admin/snippets/campaign_kit_campaigns/material/", "Can view material"),
    }


ALLOWED = {
    "Editors": {"materials"},
    "Translators": set(),
    "Event helpers": {"registrations", "registrations csv", "registrations xlsx", "by event"}
    | {"check-in"},
    "Signature managers": {"signatures", "signatures csv", "overview", "moderation"}
    | {"appeal csv", "appeal xlsx", "invalidate"},
    "Order fulfilment": {"orders", "orders csv", "order"},
}
PAGE_EDITORS = {"Editors", "Translators"}


def member(django_user_model, name):
    user = django_user_model.objects.create_user(name.replace(" ", "-"), password="pw")
    user.groups.add(Group.objects.get(name=name))
    return user


def assert_refused(response, permission):
    content = response.content.decode()
    assert response.status_code == 403
    assert "Permission needed" in content and f"“{permission}”" in content
    assert "Ada Private" not in content and "Sam Signer" not in content


@pytest.mark.parametrize("group", sorted(ALLOWED))
def test_what_each_group_can_and_cannot_reach(client, django_user_model, data, group):
    client.force_login(member(django_user_model, group))
    for screen, (url, permission) in urls(data).items():
        response = client.get(url)
        if screen in ALLOWED[group] and screen.endswith("xlsx"):
            # Built in the background: the page that waits for the file (core/prepared.py).
            assert response.status_code == 302, (group, screen)
            assert client.get(response["Location"]).status_code == 200, (group, screen)
        elif screen in ALLOWED[group]:
            assert response.status_code == 200, (group, screen)
        else:
            assert_refused(response, permission)
    edit = client.get(f"/admin/pages/{data['event'].pk}/edit/")
    # Wagtail's own page editor refuses with its redirect to the dashboard.
    assert edit.status_code == (200 if group in PAGE_EDITORS else 302), group
    can_publish = data["event"].permissions_for_user(edit.wsgi_request.user).can_publish()
    assert can_publish == (group == "Editors")


def test_event_helpers_check_in_and_others_cannot(client, django_user_model, data):
    url = reverse("events_manage", args=[data["pool"].pk])
    post = {"registration": data["registration"].pk, "action": "check_in"}
    client.force_login(member(django_user_model, "Signature managers"))
    assert_refused(client.post(url, post), REGISTRATIONS)
    data["registration"].refresh_from_db()
    assert data["registration"].checked_in_at is None
    client.force_login(member(django_user_model, "Event helpers"))
    assert client.post(url, post).status_code == 302
    data["registration"].refresh_from_db()
    assert data["registration"].checked_in_at <= timezone.now()


def test_direct_urls_of_actions_the_admin_does_not_offer(client, django_user_model, data):
    """Registrations change only through the services: with the permission the generic
    edit and delete URLs answer with the same page, saying the admin does not offer them."""
    pk = data["registration"].pk
    client.force_login(member(django_user_model, "Event helpers"))
    for url in (
        f"/admin/events/registrations/edit/{pk}/",
        f"/admin/events/registrations/delete/{pk}/",
    ):
        response = client.get(url)
        assert response.status_code == 403
        assert "does not offer this action" in response.content.decode()
    client.force_login(member(django_user_model, "Editors"))
    assert_refused(client.get(f"/admin/events/registrations/edit/{pk}/"), REGISTRATIONS)
    assert_refused(
        client.get(reverse("events_cancel_registration", args=[data["pool"].pk, pk])),
        REGISTRATIONS,
    )


def test_the_refusal_page_is_translated(client, django_user_model, data):
    user = member(django_user_model, "Editors")
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "de"
    profile.save()
    client.force_login(user)
    response = client.get("/admin/appeals/moderation/")
    assert response.status_code == 403
    content = response.content.decode()
    assert "Berechtigung" in content
    assert "Permission needed" not in content and SIGNATURES not in content


def test_translators_can_submit_translations(client, django_user_model, data):
    client.force_login(member(django_user_model, "Translators"))
    url = f"/admin/localize/submit/page/{data['event'].pk}/"
    assert client.get(url).status_code == 200
    client.force_login(member(django_user_model, "Event helpers"))
    assert client.get(url).status_code == 302  # wagtail-localize's own refusal
