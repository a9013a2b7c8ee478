"""No timing oracle: an address already registered gets the same reply after the same work as
a new one (the insert tried, one task queued); the task then decides which mail goes out."""

import pytest
from django.core import mail
from django_tasks_db.models import DBTaskResult

from campaign_kit.events import tasks
from campaign_kit.events.models import Registration

from .. import timing
from .test_registration import register_url

pytestmark = pytest.mark.django_db


@pytest.fixture
def database_queue(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def register(client, event, email):
    data = {"name": "Ann Example", "email": email, "places": 1, "consent": "on"}
    return timing.post(client, register_url(event), data, "campaign_kit.events.")


@pytest.mark.parametrize("full", [False, True])
def test_a_known_address_gets_the_same_reply_after_the_same_work(
    client, make_event, database_queue, full
):
    # Full: the known address and the warm-up take both places, so both answers below say
    # "waiting list"; else places are left for both.
    event = make_event(registration_mode="open", capacity=2 if full else 10, waiting_list=True)
    register(client, event, "known@example.org")
    register(client, event, "warm@example.org")
    new = register(client, event, "new@example.org")
    known = register(client, event, "KNOWN@example.org")
    timing.assert_same_work(new, known)
    assert new.reply[0] == 303
    outcome = "waiting" if full else "confirmed"
    assert set(Registration.objects.values_list("status", flat=True)) == {"confirmed", outcome}
    assert Registration.objects.count() == 3

    mail.outbox.clear()
    for row in DBTaskResult.objects.filter(task_path__endswith=".answer_registration"):
        tasks.answer_registration.call(*row.args_kwargs["args"])
    subjects = {m.to[0]: m.subject for m in mail.outbox}
    assert "already registered" in subjects.pop("known@example.org")
    assert all("already" not in s for s in subjects.values())
    assert "new@example.org" in subjects
