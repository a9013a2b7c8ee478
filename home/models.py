"""Site-wide pages (home, standard pages) and the site settings editors maintain."""

from django.conf import settings as django_settings
from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail.snippets.models import register_snippet
from wagtail_localize.fields import SynchronizedField, TranslatableField

from campaign_kit.core.models import ContactDetails

from .blocks import RICH_TEXT_FEATURES, StandardStreamBlock


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
        TranslatableField("body"),
        SynchronizedField("hero_image"),
        SynchronizedField("hero_link_page"),
        SynchronizedField("featured_campaign"),
        SynchronizedField("show_in_menus"),
    ]

    class Meta:
        verbose_name = _("home page")

    @property
    def localized(self):
        """The home page in the active language, as Wagtail's ``localized`` answers it; on a
        site root handed over by ``sitecontext`` (which knows every translation) without the
        two queries for the locale and the translation."""
        translations = getattr(self, "_campaign_kit_translations", None)
        if translations is not None and getattr(django_settings, "WAGTAIL_I18N_ENABLED", False):
            try:
                code = get_supported_content_language_variant(translation.get_language())
            except LookupError:
                code = None
            page = translations.get(code)
            if page is not None:
                return page if page.live else self
        return super().localized

    def route(self, request, path_components):
        from .routing import load_served, route_below

        if path_components:
            result = route_below(self, request, path_components)
            if result is not None:
                return result
        elif getattr(self, "_campaign_kit_stub", False):
            # Routed from the cached base fields (see sitecontext): the home page itself is
            # served, so it is loaded whole now, in the one query ``.specific`` would run.
            return load_served(type(self), self.pk).route(request, path_components)
        return super().route(request, path_components)

    def get_context(self, request, *args, **kwargs):
        from .sections import home_sections

        context = super().get_context(request, *args, **kwargs)
        context.update(home_sections(self))
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
    panels = [
        FieldPanel("organisation_name"),
        FieldPanel("contact_email"),
        MultiFieldPanel(
            [
                FieldPanel("hotline_phone"),
                FieldPanel("hotline_hours"),
                FieldPanel("hotline_languages"),
            ],
            heading=_("Hotline"),
        ),
        FieldPanel("privacy_policy_page"),
        InlinePanel("footer_links", label=_("Footer links")),
        InlinePanel("social_links", label=_("Social links")),
    ]

    class Meta:
        verbose_name = _("site settings")

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

    @classmethod
    def for_locale(cls, locale):
        return cls.objects.filter(locale=locale).order_by("pk").first()
