"""StreamField blocks for standard pages; each renders its own template."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from campaign_kit.core.blocks import (
    RICH_TEXT_FEATURES,  # noqa: F401 - home.models' short texts take the body list from here
    CaptionedImageBlock,
    ParagraphBlock,
    QuoteBlock,
)


class CallToActionBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=120)
    text = blocks.TextBlock(label=_("Text"), required=False, max_length=500)
    page = blocks.PageChooserBlock(label=_("Page"), required=False)
    url = blocks.URLBlock(label=_("Or external link"), required=False)
    button_label = blocks.CharBlock(label=_("Button label"), max_length=60)

    class Meta:
        icon = "pick"
        label = _("Call to action")
        template = "home/blocks/call_to_action.html"


class StandardStreamBlock(blocks.StreamBlock):
    rich_text = ParagraphBlock()
    image = CaptionedImageBlock()
    quote = QuoteBlock()
    call_to_action = CallToActionBlock()
