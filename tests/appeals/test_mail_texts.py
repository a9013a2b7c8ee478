"""The editors' text of the signature confirmation replaces the built-in one, links intact."""

import pytest

from .conftest import link_from
from .test_signing import sign

pytestmark = pytest.mark.django_db

ADD = "/admin/snippets/campaign_kit_core/mailtext/add/?locale=en"


def test_custom_confirmation_text_keeps_the_links_working(
    admin_client, client, appeal, post, mailoutbox
):
    body = "Dear {name},\nplease confirm {appeal}: {confirm_url}\n({days} days)\nNo: {withdraw_url}"
    response = admin_client.post(
        ADD, {"kind": "appeals.confirm", "subject": "Confirm: {appeal}", "body": body}
    )
    assert response.status_code == 302
    sign(post, appeal)
    (message,) = mailoutbox
    assert message.subject == f"Confirm: {appeal.title}"
    assert message.body.startswith("Dear Anna Beispiel,\nplease confirm")
    assert "(7 days)" in message.body and "/withdraw/" in message.body
    url = link_from(message, "confirm")
    assert post(url).status_code == 200  # the link from the custom text confirms


def test_unknown_placeholder_for_this_mail_is_refused(admin_client, locales):
    # {link} belongs to the event mails, not to the signature confirmation.
    response = admin_client.post(
        ADD, {"kind": "appeals.already_signed", "subject": "Again", "body": "See {link}"}
    )
    html = response.content.decode()
    assert "Unknown placeholder {link}. Available here: {appeal}, {appeal_url}." in html
