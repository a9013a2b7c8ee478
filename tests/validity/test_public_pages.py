"""Every public page of the demo, in every language, passes outside validators.

The crawl (tests/validity/crawl.py) fetches the pages with the test client. Each page has a
``<meta name="description">`` and, with language versions, an ``hreflang="x-default"``
alternate; every ``application/ld+json`` block parses and carries what Google's checks ask
of its type. Then the Nu HTML checker (vnu.jar, pinned in tests/vnu/package.json; needs Java
and ``npm ci`` in tests/vnu) reads all pages in one run and must report no error.
"""

import io
import json
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest
from django.core.management import call_command

from tests.needs import needs
from tests.validity.crawl import crawl

pytestmark = [pytest.mark.validator, pytest.mark.django_db]

VNU_JAR = Path(__file__).resolve().parents[1] / "vnu/node_modules/vnu-jar/build/dist/vnu.jar"
JSONLD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)
DESCRIPTION = re.compile(r'<meta name="description" content="[^"]+">')
ALTERNATE = re.compile(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">')
DATE_TIME = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?([+-]\d\d:\d\d|Z)$")
DATE_OR_TIME = re.compile(r"^\d{4}-\d\d-\d\d(T\d\d:\d\d(:\d\d(\.\d+)?)?([+-]\d\d:\d\d|Z))?$")

# What each type needs (Google's required and recommended properties that apply here).
REQUIRED = {
    "NewsArticle": ("headline", "image", "datePublished", "dateModified", "author", "publisher"),
    "Event": ("name", "startDate", "endDate", "eventStatus", "location", "image", "url"),
    "Organization": ("name", "url"),
    "WebSite": ("name", "url"),
    "BreadcrumbList": ("itemListElement",),
}


def _absolute(value):
    return isinstance(value, str) and value.startswith(("http://", "https://"))


def check_entity(data, problems, top=True):
    """Append what ``data`` (one JSON-LD node) lacks to ``problems``."""
    if top and data.get("@context") != "https://schema.org":
        problems.append("no @context https://schema.org")
    if "@graph" in data:
        for node in data["@graph"]:
            check_entity(node, problems, top=False)
        return
    kind = data.get("@type")
    if kind not in REQUIRED:
        problems.append(f"unexpected @type {kind!r}")
        return
    problems += [f"{kind} lacks {name}" for name in REQUIRED[kind] if not data.get(name)]
    if kind in ("Organization", "WebSite") and not _absolute(data.get("url")):
        problems.append(f"{kind} url is not absolute: {data.get('url')!r}")
    if kind == "Organization" and not _absolute((data.get("logo") or {}).get("url")):
        problems.append("Organization lacks an absolute logo url")
    if kind in ("NewsArticle", "Event"):
        images = data.get("image") or []
        if not all(_absolute(url) for url in images):
            problems.append(f"{kind} image urls are not absolute: {images}")
    if kind == "NewsArticle":
        for name in ("datePublished", "dateModified"):
            if not DATE_TIME.match(str(data.get(name, ""))):
                problems.append(f"NewsArticle {name} is not an ISO date-time: {data.get(name)!r}")
        author = data.get("author") or {}
        if not (author.get("name") and _absolute(author.get("url"))):
            problems.append(f"NewsArticle author lacks name or url: {author}")
        check_entity(data.get("publisher") or {}, problems, top=False)
    if kind == "Event":
        for name in ("startDate", "endDate"):
            if not DATE_OR_TIME.match(str(data.get(name, ""))):
                problems.append(f"Event {name} is not an ISO date: {data.get(name)!r}")
        if not str(data.get("eventStatus", "")).startswith("https://schema.org/Event"):
            problems.append(f"Event eventStatus {data.get('eventStatus')!r}")
    if kind == "BreadcrumbList":
        items = data.get("itemListElement") or []
        positions = [item.get("position") for item in items]
        if positions != list(range(1, len(items) + 1)):
            problems.append(f"BreadcrumbList positions {positions}")
        for item in items:
            if item.get("@type") != "ListItem" or not item.get("name"):
                problems.append(f"BreadcrumbList item {item}")
            if not _absolute(item.get("item")):
                problems.append(f"BreadcrumbList item url is not absolute: {item.get('item')!r}")


def check_head_and_jsonld(path, html):
    """Problems of one page's head and structured data, as strings."""
    problems = []
    if not DESCRIPTION.search(html):
        problems.append('no <meta name="description">')
    alternates = dict(ALTERNATE.findall(html))
    if alternates and "x-default" not in alternates:
        problems.append("hreflang alternates without x-default")
    for raw in JSONLD.findall(html):
        try:
            data = json.loads(raw)
        except ValueError as exc:
            problems.append(f"JSON-LD does not parse: {exc}")
            continue
        check_entity(data, problems)
    return [f"{path}: {problem}" for problem in problems]


def types_of(html):
    found = []
    for raw in JSONLD.findall(html):
        data = json.loads(raw)
        found += [node["@type"] for node in data.get("@graph", [data])]
    return found


def run_vnu(pages):
    """Nu HTML checker errors as ``path: message`` lines, all pages in one run."""
    java = shutil.which("java")
    if java is None or not VNU_JAR.exists():
        needs("Java and the Nu HTML checker (cd tests/vnu && npm ci)")
    with tempfile.TemporaryDirectory() as folder:
        names = {}
        for number, (path, html) in enumerate(sorted(pages.items())):
            name = f"page-{number:04d}.html"
            (Path(folder) / name).write_text(html, encoding="utf-8")
            names[name] = path
        result = subprocess.run(
            [java, "-jar", str(VNU_JAR), "--errors-only", "--format", "json", folder],
            capture_output=True,
            text=True,
            check=False,
        )
    messages = json.loads(result.stderr or "{}").get("messages", [])
    assert messages or result.returncode == 0, result.stderr[-2000:]
    lines = []
    for message in messages:
        url = message.get("url", "")
        path = names.get(url.rsplit("/", 1)[-1], url)
        lines.append(f"{path}:{message.get('lastLine')}: {message['message']}")
    return lines


def test_the_html_checker_reports_what_the_issue_found():
    """The checker runs and sees the errors it reported on the pages before (issue 15)."""
    page = (
        '<!DOCTYPE html><html lang="en"><head><title>t</title></head>'
        '<body><h1>News</h1><h3>Item</h3><progress value=""></progress></body></html>'
    )
    errors = run_vnu({"/en/news/": page})
    assert len(errors) == 2, errors
    assert all(line.startswith("/en/news/:1: ") for line in errors), errors


def test_every_public_page_passes_the_validators(client):
    call_command("load_demo", stdout=io.StringIO())
    responses = crawl(client)
    assert len(responses) >= 80, sorted(responses)
    assert {path.split("/")[1] for path in responses} == {"de", "en", "ru", "uk"}

    problems = [
        f"{path}: HTTP {r.status_code}" for path, r in responses.items() if r.status_code != 200
    ]
    pages = {path: r.content.decode() for path, r in responses.items()}
    for path, response in responses.items():
        policy = response.get("Permissions-Policy", "")
        if "interest-cohort" in policy:
            problems.append(f"{path}: Permissions-Policy lists interest-cohort")
    for path, html in pages.items():
        problems += check_head_and_jsonld(path, html)
    # Each kind of entity is there at all (a page type that lost its data would pass above).
    found = {kind for html in pages.values() for kind in types_of(html)}
    assert {"NewsArticle", "Event", "Organization", "WebSite", "BreadcrumbList"} <= found, found
    assert not problems, f"{len(problems)} problems on {len(pages)} pages:\n" + "\n".join(problems)

    errors = run_vnu(pages)
    assert not errors, f"{len(errors)} HTML errors on {len(pages)} pages:\n" + "\n".join(errors)
