"""Blocks for the appeal text; each renders through its own template.

Paragraphs are the suite's shared text block (campaign_kit.core.blocks) with the short
feature list: the appeal's outline comes from its heading blocks. ``ParagraphBlock`` stays
importable from here because migration 0001 names it by this path.
"""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from campaign_kit.core.blocks import SHORT_RICH_TEXT_FEATURES, ParagraphBlock


class HeadingBlock(blocks.CharBlock):
    class Meta:
        icon = "title"
        label = _("Heading")
        template = "campaign_kit_appeals/blocks/heading.html"


class DemandsBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), max_length=200)
    items = blocks.ListBlock(blocks.CharBlock(max_length=500), label=_("Demands"))

    class Meta:
        icon = "list-ol"
        label = _("List of demands")
        template = "campaign_kit_appeals/blocks/demands.html"


class AppealTextBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = ParagraphBlock(features=SHORT_RICH_TEXT_FEATURES, label=_("Paragraph"))
    demands = DemandsBlock()
