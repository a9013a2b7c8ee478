"""Restricted pages through every URL of the apps: the password form, a login redirect or a 405,
never anything of the page, and nothing stored.

Two walks find the URLs themselves, so a new endpoint is covered (or fails) without editing
this file: the apps' URL namespaces (each view must carry ``core.access``'s mark, or be in
PAGELESS with the reason), and the routes of every routable page type of the apps.
"""

import uuid

import pytest
from django.apps import apps
from django.core import mail
from django.urls import URLPattern, get_resolver, reverse
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page, PageViewRestriction

from campaign_kit.appeals.models import Signature
from campaign_kit.appeals.security import form_timestamp
from campaign_kit.campaigns.models import DownloadCount, PrintOrder
from campaign_kit.core.access import MARK
from campaign_kit.events.models import Registration
from campaign_kit.events.security import outcome_token

from .conftest import PASSWORD, SECRET

pytestmark = pytest.mark.django_db

NAMESPACES = ("campaign_kit_events", "campaign_kit_appeals", "campaign_kit_campaigns")
APP_LABELS = ("campaign_kit_events", "campaign_kit_appeals", "campaign_kit_campaigns")

# Views that take no page id or slug. Reviewed: each needs a signed token that only the
# e-mail to someone who registered or signed (having passed the restriction) carries.
PAGELESS = {
    "campaign_kit_events:registration": "personal link from the registration e-mail",
    "campaign_kit_appeals:confirm": "confirmation link from the signature e-mail",
    "campaign_kit_appeals:withdraw": "withdrawal link from the signature e-mail",
}

# What each URL parameter of the apps' views names, in the restricted site.
URL_ARGS = {
    ("campaign_kit_events", "page_id"): lambda site: site.event.pk,
    ("campaign_kit_events", "token"): lambda site: outcome_token("confirmed"),
    ("campaign_kit_appeals", "page_id"): lambda site: site.appeal.pk,
    ("campaign_kit_campaigns", "pk"): lambda site: site.material.pk,
}


def form_data(site):
    """Valid data for every form of the apps at once (their field names do not collide)."""
    return {
        "name": "Ann Example",
        "email": "ann@example.org",
        "places": "1",
        "consent": "on",
        "p-name": "Anna Beispiel",
        "p-email": "anna@example.org",
        "p-country": "DE",
        "p-city": "Berlin",
        "p-display": "full",
        "p-consent": "on",
        "p-started": form_timestamp(),
        "o-organisation_name": "Friends of Peace",
        "o-country": "FR",
        "o-name": "Claire Exemple",
        "o-email": "contact@peace.example.org",
        "o-consent": "on",
        "o-started": form_timestamp(),
        f"quantity_{site.material.pk}": "5",
        "street": "Musterstraße 12",
        "postcode": "10115",
        "city": "Berlin",
        "country": "DE",
    }


def app_patterns():
    resolver = get_resolver()
    for namespace in NAMESPACES:
        _prefix, sub_resolver = resolver.namespace_dict[namespace]
        for pattern in sub_resolver.url_patterns:
            assert isinstance(pattern, URLPattern), f"walk nested includes of {namespace} too"
            yield namespace, pattern


def page_types():
    """Every page type of the apps: each has its URL and, if routable, its routes walked."""
    for label in APP_LABELS:
        for model in apps.get_app_config(label).get_models():
            if issubclass(model, Page):
                yield model


def assert_shows_nothing(site, response, url):
    body = response.content.decode(errors="replace")
    headers = " ".join(f"{k}: {v}" for k, v in response.items())
    assert SECRET not in body and SECRET not in headers, f"{url} leaks the restricted page"
    # Nor its URL, to someone who only knew its id.
    if "/-/" in url:
        assert not any(f"/{slug}/" in body + headers for slug in site.slugs), url
    if response.status_code == 405:
        return
    if site.kind == PageViewRestriction.PASSWORD:
        assert response.status_code in (200, 403), url
        assert 'name="password"' in body, f"{url}: no password form"
        assert response.status_code == 200 or response.request["REQUEST_METHOD"] == "POST"
    else:
        assert response.status_code == 302, url
        assert response["Location"].startswith(reverse("wagtailcore_login")), url
    assert "no-cache" in response.get("Cache-Control", ""), f"{url} may be cached"


def assert_nothing_stored():
    assert not Registration.objects.exists()
    assert not Signature.objects.exists()
    assert not PrintOrder.objects.exists()
    assert not DownloadCount.objects.exists()
    assert not mail.outbox


def fetch_all(client, site, url):
    for response in (
        client.get(url),
        client.post(url, {}),
        client.post(url, form_data(site)),
    ):
        assert_shows_nothing(site, response, url)


def test_every_app_view_checks_page_access():
    """A new URL of the apps fails here until its view checks the restriction (or is reviewed
    as taking no page)."""
    unchecked = [
        f"{namespace}:{pattern.name}"
        for namespace, pattern in app_patterns()
        if not getattr(pattern.callback, MARK, False)
        and f"{namespace}:{pattern.name}" not in PAGELESS
    ]
    assert unchecked == []
    assert set(PAGELESS) <= {f"{ns}:{p.name}" for ns, p in app_patterns()}


def test_app_urls_show_nothing_of_restricted_pages(
    client, site, django_capture_on_commit_callbacks
):
    walked = 0
    with django_capture_on_commit_callbacks(execute=True):
        for namespace, pattern in app_patterns():
            name = f"{namespace}:{pattern.name}"
            if name in PAGELESS:
                continue
            kwargs = {arg: URL_ARGS[(namespace, arg)](site) for arg in pattern.pattern.converters}
            fetch_all(client, site, reverse(name, kwargs=kwargs))
            walked += 1
    assert walked >= 5
    assert_nothing_stored()


def test_page_routes_show_nothing_of_restricted_pages(
    client, site, django_capture_on_commit_callbacks
):
    by_type = {type(page.specific): page.specific for page in site.restricted}
    missing = [model.__name__ for model in page_types() if model not in by_type]
    assert missing == [], "add a restricted page of each type to tests/security/conftest.py"
    with django_capture_on_commit_callbacks(execute=True):
        for model, page in by_type.items():
            fetch_all(client, site, page.url)
            if not issubclass(model, RoutablePageMixin):
                continue
            for route in model.get_subpage_urls():
                kwargs = {
                    arg: uuid.uuid4() if type(conv).__name__ == "UUIDConverter" else "1"
                    for arg, conv in route.pattern.converters.items()
                }
                fetch_all(client, site, page.url + page.reverse_subpage(route.name, kwargs=kwargs))
    assert_nothing_stored()


def test_lists_feeds_search_and_sitemap_leave_restricted_pages_out(client, site):
    urls = [
        "/en/",
        site.events.url,
        site.events.url + "calendar/",
        site.news_index.url,
        site.news_index.url + "feed/rss/",
        site.news_index.url + "feed/atom/",
        site.materials.url,
        site.materials.url + "order/",
        "/sitemap.xml",
        f"/en/events/?campaign={site.campaign.pk}",
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        assert SECRET not in response.content.decode(), f"{url} lists a restricted page"
    # A restricted campaign is not a filter of the calendar feed: its name would be the feed's.
    assert client.get(f"{site.events.url}calendar/?campaign={site.campaign.pk}").status_code == 404
    # The search page repeats the query, so look for the pages' links instead.
    body = client.get("/en/search/", {"q": SECRET}).content.decode()
    for page in site.restricted:
        assert f'href="{page.url}"' not in body
    assert "flyer" not in body.lower()


def _pass_restriction(client, site, page):
    if site.kind == PageViewRestriction.PASSWORD:
        restriction = next(r for r in site.restrictions if r.page_id == page.pk)
        response = client.post(
            reverse("wagtailcore_authenticate_with_password", args=[restriction.id, page.id]),
            {"password": PASSWORD, "return_url": page.url},
        )
        assert response.status_code == 302
    else:
        from django.contrib.auth import get_user_model

        user, _ = get_user_model().objects.get_or_create(username="visitor")
        client.force_login(user)


def test_a_visitor_who_passed_the_restriction_registers_and_signs(
    client, site, django_capture_on_commit_callbacks
):
    """The same walk's requests go through once the restriction is passed: what the walk
    looks for would be there if the check were missing."""
    _pass_restriction(client, site, site.event)
    _pass_restriction(client, site, site.appeal)
    register = reverse("campaign_kit_events:register", args=[site.event.pk])
    sign = reverse("campaign_kit_appeals:sign", args=[site.appeal.pk])
    assert SECRET in client.post(register, {}).content.decode()
    assert SECRET in client.post(sign, {}).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(register, form_data(site)).status_code == 303
        assert client.post(sign, form_data(site)).status_code == 303
    assert Registration.objects.count() == 1 and Signature.objects.count() == 1


def test_post_refused_by_a_password_restriction_is_a_403_with_the_form(client, homes):
    from .conftest import Site

    site = Site(homes["en"], PageViewRestriction.PASSWORD)
    response = client.post(reverse("campaign_kit_events:register", args=[site.event.pk]), {})
    assert response.status_code == 403
    assert 'name="password"' in response.content.decode()


def test_restriction_on_an_ancestor_covers_the_endpoints(client, homes):
    from .conftest import Site

    site = Site(homes["en"], PageViewRestriction.LOGIN)
    PageViewRestriction.objects.filter(page=site.event).delete()
    PageViewRestriction.objects.create(page=site.events, restriction_type="login")
    response = client.post(reverse("campaign_kit_events:register", args=[site.event.pk]), {})
    assert response.status_code == 302 and SECRET not in response.content.decode()
    assert not Registration.objects.exists()
