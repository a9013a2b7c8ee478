"""The project uses Wagtail's, wagtail-localize's and Django's public APIs only (issue 17).

A source scan of every runtime package: no write to Wagtail's private request attributes or
cache entries, no rows hydrated by hand, no hand-compiled ORM queries or private task-queue
calls, and no admin URL registered on a path that wagtail-localize or Wagtail already serve.
"""

import re
from pathlib import Path

from django.urls import get_resolver

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("core", "events", "appeals", "campaigns", "home", "site")
FORBIDDEN = {
    r"\._wagtail_\w+": "Wagtail's private request attributes",
    r"SITE_ROOT_PATHS_CACHE": "Wagtail's site root paths cache entry",
    r"\.from_db\(": "rows hydrated by hand (Model.from_db)",
    r"\bInsertQuery\b": "a hand-compiled ORM insert",
    r"\._get_id\(": "django-tasks-db's private id helper",
    r"ServerBindingCursor|make_debug_cursor|make_cursor\(": "Django's cursor internals",
    r"get_cache_attr_name\(": "Wagtail's settings cache attribute",
    r"\._get_(parent_path_from_path|basepath|path)\(": "treebeard's private path helpers",
}


def sources():
    for package in PACKAGES:
        for path in (ROOT / package).rglob("*.py"):
            if "migrations" not in path.parts:
                yield path


def test_no_private_api_in_the_sources():
    found = [
        f"{path.relative_to(ROOT)}:{number}: {reason}"
        for path in sources()
        for number, line in enumerate(path.read_text().splitlines(), 1)
        for pattern, reason in FORBIDDEN.items()
        if re.search(pattern, line)
    ]
    assert found == []


def test_the_scan_would_see_a_violation():
    """The control: each pattern matches the kind of line it is meant to catch."""
    samples = [
        "request._wagtail_site = site",
        "cache.set(SITE_ROOT_PATHS_CACHE_KEY, paths)",
        "Page.from_db(alias, fields, values)",
        "query = InsertQuery(model)",
        "backend._get_id()",
        "wrap(ServerBindingCursor(connection.connection))",
        "setattr(request, SiteSettings.get_cache_attr_name(), s)",
        "parent_path = self._get_parent_path_from_path(self.path)",
    ]
    for sample in samples:
        assert any(re.search(pattern, sample) for pattern in FORBIDDEN), sample


def test_no_url_is_served_twice():
    """Every admin and public URL pattern is unique: nothing answers in front of a view that
    Wagtail or wagtail-localize registered on the same path."""
    seen = {}

    def walk(resolver, prefix=""):
        for pattern in resolver.url_patterns:
            route = prefix + str(pattern.pattern)
            if hasattr(pattern, "url_patterns"):
                walk(pattern, route)
            else:
                seen.setdefault(route, []).append(pattern.lookup_str)

    walk(get_resolver())
    twice = {route: views for route, views in seen.items() if len(views) > 1}
    assert twice == {}
