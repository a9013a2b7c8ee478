"""Identity settings an NGO sets without a developer, the main menu, opening hours: bad input
gets a clear message in the admin and the public site never breaks."""

from datetime import time

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation
from wagtail.models import Site

from home import colours
from home.models import MainMenu, MenuItem, SiteSettings
from tests.factories.home import StandardPageFactory, translate_page

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_superuser("editor", "editor@example.org", "pw")


@pytest.fixture
def site_settings(homes):
    return SiteSettings.for_site(Site.objects.get(is_default_site=True))


def test_contrast_ratio_matches_wcag():
    assert round(colours.contrast("#000000", "#ffffff"), 1) == 21.0
    assert round(colours.contrast("#767676", "#ffffff"), 2) == 4.54
    assert colours.primary_problem("#0b4f8a") is None
    assert colours.primary_problem("#7fb3e6") is not None  # light blue behind white text
    assert colours.accent_problem("#f5c400") is None
    assert colours.accent_problem("#3a3a3a") is not None  # dark behind dark text


def test_low_contrast_colours_are_refused_with_a_clear_message(site_settings):
    site_settings.primary_colour = "#7fb3e6"
    site_settings.accent_colour = "#555555"
    with pytest.raises(ValidationError) as caught:
        site_settings.full_clean()
    errors = caught.value.message_dict
    assert "4.5:1" in errors["primary_colour"][0] and "darker" in errors["primary_colour"][0]
    assert "lighter" in errors["accent_colour"][0]


def test_admin_shows_the_contrast_message_and_keeps_the_old_colours(client, editor, site_settings):
    client.force_login(editor)
    url = reverse("wagtailsettings:edit", args=["home", "sitesettings", site_settings.site_id])
    form = client.get(url).context["form"]
    data = {
        name: ("" if value is None else value)
        for name, value in form.initial.items()
        if not isinstance(value, list | tuple)
    }
    for prefix in ("footer_links", "social_links"):
        data.update({f"{prefix}-TOTAL_FORMS": 0, f"{prefix}-INITIAL_FORMS": 0})
    data.update(primary_colour="#ffee00", accent_colour="#f5c400")
    with translation.override("de"):
        response = client.post(url, data, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    assert "WCAG AA needs 4.5:1" in response.content.decode()
    site_settings.refresh_from_db()
    assert site_settings.primary_colour == "#0b4f8a"


def test_brand_colours_reach_the_page_and_unsafe_stored_ones_do_not(client, site_settings):
    site_settings.primary_colour = "#5a1e6e"
    site_settings.save()
    html = client.get("/en/").content.decode()
    assert "--ck-primary:#5a1e6e" in html
    # A colour saved before the check existed (or by code) never makes the site unreadable.
    SiteSettings.objects.filter(pk=site_settings.pk).update(primary_colour="#eeeeee")
    from campaign_kit.core import content

    content.purge()
    html = client.get("/en/").content.decode()
    assert "--ck-primary:#eeeeee" not in html


def test_a_logo_that_is_not_an_image_is_refused_by_the_upload(client, editor):
    client.force_login(editor)
    response = client.post(
        reverse("wagtailimages:add"),
        {
            "title": "Logo",
            "file": SimpleUploadedFile("logo.png", b"%PDF-1.4 not an image", "image/png"),
            "collection": 1,
        },
    )
    assert response.status_code == 200
    errors = response.context["form"].errors["file"]
    assert errors and "image" in errors[0].lower()  # Wagtail's own message, e.g. "Not a valid…"
    from wagtail.images import get_image_model

    assert not get_image_model().objects.filter(title="Logo").exists()


def test_menu_follows_the_language_and_survives_a_deleted_page(client, homes, locales):
    about = StandardPageFactory(parent=homes["en"], title="About us", slug="about")
    about_de = translate_page(about, "de", title="Über uns", slug="ueber-uns")
    gone = StandardPageFactory(parent=homes["en"], title="Old campaign", slug="old")
    menu = MainMenu(locale=locales["en"], cta_page=about, cta_label="Act now")
    menu.items.add(MenuItem(page=about, label="", sort_order=0))
    menu.items.add(MenuItem(page=gone, label="Archive", sort_order=1))
    menu.save()

    html = client.get("/en/").content.decode()
    assert 'href="/en/about/"' in html and "Archive" in html and "Act now" in html
    # German has no menu of its own: the English menu with the German pages' titles.
    html_de = client.get("/de/").content.decode()
    assert 'href="/de/ueber-uns/"' in html_de and about_de.title in html_de
    assert "/en/old/" not in html_de  # not translated: left out, not linked in English

    gone.delete()
    response = client.get("/en/")
    assert response.status_code == 200
    assert "Archive" not in response.content.decode()
    item = MenuItem.objects.get(label="Archive")
    assert item.page_id is None
    with pytest.raises(ValidationError) as caught:
        item.clean()
    assert "page was deleted" in str(caught.value)


def test_opening_hours_are_written_in_each_language(site_settings):
    site_settings.hotline_days = "1-4"
    site_settings.hotline_opens = time(10)
    site_settings.hotline_closes = time(16)
    site_settings.hotline_time_zone = "Europe/Berlin"
    expected = {
        "en": ("Mon–Thu", "10:00–16:00", "Berlin time"),
        "de": ("Mo–Do", "10:00–16:00", "Zeit: Berlin"),
        "ru": ("пн–чт", "10:00–16:00", "время: Берлин"),
        "uk": ("пн–чт", "10:00–16:00", "час: Берлін"),
    }
    for code, parts in expected.items():
        with translation.override(code):
            written = site_settings.hotline_hours_display()
        for part in parts:
            assert part in written, (code, written)


def test_unknown_hotline_zone_and_half_given_times_are_refused(site_settings):
    site_settings.hotline_time_zone = "Mars/Olympus"
    site_settings.hotline_opens = time(10)
    with pytest.raises(ValidationError) as caught:
        site_settings.full_clean()
    assert set(caught.value.message_dict) >= {"hotline_time_zone", "hotline_closes"}
