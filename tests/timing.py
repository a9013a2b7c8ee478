"""What a timing oracle would read from a form POST: the reply, and the work done before it.

A known e-mail address and a new one must get the same reply after the same synchronous
work (see benchmarks/timing_oracle.py for the timing itself, on the production stack).
"""

import re
from dataclasses import dataclass

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django_tasks_db.models import DBTaskResult

CSRF_TOKEN = re.compile(rb'(name="csrfmiddlewaretoken" value=")[^"]*"')


@dataclass
class Post:
    reply: tuple  # status, headers and body, CSRF tokens left out
    queries: list  # SQL run for the POST
    tasks: list  # paths of the tasks queued before the reply


def reply(response):
    headers = sorted((k, v) for k, v in response.headers.items() if k.lower() != "set-cookie")
    return response.status_code, headers, CSRF_TOKEN.sub(rb'\1"', response.content)


def post(client, url, data, task_prefix, **extra):
    """POST once; the database queue must be on, so that queued tasks are rows to count."""
    before = set(DBTaskResult.objects.values_list("pk", flat=True))
    with CaptureQueriesContext(connection) as ctx:
        response = client.post(url, data, **extra)
    tasks = DBTaskResult.objects.exclude(pk__in=before).filter(task_path__startswith=task_prefix)
    queued = sorted(tasks.values_list("task_path", flat=True))
    return Post(reply(response), [q["sql"] for q in ctx.captured_queries], queued)


def assert_same_work(new, known):
    assert known.reply == new.reply
    assert len(known.queries) == len(new.queries), (new.queries, known.queries)
    assert known.tasks == new.tasks and len(new.tasks) >= 1
