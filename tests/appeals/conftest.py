import re

import pytest

from campaign_kit.appeals.security import form_timestamp
from tests.factories.appeals import AppealPageFactory
from tests.factories.home import translate_page


@pytest.fixture(autouse=True)
def _no_fill_time(settings):
    settings.CAMPAIGN_KIT_APPEAL_MIN_FILL_SECONDS = 0


@pytest.fixture
def appeal(homes):
    page = AppealPageFactory(
        parent=homes["en"], title="Protect objectors", slug="protect", goal=100
    )
    return page


@pytest.fixture
def appeal_de(appeal):
    return translate_page(appeal, "de", slug="schutz", title="Schützt Verweigerer")


def person_data(**overrides):
    data = {
        "p-name": "Anna Beispiel",
        "p-email": "anna@example.org",
        "p-country": "DE",
        "p-city": "Berlin",
        "p-display": "full",
        "p-consent": "on",
        "p-homepage": "",
        "p-started": form_timestamp(),
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


def org_data(**overrides):
    data = {
        "o-organisation_name": "Friends of Peace",
        "o-country": "FR",
        "o-website": "https://peace.example.org",
        "o-statement": "We support this appeal.",
        "o-name": "Claire Exemple",
        "o-email": "contact@peace.example.org",
        "o-consent": "on",
        "o-homepage": "",
        "o-started": form_timestamp(),
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


def link_from(mail, kind):
    match = re.search(r"https?://\S+/appeals/-/signature/\S+?/" + kind + "/", mail.body)
    assert match, mail.body
    return (
        match.group(0).split("testserver", 1)[-1]
        if "testserver" in match.group(0)
        else match.group(0)
    )


@pytest.fixture
def post(client, django_capture_on_commit_callbacks):
    """POST through the test client, running on_commit callbacks (queued mails) like a commit."""

    def _post(url, data=None, using=client, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return using.post(url, data or {}, **kwargs)

    return _post
