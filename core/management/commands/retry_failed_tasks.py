"""Put mails that failed for a transient reason (mail server or network down) back in the queue.

For the database task queue (django-tasks-db), which does not retry by itself; by default for
the suite's own tasks (``campaign_kit.*``), with ``--all-tasks`` for every task. Run it every
few minutes next to the worker (cron, a systemd timer): tasks that failed with an OSError
(smtplib's errors, refused connections, timeouts) or a database error (a restart) in the last
--within hours are marked ready again, so mails queued while the mail server was unreachable
are sent once it is back. Other failures (bugs) stay failed for an operator to look at.

Tasks still marked running long after they started (--stale-after minutes, default 15) belong
to a worker that was killed outright (SIGKILL, out of memory, the machine lost): nobody will
finish them, so they are queued again. A mail task takes seconds; a real one running that long
would be sent twice at worst, which is better than never.
"""

from datetime import timedelta

from django.apps import apps
from django.core.management.base import BaseCommand, CommandError
from django.db import InterfaceError, OperationalError
from django.utils import timezone
from django.utils.module_loading import import_string

SUITE_TASKS = "campaign_kit."


def transient(path: str) -> bool:
    try:
        exception_class = import_string(path)
    except ImportError:
        return False
    return isinstance(exception_class, type) and issubclass(
        exception_class, OSError | OperationalError | InterfaceError
    )


class Command(BaseCommand):
    help = "Re-queue tasks that failed because the mail server or network was unreachable."

    def add_arguments(self, parser):
        parser.add_argument("--within", type=float, default=72, help="hours to look back")
        parser.add_argument("--older-than", type=float, default=30, help="seconds since failure")
        parser.add_argument(
            "--stale-after", type=float, default=15, help="minutes a running task may take"
        )
        parser.add_argument(
            "--all-tasks", action="store_true", help="not only Campaign Kit's own tasks"
        )

    def handle(self, *args, within, older_than, stale_after, all_tasks=False, **options):
        if not apps.is_installed("django_tasks_db"):
            raise CommandError("This command is for the database task queue (django_tasks_db).")
        from django_tasks.base import TaskResultStatus
        from django_tasks_db.models import DBTaskResult

        now = timezone.now()
        tasks = DBTaskResult.objects.all()
        if not all_tasks:
            tasks = tasks.filter(task_path__startswith=SUITE_TASKS)
        failed = tasks.filter(
            status=TaskResultStatus.FAILED,
            finished_at__gte=now - timedelta(hours=within),
            finished_at__lte=now - timedelta(seconds=older_than),
        )
        paths = set(failed.values_list("exception_class_path", flat=True).distinct())
        retry = [path for path in paths if transient(path)]
        # The traceback may quote addresses from the SMTP dialogue: it is dropped on retry.
        count = failed.filter(exception_class_path__in=retry).update(
            status=TaskResultStatus.READY,
            run_after=now,
            started_at=None,
            finished_at=None,
            exception_class_path="",
            traceback="",
            worker_ids=[],
        )
        if count or options["verbosity"] > 1:
            self.stdout.write(f"Re-queued {count} task(s) that failed for a transient reason.")
        abandoned = tasks.filter(
            status=TaskResultStatus.RUNNING, started_at__lt=now - timedelta(minutes=stale_after)
        ).update(status=TaskResultStatus.READY, run_after=now, started_at=None, worker_ids=[])
        if abandoned or options["verbosity"] > 1:
            self.stdout.write(f"Re-queued {abandoned} task(s) abandoned by a stopped worker.")
