"""StreamField blocks for event pages; each renders through its own template."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock

RICH_TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul", "h2", "h3"]


class ParagraphBlock(blocks.RichTextBlock):
    class Meta:
        icon = "pilcrow"
        label = _("Paragraph")
        template = "campaign_kit_events/blocks/paragraph.html"


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=250)

    class Meta:
        icon = "image"
        label = _("Image")
        template = "campaign_kit_events/blocks/image.html"


class ProgrammeItemBlock(blocks.StructBlock):
    time = blocks.CharBlock(label=_("Time"), max_length=40)
    description = blocks.CharBlock(label=_("Description"), max_length=250)


class ProgrammeBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), required=False, max_length=120)
    items = blocks.ListBlock(ProgrammeItemBlock(), label=_("Items"))

    class Meta:
        icon = "list-ul"
        label = _("Programme")
        template = "campaign_kit_events/blocks/programme.html"


class EventBodyBlock(blocks.StreamBlock):
    paragraph = ParagraphBlock(features=RICH_TEXT_FEATURES)
    image = ImageBlock()
    programme = ProgrammeBlock()
