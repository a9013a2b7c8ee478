import io

import pytest
from django.core.management import call_command
from wagtail.models import Site

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def demo_site(live_server):
    call_command("load_demo", stdout=io.StringIO())
    site = Site.objects.get(is_default_site=True)
    site.hostname = "localhost"
    site.port = live_server.thread.port
    site.save()
    return live_server


def test_home_page_switch_language_and_stay_on_site(page, demo_site, outside_requests):
    page.goto(f"{demo_site.url}/en/")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.get_by_role("heading", level=1).is_visible()

    # Keyboard: the first Tab reaches the skip link.
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent").strip() == "Skip to main content"

    page.get_by_role("link", name="Deutsch").first.click()
    page.wait_for_load_state("networkidle")
    assert page.url.endswith("/de/")
    assert page.locator("html").get_attribute("lang") == "de"
    assert "Niemand" in page.get_by_role("heading", level=1).inner_text()

    page.get_by_role("link", name="Über uns").first.click()
    page.wait_for_load_state("networkidle")
    assert page.url.endswith("/de/ueber-uns/")
    page.get_by_role("link", name="Українська").first.click()
    page.wait_for_load_state("networkidle")
    assert page.url.endswith("/uk/pro-nas/")

    assert outside_requests == []
    # Readers get no cookies.
    assert page.context.cookies() == []
