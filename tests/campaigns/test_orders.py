import pytest
from django.core import mail

from campaign_kit.campaigns.models import Material, PrintOrder

pytestmark = pytest.mark.django_db

ORDER_URL = "/en/materials/order/"


def order_data(flyer, **overrides):
    data = {
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
    data.update(overrides)
    return data


def test_form_lists_orderable_materials_with_limits(client, materials_page, flyer, flyer_de):
    Material.objects.filter(pk=flyer_de.pk).update(orderable=False)
    response = client.get(ORDER_URL)
    body = response.content.decode()
    assert response.status_code == 200
    assert "Know your rights" in body and "Ihre Rechte" not in body
    assert 'max="20"' in body
    assert '<label for="id_name"' in body or 'for="id_name"' in body
    assert list(client.cookies) in ([], ["csrftoken"])


def test_valid_order_is_stored_and_mailed(
    client, settings, django_capture_on_commit_callbacks, materials_page, flyer, flyer_de
):
    settings.CAMPAIGN_KIT_STAFF_EMAIL = "team@example.org"
    data = order_data(flyer, **{f"quantity_{flyer_de.pk}": "2"})
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(ORDER_URL, data)
    assert response.status_code == 302
    assert response["Location"] == "/en/materials/order/thanks/"
    assert "anna" not in response["Location"]
    order = PrintOrder.objects.get()
    assert order.status == PrintOrder.Status.NEW
    assert order.consent_version == settings.CAMPAIGN_KIT_PRIVACY_VERSION
    assert order.language == "en"
    assert sorted((ln.material_title, ln.quantity) for ln in order.lines.all()) == [
        ("Ihre Rechte", 2),
        ("Know your rights", 5),
    ]
    assert client.get(response["Location"]).status_code == 200
    assert len(mail.outbox) == 2
    confirmation, staff = mail.outbox
    assert confirmation.to == ["anna@example.org"]
    assert order.reference in confirmation.subject
    assert "Musterstraße 12" in confirmation.body
    assert staff.to == ["team@example.org"]
    assert "Know your rights" in staff.body
    for part in [staff.body, staff.alternatives[0][0], staff.subject]:
        assert "Musterstraße" not in part
        assert "10115" not in part
        assert "Anna" not in part
        assert "anna@example.org" not in part


def test_confirmation_is_in_the_persons_language(
    client, django_capture_on_commit_callbacks, materials_page, flyer
):
    from tests.factories.home import translate_page

    translate_page(materials_page, "de", title="Materialien", slug="materialien")
    # The flyer has no German translation yet: the German page still offers it.
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/de/materialien/order/", order_data(flyer))
    assert response.status_code == 302, response.content.decode()[:2000]
    assert PrintOrder.objects.get().language == "de"
    assert mail.outbox[0].to == ["anna@example.org"]
    assert '<html lang="de">' in mail.outbox[0].alternatives[0][0]


@pytest.mark.parametrize(
    "overrides, message",
    [
        ({"quantity_X": "21"}, "at most 20"),
        ({"quantity_X": "-1"}, "from 0 upwards"),
        ({"quantity_X": "lots"}, "whole number"),
        ({"quantity_X": "0"}, "Choose at least one material"),
        ({"street": ""}, "This field is required"),
        ({"postcode": "!!"}, "valid postcode"),
        ({"email": "not-an-address"}, "valid email"),
        ({"country": "XX"}, "valid choice"),
        ({"consent": ""}, "Please agree"),
        ({"name": "<script>alert(1)</script>"}, "remove the characters"),
        ({"city": "<b>Berlin</b>"}, "remove the characters"),
        ({"name": "x" * 500}, "at most 120 characters"),
    ],
)
def test_bad_input_is_refused_with_400(client, materials_page, flyer, overrides, message):
    overrides = {k.replace("X", str(flyer.pk)): v for k, v in overrides.items()}
    response = client.post(ORDER_URL, order_data(flyer, **overrides))
    assert response.status_code == 400
    body = response.content.decode()
    assert message in body
    assert "<script>alert(1)</script>" not in body
    assert not PrintOrder.objects.exists()
    assert mail.outbox == []


def test_material_that_no_longer_exists(client, materials_page, flyer, flyer_de):
    data = order_data(flyer, **{f"quantity_{flyer_de.pk}": "3"})
    flyer_de.delete()
    response = client.post(ORDER_URL, data)
    assert response.status_code == 400
    assert "no longer available" in response.content.decode()
    assert not PrintOrder.objects.exists()


def test_material_withdrawn_between_form_and_service(materials_page, flyer):
    from campaign_kit.campaigns import services

    Material.objects.filter(pk=flyer.pk).update(orderable=False)
    address = services.Address("A", "B 1", "10115", "Berlin", "DE", "a@example.org")
    with pytest.raises(services.OrderError):
        services.place_order(quantities={flyer.pk: 2}, address=address, language="en")
    Material.objects.filter(pk=flyer.pk).update(orderable=True)
    with pytest.raises(services.OrderError):
        services.place_order(quantities={flyer.pk: 21}, address=address, language="en")
    assert not PrintOrder.objects.exists()


def test_closed_orders(client, materials_page, flyer):
    materials_page.orders_open = False
    materials_page.save_revision().publish()
    assert "are closed" in client.get(ORDER_URL).content.decode()
    assert client.post(ORDER_URL, order_data(flyer)).status_code == 410
    assert not PrintOrder.objects.exists()


def test_orders_are_rate_limited_per_client(client, materials_page, flyer):
    for _ in range(10):
        client.post(ORDER_URL, order_data(flyer, email="bad"))
    response = client.post(ORDER_URL, order_data(flyer))
    assert response.status_code == 429
    assert not PrintOrder.objects.exists()
    other = client.post(ORDER_URL, order_data(flyer), REMOTE_ADDR="192.0.2.99")
    assert other.status_code == 302
