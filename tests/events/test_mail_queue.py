"""Registration mails are queued with the registration: one commit for both, or neither.

With the database queue the task row is written in the change's own transaction. Inside
a test's (never committed) transaction on_commit callbacks do not run, so a task row found
there was written in that transaction. The immediate backend of the test settings still
sends only after the commit.
"""

import pytest
from django.core import mail
from django.db import transaction
from django_tasks_db.models import DBTaskResult

from campaign_kit.events import services
from campaign_kit.events.models import Registration

from .test_registration import register_url

pytestmark = pytest.mark.django_db

TASK = "campaign_kit.events.tasks.send_registration_mail"
# Queued for every registration POST, stored or not (the task tells them apart).
ANSWER = "campaign_kit.events.tasks.answer_registration"
PAYLOAD = {"name": "Ann Example", "email": "ann@example.org", "places": 1, "consent": "on"}


class Abort(Exception):
    pass


@pytest.fixture
def database_queue(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def queued():
    """(task path, args, kwargs) of this app's queued tasks (Wagtail queues its own too)."""
    rows = DBTaskResult.objects.filter(task_path__startswith="campaign_kit.events.")
    rows = rows.values_list("task_path", "args_kwargs")
    return sorted(((path, a["args"], a["kwargs"]) for path, a in rows), key=repr)


def register(page, email="ann@example.org", places=1):
    return services.register(page, name="Ann", email=email, places=places, language="en")


def answer(registration):
    args = [str(registration.public_id), str(registration.event_key), registration.email_hash]
    return (ANSWER, args, {})


def test_registration_post_queues_its_mail_in_the_same_transaction(client, event, database_queue):
    response = client.post(register_url(event), PAYLOAD)
    assert response.status_code == 303
    registration = Registration.objects.get()
    assert queued() == [answer(registration)]
    assert mail.outbox == []  # the worker sends it


def test_rolled_back_registration_leaves_no_mail_task(event, database_queue):
    with pytest.raises(Abort), transaction.atomic():
        register(event)
        assert len(queued()) == 1  # queued inside the open transaction
        raise Abort
    assert Registration.objects.count() == 0 and queued() == []


def test_cancel_and_promotion_mails_roll_back_with_the_cancellation(make_event, database_queue):
    page = make_event(registration_mode="open", capacity=2, max_places_per_registration=2)
    first = register(page, places=2).registration
    second = register(page, email="bo@example.org").registration
    assert second.status == "waiting"
    registered = [answer(first), answer(second)]
    assert queued() == sorted(registered, key=repr)

    with pytest.raises(Abort), transaction.atomic():
        services.cancel(first, by_staff=True)
        assert len(queued()) == 4
        raise Abort
    assert queued() == sorted(registered, key=repr)
    assert set(Registration.objects.values_list("status", flat=True)) == {"confirmed", "waiting"}

    services.cancel(first, by_staff=True)
    assert queued() == sorted(
        [
            *registered,
            (TASK, ["cancelled", first.pk], {"by_staff": True}),
            (TASK, ["promoted", second.pk], {}),
        ],
        key=repr,
    )
    assert mail.outbox == []


def test_immediate_backend_mails_only_after_the_commit(
    client, event, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(register_url(event), PAYLOAD).status_code == 303
        assert mail.outbox == []  # not yet committed
    [message] = mail.outbox
    assert message.to == ["ann@example.org"]

    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(Abort),
        transaction.atomic(),
    ):
        register(event, email="bo@example.org")
        raise Abort
    assert len(mail.outbox) == 1  # the rolled-back registration sent nothing
    assert queued() == []


@pytest.mark.django_db(transaction=True)
def test_registration_and_its_mail_task_are_committed_together(client, event, database_queue):
    """A real commit (no test transaction around the request)."""
    assert client.post(register_url(event), PAYLOAD).status_code == 303
    registration = Registration.objects.get()
    assert queued() == [answer(registration)]
    # Not compared by xmin: the registration is written in a savepoint (an address already
    # registered is refused there), a subtransaction with an id of its own; that both roll
    # back together is test_rolled_back_registration_leaves_no_mail_task.


def test_registration_queues_only_its_mail_no_reference_index_update(client, event, database_queue):
    """Registrations are personal data, not content: Wagtail's reference index (the event
    page's "usage" listing) does not track them, so a registration queues only its mail."""
    DBTaskResult.objects.all().delete()
    assert client.post(register_url(event), PAYLOAD).status_code == 303
    assert list(DBTaskResult.objects.values_list("task_path", flat=True)) == [ANSWER]
