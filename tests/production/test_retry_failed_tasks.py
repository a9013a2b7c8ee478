"""Mail tasks that failed while the mail server was down go back in the queue; bugs do not."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

pytestmark = pytest.mark.django_db


def failed(exception_path, minutes_ago=5, task_path="campaign_kit.appeals.tasks.send_confirmation"):
    finished = timezone.now() - timedelta(minutes=minutes_ago)
    return DBTaskResult.objects.create(
        status=TaskResultStatus.FAILED,
        args_kwargs={"args": ["00000000-0000-0000-0000-000000000001"], "kwargs": {}},
        task_path=task_path,
        backend_name="default",
        queue_name="default",
        run_after=finished,
        started_at=finished,
        finished_at=finished,
        exception_class_path=exception_path,
        traceback="SMTPRecipientsRefused: someone@example.org",
    )


def running(worker_id, minutes_ago=0):
    started = timezone.now() - timedelta(minutes=minutes_ago)
    return DBTaskResult.objects.create(
        status=TaskResultStatus.RUNNING,
        args_kwargs={"args": ["00000000-0000-0000-0000-000000000001"], "kwargs": {}},
        task_path="campaign_kit.appeals.tasks.send_confirmation",
        backend_name="default",
        queue_name="default",
        run_after=started,
        started_at=started,
        worker_ids=[worker_id],
    )


def test_transient_failures_are_requeued_and_bugs_are_not(capsys):
    smtp = failed("smtplib.SMTPServerDisconnected")
    refused = failed("builtins.ConnectionRefusedError")
    database = failed("django.db.utils.OperationalError")  # PostgreSQL restarted mid-task
    bug = failed("builtins.ValueError")
    recent = failed("builtins.ConnectionRefusedError", minutes_ago=0)
    old = failed("builtins.TimeoutError", minutes_ago=60 * 24 * 10)

    call_command("retry_failed_tasks")

    for row in (smtp, refused, database):
        row.refresh_from_db()
        assert row.status == TaskResultStatus.READY
        assert row.traceback == ""  # may have quoted an address
    for row in (bug, recent, old):
        row.refresh_from_db()
        assert row.status == TaskResultStatus.FAILED
    assert "Re-queued 3 task(s)" in capsys.readouterr().out


def test_run_worker_requeues_only_the_tasks_it_had_claimed():
    """After a database outage, `run_worker` puts back the task it was running (its state
    could not be recorded); tasks claimed by other workers are left alone."""
    from campaign_site.management.commands.run_worker import requeue_claimed_by

    ours, theirs = running("worker-a"), running("worker-b")
    assert requeue_claimed_by("worker-a") == 1
    ours.refresh_from_db()
    theirs.refresh_from_db()
    assert ours.status == TaskResultStatus.READY and ours.worker_ids == []
    assert theirs.status == TaskResultStatus.RUNNING


def test_tasks_abandoned_by_a_killed_worker_are_requeued(capsys):
    abandoned = running("killed-worker", minutes_ago=60)
    busy = running("live-worker", minutes_ago=1)

    call_command("retry_failed_tasks")

    abandoned.refresh_from_db()
    busy.refresh_from_db()
    assert abandoned.status == TaskResultStatus.READY
    assert abandoned.started_at is None
    assert busy.status == TaskResultStatus.RUNNING
    assert "Re-queued 1 task(s) abandoned by a stopped worker." in capsys.readouterr().out


def test_other_apps_tasks_are_left_alone_unless_asked():
    """The suite retries what it owns; the host's own tasks only with --all-tasks."""
    ours = failed("smtplib.SMTPServerDisconnected")
    theirs = failed("smtplib.SMTPServerDisconnected", task_path="host_app.tasks.send_newsletter")
    call_command("retry_failed_tasks")
    ours.refresh_from_db()
    theirs.refresh_from_db()
    assert (ours.status, theirs.status) == (TaskResultStatus.READY, TaskResultStatus.FAILED)
    call_command("retry_failed_tasks", all_tasks=True)
    theirs.refresh_from_db()
    assert theirs.status == TaskResultStatus.READY
