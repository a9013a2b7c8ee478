import io
from collections import defaultdict

import pytest
from django.apps import apps
from django.contrib.auth.models import Group
from django.core.management import call_command
from wagtail.models import Page, TranslatableMixin

from home.models import HomePage, SiteSettings, StandardPage


@pytest.mark.django_db
def test_load_demo_is_idempotent_and_covers_four_languages(client):
    call_command("load_demo", stdout=io.StringIO())
    count = Page.objects.count()
    revisions = sum(p.revisions.count() for p in Page.objects.all())
    call_command("load_demo", stdout=io.StringIO())
    assert Page.objects.count() == count
    assert sum(p.revisions.count() for p in Page.objects.all()) == revisions
    staff = {"Editors", "Translators", "Event helpers", "Signature managers", "Order fulfilment"}
    assert staff <= set(Group.objects.values_list("name", flat=True))  # setup_roles ran

    assert HomePage.objects.live().count() == 4
    for code, slug in [("en", "about"), ("de", "ueber-uns"), ("ru", "o-nas"), ("uk", "pro-nas")]:
        response = client.get(f"/{code}/{slug}/")
        assert response.status_code == 200, (code, slug)
    for code in ["en", "de", "ru", "uk"]:
        assert client.get(f"/{code}/hotline/").status_code == 200
    assert StandardPage.objects.filter(locale__language_code="uk").count() >= 3
    settings = SiteSettings.objects.get()
    assert settings.contact_email.endswith("@example.org")
    # The footer's links (privacy, about) follow the visitor's language.
    german = client.get("/de/").content.decode()
    assert 'href="/de/datenschutz/"' in german
    assert '<a href="/de/ueber-uns/">Über uns</a>' in german
    assert settings.footer_links.count() == 2


def languages_by_translation_key(objects):
    found = defaultdict(set)
    for key, code in objects.values_list("translation_key", "locale__language_code"):
        found[key].add(code)
    return found


@pytest.mark.django_db
def test_every_demo_page_and_snippet_exists_in_four_languages():
    call_command("load_demo", stdout=io.StringIO())
    languages = {"en", "de", "ru", "uk"}
    pages = languages_by_translation_key(Page.objects.live().filter(depth__gte=2))
    assert len(pages) >= 20
    missing = {
        Page.objects.filter(translation_key=key).first().title: sorted(languages - codes)
        for key, codes in pages.items()
        if codes != languages
    }
    assert missing == {}
    snippets = [
        model
        for config in apps.get_app_configs()
        if config.label
        in ("home", "campaign_kit_campaigns", "campaign_kit_events", "campaign_kit_appeals")
        for model in config.get_models()
        if issubclass(model, TranslatableMixin) and not issubclass(model, Page)
    ]
    assert len(snippets) >= 3  # FooterText, Material, EventSeries
    for model in snippets:
        groups = languages_by_translation_key(model.objects.all())
        assert groups, model
        assert all(codes == languages for codes in groups.values()), model
