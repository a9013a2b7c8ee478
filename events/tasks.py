"""Background tasks: they only wrap the e-mail functions."""

from django_tasks import task

from . import emails


@task()
def send_registration_mail(kind, registration_id, **extra):
    emails.send_registration_mail(kind, registration_id, **extra)
