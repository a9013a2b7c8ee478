"""Blocks for the appeal text; each renders through its own template."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks


class HeadingBlock(blocks.CharBlock):
    class Meta:
        icon = "title"
        label = _("Heading")
        template = "campaign_kit_appeals/blocks/heading.html"


class ParagraphBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        kwargs.setdefault("features", ["bold", "italic", "link", "ol", "ul"])
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"
        label = _("Paragraph")
        template = "campaign_kit_appeals/blocks/paragraph.html"


class DemandsBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), max_length=200)
    items = blocks.ListBlock(blocks.CharBlock(max_length=500), label=_("Demands"))

    class Meta:
        icon = "list-ol"
        label = _("List of demands")
        template = "campaign_kit_appeals/blocks/demands.html"


class AppealTextBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    demands = DemandsBlock()
