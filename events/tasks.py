"""Background tasks: they only wrap the e-mail functions."""

from django_tasks import task

from . import emails


@task()
def send_registration_mail(kind, registration_id, **extra):
    emails.send_registration_mail(kind, registration_id, **extra)


@task()
def answer_registration(public_id, event_key, email_hash):
    # Queued for every registration, stored or not (services.register).
    from . import services

    return services.answer_registration(public_id, event_key, email_hash)
