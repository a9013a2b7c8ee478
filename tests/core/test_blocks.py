"""The shared blocks (campaign_kit.core.blocks): each renders through its own template, and
every app's stream uses them rather than a copy."""

import pytest
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from campaign_kit.appeals.blocks import AppealTextBlock
from campaign_kit.campaigns.blocks import CampaignStreamBlock, NewsStreamBlock
from campaign_kit.core import blocks
from campaign_kit.events.blocks import EventBodyBlock
from home.blocks import StandardStreamBlock

pytestmark = pytest.mark.django_db


def test_paragraph_renders_rich_text_with_the_body_features():
    block = blocks.ParagraphBlock()
    html = block.render(block.to_python("<p>We support <b>objectors</b>.</p>"))
    assert html.strip() == '<div class="block-rich-text"><p>We support <b>objectors</b>.</p></div>'
    assert block.features == blocks.RICH_TEXT_FEATURES


def test_paragraph_takes_the_short_list_where_the_stream_asks():
    paragraph = AppealTextBlock().child_blocks["paragraph"]
    assert paragraph.features == blocks.SHORT_RICH_TEXT_FEATURES
    assert not {"h2", "h3"} & set(blocks.SHORT_RICH_TEXT_FEATURES)


def test_quote_renders_escaped_with_line_breaks_and_attribution():
    block = blocks.QuoteBlock()
    value = block.to_python(
        {"quote": "No one must\nbe forced to <kill>.", "attribution": "A deserter"}
    )
    html = block.render(value)
    assert '<figure class="block-quote">' in html
    assert "<blockquote><p>No one must<br>be forced to &lt;kill&gt;.</p></blockquote>" in html
    assert "— A deserter</figcaption>" in html
    html = block.render(block.to_python({"quote": "Alone", "attribution": ""}))
    assert "figcaption" not in html


def test_captioned_image_renders_srcset_lazy_and_the_editors_alt_text():
    image = Image.objects.create(title="file-name.png", file=get_test_image_file())
    block = blocks.CaptionedImageBlock()
    value = block.to_python(
        {
            "image": {
                "image": image.pk,
                "alt_text": "A banner at the embassy",
                "decorative": False,
            },
            "caption": "Our banner",
        }
    )
    html = block.render(value)
    assert '<figure class="block-figure">' in html
    assert 'alt="A banner at the embassy"' in html and "file-name" not in html
    assert 'loading="lazy"' in html and 'decoding="async"' in html
    assert "srcset=" in html and 'sizes="(min-width: 48rem) 44rem, 100vw"' in html
    assert "<figcaption>Our banner</figcaption>" in html


def test_captioned_image_marked_decorative_has_empty_alt():
    image = Image.objects.create(title="file-name.png", file=get_test_image_file())
    block = blocks.CaptionedImageBlock()
    value = block.to_python(
        {"image": {"image": image.pk, "alt_text": "ignored", "decorative": True}, "caption": ""}
    )
    html = block.render(value)
    assert 'alt=""' in html and "ignored" not in html and "figcaption" not in html


def test_an_old_event_image_value_still_loads():
    """Event bodies stored an image id (ImageChooserBlock); the shared block reads it, with
    the alt text it had before (Wagtail's default for such values: the image's title) until an
    editor sets one in the block."""
    image = Image.objects.create(title="Hall", file=get_test_image_file())
    value = EventBodyBlock().to_python(
        [{"type": "image", "value": {"image": image.pk, "caption": "Hall"}}]
    )
    assert value[0].value["image"].pk == image.pk
    html = value[0].render()
    assert 'alt="Hall"' in html and 'loading="lazy"' in html and "srcset=" in html


@pytest.mark.parametrize(
    ("stream", "names"),
    [
        (
            StandardStreamBlock,
            {"rich_text": "ParagraphBlock", "image": "CaptionedImageBlock", "quote": "QuoteBlock"},
        ),
        (
            NewsStreamBlock,
            {"rich_text": "ParagraphBlock", "image": "CaptionedImageBlock", "quote": "QuoteBlock"},
        ),
        (
            CampaignStreamBlock,
            {"rich_text": "ParagraphBlock", "image": "CaptionedImageBlock", "quote": "QuoteBlock"},
        ),
        (EventBodyBlock, {"paragraph": "ParagraphBlock", "image": "CaptionedImageBlock"}),
        (AppealTextBlock, {"paragraph": "ParagraphBlock"}),
    ],
)
def test_every_app_stream_uses_the_shared_blocks(stream, names):
    children = stream().child_blocks
    for name, class_name in names.items():
        block_class = type(children[name])
        assert block_class is getattr(blocks, class_name), (stream, name)
