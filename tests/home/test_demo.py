import io

import pytest
from django.core.management import call_command
from wagtail.models import Page

from home.models import HomePage, SiteSettings, StandardPage


@pytest.mark.django_db
def test_load_demo_is_idempotent_and_covers_four_languages(client):
    call_command("load_demo", stdout=io.StringIO())
    count = Page.objects.count()
    revisions = sum(p.revisions.count() for p in Page.objects.all())
    call_command("load_demo", stdout=io.StringIO())
    assert Page.objects.count() == count
    assert sum(p.revisions.count() for p in Page.objects.all()) == revisions

    assert HomePage.objects.live().count() == 4
    for code, slug in [("en", "about"), ("de", "ueber-uns"), ("ru", "o-nas"), ("uk", "pro-nas")]:
        response = client.get(f"/{code}/{slug}/")
        assert response.status_code == 200, (code, slug)
    for code in ["en", "de", "ru", "uk"]:
        assert client.get(f"/{code}/hotline/").status_code == 200
    assert StandardPage.objects.filter(locale__language_code="uk").count() >= 3
    settings = SiteSettings.objects.get()
    assert settings.contact_email.endswith("@example.org")
    # The privacy link in the footer follows the visitor's language.
    assert 'href="/de/datenschutz/"' in client.get("/de/").content.decode()
