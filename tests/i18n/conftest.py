import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.utils.translation import trans_real

ROOT = Path(settings.BASE_DIR)
# The reference site's catalogue and each app's own.
LOCALE_DIRS = [ROOT / "locale"] + [
    ROOT / app / "locale" for app in ("core", "events", "appeals", "campaigns")
]


@pytest.fixture(scope="session", autouse=True)
def _compiled_messages():
    """Compile the .po files like `make messages` when a .mo is missing or stale."""
    stale = [
        po
        for locale_dir in LOCALE_DIRS
        for po in locale_dir.glob("*/LC_MESSAGES/django.po")
        if not po.with_suffix(".mo").exists()
        or po.with_suffix(".mo").stat().st_mtime < po.stat().st_mtime
    ]
    if stale:
        pybabel = Path(sys.executable).with_name("pybabel")
        for locale_dir in LOCALE_DIRS:
            subprocess.run(
                [
                    str(pybabel),
                    "-q",
                    "compile",
                    "--domain",
                    "django",
                    "--directory",
                    str(locale_dir),
                ],
                check=True,
            )
        trans_real._translations = {}
        trans_real._default = None


@pytest.fixture
def admin_client(client, db):
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.create_superuser(
        "editor", "editor@example.org", "password", first_name="Eda", last_name="Editor"
    )
    client.force_login(user)
    client.user = user
    return client
