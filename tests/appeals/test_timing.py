"""No timing oracle: an address that signed gets the same reply after the same work as a new
one (one statement, one task); the task then decides which mail goes out."""

import pytest
from django.core import mail
from django.core.management import call_command

from campaign_kit.appeals.models import Signature

from .. import timing
from .conftest import person_data
from .test_signing import form_url

pytestmark = pytest.mark.django_db(transaction=True)  # autocommit, as in production

ORIGIN = {"HTTP_ORIGIN": "http://testserver"}


@pytest.fixture
def database_queue(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def sign(client, appeal, email):
    data = person_data(**{"p-email": email, "p-name": "Someone"})
    return timing.post(client, form_url(appeal), data, "campaign_kit.appeals.", **ORIGIN)


@pytest.mark.parametrize("status", ["pending", "confirmed"])
def test_a_known_address_gets_the_same_reply_after_the_same_work(
    client, appeal, database_queue, status
):
    sign(client, appeal, "known@example.org")
    Signature.objects.update(status=status)
    sign(client, appeal, "warm@example.org")  # the appeal is now kept in the process
    new = sign(client, appeal, "new@example.org")
    known = sign(client, appeal, "Known@Example.org")
    timing.assert_same_work(new, known)
    assert new.reply[0] == 303
    assert Signature.objects.count() == 3

    mail.outbox.clear()
    call_command("db_worker", batch=True, startup_delay=False, verbosity=0)
    sent = {m.to[0]: m for m in mail.outbox}
    assert set(sent) == {"known@example.org", "new@example.org", "warm@example.org"}
    assert "/confirm/" in sent["new@example.org"].body
    if status == "pending":  # a fresh link, to the address as stored
        assert "/confirm/" in sent["known@example.org"].body
    else:
        assert "already" in sent["known@example.org"].subject.lower()
