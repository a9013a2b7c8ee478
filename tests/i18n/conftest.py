import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.utils.translation import trans_real

LOCALE_DIR = Path(settings.BASE_DIR) / "locale"


@pytest.fixture(scope="session", autouse=True)
def _compiled_messages():
    """Compile the .po files like `make messages` when a .mo is missing or stale."""
    stale = [
        po
        for po in LOCALE_DIR.glob("*/LC_MESSAGES/django.po")
        if not po.with_suffix(".mo").exists()
        or po.with_suffix(".mo").stat().st_mtime < po.stat().st_mtime
    ]
    if stale:
        pybabel = Path(sys.executable).with_name("pybabel")
        subprocess.run(
            [str(pybabel), "-q", "compile", "--domain", "django", "--directory", str(LOCALE_DIR)],
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
