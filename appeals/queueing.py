"""A signature and its confirmation mail in one statement (see ``create_with_task``);
everything else is queued with ``campaign_kit.core.queueing``."""

from django.db import connections, router, transaction
from django.db.models.signals import post_save, pre_save

from campaign_kit.core import queueing


def create_with_task(obj, task, *args):
    """Insert ``obj`` (a new model instance) unless it conflicts with a unique constraint, and
    queue ``task(*args)`` either way; returns whether ``obj`` was inserted.

    The task is queued in both cases, by the same statement, so that a conflict (an address
    that already signed) costs the request what an insert costs and the task tells the two
    apart later: no timing difference reveals the address. The arguments cannot include
    ``obj.pk``, which the database assigns. On PostgreSQL with the database queue, outside any
    transaction, both rows are written by one statement (``WITH queued AS (INSERT task) INSERT
    obj ON CONFLICT DO NOTHING``): it commits on its own, so a signature in a surge costs one
    round trip instead of four (BEGIN, two INSERTs, COMMIT). Elsewhere the same happens in a
    transaction, the insert in a savepoint.
    """
    alias = router.db_for_write(type(obj))
    connection = connections[alias]
    backend = task.get_backend()
    if (
        connection.vendor != "postgresql"
        or connection.in_atomic_block
        or not queueing.shares_database(backend, alias)
    ):
        with transaction.atomic(using=alias):
            created = queueing.insert_unless_conflict(obj, using=alias)
            queueing.enqueue(task, *args)
        return created

    # Only here is the database queue in use: a host with another task backend need not
    # install (or list in INSTALLED_APPS) django-tasks-db.
    from django_tasks_db.compat import normalize_json, task_enqueued
    from django_tasks_db.models import DBTaskResult

    backend.validate_task(task)
    # The row django-tasks-db's own enqueue() writes (tests compare the two field by field).
    queued = DBTaskResult(
        id=backend._get_id(),
        args_kwargs=normalize_json({"args": list(args), "kwargs": {}}),
        priority=task.priority,
        task_path=task.module_path,
        queue_name=task.queue_name,
        run_after=task.run_after,
        backend_name=backend.alias,
    )
    for row in (queued, obj):  # model signals as save() sends them (the queue sets run_after)
        pre_save.send(type(row), instance=row, raw=False, using=alias, update_fields=None)
    task_sql, task_params = _insert_sql(queued, connection)
    obj_sql, obj_params = _insert_sql(obj, connection, returning=True)
    with _server_bound_cursor(connection) as cursor:
        cursor.execute(f"WITH queued AS ({task_sql}) {obj_sql}", (*task_params, *obj_params))
        returned = cursor.fetchone()  # no row: obj conflicted, only the task was written
    written = [queued]
    if returned is not None:
        for field, value in zip(obj._meta.db_returning_fields, returned, strict=True):
            setattr(obj, field.attname, value)
        written.append(obj)
    for row in written:
        row._state.adding = False
        row._state.db = alias
        post_save.send(
            type(row), instance=row, created=True, raw=False, using=alias, update_fields=None
        )
    task_enqueued.send(type(backend), task_result=queued.task_result)
    return returned is not None


def _server_bound_cursor(connection):
    """A cursor that sends the values apart from the SQL text (Django's default cursor merges
    them into it), so PostgreSQL can keep the statement prepared per connection.

    psycopg prepares it after ``prepare_threshold`` runs (DB_PREPARE_THRESHOLD; off behind a
    pooler in transaction mode): parsing and planning the two-table insert anew cost half of
    its time in the database. Wrapped like Django's own cursors (error translation, query log).
    """
    from django.db.backends.postgresql.base import ServerBindingCursor

    connection.close_if_health_check_failed()
    connection.ensure_connection()
    connection.validate_thread_sharing()
    wrap = connection.make_debug_cursor if connection.queries_logged else connection.make_cursor
    with connection.wrap_database_errors:
        return wrap(ServerBindingCursor(connection.connection))


_insert_templates = {}


def _insert_sql(obj, connection, returning=False):
    """The INSERT the ORM would run for ``obj`` (pre_save values, defaults, file uploads); with
    ``returning`` also ``ON CONFLICT DO NOTHING RETURNING`` the fields the database assigns.

    The SQL text is compiled by the ORM once per model; later calls only prepare the values
    (compiling it again costs a fifth of a signature POST).
    """
    from django.db.models.constants import OnConflict
    from django.db.models.sql import InsertQuery

    meta = obj._meta
    fields = [f for f in meta.local_concrete_fields if not f.generated]
    if obj.pk is None:
        fields = [f for f in fields if f is not meta.auto_field]
    values = [f.pre_save(obj, add=True) for f in fields]
    key = (type(obj), connection.alias, returning, len(fields))
    plain = not any(hasattr(value, "resolve_expression") for value in values)
    if plain and key in _insert_templates:
        return _insert_templates[key], [
            f.get_db_prep_save(value, connection=connection)
            for f, value in zip(fields, values, strict=True)
        ]
    query = InsertQuery(type(obj), on_conflict=OnConflict.IGNORE if returning else None)
    query.insert_values(fields, [obj])
    compiler = query.get_compiler(connection=connection)
    if returning:
        compiler.returning_fields = meta.db_returning_fields
    [(sql, params)] = compiler.as_sql()
    if plain and len(params) == len(fields):  # one plain placeholder per field: reusable
        _insert_templates[key] = sql
    return sql, params
