"""Absolute links open where the site runs: a real server on a port that is not the Site
record's, every link of the pages (hrefs, the webcal address and its copy box, hreflang,
JSON-LD, the badge embed code, the sitemap) and of the registration mail is followed.

The Site record stays at testserver:80 on purpose: pages build their links from the request,
mails from the configured base URL (BASE_URL), neither from the Site record.
"""

import html
import re
from http.cookiejar import CookieJar
from urllib.error import HTTPError
from urllib.parse import urlencode, urljoin, urlsplit
from urllib.request import HTTPCookieProcessor, Request, build_opener

import pytest
from django.core import mail

from tests.events.conftest import publish
from tests.factories.appeals import AppealPageFactory
from tests.factories.events import EventIndexPageFactory, EventPageFactory

OURS = {"localhost", "127.0.0.1", "testserver"}
ABSOLUTE = re.compile(r"""(?:https?|webcal)://[^\s"'<>\\]+""")
# Links a visitor follows with GET (a form's action takes a POST, below).
ATTRIBUTE = re.compile(r"""\b(?:href|src)="([^"]+)\"""")


@pytest.fixture
def server(live_server, settings, homes):
    assert live_server.thread.port not in (80, 8000)
    settings.WAGTAILADMIN_BASE_URL = live_server.url  # what `make run` sets from PORT
    opener = build_opener(HTTPCookieProcessor(CookieJar()))
    return live_server.url, opener


def fetch(opener, url, data=None):
    request = Request(url, data=urlencode(data).encode() if data else None)
    if data:
        request.add_header("Origin", f"{urlsplit(url).scheme}://{urlsplit(url).netloc}")
    try:
        with opener.open(request, timeout=30) as response:
            return response.status, response.read().decode("utf-8", "replace")
    except HTTPError as error:
        return error.code, ""


def links_in(text, base):
    """Every absolute address in the text (unescaped: embed code, JSON-LD, copy boxes) and
    every relative href/src, made absolute against `base`."""
    text = html.unescape(text.replace("\r\n ", ""))  # calendar lines unfolded (RFC 5545 §3.1)
    found = set(ABSOLUTE.findall(text))
    for value in ATTRIBUTE.findall(text):
        if not value.startswith(("#", "mailto:", "tel:", "data:")) and "://" not in value:
            found.add(urljoin(base, value))
    return found


def check_all(opener, root, texts):
    """Each of our absolute links carries the server's host and port and opens with 200."""
    netloc = urlsplit(root).netloc
    checked = set()
    for base, text in texts:
        for url in links_in(text, base):
            parts = urlsplit(url)
            if parts.hostname not in OURS:
                continue  # calendar.google.com, openstreetmap.org, schema.org ...
            assert parts.netloc == netloc, f"{url} (in {base})"
            target = "http" + url.removeprefix(parts.scheme) if parts.scheme == "webcal" else url
            if target not in checked:
                checked.add(target)
                status, _body = fetch(opener, target)
                assert status == 200, f"{target} (in {base}) answered {status}"
    return checked


def test_every_link_of_the_pages_and_of_the_mail_opens_on_the_servers_port(server, homes):
    root, opener = server
    index = EventIndexPageFactory(parent=homes["en"], title="Events", slug="events")
    event = publish(
        EventPageFactory(
            parent=index, title="Vigil", slug="vigil", registration_mode="open", capacity=5
        )
    )
    appeal = AppealPageFactory(parent=homes["en"], title="Protect objectors", slug="protect")
    pages = {}
    for url in (
        root + homes["en"].url,
        root + event.url,
        root + index.url,
        root + appeal.url,
        root + "/sitemap.xml",
        root + event.url + "ics/",
        root + index.url + "calendar/",
    ):
        status, pages[url] = fetch(opener, url)
        assert status == 200, url
    event_html = pages[root + event.url]
    assert 'rel="alternate" hreflang="en"' in event_html
    assert "webcal://" + urlsplit(root).netloc in pages[root + index.url]
    assert "application/ld+json" in event_html
    assert "badge/" in pages[root + appeal.url]
    checked = check_all(opener, root, pages.items())
    assert root + event.url + "ics/" in checked
    assert root + index.url + "calendar/" in checked
    assert root + appeal.url + "badge/" in checked

    # Register through the form as a browser does, then follow the mail's links.
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', event_html).group(1)
    action = re.search(r'<form[^>]+action="([^"#]+/register/)[^"]*"', event_html).group(1)
    form = {"csrfmiddlewaretoken": token, "name": "Ann", "email": "ann@example.org"}
    status, _body = fetch(opener, urljoin(root, action), {**form, "places": 1, "consent": "on"})
    assert status == 200
    [message] = mail.outbox
    [(html_body, _type)] = message.alternatives
    texts = [("mail", message.body), ("mail html", html_body)]
    [(_name, ics, _mimetype)] = message.attachments
    texts.append(("mail .ics", ics.decode() if isinstance(ics, bytes) else ics))
    mail_links = check_all(opener, root, texts)
    assert root + event.url in mail_links
    assert any("/events/-/registration/" in url for url in mail_links)
