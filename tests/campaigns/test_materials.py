import datetime
import re

import pytest
from django.utils import timezone

from campaign_kit.campaigns.models import DownloadCount
from campaign_kit.campaigns.services import record_download
from tests.factories.campaigns import MaterialFactory
from tests.factories.home import translate_page

pytestmark = pytest.mark.django_db


def test_library_lists_materials_with_type_and_size(client, materials_page, flyer, flyer_de):
    body = client.get("/en/materials/").content.decode()
    assert "Know your rights" in body and "Ihre Rechte" in body
    assert re.search(r'<span class="ck-small ck-muted">PDF, [^<]+</span>', body)
    assert f'href="/en/campaigns/-/materials/{flyer.pk}/download/"' in body
    assert 'lang="de"' in body
    assert not client.cookies


def test_library_filters_by_language(client, materials_page, flyer, flyer_de):
    body = client.get("/en/materials/?language=de").content.decode()
    assert "Ihre Rechte" in body and "Know your rights" not in body
    body = client.get("/en/materials/?language=%3Cscript%3E").content.decode()
    assert "No materials found." in body
    assert "<script>" not in body


def test_library_page_in_another_language_lists_that_locale(client, locales, materials_page, flyer):
    translate_page(materials_page, "de", title="Materialien", slug="materialien")
    german_copy = flyer.copy_for_translation(locales["de"])
    german_copy.title = "Kennen Sie Ihre Rechte (englisches Faltblatt)"
    german_copy.save()
    body = client.get("/de/materialien/").content.decode()
    assert "Kennen Sie Ihre Rechte" in body
    assert "Know your rights" not in body


def test_download_is_served_as_attachment_and_counted(client, locales, flyer):
    url = f"/en/campaigns/-/materials/{flyer.pk}/download/"
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    client.get(url)
    # A translation of the material shares the counter.
    german = flyer.copy_for_translation(locales["de"])
    german.save()
    client.get(f"/de/campaigns/-/materials/{german.pk}/download/")
    row = DownloadCount.objects.get()
    assert row.count == 3
    assert row.day == timezone.localdate()
    assert row.material_key == flyer.translation_key
    # Only the material, the day and the count are stored.
    assert {f.name for f in DownloadCount._meta.get_fields()} == {
        "id",
        "material_key",
        "day",
        "count",
    }


def test_download_head_is_not_counted_and_post_refused(client, flyer):
    url = f"/en/campaigns/-/materials/{flyer.pk}/download/"
    assert client.head(url).status_code == 200
    assert client.post(url).status_code == 405
    assert not DownloadCount.objects.exists()


def test_download_of_missing_material_is_404(client, locales):
    assert client.get("/en/campaigns/-/materials/999/download/").status_code == 404


def test_counts_are_per_day(locales):
    material = MaterialFactory()
    record_download(material, day=datetime.date(2026, 1, 1))
    record_download(material, day=datetime.date(2026, 1, 1))
    record_download(material, day=datetime.date(2026, 1, 2))
    assert list(DownloadCount.objects.order_by("day").values_list("count", flat=True)) == [2, 1]
