"""Mail tasks that failed while the mail server was down go back in the queue; bugs do not."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

pytestmark = pytest.mark.django_db


def failed(exception_path, minutes_ago=5):
    finished = timezone.now() - timedelta(minutes=minutes_ago)
    return DBTaskResult.objects.create(
        status=TaskResultStatus.FAILED,
        args_kwargs={"args": [1], "kwargs": {}},
        task_path="appeals.tasks.send_confirmation",
        backend_name="default",
        queue_name="default",
        run_after=finished,
        started_at=finished,
        finished_at=finished,
        exception_class_path=exception_path,
        traceback="SMTPRecipientsRefused: someone@example.org",
    )


def test_transient_failures_are_requeued_and_bugs_are_not(capsys):
    smtp = failed("smtplib.SMTPServerDisconnected")
    refused = failed("builtins.ConnectionRefusedError")
    bug = failed("builtins.ValueError")
    recent = failed("builtins.ConnectionRefusedError", minutes_ago=0)
    old = failed("builtins.TimeoutError", minutes_ago=60 * 24 * 10)

    call_command("retry_failed_tasks")

    for row in (smtp, refused):
        row.refresh_from_db()
        assert row.status == TaskResultStatus.READY
        assert row.traceback == ""  # may have quoted an address
    for row in (bug, recent, old):
        row.refresh_from_db()
        assert row.status == TaskResultStatus.FAILED
    assert "Re-queued 2 task(s)" in capsys.readouterr().out
