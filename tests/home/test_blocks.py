"""Every StreamField block of standard pages renders through its own template."""

import json

import pytest
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from tests.factories.home import StandardPageFactory

pytestmark = pytest.mark.django_db


def test_standard_page_renders_every_block(client, homes):
    image = Image.objects.create(title="Demo", file=get_test_image_file())
    target = StandardPageFactory(parent=homes["en"], title="Hotline", slug="hotline")
    page = StandardPageFactory(
        parent=homes["en"],
        title="About",
        slug="about",
        body=json.dumps(
            [
                {"type": "rich_text", "value": "<p>We support <b>objectors</b>.</p>"},
                {
                    "type": "image",
                    "value": {
                        "image": {"image": image.pk, "alt_text": "A banner", "decorative": False},
                        "caption": "Our banner",
                    },
                },
                {
                    "type": "quote",
                    "value": {
                        "quote": "No one must be forced to kill.",
                        "attribution": "A deserter",
                    },
                },
                {
                    "type": "call_to_action",
                    "value": {
                        "title": "Need advice?",
                        "text": "Call us.",
                        "page": target.pk,
                        "url": "",
                        "button_label": "Hotline",
                    },
                },
            ]
        ),
    )
    html = client.get(page.url).content.decode()
    assert "We support <b>objectors</b>." in html
    assert 'alt="A banner"' in html and "Our banner" in html
    assert "<blockquote" in html and "A deserter" in html
    assert 'href="/en/hotline/"' in html and "Need advice?" in html


def test_block_text_is_escaped(client, homes):
    page = StandardPageFactory(
        parent=homes["en"],
        slug="x",
        body=[("quote", {"quote": "<script>alert(1)</script>", "attribution": "<b>me</b>"})],
    )
    html = client.get(page.url).content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;" in html
