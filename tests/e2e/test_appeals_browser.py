"""Appeals in a real browser: sign with the keyboard only, confirm from the e-mail, see the
counter move in every language; an organisation appears only once staff approve it.

Written against what a person sees (labels, buttons, headings), not against URLs, so it holds
whether the forms post to the page or to a plain URL.
"""

import re
from urllib.parse import urlparse

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from playwright.sync_api import expect
from wagtail.models import Site

from campaign_kit.appeals.models import Signature
from tests.factories.appeals import AppealPageFactory
from tests.factories.home import translate_page

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]

LINK = re.compile(r"https?://\S+/appeals/-/signature/\S+?/confirm/")


@pytest.fixture
def appeal_site(live_server, homes, settings):
    settings.CAMPAIGN_KIT_APPEAL_MIN_FILL_SECONDS = 0
    site = Site.objects.get(is_default_site=True)
    site.hostname = "localhost"
    site.port = live_server.thread.port
    site.save()
    appeal = AppealPageFactory(
        parent=homes["en"], title="Protect objectors", slug="protect", goal=100
    )
    pages = {"en": appeal}
    for code in ("de", "ru", "uk"):
        pages[code] = translate_page(appeal, code, slug=f"protect-{code}")
    return live_server, {code: live_server.url + page.url for code, page in pages.items()}


def people_count(page, url):
    """The number in the counter box ("1 person", "1 Person", "1 человек"...)."""
    page.goto(url)
    text = page.locator(".appeal-progress .ck-count").inner_text()
    return int(re.match(r"\s*(\d+)", text).group(1))


def confirm_from(page, server, mail):
    link = LINK.search(mail.body)
    assert link, mail.body
    page.goto(server.url + urlparse(link.group(0)).path)
    page.get_by_role("button", name="Yes, confirm my signature").click()
    expect(
        page.get_by_role("heading", name="Thank you, your signature is confirmed")
    ).to_be_visible()


def tab_to(page, element_id, limit=120):
    """Press Tab until the element has focus: the form must be reachable by keyboard."""
    for _ in range(limit):
        if page.evaluate("document.activeElement && document.activeElement.id") == element_id:
            return
        page.keyboard.press("Tab")
    pytest.fail(f"#{element_id} was not reached with {limit} presses of Tab")


def test_sign_with_the_keyboard_confirm_and_count_in_every_language(
    page, appeal_site, mailoutbox, outside_requests
):
    server, urls = appeal_site
    assert {code: people_count(page, url) for code, url in urls.items()} == dict.fromkeys(urls, 0)

    page.goto(urls["en"])
    tab_to(page, "id_p-name")
    page.keyboard.type("Anna Beispiel")
    page.keyboard.press("Tab")
    page.keyboard.type("anna@example.org")
    page.keyboard.press("Tab")
    page.keyboard.type("Germany")  # a focused <select> jumps to the option typed
    assert page.get_by_label("Country").first.input_value() == "DE"
    tab_to(page, "id_p-city")
    page.keyboard.type("Bremen")
    page.keyboard.press("Tab")  # into the radio group "Show my name..."
    page.keyboard.press("ArrowDown")  # from the preselected "Do not show my name"
    assert page.get_by_label("Show my initials").is_checked()
    tab_to(page, "id_p-consent")
    page.keyboard.press("Space")
    assert page.get_by_label("I agree that my data is processed").is_checked()
    # The honeypot is not a tab stop; the next stops are the newsletter box and the button.
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "id_p-newsletter"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent").strip() == "Sign the appeal"
    page.keyboard.press("Enter")

    expect(page.get_by_role("heading", name="Please check your inbox")).to_be_visible()
    assert "anna@example.org" not in page.content()  # the same neutral answer for everyone
    assert [m.to for m in mailoutbox] == [["anna@example.org"]]
    assert {code: people_count(page, url) for code, url in urls.items()} == dict.fromkeys(urls, 0)

    confirm_from(page, server, mailoutbox[0])
    assert Signature.objects.get().display == "initials"
    assert {code: people_count(page, url) for code, url in urls.items()} == dict.fromkeys(urls, 1)
    assert outside_requests == []
    assert {c["name"] for c in page.context.cookies()} <= {"csrftoken"}


def test_organisation_is_listed_only_after_approval(
    browser, page, appeal_site, mailoutbox, outside_requests
):
    server, urls = appeal_site
    page.goto(urls["en"])
    # The organisations' form is folded away below the people's form.
    page.get_by_text("Co-sign as an organisation").click()
    form = page.locator("form").filter(has=page.get_by_role("button", name="Co-sign the appeal"))
    form.get_by_label("Organisation").fill("Friends of Peace")
    form.get_by_label("Country").select_option("FR")
    form.get_by_label("Website").fill("https://peace.example.org")
    form.get_by_label("Statement (optional)").fill("We support this appeal.")
    form.get_by_label("Contact person").fill("Claire Exemple")
    form.get_by_label("Contact e-mail").fill("contact@peace.example.org")
    form.get_by_label("We agree that this data is processed").check()
    form.get_by_role("button", name="Co-sign the appeal").click()
    expect(page.get_by_role("heading", name="Please check your inbox")).to_be_visible()

    confirm_mail = next(m for m in mailoutbox if m.to == ["contact@peace.example.org"])
    confirm_from(page, server, confirm_mail)
    for url in urls.values():
        page.goto(url)
        assert "Friends of Peace" not in page.content()

    # Staff approve it in the Wagtail admin's moderation queue.
    staff = get_user_model().objects.create_superuser("editor", "editor@example.org", "pw")
    client = Client()
    client.force_login(staff)
    admin = browser.new_context()
    admin.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": server.url}]
    )
    queue = admin.new_page()
    queue.goto(f"{server.url}/admin/appeals/moderation/")
    row = queue.get_by_role("row").filter(has_text="Friends of Peace")
    row.get_by_role("button", name="Approve").click()
    expect(queue.get_by_text("Nothing to moderate.")).to_be_visible()
    admin.close()

    for code, url in urls.items():
        page.goto(url)
        # The heading is translated; the section is the same in every language.
        listed = page.locator("section[aria-labelledby=orgs-heading]")
        listed.locator("details.appeal-country > summary").first.click()  # grouped by country
        assert "Friends of Peace" in listed.inner_text(), code
    assert outside_requests == []
