"""News: an index with feeds and filters, and the news pages under it."""

from urllib.parse import urlencode

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, PageChooserPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from campaign_kit.core.pages import campaign_page_types
from campaign_kit.core.sync import SharedField

from ..blocks import NewsStreamBlock

NEWS_PER_PAGE = 10
RELATED_SIZE = 3
MAX_FILTER_LENGTH = 100


class NewsIndexPage(RoutablePageMixin, Page):
    intro = models.TextField(_("introduction"), max_length=600, blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    subpage_types = ["campaign_kit_campaigns.NewsPage"]
    override_translatable_fields = [
        TranslatableField("title"),
        TranslatableField("seo_title"),
        TranslatableField("search_description"),
        TranslatableField("slug"),
        TranslatableField("intro"),
        SynchronizedField("show_in_menus"),
    ]

    class Meta:
        verbose_name = _("news index page")

    def news(self):
        from ..selectors import news_pages

        return news_pages(self.locale).descendant_of(self)

    def get_context(self, request, *args, **kwargs):
        from campaign_kit.core import content

        context = super().get_context(request, *args, **kwargs)
        # The plain index (no filter, first page: what most visitors see) is a cached fragment
        # of the template; its list is then never read. Filtered lists are not cached, so that
        # arbitrary parameters cannot fill the cache.
        context.update(
            listing=content.deferred(self.listing, request.GET),
            cache_listing=not request.GET,
        )
        return context

    def listing(self, params):
        """The filters, the active ones and the page of news that ``params`` ask for."""
        from campaign_kit.core import topics

        from ..paging import list_page
        from ..selectors import campaigns_with_news, news_cards, tags_in_use, with_renditions

        news = news_cards(self.locale).descendant_of(self)
        tag = params.get("tag", "").strip()[:MAX_FILTER_LENGTH]
        campaign = None
        campaign_param = params.get("campaign", "").strip()[:MAX_FILTER_LENGTH]
        campaigns = campaigns_with_news(self.locale)
        if tag:
            news = news.filter(tags__slug=tag)
        if campaign_param:
            campaign = next((c for c in campaigns if str(c.pk) == campaign_param), None)
            if campaign is None:
                news = news.none()
            else:
                news = news.filter(campaign__translation_key=campaign.translation_key)
        news_page = list_page(news, params, NEWS_PER_PAGE)
        news_page.items = with_renditions(news_page.items)
        return {
            "news_page": news_page,
            "active_tag": tag,
            "active_campaign": campaign,
            "campaign_param": campaign_param,
            "tags": topics.labelled(tags_in_use(self), self.locale),
            "campaigns": campaigns,
            "query_string": urlencode(
                [
                    (key, value)
                    for key, value in (("tag", tag), ("campaign", campaign_param))
                    if value
                ]
            ),
        }

    @path("feed/rss/", name="rss")
    def rss_feed(self, request):
        from ..feeds import index_feed

        return index_feed(request, self, atom=False)

    @path("feed/atom/", name="atom")
    def atom_feed(self, request):
        from ..feeds import index_feed

        return index_feed(request, self, atom=True)


class NewsPageTag(TaggedItemBase):
    content_object = ParentalKey(
        "campaign_kit_campaigns.NewsPage", related_name="tagged_items", on_delete=models.CASCADE
    )


class NewsPage(Page):
    date = models.DateField(_("date"), default=timezone.localdate)
    author = models.CharField(
        _("author or organisation"), max_length=120, blank=True, help_text=_("Shown as the byline.")
    )
    summary = models.TextField(_("summary"), max_length=500)
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    tags = ClusterTaggableManager(through=NewsPageTag, blank=True, verbose_name=_("tags"))
    image_alt = models.CharField(
        _("image description"),
        max_length=250,
        blank=True,
        help_text=_("What the image shows, for people who cannot see it. Empty: decorative."),
    )
    campaign = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("campaign"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    body = StreamField(NewsStreamBlock(), verbose_name=_("body"), blank=True)

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("date"),
                FieldPanel("author"),
                PageChooserPanel("campaign", page_type=campaign_page_types()),
            ],
            heading=_("About this item"),
        ),
        FieldPanel("summary"),
        FieldPanel("image"),
        FieldPanel("image_alt"),
        FieldPanel("body"),
        FieldPanel("tags"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("date"),
    ]
    parent_page_types = ["campaign_kit_campaigns.NewsIndexPage"]
    subpage_types = []
    override_translatable_fields = [
        TranslatableField("title"),
        TranslatableField("seo_title"),
        TranslatableField("search_description"),
        TranslatableField("slug"),
        TranslatableField("summary"),
        TranslatableField("body"),
        TranslatableField("author"),
        SharedField("date"),
        SynchronizedField("image"),
        TranslatableField("image_alt"),
        SynchronizedField("campaign"),
        SynchronizedField("tags"),
        SynchronizedField("tagged_items"),
        SynchronizedField("show_in_menus"),
    ]

    class Meta:
        verbose_name = _("news page")
        ordering = ["-date", "-pk"]
        # The order of every news list, so a page of it (deep ones too) is read in order.
        indexes = [models.Index(fields=["-date", "-page_ptr"], name="ck_news_date")]

    @property
    def teaser_meta(self):
        from django.utils.formats import date_format

        parts = [date_format(self.date, "DATE_FORMAT")]
        if self.author:
            parts.append(self.author)
        return " · ".join(parts)

    def get_context(self, request, *args, **kwargs):
        from campaign_kit.core import content, related

        context = super().get_context(request, *args, **kwargs)
        # What the page shows of other pages is read only when a fragment of the template is
        # built (see the template's wagtailpagecache tags): a cached fragment costs no query.
        context.update(
            surroundings=content.deferred(self.surroundings, request),
            **related.context_for(request, self, "news"),
        )
        return context

    def surroundings(self, request):
        """The tags, campaign, neighbours, related news, index and JSON-LD of this page."""
        from campaign_kit.core import topics

        from ..jsonld import news_article_jsonld
        from ..selectors import live_translation, neighbours, related_news

        tags = list(self.tags.all())
        campaign = live_translation(self.campaign_id, self.locale_id) if self.campaign_id else None
        previous_item, next_item = neighbours(self)
        return {
            "previous_item": previous_item,
            "next_item": next_item,
            "related": related_news(self, limit=RELATED_SIZE, tag_ids=[tag.pk for tag in tags]),
            "campaign_page": campaign if campaign is not None and campaign.live else None,
            "tags": topics.labelled(tags, self.locale),
            "news_index": NewsIndexPage.objects.parent_of(self).first(),
            "jsonld": news_article_jsonld(self, request, tags=tags),
        }
