"""Every public page of the demo site in every language, fetched with the Django test client.

The pages of the sitemap, the search page of each language, and every page those link to on
the same site (subpages such as signatories, filtered and paginated lists), breadth first.
Of the links that differ only in their query's values (``?tag=a``, ``?tag=b``, ``?page=2``)
the first is fetched: they render the same template.
"""

import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from urllib.parse import parse_qsl, urljoin, urlparse

from django.conf import settings

SITEMAP_NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}
# Files, feeds and forms' targets: not HTML pages to check.
SKIPPED_SUFFIXES = (".ics", ".xml", ".rss", ".csv", ".pdf", ".png", ".jpg", ".svg", "/feed/")
SKIPPED_PREFIXES = ("/admin/", "/documents/", "/media/", "/static/", "/_util/", "/cms/")
MAX_PAGES = 400


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            href = dict(attrs).get("href")
            if href:
                self.hrefs.append(href)


def _sitemap_locs(client, path):
    response = client.get(path)
    assert response.status_code == 200, response.status_code
    root = ET.fromstring(response.content)  # noqa: S314 (our own sitemap)
    return [loc.text for loc in root.iterfind(".//sm:loc", SITEMAP_NS)]


def sitemap_paths(client):
    """The paths of every page of the sitemap index (/sitemap.xml)."""
    locs = []
    for page in _sitemap_locs(client, "/sitemap.xml"):
        url = urlparse(page)
        locs += _sitemap_locs(client, url.path + (f"?{url.query}" if url.query else ""))
    return sorted({urlparse(loc).path for loc in locs})


def _kind(path):
    """A path with its query's names but not their values."""
    url = urlparse(path)
    return url.path, tuple(sorted(name for name, _ in parse_qsl(url.query)))


def _same_site_path(base, href):
    url = urlparse(urljoin(base, href))
    if url.scheme not in ("http", "https") or url.hostname not in ("testserver", "localhost"):
        return None
    path = url.path + (f"?{url.query}" if url.query else "")
    languages = tuple(f"/{code}/" for code, _ in settings.LANGUAGES)
    if not url.path.startswith(languages) or url.path.startswith(SKIPPED_PREFIXES):
        return None
    if url.path.endswith(SKIPPED_SUFFIXES) or "/ics/" in url.path:
        return None
    return path


def crawl(client):
    """``{path: response}`` of every HTML page reachable from the sitemap and the search pages."""
    start = sitemap_paths(client)
    start += [f"/{code}/search/?q=protection" for code, _ in settings.LANGUAGES]
    queue, seen, pages = list(start), {_kind(path) for path in start}, {}
    while queue and len(pages) < MAX_PAGES:
        path = queue.pop(0)
        response = client.get(path)
        if not response["Content-Type"].startswith("text/html"):
            continue
        pages[path] = response
        if response.status_code != 200:
            continue
        parser = _Links()
        parser.feed(response.content.decode())
        for href in parser.hrefs:
            found = _same_site_path(f"http://testserver{path}", href)
            if found and _kind(found) not in seen:
                seen.add(_kind(found))
                queue.append(found)
    return pages
