"""Background tasks of the core; each only wraps a service."""

from django_tasks import task

from . import prepared


@task()
def build_export(public_id):
    return prepared.build(public_id)
