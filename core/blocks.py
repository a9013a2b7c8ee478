"""Blocks the apps share, and the suite's two rich-text feature lists.

Each block renders through its own template under ``campaign_kit/blocks/``; a host site
overrides one by putting a template of the same name earlier on its template path. App
streams (``campaigns``, ``events``, ``appeals``, the reference site's ``home``) add their
own blocks next to these.
"""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageBlock

# Body text of a page: its own headings, lists and links (pages and documents).
RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"]
# Short text under a heading of its own (an appeal's paragraphs, a thank-you note): no headings,
# so the outline stays the page's.
SHORT_RICH_TEXT_FEATURES = ["bold", "italic", "ol", "ul", "link"]


class ParagraphBlock(blocks.RichTextBlock):
    """Rich text with the body feature list unless the stream asks for another."""

    def __init__(self, features=None, **kwargs):
        super().__init__(features=features or RICH_TEXT_FEATURES, **kwargs)

    class Meta:
        icon = "pilcrow"
        label = _("Text")
        template = "campaign_kit/blocks/paragraph.html"


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("Quote"), max_length=1000)
    attribution = blocks.CharBlock(label=_("Attribution"), required=False, max_length=200)

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "campaign_kit/blocks/quote.html"


class CaptionedImageBlock(blocks.StructBlock):
    """An image with its alt text (or marked decorative, Wagtail's ImageBlock) and a caption."""

    image = ImageBlock(label=_("Image"))
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=250)

    class Meta:
        icon = "image"
        label = _("Image")
        template = "campaign_kit/blocks/captioned_image.html"
