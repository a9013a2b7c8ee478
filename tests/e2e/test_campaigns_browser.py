import pytest
from django.contrib.contenttypes.models import ContentType
from django.core import mail
from wagtail.models import Collection, Locale, Page, Site

from campaign_kit.campaigns.models import PrintOrder
from home.demo import campaigns as campaigns_demo
from home.demo import site as site_demo

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


@pytest.fixture
def campaign_site(live_server, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    Locale.objects.get_or_create(language_code="en")
    # An earlier transactional test may have flushed the tree Wagtail's migrations made.
    if Page.get_first_root_node() is None:
        ContentType.objects.clear_cache()
        Page.add_root(instance=Page(title="Root", slug="root", locale=Locale.get_default()))
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")
    context = {}
    site_demo.load(context, lambda *a: None)
    campaigns_demo.load(context, lambda *a: None)
    site = Site.objects.get(is_default_site=True)
    site.hostname = "localhost"
    site.port = live_server.thread.port
    site.save()
    return live_server


def test_campaign_news_and_print_order(page, campaign_site, outside_requests):
    page.goto(f"{campaign_site.url}/en/protection-for-deserters/")
    assert "Protection and asylum" in page.get_by_role("heading", level=1).inner_text()
    donation = page.locator("section.donation")
    assert "65% of the goal" in donation.inner_text()
    assert donation.locator(".ck-progress-fill").get_attribute("style") == "width:65%"
    assert page.get_by_text("€65,240").first.is_visible()

    # News: the index filters by topic without JavaScript.
    page.get_by_role("link", name="All news of this campaign").click()
    page.get_by_label("Topic").select_option(label="Press")
    page.get_by_role("button", name="Show").click()
    assert page.get_by_role("link", name="The press takes up the story").is_visible()
    assert page.locator(".news-card").count() == 1

    # Order printed flyers.
    page.goto(f"{campaign_site.url}/en/materials/order/")
    page.get_by_label("Flyer: Protection for deserters", exact=True).fill("500")
    page.locator("#id_name").fill("Anna Example")
    page.locator("#id_street").fill("Musterstraße 12")
    page.locator("#id_postcode").fill("10115")
    page.locator("#id_city").fill("Berlin")
    page.locator("#id_country").select_option("DE")
    page.locator("#id_email").fill("anna@example.org")
    page.locator("#id_consent").check()
    page.locator("form[method=post] button[type=submit]").click()
    # Over the limit: the browser or the server refuses; the server answers 400.
    if "order/thanks" not in page.url:
        page.get_by_label("Flyer: Protection for deserters", exact=True).fill("20")
        page.locator("#id_consent").check()
        page.locator("form[method=post] button[type=submit]").click()
    page.wait_for_url("**/order/thanks/")
    assert "Thank you" in page.get_by_role("heading", level=1).inner_text()
    order = PrintOrder.objects.get()
    assert order.lines.get().quantity == 20
    assert len(mail.outbox) == 2
    assert outside_requests == []
