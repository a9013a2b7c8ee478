"""Print-order mails are queued with the order: one commit for both, or neither.

With the database queue the task rows are written in the order's own transaction. Inside
a test's (never committed) transaction on_commit callbacks do not run, so a task row found
there was written in that transaction. The immediate backend of the test settings still
sends only after the commit.
"""

import pytest
from django.core import mail
from django.db import connection, transaction
from django_tasks_db.models import DBTaskResult

from campaign_kit.campaigns import services
from campaign_kit.campaigns.models import OrderLine, PrintOrder

from .test_orders import ORDER_URL, order_data

pytestmark = pytest.mark.django_db

CONFIRMATION = "campaign_kit.campaigns.tasks.send_order_confirmation"
STAFF = "campaign_kit.campaigns.tasks.notify_staff_of_order"


class Abort(Exception):
    pass


@pytest.fixture
def database_queue(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def queued():
    """(task path, args, kwargs) of this app's queued tasks (Wagtail queues its own too)."""
    rows = DBTaskResult.objects.filter(task_path__startswith="campaign_kit.campaigns.")
    rows = rows.values_list("task_path", "args_kwargs")
    return sorted((path, a["args"], a["kwargs"]) for path, a in rows)


def expected(order):
    return sorted([(CONFIRMATION, [order.pk], {}), (STAFF, [order.pk], {})])


def place(flyer):
    address = services.Address("A", "B 1", "10115", "Berlin", "DE", "a@example.org")
    return services.place_order(quantities={flyer.pk: 2}, address=address, language="en")


def test_order_post_queues_both_mails_in_the_same_transaction(
    client, materials_page, flyer, database_queue
):
    response = client.post(ORDER_URL, order_data(flyer))
    assert response.status_code == 302
    assert queued() == expected(PrintOrder.objects.get())
    assert mail.outbox == []  # the worker sends them


def test_rolled_back_order_leaves_no_mail_task(materials_page, flyer, database_queue):
    with pytest.raises(Abort), transaction.atomic():
        place(flyer)
        assert len(queued()) == 2  # queued inside the open transaction
        raise Abort
    assert not PrintOrder.objects.exists() and not OrderLine.objects.exists()
    assert queued() == []


def test_immediate_backend_mails_only_after_the_commit(
    client, settings, materials_page, flyer, django_capture_on_commit_callbacks
):
    settings.CAMPAIGN_KIT_STAFF_EMAIL = "team@example.org"
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(ORDER_URL, order_data(flyer)).status_code == 302
        assert mail.outbox == []  # not yet committed
    assert sorted(m.to[0] for m in mail.outbox) == ["anna@example.org", "team@example.org"]

    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(Abort),
        transaction.atomic(),
    ):
        place(flyer)
        raise Abort
    assert len(mail.outbox) == 2  # the rolled-back order sent nothing
    assert PrintOrder.objects.count() == 1 and queued() == []


@pytest.mark.django_db(transaction=True)
def test_order_and_its_mail_tasks_are_committed_together(
    client, materials_page, flyer, database_queue
):
    """A real commit (no test transaction around the request)."""
    assert client.post(ORDER_URL, order_data(flyer)).status_code == 302
    order = PrintOrder.objects.get()
    assert queued() == expected(order)
    if connection.vendor == "postgresql":
        # xmin is the id of the transaction that wrote the row: the same for all three.
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT xmin::text FROM {PrintOrder._meta.db_table} WHERE id = %s"  # noqa: S608
                f" UNION SELECT xmin::text FROM {DBTaskResult._meta.db_table}"
                " WHERE task_path IN (%s, %s)",
                [order.pk, CONFIRMATION, STAFF],
            )
            assert len(cursor.fetchall()) == 1
