import io

import pytest
from django.core import signing
from django.urls import reverse
from django.utils import translation
from PIL import Image

from campaign_kit.appeals.models import Signature, SignatureStatus
from campaign_kit.appeals.security import CONFIRM_SALT, form_timestamp
from campaign_kit.appeals.selectors import appeal_counts
from campaign_kit.appeals.services import recount

from .conftest import link_from, org_data, person_data


def form_url(page, name="sign"):
    """The form's action: a plain URL in the page's language, outside page routing."""
    with translation.override(page.locale.language_code):
        return reverse(f"campaign_kit_appeals:{name}", args=[page.pk])


def sign(post, appeal, **data):
    return post(form_url(appeal), person_data(**data))


def confirm_latest(client, post, mailoutbox):
    url = link_from(mailoutbox[-1], "confirm")
    assert client.get(url).status_code == 200
    return post(url)


def counter(appeal):
    return appeal_counts(appeal.translation_key)


def test_page_renders_with_forms(client, appeal):
    response = client.get(appeal.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'name="p-consent"' in html and 'name="p-newsletter"' in html
    assert (
        'name="p-newsletter" class="checkboxinput form-check-input" id="id_p-newsletter" checked'
        not in html
    )
    assert "checked" not in html.split('name="p-newsletter"')[1].split(">")[0]
    assert 'value="hidden"' in html.split('name="p-display"')[1] or "hidden" in html
    assert not response.cookies or set(response.cookies) <= {"csrftoken"}


def test_double_opt_in_flow(client, appeal, post, mailoutbox):
    response = sign(post, appeal)
    assert response.status_code == 303
    assert response["Location"] == appeal.url + "sent/"
    assert b"check your inbox" in client.get(response["Location"]).content
    signature = Signature.objects.get()
    assert signature.status == SignatureStatus.PENDING
    assert signature.consent_version
    assert signature.appeal_key == appeal.translation_key
    assert len(mailoutbox) == 1
    mail = mailoutbox[0]
    assert "/withdraw/" in mail.body
    # GET does not confirm.
    url = link_from(mail, "confirm")
    assert client.get(url).status_code == 200
    signature.refresh_from_db()
    assert signature.status == SignatureStatus.PENDING
    assert post(url).status_code == 200
    assert post(url).status_code == 200  # harmless twice
    signature.refresh_from_db()
    assert signature.status == SignatureStatus.CONFIRMED
    assert counter(appeal).people == 1
    page = client.get(appeal.url).content.decode()
    assert "Anna Beispiel" in page
    assert "anna@example.org" not in page
    # Withdraw: stops counting and leaves the list.
    withdraw = link_from(mail, "withdraw")
    assert client.get(withdraw).status_code == 200
    assert post(withdraw).status_code == 200
    assert counter(appeal).people == 0
    assert "Anna Beispiel" not in client.get(appeal.url + "signatories/").content.decode()
    assert counter(appeal).people == recount(appeal.translation_key).people


def test_counts_shared_across_translations(client, appeal, appeal_de, post, mailoutbox):
    post(form_url(appeal_de), person_data())
    assert Signature.objects.get().language == "de"
    confirm_latest(client, post, mailoutbox)
    for page in (appeal, appeal_de):
        data = client.get(page.url + "counts/").json()
        assert data["people"] == 1
    # The same address on the other language version is the same person.
    response = post(form_url(appeal), person_data(**{"p-email": "ANNA@example.org"}))
    assert response.status_code == 303
    assert Signature.objects.count() == 1


def test_repeat_gets_neutral_reply_and_limited_mails(client, appeal, post, mailoutbox):
    first = sign(post, appeal, **{"p-email": "j.doe@gmail.com"})
    confirm_latest(client, post, mailoutbox)
    replies = [sign(post, appeal, **{"p-email": "JDoe+x@googlemail.com"}) for _ in range(6)]
    assert Signature.objects.count() == 1
    for reply in replies:
        assert reply.status_code == first.status_code == 303
        assert reply["Location"] == first["Location"]
    already = [m for m in mailoutbox if "already" in m.subject.lower()]
    assert 1 <= len(already) <= 3  # first mail counted too: at most 3 per address per day


def test_repeat_while_pending_resends_link(client, appeal, post, mailoutbox):
    sign(post, appeal)
    sign(post, appeal)
    assert Signature.objects.count() == 1
    assert len(mailoutbox) == 2
    assert "/confirm/" in mailoutbox[1].body


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("p-email", "not-an-address"),
        ("p-consent", None),
        ("p-name", "x" * 20000),
        ("p-name", "<script>alert(1)</script>"),
        ("p-city", "<script>alert(1)</script>"),
        ("p-country", "XX"),
        ("p-display", "everything"),
    ],
)
def test_bad_input_is_rejected(client, appeal, post, mailoutbox, field, value):
    response = sign(post, appeal, **{field: value})
    assert response.status_code == 400
    assert b"invalid-feedback" in response.content or b"alert-danger" in response.content
    assert b"<script>alert(1)</script>" not in response.content
    assert Signature.objects.count() == 0
    assert mailoutbox == []


def test_honeypot_and_timing(client, appeal, post, settings):
    assert sign(post, appeal, **{"p-homepage": "http://spam.example"}).status_code == 400
    assert sign(post, appeal, **{"p-started": "forged"}).status_code == 400
    settings.CAMPAIGN_KIT_APPEAL_MIN_FILL_SECONDS = 60
    assert sign(post, appeal, **{"p-started": form_timestamp()}).status_code == 400
    assert Signature.objects.count() == 0


def test_rate_limit_per_client(client, appeal, post, settings):
    settings.CAMPAIGN_KIT_APPEAL_SIGN_RATE = "2/h"
    codes = [sign(post, appeal, **{"p-email": f"p{i}@example.org"}).status_code for i in range(3)]
    assert codes == [303, 303, 429]
    assert Signature.objects.count() == 2


def test_rate_limit_counts_in_redis(client, appeal, post, settings, redis_cache):
    """The production path: django-ratelimit adds, then increments, the client's counter in
    Redis; the counter expires with the rate's window."""
    settings.CAMPAIGN_KIT_APPEAL_SIGN_RATE = "3/h"
    codes = [sign(post, appeal, **{"p-email": f"p{i}@example.org"}).status_code for i in range(5)]
    assert codes == [303, 303, 303, 429, 429]
    assert Signature.objects.count() == 3
    [key] = [key for key in redis_cache.keys("*") if key.startswith("rl:")]
    assert redis_cache.get(key) == 5  # every POST counts, the refused ones too
    assert 0 < redis_cache.ttl(key) <= 3600 + 60


def test_signature_while_redis_is_down_is_a_503_and_stores_nothing(client, appeal, redis_down):
    """The rate limit needs Redis before anything is written: the signer is asked to try again
    (503, Retry-After) instead of getting a server error, and no row is half-stored. The view's
    outage is answered by the middleware: the test client would re-raise an exception that
    reached Django's uncaught-exception handling."""
    response = client.post(form_url(appeal), person_data(), HTTP_ORIGIN="http://testserver")
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert Signature.objects.count() == 0


def test_closed_appeal(client, appeal, post):
    appeal.status = "closed"
    appeal.save_revision().publish()
    response = sign(post, appeal)
    assert response.status_code == 410
    assert Signature.objects.count() == 0
    assert b"closed" in client.get(appeal.url).content


def test_tampered_and_expired_tokens(client, appeal, post, mailoutbox, settings):
    sign(post, appeal)
    url = link_from(mailoutbox[0], "confirm")
    assert client.get(url.replace("/confirm/", "x/confirm/")).status_code == 400
    assert post(url.replace("/confirm/", "x/confirm/")).status_code == 400
    settings.CAMPAIGN_KIT_APPEAL_CONFIRM_DAYS = 0
    signature = Signature.objects.get()
    old = signing.dumps(str(signature.public_id), salt=CONFIRM_SALT)
    import time

    time.sleep(1.1)
    response = post(f"/en/appeals/-/signature/{old}/confirm/")
    assert response.status_code == 410
    signature.refresh_from_db()
    assert signature.status == SignatureStatus.PENDING


def png_bytes(size=(20, 10), fmt="PNG"):
    out = io.BytesIO()
    image = Image.new("RGB", size, "red")
    image.save(
        out, format=fmt, exif=b"Exif\x00\x00secret" if fmt == "JPEG" else None
    ) if fmt == "JPEG" else image.save(out, format=fmt)
    return out.getvalue()


def upload(name, data, content_type):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, data, content_type=content_type)


def test_organisation_cosign_moderation_and_logo(client, appeal, post, mailoutbox, admin_client):
    data = org_data()
    data["o-logo"] = upload("logo.jpg", png_bytes(fmt="JPEG"), "image/jpeg")
    assert post(form_url(appeal, "cosign"), data).status_code == 303
    org = Signature.objects.get()
    assert org.kind == "organisation" and org.logo
    with org.logo.open("rb") as handle, Image.open(handle) as stored:
        assert not stored.info.get("exif")
    confirm_latest(client, post, mailoutbox)
    assert counter(appeal).organisations == 0  # not before moderation
    assert "Friends of Peace" not in client.get(appeal.url).content.decode()
    assert client.get(f"{appeal.url}logo/{org.public_id}/").status_code == 404
    response = post(
        f"/admin/appeals/moderation/{org.pk}/", {"decision": "approve"}, using=admin_client
    )
    assert response.status_code == 302
    assert "published" in mailoutbox[-1].subject
    c = counter(appeal)
    assert (c.organisations, c.countries) == (1, 1)
    page = client.get(appeal.url).content.decode()
    assert "Friends of Peace" in page and "France" in page
    assert "contact@peace.example.org" not in page and "Claire Exemple" not in page
    logo = client.get(f"{appeal.url}logo/{org.public_id}/")
    assert logo.status_code == 200 and logo["Content-Type"] == "image/jpeg"


@pytest.mark.parametrize(
    ("name", "data", "content_type"),
    [
        ("logo.png", b"not an image at all", "image/png"),
        ("logo.gif", None, "image/gif"),
        ("huge.png", "huge", "image/png"),
        ("big.png", "big", "image/png"),
    ],
)
def test_bad_logo(client, appeal, post, name, data, content_type):
    if data is None:
        data = png_bytes(fmt="GIF")
    elif data == "huge":
        data = png_bytes(size=(4001, 10))
    elif data == "big":
        data = b"\x89PNG" + b"0" * (2 * 1024 * 1024 + 1)
    form = org_data()
    form["o-logo"] = upload(name, data, content_type)
    response = post(form_url(appeal, "cosign"), form)
    assert response.status_code == 400
    assert b"logo" in response.content.lower()
    assert Signature.objects.count() == 0


def test_json_and_badge(client, appeal):
    data = client.get(appeal.url + "counts/").json()
    assert data == {**data, "people": 0, "organisations": 0, "countries": 0, "goal": 100}
    badge = client.get(appeal.url + "badge/")
    assert badge.status_code == 200
    assert "X-Frame-Options" not in badge
    assert "frame-ancestors *" in badge["Content-Security-Policy"]
    assert not badge.cookies


def test_public_list_respects_display_choice(client, appeal):
    from tests.factories.appeals import SignatureFactory

    key = appeal.translation_key
    SignatureFactory(appeal_key=key, name="Hidden Person", display="hidden")
    SignatureFactory(appeal_key=key, name="Ivan Petrovich Test", display="initials")
    SignatureFactory(appeal_key=key, name="Full Name", display="full", email="full@example.org")
    html = client.get(appeal.url + "signatories/").content.decode()
    assert "Hidden Person" not in html
    assert "I. P. T." in html and "Ivan" not in html
    assert "Full Name" in html and "full@example.org" not in html
    assert client.get(appeal.url + "signatories/?page=9").status_code == 404


def test_hostile_names_are_escaped(client, appeal):
    from tests.factories.appeals import SignatureFactory

    SignatureFactory(
        appeal_key=appeal.translation_key, name="<script>alert(1)</script>", display="full"
    )
    html = client.get(appeal.url + "signatories/").content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_home_selector(appeal, locales):
    from campaign_kit.appeals.selectors import open_appeals

    assert [p.pk for p in open_appeals(locales["en"], limit=3)] == [appeal.pk]
    assert appeal.teaser_meta


def test_form_posts_outside_page_routing(client, appeal, appeal_de):
    html = client.get(appeal.url).content.decode()
    assert f'action="/en/appeals/-/{appeal.pk}/sign/"' in html
    assert f'action="/en/appeals/-/{appeal.pk}/co-sign/"' in html
    html = client.get(appeal_de.url).content.decode()
    assert f'action="/de/appeals/-/{appeal_de.pk}/sign/"' in html


def test_signing_redirects_to_the_sent_page(client, appeal, post, mailoutbox):
    response = post(form_url(appeal), person_data())
    assert response.status_code == 303 and response["Location"] == appeal.url + "sent/"
    response = post(form_url(appeal, "cosign"), org_data())
    assert response["Location"] == appeal.url + "sent/?kind=organisation"
    assert Signature.objects.count() == 2 and len(mailoutbox) == 2
    # The page itself has no sign/ route: routing a POST through Wagtail is what the
    # plain URL avoids.
    other = person_data(**{"p-email": "x@example.org"})
    assert post(appeal.url + "sign/", other).status_code == 404
    assert Signature.objects.count() == 2


def test_duplicate_gets_the_same_redirect(client, appeal, post, mailoutbox):
    first = sign(post, appeal)
    second = sign(post, appeal, **{"p-email": "Anna@Example.org", "p-name": "Someone"})
    assert (first.status_code, first["Location"]) == (second.status_code, second["Location"])
    assert second.content == first.content
    assert Signature.objects.count() == 1


def test_invalid_input_is_answered_in_the_page_language(client, appeal, appeal_de, post):
    response = post(form_url(appeal_de), person_data(**{"p-consent": None}))
    assert response.status_code == 400
    html = response.content.decode()
    assert "Schützt Verweigerer" in html
    assert 'lang="de"' in html
    with translation.override("de"):
        from campaign_kit.appeals.forms import SignatureForm

        message = str(SignatureForm.base_fields["consent"].error_messages["required"])
    assert message in html
    assert message != "Please agree to the processing of your data, or we cannot count you."
    assert Signature.objects.count() == 0


def test_unknown_draft_or_non_appeal_page_is_404(client, appeal, post, homes):
    assert post(f"/en/appeals/-/{appeal.pk + 999}/sign/", person_data()).status_code == 404
    assert post(f"/en/appeals/-/{homes['en'].pk}/sign/", person_data()).status_code == 404
    appeal.unpublish()
    assert post(form_url(appeal), person_data()).status_code == 404
    assert Signature.objects.count() == 0


def test_organisations_refused_where_not_allowed(client, appeal, post):
    appeal.allow_organisations = False
    appeal.save_revision().publish()
    assert post(form_url(appeal, "cosign"), org_data()).status_code == 404
    assert Signature.objects.count() == 0


def test_cross_site_post_is_refused_and_get_is_not_allowed(client, appeal, post):
    response = post(form_url(appeal), person_data(), HTTP_ORIGIN="https://evil.example")
    assert response.status_code == 403
    response = post(form_url(appeal), person_data(), HTTP_SEC_FETCH_SITE="cross-site")
    assert response.status_code == 403
    assert client.get(form_url(appeal)).status_code == 405
    assert Signature.objects.count() == 0
    assert post(form_url(appeal), person_data(), HTTP_ORIGIN="http://testserver").status_code == 303


def test_database_queue_shares_the_signature_transaction(appeal, settings, mailoutbox):
    """With the production queue the mail task commits with the signature, or not at all."""
    from django.db import transaction
    from django_tasks_db.models import DBTaskResult

    from campaign_kit.appeals import services

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    data = {"name": "Anna", "email": "anna@example.org", "country": "DE", "display": "full"}

    class Abort(Exception):
        pass

    with pytest.raises(Abort), transaction.atomic():
        services.sign(appeal, data, "en")
        assert DBTaskResult.objects.count() == 1  # queued inside the open transaction
        raise Abort
    assert DBTaskResult.objects.count() == 0 and Signature.objects.count() == 0
    services.sign(appeal, data, "en")
    assert DBTaskResult.objects.count() == 1 and Signature.objects.count() == 1
    assert mailoutbox == []  # the worker sends it


def test_closing_takes_effect_at_once_although_the_appeal_is_kept_for_posts(
    client, appeal, post, mailoutbox
):
    assert sign(post, appeal).status_code == 303  # the appeal is now kept for a few seconds
    appeal.status = "closed"
    appeal.save_revision().publish()
    assert sign(post, appeal, **{"p-email": "bo@example.org"}).status_code == 410
    appeal.unpublish()
    assert sign(post, appeal, **{"p-email": "cy@example.org"}).status_code == 404
    assert Signature.objects.count() == 1
