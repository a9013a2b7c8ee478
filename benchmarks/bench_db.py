"""A throw-away database for the query benchmarks, and a home page with a site on it.

Import before Django is set up: ``bench_db.use("events_bench")`` points the test settings at
``/tmp/events_bench.sqlite3`` (or at ``BENCH_DATABASE_URL``), then ``bench_db.migrate()``
starts from an empty, migrated database on every run.
"""

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "site")]

_sqlite_path = None


def use(name, media=False):
    global _sqlite_path
    _sqlite_path = os.path.join(tempfile.gettempdir(), f"{name}.sqlite3")
    os.environ["DJANGO_SETTINGS_MODULE"] = "campaign_site.settings.test"
    os.environ["DATABASE_URL"] = os.environ.get("BENCH_DATABASE_URL", f"sqlite:///{_sqlite_path}")
    if media:
        os.environ.setdefault("MEDIA_ROOT", os.path.join(tempfile.gettempdir(), f"{name}_media"))


def migrate():
    import django
    from django.core.management import call_command

    if os.environ["DATABASE_URL"].startswith("sqlite") and os.path.exists(_sqlite_path):
        os.remove(_sqlite_path)
    django.setup()
    call_command("migrate", verbosity=0)


def make_home():
    """An English home page as the default site's root (as the test fixtures build it)."""
    from wagtail.models import Locale, Page, Site

    from tests.factories.home import HomePageFactory

    Locale.objects.get_or_create(language_code="en")
    home = HomePageFactory(parent=Page.get_first_root_node(), title="Home", slug="bench-home")
    Site.objects.all().delete()
    Site.objects.create(hostname="testserver", port=80, root_page=home, is_default_site=True)
    return home
