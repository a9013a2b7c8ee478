"""Machine translation (DeepL when configured, dummy in tests, none) and PO export/import."""

import os
import subprocess
import sys
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse
from wagtail_localize.models import StringTranslation

from tests.factories.home import StandardPageFactory

from .utils import put_string, segments, translation_for, untranslated


@pytest.fixture
def german_translation(admin_client, homes):
    page = StandardPageFactory(
        parent=homes["en"], title="Counselling", slug="counselling", intro="We listen first."
    )
    response = admin_client.post(
        reverse("wagtail_localize:submit_page_translation", args=[page.id]),
        {"locales": [homes["de"].locale.id]},
    )
    assert response.status_code == 302
    translation = translation_for(page, "de")
    translation.page = page
    return translation


def messages_of(response):
    """The messages this response added (earlier ones may still be queued)."""
    return [str(m).strip() for m in get_messages(response.wsgi_request)]


def settings_in_subprocess(env):
    """WAGTAILLOCALIZE_MACHINE_TRANSLATOR as the real settings module computes it."""
    root = Path(settings.BASE_DIR)
    code = (
        "from campaign_site.settings import base;"
        "t = base.WAGTAILLOCALIZE_MACHINE_TRANSLATOR;"
        "print(t and t['CLASS']); print(t and t['OPTIONS']['AUTH_KEY'])"
    )
    clean = {k: v for k, v in os.environ.items() if k != "DEEPL_API_KEY"}
    clean.update(env, PYTHONPATH=f"{root}{os.pathsep}{root / 'site'}")
    out = subprocess.run(
        [sys.executable, "-c", code], env=clean, cwd=root, capture_output=True, text=True
    )
    assert out.returncode == 0, out.stderr
    return out.stdout.split()


def test_deepl_is_selected_when_the_key_is_set():
    assert settings_in_subprocess({"DEEPL_API_KEY": "abc:fx"}) == [
        "wagtail_localize.machine_translators.deepl.DeepLTranslator",
        "abc:fx",
    ]
    assert settings_in_subprocess({}) == ["None", "None"]


def test_machine_translate_with_the_dummy_backend(admin_client, german_translation):
    t = german_translation
    editor_url = reverse("wagtailadmin_pages:edit", args=[t.get_target_instance().id])
    response = admin_client.post(
        reverse("wagtail_localize:machine_translate", args=[t.id]), {"next": editor_url}
    )
    assert response.status_code == 302 and response["Location"] == editor_url
    assert messages_of(response)[-1] == "Successfully translated with Dummy translator."
    machine = StringTranslation.objects.filter(
        locale=t.target_locale, translation_type=StringTranslation.TRANSLATION_TYPE_MACHINE
    )
    assert {s.data for s in machine} >= {"first. listen We"}  # the dummy reverses words
    assert untranslated(t) == []


@override_settings(WAGTAILLOCALIZE_MACHINE_TRANSLATOR=None)
def test_without_machine_translation_translating_by_hand_works(admin_client, german_translation):
    t = german_translation
    editor = admin_client.get(reverse("wagtailadmin_pages:edit", args=[t.get_target_instance().id]))
    assert editor.status_code == 200
    for segment in segments(t):
        assert put_string(admin_client, t, segment, "Beratung").status_code == 201
    assert untranslated(t) == []
    # The machine-translate action is simply not offered (404), never a 500.
    response = admin_client.post(
        reverse("wagtail_localize:machine_translate", args=[t.id]), follow=True
    )
    assert response.status_code == 404


def upload(client, translation, content, name="page.po"):
    editor_url = reverse("wagtailadmin_pages:edit", args=[translation.get_target_instance().id])
    data = {"next": editor_url}
    if content is not None:
        data["file"] = SimpleUploadedFile(name, content, content_type="text/x-gettext-translation")
    response = client.post(reverse("wagtail_localize:upload_pofile", args=[translation.id]), data)
    assert response.status_code == 302
    assert response["Location"] == editor_url
    return messages_of(response)


def download(client, translation):
    response = client.get(reverse("wagtail_localize:download_pofile", args=[translation.id]))
    assert response.status_code == 200
    assert response["Content-Disposition"].endswith("-de.po")
    return polib.pofile(response.content.decode())


def test_po_export_and_import(admin_client, german_translation):
    t = german_translation
    po = download(admin_client, t)
    assert {e.msgid for e in po} == {"Counselling", "counselling", "We listen first."}
    german = {
        "Counselling": "Beratung",
        "counselling": "beratung",
        "We listen first.": "Wir hören zuerst zu.",
    }
    for entry in po:
        entry.msgstr = german[entry.msgid]
    received = upload(admin_client, t, str(po).encode())
    assert received[-1] == "Successfully imported translations from PO File."
    assert untranslated(t) == []
    assert set(
        StringTranslation.objects.filter(locale=t.target_locale).values_list("data", flat=True)
    ) == set(german.values())


@pytest.mark.parametrize(
    "case",
    ["wrong_page", "broken_syntax", "no_header", "binary", "no_file", "empty"],
)
def test_bad_po_files_leave_the_translation_untouched(
    admin_client, homes, german_translation, case
):
    t = german_translation
    put_string(admin_client, t, segments(t).get(string__data="We listen first."), "Wir hören zu.")
    before = list(StringTranslation.objects.values_list("pk", "data", "translation_of_id"))

    if case == "wrong_page":
        other = StandardPageFactory(parent=homes["en"], title="Other", slug="other", intro="Other.")
        admin_client.post(
            reverse("wagtail_localize:submit_page_translation", args=[other.id]),
            {"locales": [homes["de"].locale.id]},
        )
        po = download(admin_client, translation_for(other, "de"))
        for entry in po:
            entry.msgstr = "Falsch"
        content = str(po).encode()
        expected = "This PO file was not exported for this page and language."
    elif case == "broken_syntax":
        content = str(download(admin_client, t)).encode() + b"\nthis is not gettext\n"
        expected = "Please upload a valid PO file."
    elif case == "no_header":
        content = b'msgid "We listen first."\nmsgstr "Falsch"\n'
        expected = "This PO file was not exported for this page and language."
    elif case == "binary":
        content = b"\xff\xfe\x00\x01garbage"
        expected = "Please upload a valid PO file."
    elif case == "no_file":
        content = None
        expected = "Please choose a PO file to upload."
    else:
        content = b""
        expected = "This PO file is empty."

    received = upload(admin_client, t, content)
    assert received[-1].startswith(expected)
    assert not any(m.startswith("Successfully imported") for m in received)
    after = list(StringTranslation.objects.values_list("pk", "data", "translation_of_id"))
    assert after == before
