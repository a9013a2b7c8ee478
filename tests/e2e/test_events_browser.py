"""Events in a real browser: filter without JavaScript, register, see the outcome."""

import pytest
from wagtail.models import Site

from campaign_kit.events.models import Registration
from tests.factories.events import EventIndexPageFactory, EventPageFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


@pytest.fixture
def events_site(live_server, homes):
    site = Site.objects.get(is_default_site=True)
    site.hostname = "localhost"
    site.port = live_server.thread.port
    site.save()
    index = EventIndexPageFactory(parent=homes["en"], title="Events", slug="events")
    for city, title in (("Bochum", "Talk in Bochum"), ("Mainz", "Human chain in Mainz")):
        page = EventPageFactory(
            parent=index,
            title=title,
            city=city,
            registration_mode="open",
            capacity=1,
            max_places_per_registration=2,
        )
        page.save_revision().publish()
    return live_server


def test_filter_and_register_without_javascript(browser, events_site):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    leaks = []
    page.on(
        "request",
        lambda request: (
            None
            if request.url.startswith((events_site.url, "data:"))
            else leaks.append(request.url)
        ),
    )
    page.goto(f"{events_site.url}/en/events/")
    page.get_by_label("City").select_option("Bochum")
    page.get_by_role("button", name="Show events").click()
    upcoming = page.locator("section[aria-labelledby=upcoming-heading]")
    assert "Talk in Bochum" in upcoming.inner_text()
    assert "Human chain in Mainz" not in upcoming.inner_text()

    page.get_by_role("link", name="Talk in Bochum").click()
    page.get_by_label("Your name").fill("Ann Example")
    page.get_by_role("textbox", name="E-mail address").fill("not an address")
    page.get_by_role("button", name="Register").click()
    assert "Enter a valid email address" in page.content()
    page.get_by_role("textbox", name="E-mail address").fill("ann@example.org")
    page.get_by_label("I agree").check()
    page.get_by_role("button", name="Register").click()
    assert "is confirmed" in page.get_by_role("status").inner_text()
    assert Registration.objects.get().status == "confirmed"
    assert leaks == []
    assert {c["name"] for c in context.cookies()} <= {"csrftoken"}
    context.close()


def test_full_event_offers_the_waiting_list(page, events_site):
    page.goto(f"{events_site.url}/en/events/")
    page.get_by_role("link", name="Human chain in Mainz").click()
    for email in ("a@example.org", "b@example.org"):
        page.get_by_label("Your name").fill("Someone")
        page.get_by_role("textbox", name="E-mail address").fill(email)
        page.get_by_label("I agree").check()
        page.get_by_role("button", name="Register").click()
        page.get_by_role("link", name="Back to the event").click()
    assert "join the waiting list" in page.content()
    assert sorted(Registration.objects.values_list("status", flat=True)) == ["confirmed", "waiting"]
