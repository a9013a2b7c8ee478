"""Queue the mail that belongs to a change so that data and mail commit together.

With the database task queue (django-tasks-db) on the same database, the task row is written
in the change's own transaction: no crash between commit and enqueue can lose a mail, and the
worker sees the task only once the data is committed. With any other backend (the immediate
one in development and tests, a broker) the task is queued after the commit, so a rolled-back
change never sends a mail. The queue's finished rows go after a retention time
(``purge_finished``, from ``manage.py purge_personal_data``).
"""

from datetime import timedelta

from django.apps import apps
from django.db import DEFAULT_DB_ALIAS, IntegrityError, router, transaction

from . import conf
from .batches import in_batches

try:  # the database queue is optional: a host may use another task backend
    from django_tasks_db.backend import DatabaseBackend
except ImportError:  # pragma: no cover - exercised by host sites without django-tasks-db
    DatabaseBackend = None


def enqueue(task, *args, **kwargs):
    """Queue ``task(*args, **kwargs)`` as part of the current transaction, or after it."""
    if transaction.get_connection().in_atomic_block and shares_database(task.get_backend()):
        task.enqueue(*args, **kwargs)
    else:
        transaction.on_commit(lambda: task.enqueue(*args, **kwargs))


def shares_database(backend, alias=DEFAULT_DB_ALIAS):
    """Whether ``backend`` writes its task rows to the database ``alias``."""
    if DatabaseBackend is None or not isinstance(backend, DatabaseBackend):
        return False
    from django_tasks_db.models import DBTaskResult

    return router.db_for_write(DBTaskResult) == alias


def insert_unless_conflict(obj, using=DEFAULT_DB_ALIAS):
    """Insert ``obj`` in a savepoint unless a unique constraint refuses it; returns whether it
    was inserted. Call inside a transaction.

    Either way the database sees three statements (SAVEPOINT, INSERT, then RELEASE or ROLLBACK
    TO), so that a refused repeat (an address that is already known) costs what a new row
    costs; ``transaction.atomic()`` would add a fourth, RELEASE, after a rollback.
    """
    savepoint = transaction.savepoint(using=using)
    try:
        obj.save(using=using)
    except IntegrityError:
        # The failed save marked the transaction for rollback; rolling back to the savepoint
        # (which that mark would refuse) makes it usable again.
        transaction.set_rollback(False, using=using)
        transaction.savepoint_rollback(savepoint, using=using)
        return False
    transaction.savepoint_commit(savepoint, using=using)
    return True


def purge_finished(now, dry_run=False):
    """Delete the database queue's rows of tasks that finished (ran or failed) more than
    ``CAMPAIGN_KIT_TASK_RETENTION_DAYS`` ago, a batch at a time.

    django-tasks-db keeps every finished row, with its arguments (signature and registration
    ids, address hashes) and, for a failure, its traceback; nothing else ever deletes them.
    """
    if not apps.is_installed("django_tasks_db"):
        return {}
    from django_tasks_db.models import DBTaskResult

    cutoff = now - timedelta(days=int(conf.get("TASK_RETENTION_DAYS")))
    finished = DBTaskResult.objects.finished().filter(finished_at__lt=cutoff)
    if dry_run:
        return {"finished tasks deleted": finished.count()}
    return {"finished tasks deleted": in_batches(finished, lambda batch: batch.delete())}
