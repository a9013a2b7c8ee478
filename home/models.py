"""Site-wide pages (home, standard pages) and the site settings editors maintain."""

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail.snippets.models import register_snippet
from wagtail_localize.fields import SynchronizedField, TranslatableField

from campaign_kit.core import structured
from campaign_kit.core.models import ContactDetails

from . import colours
from .blocks import RICH_TEXT_FEATURES, StandardStreamBlock

hex_colour = RegexValidator(
    colours.HEX, _("Enter a colour as # and six hexadecimal digits, e.g. #0b4f8a.")
)


class HomePage(Page):
    hero_title = models.CharField(_("hero title"), max_length=160)
    hero_text = models.TextField(_("hero text"), max_length=600, blank=True)
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("hero image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    hero_image_alt = models.CharField(
        _("hero image description"),
        max_length=250,
        blank=True,
        help_text=_("What the image shows, for people who cannot see it. Empty: decorative."),
    )
    hero_link_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("hero button page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    hero_link_label = models.CharField(_("hero button label"), max_length=60, blank=True)
    featured_campaign = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("featured campaign"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    body = StreamField(StandardStreamBlock(), verbose_name=_("body"), blank=True)

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("hero_title"),
                FieldPanel("hero_text"),
                FieldPanel("hero_image"),
                FieldPanel("hero_image_alt"),
                FieldPanel("hero_link_page"),
                FieldPanel("hero_link_label"),
            ],
            heading=_("Hero"),
        ),
        FieldPanel("featured_campaign"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("hero_title"),
        index.SearchField("hero_text"),
    ]
    parent_page_types = ["wagtailcore.Page"]

    # wagtail-localize: text is translated per language; images and links to other
    # pages are the same in every language (page links resolve to the visitor's
    # language at render time).
    override_translatable_fields = [
        TranslatableField("title"),
        TranslatableField("slug"),
        TranslatableField("seo_title"),
        TranslatableField("search_description"),
        TranslatableField("hero_title"),
        TranslatableField("hero_text"),
        TranslatableField("hero_link_label"),
        TranslatableField("hero_image_alt"),
        TranslatableField("body"),
        SynchronizedField("hero_image"),
        SynchronizedField("hero_link_page"),
        SynchronizedField("featured_campaign"),
        SynchronizedField("show_in_menus"),
    ]

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        from .sections import home_sections, hotline_languages

        context = super().get_context(request, *args, **kwargs)
        context.update(home_sections(self))
        context["hotline_languages"] = hotline_languages(SiteSettings.for_request(request))
        context["jsonld"] = structured.dumps(
            {
                "@context": "https://schema.org",
                "@graph": [structured.organization(request), structured.website(request, self)],
            }
        )
        return context


class StandardPage(Page):
    intro = models.TextField(_("introduction"), max_length=600, blank=True)
    body = StreamField(StandardStreamBlock(), verbose_name=_("body"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]
    subpage_types = ["home.StandardPage"]

    override_translatable_fields = [
        TranslatableField("title"),
        TranslatableField("slug"),
        TranslatableField("seo_title"),
        TranslatableField("search_description"),
        TranslatableField("intro"),
        TranslatableField("body"),
        SynchronizedField("show_in_menus"),
    ]

    class Meta:
        verbose_name = _("standard page")


@register_setting(icon="site")
class SiteSettings(ClusterableModel, ContactDetails, BaseSiteSetting):
    """Organisation and contact details shown in the footer, hotline blocks and e-mails.

    Site settings hold one value per site for every language, so they carry only
    language-neutral data (names, addresses, phone numbers, hours written as times).
    Text visitors read in their language lives in the translatable `FooterText` snippet.
    """

    hotline_languages = models.CharField(
        _("hotline languages"),
        max_length=60,
        blank=True,
        help_text=_("Language codes separated by commas, e.g. ru, en, de."),
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown in the header and in link previews; PNG or WebP, at least 88 px high."),
    )
    primary_colour = models.CharField(
        _("primary colour"),
        max_length=7,
        default="#0b4f8a",
        validators=[hex_colour],
        help_text=_("Links, buttons with white text and the hero's background. Must be dark."),
    )
    accent_colour = models.CharField(
        _("accent colour"),
        max_length=7,
        default="#f5c400",
        validators=[hex_colour],
        help_text=_("The call-to-action button with dark text. Must be light."),
    )
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("default hero image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown as decoration in the hero of pages that have no image of their own."),
    )
    panels = [
        MultiFieldPanel(
            [
                FieldPanel("logo"),
                FieldPanel("primary_colour"),
                FieldPanel("accent_colour"),
                FieldPanel("hero_image"),
            ],
            heading=_("Identity"),
        ),
        FieldPanel("organisation_name"),
        FieldPanel("contact_email"),
        MultiFieldPanel(
            [
                FieldPanel("hotline_phone"),
                FieldRowPanel([FieldPanel("hotline_days"), FieldPanel("hotline_time_zone")]),
                FieldRowPanel([FieldPanel("hotline_opens"), FieldPanel("hotline_closes")]),
                FieldPanel("hotline_hours"),
                FieldPanel("hotline_languages"),
            ],
            heading=_("Hotline"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("donate_url"),
                FieldPanel("bank_account_holder"),
                FieldRowPanel([FieldPanel("bank_iban"), FieldPanel("bank_bic")]),
            ],
            heading=_("Donations"),
        ),
        FieldPanel("privacy_policy_page"),
        InlinePanel("footer_links", label=_("Footer links")),
        InlinePanel("social_links", label=_("Social links")),
    ]

    class Meta:
        verbose_name = _("site settings")

    def clean(self):
        errors = {}
        try:
            super().clean()  # the contact fields' checks (ContactDetails)
        except ValidationError as exc:
            errors = exc.update_error_dict(errors)
        valid = colours.HEX.match
        if self.primary_colour and valid(self.primary_colour):
            ratio = colours.primary_problem(self.primary_colour)
            if ratio is not None:
                errors["primary_colour"] = _(
                    "This colour has a contrast of only %(ratio).1f:1 with white text and the "
                    "light background; WCAG AA needs 4.5:1. Choose a darker colour."
                ) % {"ratio": ratio}
        if self.accent_colour and valid(self.accent_colour):
            ratio = colours.accent_problem(self.accent_colour)
            if ratio is not None:
                errors["accent_colour"] = _(
                    "This colour has a contrast of only %(ratio).1f:1 with the dark button text; "
                    "WCAG AA needs 4.5:1. Choose a lighter colour."
                ) % {"ratio": ratio}
        if errors:
            raise ValidationError(errors)

    def theme_css(self):
        """The custom properties overriding the theme's colours, or "" for the defaults."""
        primary, accent = self.primary_colour or "", self.accent_colour or ""
        if not (colours.HEX.match(primary) and colours.HEX.match(accent)):
            return ""
        if colours.primary_problem(primary) or colours.accent_problem(accent):
            return ""  # saved before the check existed: keep the readable defaults
        properties = colours.theme_properties(primary.lower(), accent.lower())
        return ";".join(f"{name}:{value}" for name, value in properties.items())

    @property
    def hotline_language_codes(self):
        return [code.strip() for code in self.hotline_languages.split(",") if code.strip()]


class FooterLink(Orderable):
    settings = ParentalKey(SiteSettings, related_name="footer_links", on_delete=models.CASCADE)
    page = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("page"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("page")]


class SocialLink(Orderable):
    settings = ParentalKey(SiteSettings, related_name="social_links", on_delete=models.CASCADE)
    label = models.CharField(_("label"), max_length=60)
    url = models.URLField(_("address"))

    panels = [FieldPanel("label"), FieldPanel("url")]


@register_snippet
class FooterText(TranslatableMixin, models.Model):
    """The footer's text, one per language (translated with wagtail-localize).

    A language without its own footer text shows none rather than another language's.
    """

    text = RichTextField(_("text"), features=RICH_TEXT_FEATURES, max_length=2000)

    panels = [FieldPanel("text")]
    override_translatable_fields = [TranslatableField("text")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("footer text")
        verbose_name_plural = _("footer texts")

    def __str__(self):
        return str(_("Footer text (%(language)s)") % {"language": self.locale.get_display_name()})


@register_snippet
class MainMenu(TranslatableMixin, ClusterableModel):
    """The header menu of one language: links to pages (or other addresses) and one call to
    action. A language without a menu of its own shows the default language's menu with the
    pages' titles in the visitor's language; an item whose page was deleted or is not
    translated is left out rather than breaking the page."""

    cta_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("call-to-action page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The one button in the header, e.g. the appeal to sign."),
    )
    cta_label = models.CharField(_("call-to-action label"), max_length=40, blank=True)

    panels = [
        InlinePanel("items", label=_("Menu items"), min_num=0),
        MultiFieldPanel([FieldPanel("cta_page"), FieldPanel("cta_label")], heading=_("Button")),
    ]
    override_translatable_fields = [
        TranslatableField("cta_label"),
        SynchronizedField("cta_page"),
        TranslatableField("items"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("main menu")
        verbose_name_plural = _("main menus")

    def __str__(self):
        return str(_("Main menu (%(language)s)") % {"language": self.locale.get_display_name()})


class MenuItem(TranslatableMixin, Orderable):
    menu = ParentalKey(MainMenu, related_name="items", on_delete=models.CASCADE)
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    url = models.URLField(_("or another address"), blank=True)
    label = models.CharField(
        _("label"), max_length=40, blank=True, help_text=_("Empty: the page's title.")
    )

    panels = [FieldPanel("page"), FieldPanel("url"), FieldPanel("label")]
    # The address is shared; a translator may point it at a page in their language.
    override_translatable_fields = [
        TranslatableField("label"),
        SynchronizedField("page"),
        SynchronizedField("url", overridable=True),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["sort_order"]
        verbose_name = _("menu item")

    def clean(self):
        super().clean()
        if self.page_id is None and not self.url:
            raise ValidationError(
                _(
                    "Choose a page or enter an address. (If this item linked to a page, the "
                    "page was deleted: choose another one or remove the item.)"
                )
            )
        if self.url and not self.label:
            raise ValidationError({"label": _("Give a label for the address.")})
