"""The hub page of one campaign: intro, body, donation progress, contact and sections."""

from decimal import Decimal

from django.core.validators import MinValueValidator, RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from campaign_kit.core import contact, registry
from campaign_kit.core.restrictions import unrestricted
from campaign_kit.core.sync import SharedField

from ..blocks import CampaignStreamBlock
from ..money import format_money, progress_percent

SECTION_SIZE = 3


class CampaignPage(RoutablePageMixin, Page):
    intro = models.TextField(_("introduction"), max_length=800, blank=True)
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    image_alt = models.CharField(
        _("image description"),
        max_length=250,
        blank=True,
        help_text=_("What the image shows, for people who cannot see it. Empty: decorative."),
    )
    body = StreamField(CampaignStreamBlock(), verbose_name=_("body"), blank=True)

    # Donation progress, updated by editors (no payment processing here).
    amount_raised = models.DecimalField(
        _("amount raised"),
        max_digits=12,
        decimal_places=2,
        default=Decimal("0"),
        validators=[MinValueValidator(Decimal("0"))],
    )
    currency = models.CharField(
        _("currency"),
        max_length=3,
        default="EUR",
        validators=[RegexValidator(r"^[A-Z]{3}$", _("Use a three-letter ISO code, e.g. EUR."))],
        help_text=_("Three-letter ISO code, e.g. EUR."),
    )
    donation_goal = models.DecimalField(
        _("goal"),
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0.01"))],
    )
    donations_as_of = models.DateField(_("as of"), null=True, blank=True)
    donation_sources = models.TextField(
        _("note on sources"),
        max_length=500,
        blank=True,
        help_text=_("Where the figure comes from, e.g. bank account and online donations."),
    )
    donate_url = models.URLField(
        _("donate link"),
        blank=True,
        help_text=_("Optional link to your own donation page. Nothing is embedded."),
    )
    donate_label = models.CharField(_("donate button label"), max_length=60, blank=True)

    # Contact block: falls back to the site settings when empty.
    contact_heading = models.CharField(_("contact heading"), max_length=120, blank=True)
    contact_phone = models.CharField(_("phone"), max_length=40, blank=True)
    contact_hours = models.CharField(_("hours"), max_length=120, blank=True)
    contact_email = models.EmailField(_("e-mail"), blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("image"),
        FieldPanel("image_alt"),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("amount_raised"), FieldPanel("currency")]),
                FieldRowPanel([FieldPanel("donation_goal"), FieldPanel("donations_as_of")]),
                FieldPanel("donation_sources"),
                FieldRowPanel([FieldPanel("donate_url"), FieldPanel("donate_label")]),
            ],
            heading=_("Donation progress"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("contact_heading"),
                FieldRowPanel([FieldPanel("contact_phone"), FieldPanel("contact_hours")]),
                FieldPanel("contact_email"),
            ],
            heading=_("Contact (leave empty to use the site settings)"),
        ),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]
    override_translatable_fields = [
        TranslatableField("title"),
        TranslatableField("seo_title"),
        TranslatableField("search_description"),
        TranslatableField("slug"),
        TranslatableField("intro"),
        TranslatableField("body"),
        TranslatableField("donation_sources"),
        TranslatableField("donate_label"),
        TranslatableField("contact_heading"),
        TranslatableField("contact_hours"),
        SynchronizedField("image"),
        TranslatableField("image_alt"),
        SharedField("amount_raised"),
        SharedField("currency"),
        SharedField("donation_goal"),
        SharedField("donations_as_of"),
        SynchronizedField("donate_url"),
        SynchronizedField("contact_phone"),
        SynchronizedField("contact_email"),
        SynchronizedField("show_in_menus"),
    ]

    class Meta:
        verbose_name = _("campaign page")

    # Donation progress -------------------------------------------------
    @property
    def language_code(self):
        return self.locale.language_code

    @property
    def amount_raised_display(self):
        return format_money(self.amount_raised, self.currency, self.language_code)

    @property
    def donation_goal_display(self):
        if self.donation_goal is None:
            return ""
        return format_money(self.donation_goal, self.currency, self.language_code)

    @property
    def donation_percent(self):
        return progress_percent(self.amount_raised, self.donation_goal)

    @property
    def teaser_meta(self):
        if self.amount_raised:
            return _("%(amount)s raised") % {"amount": self.amount_raised_display}
        return ""

    # Sections -----------------------------------------------------------
    def latest_news(self, limit=SECTION_SIZE):
        from ..selectors import news_for_campaign

        return news_for_campaign(self, limit=limit)

    def materials(self):
        from ..selectors import materials_for_campaign

        return materials_for_campaign(self)

    def upcoming_events(self, limit=SECTION_SIZE):
        return registry.section_items("events", self.locale, limit, campaign=self)

    def open_appeals(self, limit=SECTION_SIZE):
        return registry.section_items("appeals", self.locale, limit, campaign=self)

    def contact_details(self, request):
        """The page's own contact fields, falling back to the site's settings model."""
        fallback = contact.for_request(request)
        hours = getattr(fallback, "hotline_hours_display", None)
        return {
            "heading": self.contact_heading,
            "phone": self.contact_phone or getattr(fallback, "hotline_phone", ""),
            "hours": self.contact_hours or (hours() if hours else ""),
            "email": self.contact_email or getattr(fallback, "contact_email", ""),
        }

    def donation_details(self, request):
        """Where to give: the page's own donate link, else the site's, and the site's bank
        account (from the contact settings)."""
        fallback = contact.for_request(request)
        return {
            "url": self.donate_url or getattr(fallback, "donate_url", ""),
            "holder": getattr(fallback, "bank_account_holder", ""),
            "iban": getattr(fallback, "bank_iban", ""),
            "bic": getattr(fallback, "bank_bic", ""),
        }

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        events = self.upcoming_events()
        context.update(
            latest_news=self.latest_news(),
            upcoming_events=events,
            open_appeals=self.open_appeals(),
            campaign_materials=self.materials(),
            contact=self.contact_details(request),
            donation=self.donation_details(request),
            news_index=self.news_index(),
            materials_page=next(iter(registry.section_items("materials", self.locale, 1)), None),
            events_index=self._events_index(events),
        )
        return context

    @staticmethod
    def _events_index(events):
        """The list the campaign's events belong to (their parent page), if any."""
        return events[0].get_parent() if events else None

    def news_index(self):
        from .news import NewsIndexPage

        return NewsIndexPage.objects.live().filter(unrestricted(), locale_id=self.locale_id).first()

    # Feeds of this campaign's news --------------------------------------
    @path("news/rss/", name="rss")
    def rss_feed(self, request):
        from ..feeds import campaign_feed

        return campaign_feed(request, self, atom=False)

    @path("news/atom/", name="atom")
    def atom_feed(self, request):
        from ..feeds import campaign_feed

        return campaign_feed(request, self, atom=True)
