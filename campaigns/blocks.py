"""StreamField blocks for campaign and news pages; each renders its own template.

Text, quotes and captioned images are the suite's shared blocks (campaign_kit.core.blocks).
"""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock

from campaign_kit.core.blocks import CaptionedImageBlock, ParagraphBlock, QuoteBlock


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    label = blocks.CharBlock(
        label=_("Link text"), required=False, max_length=120, help_text=_("Defaults to the title.")
    )

    class Meta:
        icon = "doc-full"
        label = _("Document link")
        template = "campaign_kit_campaigns/blocks/document_link.html"


class PressMentionBlock(blocks.StructBlock):
    outlet = blocks.CharBlock(label=_("Outlet"), max_length=120)
    date = blocks.DateBlock(label=_("Date"), required=False)
    headline = blocks.CharBlock(label=_("Headline"), required=False, max_length=250)
    url = blocks.URLBlock(label=_("Link"), required=False)

    class Meta:
        icon = "link"
        label = _("Press mention")
        template = "campaign_kit_campaigns/blocks/press_mention.html"


class MilestoneBlock(blocks.StructBlock):
    date = blocks.DateBlock(label=_("Date"))
    text = blocks.CharBlock(label=_("What happened"), max_length=300)


class TimelineBlock(blocks.StructBlock):
    """What the campaign has achieved so far, oldest first."""

    heading = blocks.CharBlock(label=_("Heading"), max_length=120)
    items = blocks.ListBlock(MilestoneBlock(), label=_("Milestones"))

    class Meta:
        icon = "date"
        label = _("Timeline")
        template = "campaign_kit_campaigns/blocks/timeline.html"


class NewsStreamBlock(blocks.StreamBlock):
    rich_text = ParagraphBlock()
    quote = QuoteBlock()
    image = CaptionedImageBlock()
    document_link = DocumentLinkBlock()
    press_mention = PressMentionBlock()


class CampaignStreamBlock(NewsStreamBlock):
    timeline = TimelineBlock()
