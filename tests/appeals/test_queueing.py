"""A signature and its confirmation mail are stored together: both rows or neither.

One transaction writes both (services.sign, core/queueing.py), the signature with an insert
that a repeated address turns into nothing, so that a repeat costs what a new row costs.
These tests commit for real (transaction=True) so that the statements are those a
production request runs.
"""

import io
from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from campaign_kit.appeals import services, tasks
from campaign_kit.appeals.models import Signature

from .conftest import link_from, person_data
from .test_signing import form_url

pytestmark = pytest.mark.django_db(transaction=True)

TASK = "campaign_kit.appeals.tasks.send_confirmation"
DATA = {"name": "Anna", "email": "anna@example.org", "country": "DE", "display": "full"}


@pytest.fixture
def database_queue(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def confirmations():
    return DBTaskResult.objects.filter(task_path=TASK)


def task_args(signature):
    """What the task carries: the public id, and what it needs if no row has it (a repeat)."""
    return [str(signature.public_id), str(signature.appeal_key), signature.email_hash, "en"]


def inserts(ctx):
    return [q["sql"] for q in ctx.captured_queries if "INSERT" in q["sql"].upper()]


def test_signature_post_writes_row_and_mail_task_in_one_transaction(client, appeal, database_queue):
    with CaptureQueriesContext(connection) as ctx:
        response = client.post(form_url(appeal), person_data(), HTTP_ORIGIN="http://testserver")
    assert response.status_code == 303
    signature = Signature.objects.get()
    [queued] = confirmations()
    assert queued.args_kwargs == {"args": task_args(signature), "kwargs": {}}
    assert queued.status == "READY" and queued.task_result.task.func is tasks.send_confirmation.func
    assert len(inserts(ctx)) == 2


def test_a_second_signature_by_the_same_address_stores_nothing_but_queues_the_task(
    appeal, database_queue
):
    """The same statement either way (no timing difference): a conflicting signature is not
    written, its task is, and the worker answers the owner of the address."""
    assert services.sign(appeal, DATA, "en").created
    assert confirmations().count() == 1
    again = services.sign(appeal, {**DATA, "email": " Anna@Example.org"}, "en")
    assert not again.created and again.signature is None
    assert Signature.objects.count() == 1 and confirmations().count() == 2
    call_command("db_worker", batch=True, startup_delay=False, verbosity=0)
    # The first confirmation, and the pending signature's link once more for the repeat.
    assert [m.to for m in mail.outbox] == [["anna@example.org"]] * 2
    assert all("/confirm/" in m.body for m in mail.outbox)


def test_the_worker_sends_the_queued_confirmation(client, appeal, database_queue):
    services.sign(appeal, DATA, "en")
    assert mail.outbox == []
    call_command("db_worker", batch=True, startup_delay=False, verbosity=0)
    [message] = mail.outbox
    assert message.to == ["anna@example.org"]
    assert confirmations().get().status == "SUCCESSFUL"
    assert client.post(link_from(message, "confirm")).status_code in (200, 302, 303)
    assert Signature.objects.get().status == "confirmed"


def test_a_task_queued_by_the_previous_release_still_sends(appeal, database_queue):
    """Until an upgrade's queue drains, old rows carry the signature's pk and the appeal's."""
    signature = services.sign(appeal, DATA, "en").signature
    confirmations().delete()
    tasks.send_confirmation.enqueue(signature.pk, appeal.pk)
    call_command("db_worker", batch=True, startup_delay=False, verbosity=0)
    [message] = mail.outbox
    assert message.to == ["anna@example.org"]


def test_immediate_backend_falls_back_to_a_transaction_and_mails_after_commit(appeal):
    """The test settings' immediate backend: no task row; the mail goes once committed."""
    result = services.sign(appeal, DATA, "en")
    assert result.created and DBTaskResult.objects.count() == 0
    [message] = mail.outbox
    assert message.to == ["anna@example.org"]


def test_a_signature_post_in_a_running_process_runs_only_its_transaction(
    client, appeal, database_queue
):
    """The appeal and its sent/ URL are kept in the process and the rate limit is in the
    cache: even with Django's caches emptied (as after a publish), the POST runs the
    transaction that writes the two rows and nothing else."""
    from django.core.cache import caches

    url = form_url(appeal)
    first = person_data()
    assert client.post(url, first, HTTP_ORIGIN="http://testserver").status_code == 303
    for cache in caches.all():
        cache.clear()
    with CaptureQueriesContext(connection) as ctx:
        response = client.post(
            url, person_data(**{"p-email": "bo@example.org"}), HTTP_ORIGIN="http://testserver"
        )
    assert response.status_code == 303 and response["Location"] == appeal.url + "sent/"
    # One transaction: the signature (a repeat is refused by the unique constraint, in the
    # same statement), the task.
    begin, signature, task, commit = [q["sql"] for q in ctx.captured_queries]
    assert begin.startswith("BEGIN") and commit == "COMMIT"
    if connection.vendor == "postgresql":
        assert signature.startswith('INSERT INTO "campaign_kit_appeals_signature"')
        assert signature.endswith("ON CONFLICT DO NOTHING")
    else:
        assert signature.startswith('INSERT OR IGNORE INTO "campaign_kit_appeals_signature"')
    assert task.startswith('INSERT INTO "django_tasks_database_dbtaskresult"')
    assert Signature.objects.count() == 2 and confirmations().count() == 2


def prepared_signature_inserts():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM pg_prepared_statements"
            " WHERE statement LIKE 'INSERT INTO \"campaign_kit_appeals_signature\"%%'"
        )
        return cursor.fetchone()[0]


@pytest.mark.parametrize("prepare", [True, False])
def test_postgresql_keeps_the_signature_insert_prepared_unless_told_not_to(
    client, appeal, database_queue, monkeypatch, prepare
):
    """Signature POSTs on one connection with Django's server-side binding: after
    DB_PREPARE_THRESHOLD (5, from the settings) runs the insert is prepared, parsed and
    planned once; with the threshold off (a pooler in transaction mode) it never is. Either
    way the rows are the same."""
    if connection.vendor != "postgresql":
        pytest.skip("prepared statements are PostgreSQL's")
    connection.ensure_connection()
    assert connection.connection.prepare_threshold == 5  # the settings' default reached psycopg
    if not prepare:
        monkeypatch.setattr(connection.connection, "prepare_threshold", None)
    for n in range(8):
        data = person_data(**{"p-email": f"signer{n}@example.org", "p-name": f"S{n}"})
        response = client.post(form_url(appeal), data, HTTP_ORIGIN="http://testserver")
        assert response.status_code == 303
    assert prepared_signature_inserts() == (1 if prepare else 0)
    last = Signature.objects.get(email="signer7@example.org")
    assert (last.name, last.status) == ("S7", "pending")
    assert confirmations().filter(args_kwargs__args__0=str(last.public_id)).count() == 1
    assert confirmations().count() == 8


def test_finished_tasks_go_after_the_retention_time_and_waiting_ones_stay(
    appeal, database_queue, settings
):
    """The queue's finished rows carry address hashes (and a failure its traceback):
    purge_personal_data deletes those that finished more than TASK_RETENTION_DAYS ago, ran or
    failed; a row that finished since, and a task still waiting however old, stay. The
    setting is not the default (14), and one row is older than the default but younger than
    the setting: it stays only if the setting is read."""
    settings.CAMPAIGN_KIT_TASK_RETENTION_DAYS = 20
    services.sign(appeal, DATA, "en")
    services.sign(appeal, {**DATA, "email": "ben@example.org"}, "en")
    tasks.send_confirmation.enqueue("not-a-public-id", str(appeal.translation_key), "x", "en")
    call_command("db_worker", batch=True, startup_delay=False, verbosity=0)
    ran_long_ago, ran_recently, failed = confirmations().order_by("enqueued_at")
    assert (ran_long_ago.status, ran_recently.status, failed.status) == (
        "SUCCESSFUL",
        "SUCCESSFUL",
        "FAILED",
    )
    waiting = tasks.send_moderation_result.enqueue(1)
    month_ago = timezone.now() - timedelta(days=30)
    DBTaskResult.objects.filter(pk__in=[ran_long_ago.pk, failed.pk]).update(finished_at=month_ago)
    DBTaskResult.objects.filter(pk=waiting.id).update(enqueued_at=month_ago)
    DBTaskResult.objects.filter(pk=ran_recently.pk).update(
        finished_at=timezone.now() - timedelta(days=15)
    )

    out = io.StringIO()
    call_command("purge_personal_data", "--dry-run", stdout=out)
    assert "campaign_kit_core: would finished tasks deleted: 2" in out.getvalue()
    assert DBTaskResult.objects.count() == 4
    call_command("purge_personal_data", stdout=out)
    assert "campaign_kit_core: finished tasks deleted: 2" in out.getvalue()
    left = {str(pk) for pk in DBTaskResult.objects.values_list("pk", flat=True)}
    assert left == {str(ran_recently.pk), waiting.id}
    assert DBTaskResult.objects.get(pk=waiting.id).status == "READY"
