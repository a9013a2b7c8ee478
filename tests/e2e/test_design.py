"""The public design, measured in Chromium (kept apart from test_crawl.py, which others extend).

For every public page type in every language, at 375 and 1366 px: a full-page screenshot in
artifacts/design/ (git-ignored; CI keeps it), no request leaving the site, no cookie, no
console error, no axe-core violation of any impact, nothing scrolling sideways, and the CSS and
JavaScript the page loads within the budget (40 KB and 15 KB, gzip-compressed). At 320 px the
language switcher stays on one line.
"""

import gzip
import io
import re
from pathlib import Path
from urllib.parse import urlparse

import pytest
from django.contrib.staticfiles import finders
from django.core.management import call_command
from wagtail.models import Site

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts" / "design"
WIDTHS = (375, 1366)
CSS_BUDGET = 40 * 1024
JS_BUDGET = 15 * 1024
AXE_OPTIONS = {
    "runOnly": {
        "type": "tag",
        "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"],
    }
}
# One page of each public type (path after the language prefix, per language).
PAGE_TYPES = {
    "home": {"en": "", "de": "", "ru": "", "uk": ""},
    "campaign": {
        "en": "protection-for-deserters/",
        "de": "schutz-fuer-deserteure/",
        "ru": "zashchita-dezertirov/",
        "uk": "zakhyst-dezertyriv/",
    },
    "appeal": {"en": "appeal-protection-objectors/"},
    "event_index": {"en": "events/", "de": "termine/", "ru": "sobytiya/", "uk": "podii/"},
    "event_full": {"en": "events/nuremberg-15-may/"},
    "news_index": {"en": "news/", "de": "neuigkeiten/", "ru": "novosti/", "uk": "novyny/"},
    "news": {"en": "news/european-appeal/"},
    "materials": {"en": "materials/", "de": "materialien/", "ru": "materialy/", "uk": "materialy/"},
    "standard": {"en": "hotline/", "de": "hotline/", "ru": "hotline/", "uk": "hotline/"},
    "search": {
        "en": "search/?q=flyer",
        "de": "search/?q=Flyer",
        "ru": "search/?q=листовка",
        "uk": "search/?q=листівка",
    },
}


@pytest.fixture
def demo_site(live_server):
    call_command("load_demo", stdout=io.StringIO())
    call_command("update_index", stdout=io.StringIO(), stderr=io.StringIO())
    site = Site.objects.get(is_default_site=True)
    site.hostname = "localhost"
    site.port = live_server.thread.port
    site.save()
    return live_server


def _translated_paths(page, base):
    """Every page type in every language: a page given only in English is found in the
    other languages through its language switcher."""
    paths = []
    for name, by_language in PAGE_TYPES.items():
        for code in ("en", "de", "ru", "uk"):
            if code in by_language:
                paths.append((name, code, f"/{code}/{by_language[code]}"))
                continue
            page.goto(f"{base}/en/{by_language['en']}")
            link = page.locator(f'.language-switcher a[hreflang="{code}"]')
            if link.count():
                paths.append((name, code, urlparse(link.first.get_attribute("href")).path))
    return paths


def _compressed_size(url_path):
    path = finders.find(url_path.removeprefix("/static/").split("?")[0])
    return len(gzip.compress(Path(path).read_bytes(), 9)) if path else 0


def test_every_page_type_in_every_language_and_width(browser, demo_site):
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    base = demo_site.url
    problems = []
    for width in WIDTHS:
        context = browser.new_context(viewport={"width": width, "height": 900})
        page = context.new_page()
        current = {"path": ""}
        page.on(
            "request",
            lambda request, current=current: (
                None
                if request.url.startswith((base, "data:", "blob:", "about:"))
                else problems.append(f"{current['path']}: request to {request.url}")
            ),
        )
        page.on(
            "console",
            lambda message, current=current: (
                problems.append(f"{current['path']}: console: {message.text}")
                if message.type == "error"
                else None
            ),
        )
        for name, code, path in _translated_paths(page, base):
            current["path"] = f"{path} @{width}"
            response = page.goto(base + path, wait_until="load")
            if response is None or response.status >= 400:
                problems.append(f"{current['path']}: HTTP {response and response.status}")
                continue
            for violation in axe.run(page, options=AXE_OPTIONS).response["violations"]:
                targets = [node["target"] for node in violation["nodes"][:3]]
                problems.append(f"{current['path']}: axe {violation['id']} {targets}")
            if page.evaluate("document.documentElement.scrollWidth") > width:
                problems.append(f"{current['path']}: scrolls sideways")
            assets = page.evaluate(
                "[...document.querySelectorAll('link[rel=stylesheet]')].map(l => l.href)"
                ".concat(['|'], [...document.scripts].filter(s => s.src).map(s => s.src))"
            )
            split = assets.index("|")
            css = sum(_compressed_size(urlparse(u).path) for u in assets[:split])
            js = sum(_compressed_size(urlparse(u).path) for u in assets[split + 1 :])
            if css > CSS_BUDGET or js > JS_BUDGET:
                problems.append(f"{current['path']}: CSS {css} B, JS {js} B compressed")
            # Lazy images load as they come into view: scroll once before the screenshot.
            page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
            page.wait_for_load_state("networkidle")
            page.evaluate("window.scrollTo(0, 0)")
            shot = re.sub(r"[^a-z0-9]+", "_", f"{name}_{code}_{width}")
            page.screenshot(path=str(ARTIFACTS / f"{shot}.png"), full_page=True)
        if context.cookies():
            problems.append(f"cookies set for readers at {width}px: {context.cookies()}")
        context.close()
    assert not problems, f"{len(problems)} problems:\n" + "\n".join(problems)


def test_language_switcher_never_wraps_at_320px(browser, demo_site):
    context = browser.new_context(viewport={"width": 320, "height": 700})
    page = context.new_page()
    for code in ("en", "de", "ru", "uk"):
        page.goto(f"{demo_site.url}/{code}/")
        tops = page.evaluate(
            "[...document.querySelectorAll('.language-switcher li')]"
            ".map(li => Math.round(li.getBoundingClientRect().top))"
        )
        assert len(set(tops)) == 1, (code, tops)
        assert page.evaluate("document.documentElement.scrollWidth") <= 320, code
    context.close()


def test_menu_opens_without_javascript(browser, demo_site):
    context = browser.new_context(viewport={"width": 375, "height": 800}, java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{demo_site.url}/en/")
    page.click(".site-menu > summary")
    assert page.locator(".site-menu-panel nav a").first.is_visible()
    context.close()
