"""Fuzz every public form with Hypothesis: any input is answered with 2xx, 3xx or 4xx, never
500, and whatever is echoed back (re-rendered form, thank-you page) is escaped."""

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from django.utils import translation
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pytestmark = pytest.mark.django_db

MARKERS = ['<b id="fz">x</b>', '"><img src=x id=fz>', "</textarea><svg id=fz>"]
RAW_MARKERS = [b'<b id="fz">', b"<img src=x id=fz>", b"<svg id=fz>"]
TRICKY = [
    *MARKERS,
    "",
    " ",
    "\x00",
    '=HYPERLINK("http://example.net")',
    "a" * 5000,
    "\u202eevil",
    "Zoë Ünal-Łukasiewicz",
    "Юлія",
    "anna@example.org",
    "not-an-email",
    "@example.org",
    "0",
    "-1",
    "99999999999999999999",
    "on",
    "DE",
    "XX",
    "full",
]
VALUES = st.one_of(st.sampled_from(TRICKY), st.text(max_size=300))
FUZZ = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def form_data(fields):
    """Any subset of the form's fields (and a stray one), each with any value or a list."""
    names = [*fields, "unexpected"]
    return st.dictionaries(
        st.sampled_from(names), st.one_of(VALUES, st.lists(VALUES, max_size=3)), max_size=12
    )


def check(response):
    assert response.status_code < 500, response.status_code
    body = response.content
    for marker in RAW_MARKERS:
        assert marker not in body, f"unescaped {marker!r} in the response"


def post(path, data):
    cache.clear()  # rate limits would turn every later example into a 429
    client = Client()
    return client.post(path, data, HTTP_ORIGIN="http://testserver")


def form_action(name, page):
    """The URL the page's form posts to, in the page's language."""
    with translation.override(page.locale.language_code):
        return reverse(name, args=[page.pk])


def test_fuzz_event_registration(homes):
    from tests.factories.events import EventIndexPageFactory, EventPageFactory

    index = EventIndexPageFactory(parent=homes["en"], title="Events", slug="events")
    event = EventPageFactory(
        parent=index,
        slug="vigil",
        registration_mode="open",
        capacity=50,
        max_places_per_registration=3,
    )
    event.save_revision().publish()
    path = form_action("campaign_kit_events:register", event)
    fields = ["name", "email", "places", "consent"]

    @FUZZ
    @given(form_data(fields))
    def run(data):
        check(post(path, data))

    run()
    check(
        post(path, {"name": MARKERS[0], "email": "m@example.org", "places": "1", "consent": "on"})
    )
    check(Client().get(event.url))


def test_fuzz_person_and_organisation_signatures(homes, settings):
    from campaign_kit.appeals.security import form_timestamp
    from tests.factories.appeals import AppealPageFactory

    settings.CAMPAIGN_KIT_APPEAL_MIN_FILL_SECONDS = 0
    appeal = AppealPageFactory(parent=homes["en"], slug="protect", goal=100)
    person = [
        "name",
        "email",
        "country",
        "city",
        "display",
        "consent",
        "newsletter",
        "homepage",
        "started",
    ]
    organisation = [
        "organisation_name",
        "website",
        "statement",
        "name",
        "email",
        "country",
        "consent",
        "homepage",
        "started",
    ]

    @FUZZ
    @given(form_data([f"p-{name}" for name in person]), st.booleans())
    def run_person(data, fresh_timestamp):
        if fresh_timestamp:
            data["p-started"] = form_timestamp()
        check(post(form_action("campaign_kit_appeals:sign", appeal), data))

    @FUZZ
    @given(form_data([f"o-{name}" for name in organisation]), st.booleans())
    def run_organisation(data, fresh_timestamp):
        if fresh_timestamp:
            data["o-started"] = form_timestamp()
        check(post(form_action("campaign_kit_appeals:cosign", appeal), data))

    run_person()
    run_organisation()
    check(Client().get(appeal.url))
    check(Client().get(appeal.url + "signatories/"))


def test_fuzz_print_order(homes, settings, tmp_path):
    from tests.factories.campaigns import MaterialFactory, MaterialsPageFactory

    settings.MEDIA_ROOT = tmp_path
    page = MaterialsPageFactory(parent=homes["en"], title="Materials", slug="materials")
    flyer = MaterialFactory(title="Know your rights", language="en", max_quantity=20)
    fields = [
        "name",
        "organisation",
        "street",
        "address_extra",
        "postcode",
        "city",
        "country",
        "email",
        "consent",
        f"quantity_{flyer.pk}",
        "quantity_999999",
    ]

    @FUZZ
    @given(form_data(fields))
    def run(data):
        check(post(page.url + "order/", data))

    run()
    check(Client().get(page.url))
