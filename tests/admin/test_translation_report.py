"""The translation status report: every page in every language (exists, live, up to date by
wagtail-localize's own records) with links to translate or sync; for page workers only."""

import re

import pytest
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import GroupPagePermission, Page
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)

from campaign_kit.core import translation_report
from tests.factories.campaigns import MaterialsPageFactory

pytestmark = pytest.mark.django_db

URL = "/admin/reports/translation-status/"


def cells(html, title):
    """``{language: (state, cell html)}`` of the report's row for the page `title`."""
    row = re.search(
        rf"<tr>\s*<th scope=\"row\"><a [^>]*>{re.escape(title)}</a>.*?</tr>", html, re.S
    )
    assert row, f"no row for {title}"
    found = re.findall(
        r'<td class="ck-translation-(\w+)" data-locale="(\w+)">(.*?)</td>', row.group(0), re.S
    )
    return {language: (state, body) for state, language, body in found}


def make_page(homes, title, slug):
    page = MaterialsPageFactory(parent=homes["en"], title=title, slug=slug, intro="Read this.")
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def localize(page, locale):
    """Translate `page` into `locale` through wagtail-localize, as its submit view does."""
    source, _created = TranslationSource.get_or_create_from_instance(page)
    translation, _created = Translation.objects.get_or_create(source=source, target_locale=locale)
    translation.save_target(publish=True)
    return source, translation


def translate_every_string(source, locale):
    for segment in StringSegment.objects.filter(source=source):
        StringTranslation.objects.create(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            data=f"[{locale.language_code}] {segment.string.data}",
            translation_type="manual",
        )


@pytest.fixture
def pages(homes, locales):
    done = make_page(homes, "Done page", "done")
    source, _ = localize(done, locales["de"])
    translate_every_string(source, locales["de"])
    waiting = make_page(homes, "Waiting page", "waiting")
    localize(waiting, locales["de"])
    changed = make_page(homes, "Changed page", "changed")
    changed_source, _ = localize(changed, locales["de"])
    translate_every_string(changed_source, locales["de"])
    changed.title = "Changed page"
    changed.intro = "Read this, now changed."
    changed.save_revision().publish()  # after the last sync
    return {"done": done, "waiting": waiting, "changed": changed, "source": changed_source}


def test_report_shows_each_language_with_wagtail_localize_status(client, superuser, pages, locales):
    client.force_login(superuser)
    response = client.get(URL)
    assert response.status_code == 200
    html = response.content.decode()

    done = cells(html, "Done page")
    assert done["de"][0] == "up_to_date" and "Up to date" in done["de"][1]
    translated = Page.objects.get(
        translation_key=pages["done"].translation_key, locale=locales["de"]
    )
    assert f'href="/admin/pages/{translated.pk}/edit/"' in done["de"][1]
    assert ("Live" if translated.live else "Draft") in done["de"][1]
    missing_state, missing = done["ru"]
    assert missing_state == "missing" and "Not translated" in missing
    submit = f"/admin/localize/submit/page/{pages['done'].pk}/"
    assert f'href="{submit}"' in missing

    assert cells(html, "Waiting page")["de"][0] == "waiting"
    assert "Waiting for translations" in cells(html, "Waiting page")["de"][1]

    changed_state, changed = cells(html, "Changed page")["de"]
    assert changed_state == "outdated" and "Source changed since the last sync" in changed
    assert f'href="/admin/localize/update/{pages["source"].pk}/"' in changed

    # The home page's translations were copied without wagtail-localize.
    home = cells(html, "Home")
    assert {state for state, _body in home.values()} == {"manual"}


def test_report_is_in_the_reports_menu_and_on_the_dashboard(client, superuser, pages):
    client.force_login(superuser)
    html = client.get("/admin/").content.decode()
    assert URL in html
    panel = re.search(r'id="ck-outdated-translations-section".*?</section>', html, re.S).group(0)
    assert "Waiting page" in panel and "Changed page" in panel and "Done page" not in panel
    assert f'href="/admin/localize/update/{pages["source"].pk}/"' in panel
    assert "Translation status (2 to update)" in panel


def test_report_needs_a_page_permission(client, limited, pages):
    client.force_login(limited)
    response = client.get(URL)
    assert response.status_code == 403
    assert URL not in client.get("/admin/").content.decode()


def test_page_editor_without_submit_permission_gets_no_translate_links(
    client, limited, pages, homes
):
    group = Group.objects.create(name="Page editors of the test")
    GroupPagePermission.objects.create(
        group=group, page=homes["en"], permission=Permission.objects.get(codename="change_page")
    )
    limited.groups.add(group)
    client.force_login(limited)
    html = client.get(URL).content.decode()
    assert "Not translated" in html
    assert "/admin/localize/submit/" not in html
    assert "/admin/localize/update/" not in html


def test_report_is_paginated_with_flat_queries(
    client, superuser, pages, homes, locales, monkeypatch, django_assert_max_num_queries
):
    monkeypatch.setattr(translation_report, "PER_PAGE", 2)
    client.force_login(superuser)
    client.get(URL)
    with CaptureQueriesContext(connection) as few:
        first = client.get(URL).content.decode()
    budget = len(few)  # now: the query log is a bounded deque
    pages_total = (Page.objects.filter(depth__gt=1, locale=homes["en"].locale).count() + 1) // 2
    assert f"Page 1 of {pages_total}" in first and "?p=2" in first
    second = client.get(f"{URL}?p=2").content.decode()
    assert "Waiting page" in second or "Changed page" in second

    monkeypatch.setattr(translation_report, "PER_PAGE", 50)
    for n in range(6):
        localize(make_page(homes, f"More {n}", f"more-{n}"), locales["uk"])
    with django_assert_max_num_queries(budget):
        html = client.get(URL).content.decode()
    assert cells(html, "More 5")["uk"][0] == "waiting"
