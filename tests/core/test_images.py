"""The one image policy ({% responsive_image %}): srcset and sizes, width and height, lazy
loading except for the page's top image, async decoding, contextual alt text."""

import re

import pytest
from django.template import Context, Template
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

pytestmark = pytest.mark.django_db

TAG = '{% load campaign_kit_images %}{% responsive_image image "fill-{80x40,160x80}" sizes="50vw" '


def render(source, **context):
    return Template(TAG + source).render(Context(context))


@pytest.fixture
def image():
    return Image.objects.create(title="IMG_0042.png", file=get_test_image_file(size=(640, 480)))


def test_lazy_image_with_srcset_size_and_the_fields_alt(image):
    html = render("alt=text %}", image=image, text="Objectors at the border")
    assert html.startswith("<img ") and html.count("<img") == 1
    srcset = re.search(r'srcset="([^"]+)"', html).group(1)
    assert srcset.endswith(" 160w") and " 80w, " in srcset
    assert 'width="80"' in html and 'height="40"' in html and 'sizes="50vw"' in html
    assert 'loading="lazy"' in html and 'decoding="async"' in html
    assert 'alt="Objectors at the border"' in html and "fetchpriority" not in html


def test_top_image_is_fetched_first_not_lazily(image):
    html = render('alt="" priority=True %}', image=image)
    assert 'fetchpriority="high"' in html and "loading=" not in html
    assert 'decoding="async"' in html


def test_no_alt_given_is_decorative_never_the_file_title(image):
    html = render("%}", image=image)
    assert 'alt=""' in html and "IMG_0042" not in html


def test_alt_text_is_escaped(image):
    html = render("alt=text %}", image=image, text='"><script>')
    assert "<script>" not in html and "&quot;&gt;&lt;script&gt;" in html


def test_no_image_renders_nothing():
    assert render("%}", image=None) == ""


def test_a_single_rendition_gets_neither_srcset_nor_sizes(image):
    html = Template(
        '{% load campaign_kit_images %}{% responsive_image image "width-100" sizes="50vw" %}'
    ).render(Context({"image": image}))
    assert "srcset" not in html and "sizes" not in html and 'width="100"' in html
