"""StreamField blocks for event pages; each renders through its own template.

Text and captioned images are the suite's shared blocks (campaign_kit.core.blocks); the
programme is the events app's own. ``ParagraphBlock`` stays importable from here because
migration 0001 names it by this path.
"""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from campaign_kit.core.blocks import CaptionedImageBlock, ParagraphBlock


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
    paragraph = ParagraphBlock()
    image = CaptionedImageBlock()
    programme = ProgrammeBlock()
