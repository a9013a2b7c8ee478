"""Fails when `makemessages` would add an entry that has no translation.

The test copies the scanned source folders and the locale/ tree into a temporary
directory, runs Django's makemessages there (so the real locale/ is never touched),
and reads the resulting .po files with Babel: every entry must be translated and none
may be fuzzy.

APPS_TO_SCAN lists the folders scanned: every app and the reference site. Each app keeps its
own catalogue (<app>/locale/, shipped in the wheel); the reference site's is locale/.
"""

import os
import shutil
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from django.conf import settings
from django.core.management import call_command
from django.test import override_settings

from tests.needs import needs

APPS_TO_SCAN = ["home", "core", "campaigns", "events", "appeals", "site"]
SUITE_APPS = ["core", "campaigns", "events", "appeals"]

ROOT = Path(settings.BASE_DIR)
TARGET_LANGUAGES = [code for code, _ in settings.LANGUAGES if code != settings.LANGUAGE_CODE]


def problems_in(po_path):
    with po_path.open("rb") as f:
        catalog = read_po(f)
    problems = []
    if catalog.fuzzy:
        problems.append("the header is marked fuzzy")
    for message in catalog:
        if not message.id:
            continue  # the header
        label = message.id if isinstance(message.id, str) else message.id[0]
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if not all(strings):
            problems.append(f"untranslated: {label!r}")
        if message.fuzzy:
            problems.append(f"fuzzy: {label!r}")
    return problems


@pytest.fixture
def scanned_copy(tmp_path):
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", "static", "media")
    for name in APPS_TO_SCAN:
        shutil.copytree(ROOT / name, tmp_path / name, ignore=ignore)
    shutil.copytree(ROOT / "locale", tmp_path / "locale", ignore=shutil.ignore_patterns("*.mo"))
    return tmp_path


def catalogues(root):
    """Every catalogue under ``root``: the site's and each app's, per target language."""
    dirs = [root / "locale"] + [root / app / "locale" for app in SUITE_APPS]
    return [d / code / "LC_MESSAGES" / "django.po" for d in dirs for code in TARGET_LANGUAGES]


def test_locale_files_exist_for_every_language():
    for po in catalogues(ROOT):
        assert po.exists(), po


def test_committed_po_files_are_complete():
    for po in catalogues(ROOT):
        assert problems_in(po) == [], po


def test_makemessages_adds_no_untranslated_entry(scanned_copy):
    if shutil.which("xgettext") is None:
        needs("GNU gettext's xgettext (apt-get install gettext)")
    cwd = Path.cwd()
    os.chdir(scanned_copy)
    try:
        with override_settings(LOCALE_PATHS=[scanned_copy / "locale"]):
            call_command(
                "makemessages",
                locale=TARGET_LANGUAGES,
                no_obsolete=True,
                verbosity=0,
            )
    finally:
        os.chdir(cwd)
    report = {}
    for po in catalogues(scanned_copy):
        problems = problems_in(po)
        if problems:
            report[str(po.relative_to(scanned_copy))] = problems
    assert report == {}, (
        "Interface strings without translation. Run `make makemessages`, translate the "
        "new entries in locale/ and <app>/locale/ (*/LC_MESSAGES/django.po), then "
        f"`make messages`: {report}"
    )
