"""Crawl every public page of the demo site in every language with Chromium.

For each URL in /sitemap.xml (plus the search page of each language), at a phone's width of
375 px: the page loads, no request leaves the site's origin, the console shows no errors (this
includes Content-Security-Policy violations), axe-core finds no serious or critical
accessibility violations, and nothing scrolls sideways. A full-page screenshot of each page is
kept in artifacts/screenshots/ (git-ignored; CI keeps it as an artifact).
"""

import io
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urlparse

import pytest
from django.core.management import call_command
from wagtail.models import Site

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SCREENSHOTS = Path(__file__).resolve().parents[2] / "artifacts" / "screenshots"
WIDTH = 375
AXE_OPTIONS = {
    "runOnly": {
        "type": "tag",
        "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"],
    }
}
SITEMAP_NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}


@pytest.fixture
def demo_site(live_server):
    call_command("load_demo", stdout=io.StringIO())
    site = Site.objects.get(is_default_site=True)
    site.hostname = "localhost"
    site.port = live_server.thread.port
    site.save()
    return live_server


def _locs(page, url):
    response = page.request.get(url)
    assert response.ok, response.status
    root = ET.fromstring(response.body())  # noqa: S314 (our own sitemap)
    return root, [loc.text for loc in root.iterfind(".//sm:loc", SITEMAP_NS)]


def public_paths(page, base_url):
    # /sitemap.xml is an index of sitemap pages; every page of it is read.
    index, pages = _locs(page, f"{base_url}/sitemap.xml")
    assert index.tag == f"{{{SITEMAP_NS['sm']}}}sitemapindex"
    locs = []
    for url in pages:
        parts = urlparse(url)
        locs += _locs(page, f"{base_url}{parts.path}{'?' + parts.query if parts.query else ''}")[1]
    paths = sorted({urlparse(loc).path for loc in locs})
    languages = sorted({path.split("/")[1] for path in paths})
    return paths + [f"/{code}/search/?q=protection" for code in languages]


def test_every_public_page_in_every_language(browser, demo_site):
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(viewport={"width": WIDTH, "height": 800})
    page = context.new_page()
    base = demo_site.url
    paths = public_paths(page, base)
    assert len(paths) >= 8

    problems = []
    current = {"path": ""}
    page.on(
        "request",
        lambda request: (
            None
            if request.url.startswith((base, "data:", "blob:", "about:"))
            else problems.append(f"{current['path']}: request to {request.url}")
        ),
    )
    page.on(
        "console",
        lambda message: (
            problems.append(f"{current['path']}: console {message.type}: {message.text}")
            if message.type == "error"
            else None
        ),
    )
    page.on("pageerror", lambda error: problems.append(f"{current['path']}: {error}"))

    for path in paths:
        current["path"] = path
        response = page.goto(base + path, wait_until="load")
        if response is None or response.status >= 400:
            problems.append(f"{path}: HTTP {response and response.status}")
            continue
        results = axe.run(page, options=AXE_OPTIONS).response
        for violation in results["violations"]:
            if violation["impact"] in ("serious", "critical"):
                targets = [node["target"] for node in violation["nodes"][:3]]
                problems.append(f"{path}: axe {violation['id']} ({violation['impact']}) {targets}")
        scroll_width = page.evaluate("document.documentElement.scrollWidth")
        if scroll_width > WIDTH:
            problems.append(f"{path}: scrolls sideways at {WIDTH}px ({scroll_width}px wide)")
        name = re.sub(r"[^a-z0-9]+", "_", path.lower()).strip("_") or "root"
        page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)
    context.close()

    assert not problems, f"{len(problems)} problems on {len(paths)} pages:\n" + "\n".join(problems)
