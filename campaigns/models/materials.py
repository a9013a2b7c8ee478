"""Materials (flyers, leaflets) built on Wagtail documents, their library page and downloads."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _
from django_countries import countries
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, PageChooserPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from campaign_kit.core import conf
from campaign_kit.core.pages import campaign_page_types


def material_language_choices():
    return conf.get("MATERIAL_LANGUAGES") or settings.LANGUAGES


class Material(TranslatableMixin, index.Indexed, models.Model):
    """One flyer or leaflet: a document in one language, described for readers."""

    title = models.CharField(_("title"), max_length=160)
    description = models.TextField(_("description"), max_length=600, blank=True)
    language = models.CharField(
        _("language of the material"), max_length=10, choices=material_language_choices
    )
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("file"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    preview_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("preview image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    campaign = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("campaign"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    orderable = models.BooleanField(
        _("can be ordered in print"), default=True, help_text=_("Offer printed copies.")
    )
    max_quantity = models.PositiveIntegerField(
        _("maximum copies per order"),
        default=50,
        validators=[MinValueValidator(1), MaxValueValidator(10_000)],
    )
    sort_order = models.IntegerField(_("sort order"), default=0)

    panels = [
        FieldPanel("title"),
        FieldPanel("description"),
        FieldPanel("language"),
        FieldPanel("document"),
        FieldPanel("preview_image"),
        PageChooserPanel("campaign", page_type=campaign_page_types()),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("orderable"), FieldPanel("max_quantity")])],
            heading=_("Print orders"),
        ),
        FieldPanel("sort_order"),
    ]
    search_fields = [
        index.SearchField("title"),
        index.SearchField("description"),
        index.AutocompleteField("title"),
        index.FilterField("locale_id"),
    ]
    override_translatable_fields = [
        TranslatableField("title"),
        TranslatableField("description"),
        SynchronizedField("language"),
        SynchronizedField("document"),
        SynchronizedField("preview_image"),
        SynchronizedField("campaign"),
        SynchronizedField("orderable"),
        SynchronizedField("max_quantity"),
        SynchronizedField("sort_order"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("material")
        verbose_name_plural = _("materials")
        ordering = ["sort_order", "title"]

    def __str__(self):
        return self.title

    @property
    def language_name(self):
        try:
            return get_language_info(self.language)["name_local"]
        except KeyError:
            return self.language

    @property
    def file_type(self):
        return (self.document.file_extension or "").upper()

    @property
    def file_size(self):
        return self.document.get_file_size()

    def get_download_url(self):
        return reverse("campaign_kit_campaigns:material_download", kwargs={"pk": self.pk})


class DownloadCount(models.Model):
    """Downloads per material (all translations together) and day; nothing about the reader."""

    material_key = models.UUIDField(_("material"), db_index=True)
    day = models.DateField(_("day"))
    count = models.PositiveIntegerField(_("downloads"), default=0)

    class Meta:
        verbose_name = _("download count")
        verbose_name_plural = _("download counts")
        constraints = [
            models.UniqueConstraint(fields=["material_key", "day"], name="campaigns_download_day")
        ]

    def __str__(self):
        return f"{self.day}: {self.count}"


EU_MEMBERS = (
    "AT",
    "BE",
    "BG",
    "CY",
    "CZ",
    "DE",
    "DK",
    "EE",
    "ES",
    "FI",
    "FR",
    "GR",
    "HR",
    "HU",
    "IE",
    "IT",
    "LT",
    "LU",
    "LV",
    "MT",
    "NL",
    "PL",
    "PT",
    "RO",
    "SE",
    "SI",
    "SK",
)


def _codes(text):
    return [code.strip().upper() for code in (text or "").split(",") if code.strip()]


class MaterialsPage(RoutablePageMixin, Page):
    """The library of materials with the print order form."""

    intro = models.TextField(_("introduction"), max_length=800, blank=True)
    order_intro = models.TextField(
        _("order form introduction"),
        max_length=800,
        blank=True,
        help_text=_("Shown above the print order form, e.g. delivery times and countries."),
    )
    orders_open = models.BooleanField(_("accept print orders"), default=True)
    ship_to = models.CharField(
        _("countries we ship to"),
        max_length=400,
        blank=True,
        help_text=_(
            "Country codes separated by commas (e.g. DE, AT, CH); EU stands for the member "
            "states of the European Union. Empty: every country. Say the same in the "
            "introduction above."
        ),
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("order_intro"),
        FieldPanel("orders_open"),
        FieldPanel("ship_to"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("order_intro"),
    ]
    subpage_types = []
    override_translatable_fields = [
        TranslatableField("title"),
        TranslatableField("seo_title"),
        TranslatableField("search_description"),
        TranslatableField("slug"),
        TranslatableField("intro"),
        TranslatableField("order_intro"),
        SynchronizedField("orders_open"),
        SynchronizedField("ship_to"),
        SynchronizedField("show_in_menus"),
    ]

    class Meta:
        verbose_name = _("materials page")

    def clean(self):
        super().clean()
        unknown = [code for code in _codes(self.ship_to) if code != "EU" and code not in countries]
        if unknown:
            raise ValidationError(
                {
                    "ship_to": _("Unknown country codes: %(codes)s. Use ISO codes such as DE.")
                    % {"codes": ", ".join(unknown)}
                }
            )

    @property
    def shipping_countries(self):
        """The ISO codes orders may be sent to (empty: any country)."""
        found = []
        for code in _codes(self.ship_to):
            for member in EU_MEMBERS if code == "EU" else (code,):
                if member in countries and member not in found:
                    found.append(member)
        return found

    def materials(self):
        from ..selectors import materials_in_locale

        return materials_in_locale(self.locale)

    @path("", name="index")
    def index_route(self, request):
        from ..views import materials_index

        return materials_index(request, self)

    @path("order/", name="order")
    def order_route(self, request):
        from ..views import order_form

        return order_form(request, self)

    @path("order/thanks/", name="order_thanks")
    def order_thanks_route(self, request):
        from ..views import order_thanks

        return order_thanks(request, self)
