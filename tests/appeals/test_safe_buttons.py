"""Rejecting an organisation asks first and can be undone (back into moderation)."""

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from campaign_kit.appeals.models import Moderation, SignatureStatus
from campaign_kit.appeals.services import recount
from tests.factories.appeals import SignatureFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def manager(client, django_user_model):
    user = django_user_model.objects.create_user("manager", password="pw")
    user.user_permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="manage_signatures"),
    )
    client.force_login(user)
    return user


@pytest.fixture
def org(appeal):
    return SignatureFactory(
        appeal_key=appeal.translation_key,
        kind="organisation",
        organisation_name="Peace Org",
        moderation=Moderation.PENDING,
    )


def test_reject_asks_first_then_undo_puts_it_back(client, manager, org, mailoutbox):
    reject_url = reverse("appeals_reject", args=[org.pk])
    reopen_url = reverse("appeals_return_to_moderation", args=[org.pk])
    queue = client.get(reverse("appeals_moderation")).content.decode()
    assert f'href="{reject_url}"' in queue
    page = client.get(reject_url)
    assert page.status_code == 200 and "Reject this organisation?" in page.content.decode()
    # The old decision button only leads to the question.
    assert client.post(reverse("appeals_moderate", args=[org.pk]), {"decision": "reject"})[
        "Location"
    ].endswith(reject_url)
    org.refresh_from_db()
    assert org.moderation == Moderation.PENDING and mailoutbox == []
    done = client.post(reject_url, {"confirm": "yes"}, follow=True)
    org.refresh_from_db()
    assert org.moderation == Moderation.REJECTED
    assert f'href="{reopen_url}"' in done.content.decode()
    assert "Put this organisation back" in client.get(reopen_url).content.decode()
    org.refresh_from_db()
    assert org.moderation == Moderation.REJECTED
    back = client.post(reopen_url, {"confirm": "yes"}, follow=True)
    org.refresh_from_db()
    assert (org.moderation, org.moderated_at) == (Moderation.PENDING, None)
    assert "Peace Org" in back.content.decode()  # in the queue again


def test_undo_refused_once_the_organisation_withdrew(client, manager, org):
    client.post(reverse("appeals_reject", args=[org.pk]), {"confirm": "yes"})
    type(org).objects.filter(pk=org.pk).update(status=SignatureStatus.WITHDRAWN)
    response = client.post(
        reverse("appeals_return_to_moderation", args=[org.pk]), {"confirm": "yes"}
    )
    assert response.status_code == 409
    assert "has not withdrawn" in response.content.decode()
    org.refresh_from_db()
    assert org.moderation == Moderation.REJECTED


def test_erasure_is_offered_on_the_signature_and_asks_first(client, manager, appeal):
    person = SignatureFactory(appeal_key=appeal.translation_key, email="me@example.org")
    recount(appeal.translation_key)  # the factory writes no counters
    erase_url = reverse("appeals_erase", args=[person.pk])
    inspect = client.get(f"/admin/appeals/signatures/inspect/{person.pk}/").content.decode()
    assert f'href="{erase_url}"' in inspect and "Erase personal data" in inspect
    ask = client.get(erase_url).content.decode()
    assert "This cannot be undone." in ask and "me@example.org" in ask
    person.refresh_from_db()
    assert person.email == "me@example.org"
    client.post(erase_url, {"confirm": "yes"})
    person.refresh_from_db()
    assert (person.email, person.status) == ("", SignatureStatus.WITHDRAWN)
