"""Run inside a host project (``manage.py shell``) by host_site.py: publishes an index and a
detail page of each installed Campaign Kit app, renders them through the host's base
template, and submits each app's public form like a visitor (registration; signature, then
its confirmation link; print order). Prints one line per check; raises on the first failure.

Environment: CK_APPS (e.g. "events,appeals"), CK_LANGS (e.g. "en,de,ru,uk"), CK_MARKER (a
string only the host's base template writes).
"""

import os
import re
import time
from datetime import timedelta
from urllib.parse import urlsplit

from django.core import mail
from django.core.files.base import ContentFile
from django.test import Client
from django.utils import timezone, translation
from wagtail.models import Locale, Site

APPS = os.environ["CK_APPS"].split(",")
LANGS = os.environ["CK_LANGS"].split(",")
MARKER = os.environ["CK_MARKER"]
HOME = Site.objects.get(is_default_site=True).root_page.specific


def ok(message):
    print(f"  ok  {message}", flush=True)


def publish(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def render(client, url, *expected):
    response = client.get(url, follow=True)
    html = response.content.decode()
    assert response.status_code == 200, (url, response.status_code, html[:2000])
    assert MARKER in html, f"{url}: not rendered through the host's base template"
    assert "campaign_kit/components.css" in html, f"{url}: the suite's styles are not in the head"
    head = html.split("</head>", 1)[0]
    assert "campaign_kit/components.css" in head, f"{url}: styles outside the head block"
    for text in expected:
        assert text in html, f"{url}: {text!r} missing"
    return html


def field(html, name):
    match = re.search(rf'name="{re.escape(name)}" value="([^"]*)"', html) or re.search(
        rf'value="([^"]*)" name="{re.escape(name)}"', html
    )
    assert match, f"no field {name!r} in the form"
    return match.group(1)


def action(html, ending):
    match = re.search(rf'action="([^"#]*{re.escape(ending)})(#[^"]*)?"', html)
    assert match, f"no form posting to …{ending}"
    return match.group(1)


def post(client, url, html, data):
    data = {"csrfmiddlewaretoken": field(html, "csrfmiddlewaretoken"), **data}
    return client.post(url, data, follow=True)


def german(page, msgid):
    """The page's German translation (its parents translated too) and ``msgid`` in German."""
    de = Locale.objects.get(language_code="de")
    translated = page.copy_for_translation(de, copy_parents=True)
    # The parents were copied as aliases, live with their source; the page is a draft.
    translated.save_revision().publish()
    translated.refresh_from_db()
    with translation.override("de"):
        text = translation.gettext(msgid)
    assert text != msgid, f"no German for {msgid!r}: the compiled catalogue is missing"
    return translated, text


def events(client):
    from campaign_kit.events.models import EventIndexPage, EventPage, Registration

    index = publish(HOME, EventIndexPage(title="Events", slug="events", intro="Meet us."))
    start = timezone.now().replace(second=0, microsecond=0) + timedelta(days=10)
    event = publish(
        index,
        EventPage(
            title="Vigil in Frankfurt",
            slug="vigil",
            summary="A vigil for conscientious objectors.",
            start=start,
            end=start + timedelta(hours=2),
            time_zone="Europe/Berlin",
            venue_name="Community hall",
            street="Hauptstraße 1",
            postcode="60311",
            city="Frankfurt am Main",
            country="DE",
            organiser="Example e.V.",
            registration_mode="open",
            capacity=10,
        ),
    )
    render(client, index.url, "Vigil in Frankfurt")
    started = time.perf_counter()
    html = render(client, event.url, "Vigil in Frankfurt")
    took = (time.perf_counter() - started) * 1000
    ok(f"events: index and event page rendered through the host's base (event page {took:.0f} ms)")
    payload = {"name": "Ann Example", "email": "ann@example.org", "places": "1", "consent": "on"}
    response = post(client, action(html, "register/"), html, payload)
    assert response.status_code == 200, response.status_code
    assert Registration.objects.filter(event_key=event.translation_key).count() == 1
    assert mail.outbox, "no mail after registering"
    ok(f"events: registration stored, {len(mail.outbox)} mail(s) sent")
    return event, "Registration"


def appeals(client):
    from campaign_kit.appeals.models import AppealIndexPage, AppealPage, Signature

    index = publish(HOME, AppealIndexPage(title="Appeals", slug="appeals"))
    appeal = publish(
        index,
        AppealPage(
            title="Protect objectors",
            slug="protect",
            intro="Protect those who refuse to fight.",
            addressees="European Parliament",
            initiators="Example Peace Network",
            body=[("paragraph", "<p>We call on you to act.</p>")],
            goal=100,
        ),
    )
    render(client, index.url, "Protect objectors")
    html = render(client, appeal.url, "Protect objectors")
    ok("appeals: index and appeal page rendered through the host's base")
    sent = len(getattr(mail, "outbox", []))
    person = {
        "p-name": "Anna Beispiel",
        "p-email": "anna@example.org",
        "p-country": "DE",
        "p-city": "Berlin",
        "p-display": "full",
        "p-consent": "on",
        "p-homepage": "",
        "p-started": field(html, "p-started"),
    }
    response = post(client, action(html, "/sign/"), html, person)
    assert response.status_code == 200, response.status_code
    assert len(mail.outbox) == sent + 1, "no confirmation mail"
    link = re.search(r"https?://\S+/appeals/-/signature/\S+?/confirm/", mail.outbox[-1].body)
    assert link, mail.outbox[-1].body
    confirm = urlsplit(link.group(0)).path
    page = client.get(confirm)
    assert page.status_code == 200, page.status_code
    response = post(client, confirm, page.content.decode(), {})
    assert response.status_code == 200, response.status_code
    assert Signature.objects.get(email="anna@example.org").status == "confirmed"
    ok("appeals: signature confirmed through the mailed link")
    return appeal, "Sign the appeal"


def campaigns(client):
    from wagtail.documents import get_document_model

    from campaign_kit.campaigns.models import (
        Material,
        MaterialsPage,
        NewsIndexPage,
        NewsPage,
        PrintOrder,
    )

    news = publish(HOME, NewsIndexPage(title="News", slug="news"))
    item = publish(
        news,
        NewsPage(
            title="Court rules for objectors",
            slug="court",
            summary="What happened, in two sentences.",
            author="Campaign team",
            date=timezone.localdate(),
        ),
    )
    render(client, news.url, "Court rules for objectors")
    render(client, item.url, "Court rules for objectors")
    ok("campaigns: news index and news page rendered through the host's base")
    document = get_document_model()(title="Flyer")
    document.file.save("flyer.pdf", ContentFile(b"%PDF-1.4\n%%EOF\n"), save=True)
    flyer = Material.objects.create(
        title="Know your rights",
        language="en",
        document=document,
        max_quantity=20,
        locale=Locale.get_default(),
    )
    materials = publish(HOME, MaterialsPage(title="Materials", slug="materials"))
    render(client, materials.url, "Know your rights")
    html = render(client, materials.url + "order/", "Know your rights")
    order = {
        f"quantity_{flyer.pk}": "5",
        "name": "Anna Example",
        "organisation": "",
        "street": "Musterstraße 12",
        "address_extra": "",
        "postcode": "10115",
        "city": "Berlin",
        "country": "DE",
        "email": "anna@example.org",
        "consent": "on",
    }
    response = post(client, materials.url + "order/", html, order)
    assert response.status_code == 200, response.status_code
    assert PrintOrder.objects.count() == 1
    ok("campaigns: materials page and print order form rendered, order stored")
    return item, "News"


def main():
    for code in LANGS:
        Locale.objects.get_or_create(language_code=code)
    client = Client(enforce_csrf_checks=True)
    home = client.get("/", follow=True)
    # The host's own home page, through its own base.html (its stylesheet link).
    assert home.status_code == 200 and "css/mysite.css" in home.content.decode(), home.status_code
    ok("/ renders the host's home page")
    probes = {"events": events, "appeals": appeals, "campaigns": campaigns}
    for app in APPS:
        page, msgid = probes[app](client)
        if "de" in LANGS:
            translated, text = german(page, msgid)
            render(client, translated.url, text)
            ok(f"{app}: German translation rendered with the German interface ({text!r})")


main()
