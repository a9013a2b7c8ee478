import csv
import io
from datetime import timedelta

import pytest
from django.contrib.auth.models import Permission
from django.utils import timezone
from wagtail.users.models import UserProfile

from campaign_kit.appeals.models import PaperCount, Signature, SignatureStatus
from campaign_kit.appeals.selectors import appeal_counts
from campaign_kit.appeals.services import recount
from tests.factories.appeals import SignatureFactory
from tests.factories.home import translate_page


@pytest.fixture
def staff(django_user_model):
    user = django_user_model.objects.create_user(
        "editor", "editor@example.org", "pw", is_staff=True
    )
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    return user


@pytest.fixture
def manager(staff):
    staff.user_permissions.add(Permission.objects.get(codename="manage_signatures"))
    return staff


@pytest.fixture
def signatures(appeal):
    key = appeal.translation_key
    rows = [
        SignatureFactory(appeal_key=key, name='=HYPERLINK("http://evil")', display="full"),
        SignatureFactory(
            appeal_key=key, name="<script>alert(1)</script>", display="full", country="AT"
        ),
        SignatureFactory(
            appeal_key=key, name="Private Person", display="hidden", email="private@spam.example"
        ),
        SignatureFactory(
            appeal_key=key,
            kind="organisation",
            organisation_name="@Peace Org",
            name="Contact Person",
            email="c@org.example",
            moderation="approved",
            country="FR",
        ),
    ]
    recount(key)
    return rows


ADMIN_URLS = [
    "/admin/appeals/overview/",
    "/admin/appeals/moderation/",
    "/admin/appeals/signatures/",
    "/admin/appeals/signatures/?export=csv",
]


@pytest.mark.parametrize("url", ADMIN_URLS)
def test_personal_data_needs_permission(client, staff, signatures, url):
    client.force_login(staff)
    assert client.get(url).status_code == 403
    staff.user_permissions.add(Permission.objects.get(codename="manage_signatures"))
    assert client.get(url).status_code == 200


def test_export_needs_permission(client, staff, appeal, signatures):
    client.force_login(staff)
    assert client.get(f"/admin/appeals/{appeal.pk}/export.csv").status_code == 403
    assert client.post(f"/admin/appeals/{appeal.pk}/recount/").status_code == 403


def test_admin_list_escapes_hostile_names(client, manager, signatures):
    client.force_login(manager)
    html = client.get("/admin/appeals/signatures/").content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<script>alert(1)</script>" not in html
    html = client.get(
        "/admin/appeals/signatures/?status=confirmed&kind=person&country=AT"
    ).content.decode()
    assert "&lt;script&gt;" in html and "Private Person" not in html


def test_delivery_exports(client, manager, appeal, signatures, prepared_xlsx):
    client.force_login(manager)
    response = client.get(f"/admin/appeals/{appeal.pk}/export.csv")
    assert response.status_code == 200
    assert response.streaming
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    names = [row[1] for row in rows if len(row) > 1]
    assert '\'=HYPERLINK("http://evil")' in names
    assert "'@Peace Org" in names
    assert "<script>alert(1)</script>" in names  # plain data in CSV, not HTML
    assert "Private Person" not in text and "private@spam.example" not in text
    assert "c@org.example" not in text and "Contact Person" not in text
    assert ["Total", "3", "0", "1"] in rows  # counts per country include hidden people
    book, _waiting = prepared_xlsx(f"/admin/appeals/{appeal.pk}/export.xlsx")
    values = [cell.value for row in book.worksheets[0].iter_rows() for cell in row]
    assert '\'=HYPERLINK("http://evil")' in values
    assert not any(isinstance(v, str) and v.startswith("=") for v in values)
    countries = [[c.value for c in row] for row in book.worksheets[1].iter_rows()]
    assert countries[-1] == ["Total", 3, 0, 1]


def test_generic_export_neutralises(client, manager, signatures):
    client.force_login(manager)
    response = client.get("/admin/appeals/signatures/?export=csv")
    text = b"".join(response.streaming_content).decode()
    assert "'=HYPERLINK" in text


def test_moderation_queue_and_reject(client, manager, appeal, mailoutbox, post):
    org = SignatureFactory(
        appeal_key=appeal.translation_key,
        kind="organisation",
        organisation_name="<b>Bad</b> Org",
        moderation="pending",
        email="c@bad.example",
    )
    client.force_login(manager)
    html = client.get("/admin/appeals/moderation/").content.decode()
    assert "&lt;b&gt;Bad&lt;/b&gt; Org" in html
    post(f"/admin/appeals/moderation/{org.pk}/reject/", {"confirm": "yes"})
    org.refresh_from_db()
    assert org.moderation == "rejected"
    assert "not published" in mailoutbox[-1].subject
    assert appeal_counts(appeal.translation_key).organisations == 0


def test_invalidate_by_domain(client, manager, appeal, signatures):
    client.force_login(manager)
    url = f"/admin/appeals/{appeal.pk}/invalidate/"
    assert client.get(url).status_code == 200
    assert client.post(url, {}).status_code == 400
    preview = client.post(url, {"domain": "spam.example"})
    assert preview.status_code == 200 and b"1 signature of" in preview.content
    assert Signature.objects.filter(status=SignatureStatus.INVALIDATED).count() == 0
    # Confirming a count that is no longer true (or no count) only shows the page again.
    assert client.post(url, {"domain": "spam.example", "confirm": "yes"}).status_code == 200
    client.post(url, {"domain": "spam.example", "confirm": "yes", "expected": "2"})
    assert Signature.objects.filter(status=SignatureStatus.INVALIDATED).count() == 0
    client.post(url, {"domain": "@SPAM.example", "confirm": "yes", "expected": "1"})
    assert Signature.objects.filter(status=SignatureStatus.INVALIDATED).count() == 1
    assert appeal_counts(appeal.translation_key).people == 2
    assert recount(appeal.translation_key).people == 2


def test_invalidate_by_time_window(manager, appeal, signatures):
    from campaign_kit.appeals.services import invalidate, invalidation_queryset

    late = SignatureFactory(appeal_key=appeal.translation_key)
    Signature.objects.filter(pk=late.pk).update(created_at=timezone.now() + timedelta(hours=2))
    recount(appeal.translation_key)
    qs = invalidation_queryset(appeal.translation_key, since=timezone.now() + timedelta(hours=1))
    assert invalidate(qs) == 1
    assert appeal_counts(appeal.translation_key).people == 3


def test_paper_counts(client, manager, appeal, signatures, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        paper = PaperCount.objects.create(appeal=appeal, people=40, country="DE", note="Stand")
    counter = appeal_counts(appeal.translation_key)
    assert (counter.paper_people, counter.total_people) == (40, 43)
    assert client.get(appeal.url + "counts/").json()["people"] == 43
    with django_capture_on_commit_callbacks(execute=True):
        paper.delete()
    assert appeal_counts(appeal.translation_key).paper_people == 0


def test_erase_one_person(client, manager, appeal, signatures):
    client.force_login(manager)
    target = signatures[0]
    url = f"/admin/appeals/signature/{target.pk}/erase/"
    assert b"cannot be undone" in client.get(url).content
    target.refresh_from_db()
    assert target.email
    response = client.post(url, {"confirm": "yes"})
    assert response.status_code == 302
    target.refresh_from_db()
    assert (target.name, target.email, target.status) == ("", "", SignatureStatus.WITHDRAWN)
    assert appeal_counts(appeal.translation_key).people == 2


def test_erase_by_email_request(client, manager, appeal, signatures):
    client.force_login(manager)
    assert b"appeals/erase/" in client.get("/admin/appeals/overview/").content
    ask = client.post("/admin/appeals/erase/", {"email": "Private@Spam.example"})
    assert ask.status_code == 200 and b"1 signature was made" in ask.content
    assert Signature.objects.get(pk=signatures[2].pk).email
    response = client.post(
        "/admin/appeals/erase/", {"email": "Private@Spam.example", "confirm": "yes"}
    )
    assert response.status_code == 302
    person = Signature.objects.get(pk=signatures[2].pk)
    assert (person.name, person.email) == ("", "")
    assert client.post("/admin/appeals/erase/", {"email": "nonsense"}).status_code == 302


def test_overview_names_each_appeal_in_its_source_language(client, manager, appeal, appeal_de):
    """The newest translation does not decide the name: the source (English) does, or the
    staff member's admin language where the appeal has it."""
    for code, title in (("uk", "Захистіть"), ("ru", "Защитите")):
        translate_page(appeal, code, slug=f"protect-{code}", title=title)
    client.force_login(manager)
    html = client.get("/admin/appeals/overview/").content.decode()
    assert "Protect objectors" in html
    assert "Захистіть" not in html and "Защитите" not in html and "Schützt" not in html
    profile = UserProfile.get_for_user(manager)
    profile.preferred_language = "de"
    profile.save()
    html = client.get("/admin/appeals/overview/").content.decode()
    assert "Schützt Verweigerer" in html and "Protect objectors" not in html
