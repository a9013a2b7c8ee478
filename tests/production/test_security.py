"""Security headers, CSP without inline scripts, throttled admin login, documents as downloads."""

import re

import pytest
from django.core.files.base import ContentFile
from django.test import Client
from wagtail.documents.models import Document

pytestmark = pytest.mark.django_db

INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*application/ld\+json)[^>]*>", re.I)


def test_public_page_has_strict_csp_and_security_headers(client, home):
    response = client.get("/en/")
    assert response.status_code == 200
    csp = response["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in csp.split(";"))
    assert directives["script-src"] == "'self'"
    assert "unsafe-inline" not in directives["script-src"]
    assert directives["frame-ancestors"] == "'self'"
    assert directives["object-src"] == "'none'"
    assert directives["base-uri"] == "'self'"
    assert directives["form-action"] == "'self'"
    assert directives["img-src"] == "'self' data:"
    assert "camera=()" in response["Permissions-Policy"]
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "SAMEORIGIN"


def test_public_pages_have_no_inline_scripts_and_set_no_cookies(client, homes):
    for code in homes:
        response = client.get(f"/{code}/")
        assert response.status_code == 200
        html = response.content.decode()
        assert not INLINE_SCRIPT.findall(html), INLINE_SCRIPT.findall(html)
        assert not re.search(r"<[^>]+\son[a-z]+=", html)
        assert not response.cookies


def test_admin_gets_its_own_scoped_policy(client, home):
    response = client.get("/admin/login/")
    assert response.status_code == 200
    csp = response["Content-Security-Policy"]
    assert "script-src 'self' 'unsafe-inline'" in csp
    assert "frame-ancestors 'self'" in csp


def test_embeddable_prefixes_may_be_framed(client, home, settings):
    settings.CAMPAIGN_KIT_EMBEDDABLE_PATH_PREFIXES = ["/en/"]
    response = client.get("/en/")
    assert "frame-ancestors *" in response["Content-Security-Policy"]


def test_admin_login_is_throttled(client, home, settings):
    settings.CAMPAIGN_KIT_ADMIN_LOGIN_RATE = "3/m"
    statuses = [
        client.post("/admin/login/", {"username": "nobody", "password": "wrong"}).status_code
        for _ in range(5)
    ]
    assert statuses[:3] == [200, 200, 200]
    assert statuses[3:] == [429, 429]
    # Another client address is not affected.
    other = client.post(
        "/admin/login/", {"username": "x", "password": "y"}, REMOTE_ADDR="192.0.2.9"
    )
    assert other.status_code == 200


def test_documents_are_served_as_downloads(client, home, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    for name, body in (("flyer.pdf", b"%PDF-1.4\n%%EOF\n"), ("notes.txt", b"hello")):
        document = Document.objects.create(title=name)
        document.file.save(name, ContentFile(body))
        response = client.get(document.url)
        assert response.status_code == 200
        assert response["Content-Disposition"].startswith("attachment")
        assert "default-src 'none'" in response["Content-Security-Policy"]


def test_cross_site_form_post_is_refused(home):
    client = Client(enforce_csrf_checks=True)
    response = client.post("/en/", {"x": "1"}, HTTP_ORIGIN="https://evil.example.net")
    assert response.status_code == 403


def test_same_origin_post_needs_no_cookie(home):
    client = Client(enforce_csrf_checks=True)
    response = client.post("/en/", {"x": "1"}, HTTP_ORIGIN="http://testserver")
    assert response.status_code == 200
    response = client.post("/en/", {"x": "1"}, HTTP_SEC_FETCH_SITE="same-origin")
    assert response.status_code == 200
    assert not response.cookies


def test_post_without_origin_falls_back_to_the_cookie_check(home):
    client = Client(enforce_csrf_checks=True)
    assert client.post("/en/", {"x": "1"}).status_code == 403


def test_admin_keeps_the_full_csrf_check(home):
    client = Client(enforce_csrf_checks=True)
    response = client.post(
        "/admin/login/", {"username": "a", "password": "b"}, HTTP_ORIGIN="http://testserver"
    )
    assert response.status_code == 403


def test_report_only_sends_the_same_scoped_policy_as_report_only(client, home, settings):
    settings.CONTENT_SECURITY_POLICY_REPORT_ONLY = settings.CONTENT_SECURITY_POLICY
    settings.CONTENT_SECURITY_POLICY = None
    public = client.get("/en/")
    assert "Content-Security-Policy" not in public
    # Directives in any order (django-csp does not fix it): the public one exactly 'self'.
    directives = [d.strip() for d in public["Content-Security-Policy-Report-Only"].split(";")]
    assert "script-src 'self'" in directives
    admin = client.get("/admin/login/")
    assert "script-src 'self' 'unsafe-inline'" in admin["Content-Security-Policy-Report-Only"]
