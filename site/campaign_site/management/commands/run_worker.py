"""`db_worker` that outlives a database outage.

django-tasks-db's worker exits on the first database error, so a PostgreSQL restart would
stop all mail until someone restarts it by hand. This command runs the same worker and, when
the database goes away, closes the broken connections, waits (1, 2, 4, 5, 5... seconds) and
starts again. Tasks this worker had claimed when the database went away are put back in the
queue: their state could not be recorded, so they run again (an e-mail may then be sent twice,
which is better than never). Takes the same options as `db_worker`.
"""

import contextlib
import logging
import time

from django.db import InterfaceError, OperationalError, connections
from django_tasks.base import TaskResultStatus
from django_tasks_db.management.commands.db_worker import Command as DBWorkerCommand
from django_tasks_db.models import DBTaskResult

logger = logging.getLogger(__name__)
DATABASE_DOWN = (OperationalError, InterfaceError)
MAX_DELAY = 5


def requeue_claimed_by(worker_id: str) -> int:
    """Tasks left RUNNING by this worker (it is not running any now) become READY again."""
    running = DBTaskResult.objects.filter(status=TaskResultStatus.RUNNING)
    stuck = [task.pk for task in running.only("pk", "worker_ids") if worker_id in task.worker_ids]
    return running.filter(pk__in=stuck).update(
        status=TaskResultStatus.READY, started_at=None, worker_ids=[]
    )


class Command(DBWorkerCommand):
    help = "Run the database task worker; wait and resume when the database is unavailable."

    def handle(self, *args, **options):
        delay = 1
        while True:
            started = time.monotonic()
            try:
                requeued = requeue_claimed_by(options["worker_id"])
                if requeued:
                    logger.warning("Re-queued %d task(s) interrupted by the outage.", requeued)
                return super().handle(*args, **options)
            except DATABASE_DOWN as exc:
                # Drop the broken connections so that the next attempt opens fresh ones.
                for connection in connections.all(initialized_only=True):
                    with contextlib.suppress(*DATABASE_DOWN):
                        connection.close()
                if time.monotonic() - started > 60:
                    delay = 1  # a new outage after a long healthy run starts the backoff afresh
                logger.warning(
                    "Database unavailable (%s); the worker resumes in %d s.",
                    type(exc).__name__,
                    delay,
                )
                time.sleep(delay)
                delay = min(delay * 2, MAX_DELAY)
