"""Background tasks; each only wraps a function from emails.py."""

from django_tasks import task

from . import emails


@task()
def send_confirmation(public_id, appeal_key=None, email_hash=None, language=None):
    # Queued for every signature POST, stored or not (services.sign): the confirmation link
    # if the signature was stored, else the answer to an address that had signed. The
    # public id, not the pk: signature and task row are written by one statement, before the
    # database assigns the pk. An integer is a pk queued by an earlier release (with the
    # appeal's id), still waiting in the queue during an upgrade.
    from . import services
    from .models import Signature

    if isinstance(public_id, int):
        return emails.send_signature_mail("confirm", public_id)
    if email_hash is None or Signature.objects.filter(public_id=public_id).exists():
        return emails.send_signature_mail("confirm", public_id=public_id)
    return services.answer_repeat(appeal_key, email_hash, language)


# Queued by earlier releases (services.sign now answers through send_confirmation); kept
# until their queues have drained.
@task()
def send_already_signed(email, appeal_id, language):
    from wagtail.models import Page

    page = Page.objects.filter(pk=appeal_id).first()
    return bool(page) and emails.send_already_signed(email, page.translation_key, language)


@task()
def send_moderation_result(signature_id):
    from .models import Moderation, Signature

    signature = Signature.objects.filter(pk=signature_id).first()
    if signature is None:
        return False
    name = (
        "organisation_approved"
        if signature.moderation == Moderation.APPROVED
        else "organisation_rejected"
    )
    return emails.send_signature_mail(name, signature_id)


@task()
def notify_staff_organisation(signature_id):
    return emails.send_staff_organisation(signature_id)
