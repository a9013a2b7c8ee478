"""The distribution's metadata: valid classifiers, and only what the apps need as
dependencies (the reference site's stack is the `site` extra)."""

import re
import tomllib
from pathlib import Path

from trove_classifiers import classifiers

ROOT = Path(__file__).resolve().parents[2]
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
SITE_STACK = {"gunicorn", "psycopg", "redis", "django-redis", "whitenoise", "dj-database-url"}


def names(requirements):
    return {re.match(r"[A-Za-z0-9_.-]+", r).group(0).lower() for r in requirements}


def test_classifiers_are_valid_and_name_the_supported_versions():
    assert set(PROJECT["classifiers"]) <= classifiers
    for expected in (
        "Framework :: Django :: 5.2",
        "Framework :: Wagtail :: 8",
        "Programming Language :: Python :: 3.11",
        "Programming Language :: Python :: 3.13",
    ):
        assert expected in PROJECT["classifiers"]


def test_the_site_stack_is_an_extra_not_a_dependency():
    assert not names(PROJECT["dependencies"]) & (SITE_STACK | {"django-tasks-db"})
    assert names(PROJECT["optional-dependencies"]["site"]) >= SITE_STACK
    assert "django-tasks-db" in names(PROJECT["optional-dependencies"]["queue"])


def test_paperwork_exists():
    for path in ("LICENSE", "CHANGELOG.md", "mkdocs.yml", "docs/install.md"):
        assert (ROOT / path).is_file(), path
    assert {"Documentation", "Source", "Changelog"} <= set(PROJECT["urls"])
    assert re.search(r"^## \[\d+\.\d+\.\d+\]", (ROOT / "CHANGELOG.md").read_text(), re.M)
