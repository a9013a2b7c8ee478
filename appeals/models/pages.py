"""AppealIndexPage and AppealPage."""

from django.db import models
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, PageChooserPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from campaign_kit.core.blocks import SHORT_RICH_TEXT_FEATURES
from campaign_kit.core.pages import campaign_page_types
from campaign_kit.core.sync import SharedField

from ..blocks import AppealTextBlock


def goal_percent(people, goal):
    """How far ``people`` are towards ``goal``, 0 to 100 (None without a goal)."""
    if not goal:
        return None
    return min(100, round(people * 100 / goal))


class AppealIndexPage(Page):
    intro = models.TextField(_("introduction"), blank=True, max_length=1000)

    subpage_types = ["campaign_kit_appeals.AppealPage"]
    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    override_translatable_fields = [
        TranslatableField("title"),
        TranslatableField("slug"),
        TranslatableField("seo_title"),
        TranslatableField("search_description"),
        TranslatableField("intro"),
        SynchronizedField("show_in_menus"),
    ]

    class Meta:
        verbose_name = _("appeal list")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["appeals"] = (
            AppealPage.objects.child_of(self)
            .live()
            .public()
            .specific()
            .order_by("-first_published_at")
        )
        return context


class AppealStatus(models.TextChoices):
    OPEN = "open", _("Open for signatures")
    CLOSED = "closed", _("Closed")
    DELIVERED = "delivered", _("Delivered")


class AppealPage(RoutablePageMixin, Page):
    intro = models.TextField(_("summary"), blank=True, max_length=1000)
    body = StreamField(AppealTextBlock(), verbose_name=_("appeal text"))
    addressees = models.TextField(
        _("addressed to"), max_length=1000, help_text=_("One addressee per line.")
    )
    initiators = models.TextField(
        _("initiated by"), blank=True, max_length=1000, help_text=_("One per line.")
    )
    goal = models.PositiveIntegerField(_("goal (people)"), null=True, blank=True)
    deadline = models.DateField(_("deadline"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=AppealStatus.choices, default=AppealStatus.OPEN
    )
    closed_on = models.DateField(
        _("closed on"), null=True, blank=True, help_text=_("Set automatically when closed.")
    )
    delivered_on = models.DateField(_("delivered on"), null=True, blank=True)
    allow_organisations = models.BooleanField(_("organisations can co-sign"), default=True)
    # The list shows names people chose to publish here, not to search engines: an editor
    # opts in per appeal.
    index_signatories = models.BooleanField(
        _("search engines may index the signatories page"),
        default=False,
        help_text=_(
            "Off: the list of signatories asks search engines not to index it. It is never "
            "in the sitemap."
        ),
    )
    thank_you = RichTextField(_("thank-you text"), blank=True, features=SHORT_RICH_TEXT_FEATURES)
    campaign = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("campaign"),
    )

    search_fields = Page.search_fields + [
        index.SearchField("intro", boost=2),
        index.SearchField("body"),
        index.SearchField("addressees"),
        index.SearchField("initiators"),
    ]
    # Anywhere a host's page types allow it (under an appeal index, a home or content page):
    # naming a host's models here would fail its system checks (wagtailcore.E002).
    subpage_types = []

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("addressees"), FieldPanel("initiators")],
            heading=_("Addressees and initiators"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("goal"), FieldPanel("deadline")]),
                FieldRowPanel(
                    [FieldPanel("status"), FieldPanel("closed_on"), FieldPanel("delivered_on")]
                ),
                FieldPanel("allow_organisations"),
                FieldPanel("index_signatories"),
            ],
            heading=_("Signing"),
        ),
        FieldPanel("thank_you"),
        PageChooserPanel("campaign", page_type=campaign_page_types()),
    ]
    override_translatable_fields = [
        TranslatableField("title"),
        TranslatableField("slug"),
        TranslatableField("seo_title"),
        TranslatableField("search_description"),
        TranslatableField("intro"),
        TranslatableField("body"),
        TranslatableField("addressees"),
        TranslatableField("initiators"),
        TranslatableField("thank_you"),
        SharedField("goal"),
        SharedField("deadline"),
        SharedField("status"),
        SharedField("closed_on"),
        SharedField("delivered_on"),
        SharedField("allow_organisations"),
        SharedField("index_signatories"),
        SharedField("campaign"),
        SynchronizedField("show_in_menus"),
    ]

    class Meta:
        verbose_name = _("appeal")

    def save(self, *args, **kwargs):
        if self.status != AppealStatus.OPEN and not self.closed_on:
            self.closed_on = self.delivered_on or timezone.localdate()
        if self.status == AppealStatus.DELIVERED and not self.delivered_on:
            self.delivered_on = timezone.localdate()
        super().save(*args, **kwargs)

    @property
    def is_open(self):
        if self.status != AppealStatus.OPEN:
            return False
        return self.deadline is None or self.deadline >= timezone.localdate()

    @property
    def addressee_list(self):
        return [line.strip() for line in self.addressees.splitlines() if line.strip()]

    @property
    def initiator_list(self):
        return [line.strip() for line in self.initiators.splitlines() if line.strip()]

    @property
    def teaser_meta(self):
        if self.status == AppealStatus.DELIVERED and self.delivered_on:
            return _("Delivered on %(date)s") % {"date": date_format(self.delivered_on)}
        if self.deadline:
            return _("Open until %(date)s") % {"date": date_format(self.deadline)}
        return AppealStatus(self.status).label

    def counter(self):
        from ..selectors import appeal_counts

        return appeal_counts(self.translation_key)

    @cached_property
    def progress(self):
        """``{"counter", "percent"}`` for lists that show the count (one query)."""
        counter = self.counter()
        return {"counter": counter, "percent": goal_percent(counter.total_people, self.goal)}

    # Routes (the views live in appeals/views.py)
    @path("")
    def appeal(self, request):
        from .. import views

        return views.appeal_page(request, self)

    @path("sent/", name="sent")
    def sent(self, request):
        from .. import views

        return views.sent(request, self)

    @path("signatories/", name="signatories")
    def signatories(self, request):
        from .. import views

        return views.signatories(request, self)

    @path("counts/", name="counts")
    def counts_json(self, request):
        from .. import views

        return views.counts_json(request, self)

    @path("badge/", name="badge")
    def badge(self, request):
        from .. import views

        return views.badge(request, self)

    @path("logo/<uuid:public_id>/", name="logo")
    def logo(self, request, public_id):
        from .. import views

        return views.logo(request, self, public_id)
