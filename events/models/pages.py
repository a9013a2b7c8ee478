"""EventIndexPage and EventPage."""

import zoneinfo

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Upper
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, PageChooserPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from campaign_kit.core import conf
from campaign_kit.core.pages import campaign_page_types
from campaign_kit.core.sync import SharedField

from ..admin_forms import EventPageForm
from ..blocks import EventBodyBlock

TIME_ZONE_CHOICES = sorted((name, name) for name in zoneinfo.available_timezones() if "/" in name)


def default_time_zone():
    return conf.get("EVENTS_DEFAULT_TIME_ZONE")


class EventStatus(models.TextChoices):
    SCHEDULED = "scheduled", _("Scheduled")
    CANCELLED = "cancelled", _("Cancelled")
    POSTPONED = "postponed", _("Postponed")
    MOVED_ONLINE = "moved_online", _("Moved online")


class AttendanceMode(models.TextChoices):
    OFFLINE = "offline", _("In person")
    ONLINE = "online", _("Online")
    MIXED = "mixed", _("In person and online")


ATTENDANCE_MODES = {
    AttendanceMode.OFFLINE: "https://schema.org/OfflineEventAttendanceMode",
    AttendanceMode.ONLINE: "https://schema.org/OnlineEventAttendanceMode",
    AttendanceMode.MIXED: "https://schema.org/MixedEventAttendanceMode",
}


class RegistrationMode(models.TextChoices):
    NONE = "none", _("No registration")
    OPEN = "open", _("Registration on this site")


class EventPageTag(TaggedItemBase):
    content_object = ParentalKey(
        "campaign_kit_events.EventPage", related_name="tagged_items", on_delete=models.CASCADE
    )


class EventIndexPage(RoutablePageMixin, Page):
    intro = models.TextField(_("introduction"), max_length=600, blank=True)
    past_per_page = models.PositiveSmallIntegerField(_("past events per page"), default=12)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("past_per_page")]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    override_translatable_fields = [
        TranslatableField("title"),
        TranslatableField("seo_title"),
        TranslatableField("search_description"),
        TranslatableField("slug"),
        TranslatableField("intro"),
        SynchronizedField("past_per_page"),
        SynchronizedField("show_in_menus"),
    ]
    subpage_types = ["campaign_kit_events.EventPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("event index page")

    @path("")
    def index_view(self, request):
        from ..views import event_index

        return event_index(request, self)

    @path("calendar/")
    def feed_view(self, request):
        from ..views import event_feed

        return event_feed(request, self)


class EventPageQuerySet(PageQuerySet):
    """The one rule for every list of events (home page, campaign hub, index, related links,
    feeds): an event is upcoming until its end has passed, and past from then on. Cancelled
    events stay in the lists, marked "Cancelled" (``EventPage.is_cancelled``), so that people
    who planned to come learn of it where they found the event."""

    def upcoming(self, now=None):
        return self.filter(end__gte=now or timezone.now()).order_by("start", "pk")

    def past(self, now=None):
        return self.filter(end__lt=now or timezone.now()).order_by("-start", "-pk")


class EventPage(RoutablePageMixin, Page):
    objects = PageManager.from_queryset(EventPageQuerySet)()

    summary = models.TextField(_("summary"), max_length=500)
    body = StreamField(EventBodyBlock(), verbose_name=_("body"), blank=True)
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
    start = models.DateTimeField(_("start"))
    end = models.DateTimeField(_("end"))
    time_zone = models.CharField(
        _("time zone"), max_length=64, choices=TIME_ZONE_CHOICES, default=default_time_zone
    )
    all_day = models.BooleanField(
        _("all day"), default=False, help_text=_("Only the dates of start and end are used.")
    )
    attendance_mode = models.CharField(
        _("attendance"), max_length=10, choices=AttendanceMode.choices, default="offline"
    )
    venue_name = models.CharField(_("venue"), max_length=160, blank=True)
    street = models.CharField(_("street and number"), max_length=160, blank=True)
    postcode = models.CharField(_("postcode"), max_length=16, blank=True)
    city = models.CharField(_("city"), max_length=80, blank=True, db_index=True)
    country = CountryField(_("country"), blank=True, default="DE")
    online_url = models.URLField(_("online link"), max_length=500, blank=True)
    organiser = models.CharField(_("organiser"), max_length=160, blank=True)
    organiser_url = models.URLField(_("organiser website"), max_length=500, blank=True)
    status = models.CharField(
        _("status"), max_length=14, choices=EventStatus.choices, default=EventStatus.SCHEDULED
    )
    status_note = models.CharField(
        _("status note"),
        max_length=300,
        blank=True,
        help_text=_("Shown in the banner, e.g. the new date of a postponed event."),
    )
    series = models.ForeignKey(
        "campaign_kit_events.EventSeries",
        verbose_name=_("series / action day"),
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
    tags = ClusterTaggableManager(through=EventPageTag, blank=True, verbose_name=_("tags"))

    registration_mode = models.CharField(
        _("registration"), max_length=8, choices=RegistrationMode.choices, default="none"
    )
    capacity = models.PositiveIntegerField(
        _("capacity"), null=True, blank=True, help_text=_("Leave empty for no limit.")
    )
    registration_opens_at = models.DateTimeField(_("registration opens"), null=True, blank=True)
    registration_closes_at = models.DateTimeField(
        _("registration closes"),
        null=True,
        blank=True,
        help_text=_("Empty: registration closes when the event starts."),
    )
    max_places_per_registration = models.PositiveSmallIntegerField(
        _("places per registration"), default=2
    )
    waiting_list = models.BooleanField(_("waiting list"), default=True)
    email_confirmation = models.BooleanField(
        _("confirm by e-mail"),
        default=False,
        help_text=_("Registrations count only once the link in the e-mail has been confirmed."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("image"),
        FieldPanel("image_alt"),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
                FieldRowPanel([FieldPanel("time_zone"), FieldPanel("all_day")]),
                FieldPanel("status"),
                FieldPanel("status_note"),
            ],
            heading=_("Date and status"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("attendance_mode"),
                FieldPanel("venue_name"),
                FieldPanel("street"),
                FieldRowPanel([FieldPanel("postcode"), FieldPanel("city")]),
                FieldPanel("country"),
                FieldPanel("online_url"),
            ],
            heading=_("Place"),
        ),
        MultiFieldPanel(
            [FieldPanel("organiser"), FieldPanel("organiser_url")], heading=_("Organiser")
        ),
        MultiFieldPanel(
            [
                FieldPanel("series"),
                PageChooserPanel("campaign", page_type=campaign_page_types()),
                FieldPanel("tags"),
            ],
            heading=_("Grouping"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("registration_mode"),
                FieldPanel("capacity"),
                FieldRowPanel(
                    [FieldPanel("registration_opens_at"), FieldPanel("registration_closes_at")]
                ),
                FieldPanel("max_places_per_registration"),
                FieldRowPanel([FieldPanel("waiting_list"), FieldPanel("email_confirmation")]),
            ],
            heading=_("Registration"),
        ),
    ]
    override_translatable_fields = [
        TranslatableField("title"),
        TranslatableField("seo_title"),
        TranslatableField("search_description"),
        TranslatableField("slug"),
        TranslatableField("summary"),
        TranslatableField("body"),
        TranslatableField("venue_name"),
        TranslatableField("status_note"),
        TranslatableField("organiser"),
        SynchronizedField("image"),
        TranslatableField("image_alt"),
        SharedField("start"),
        SharedField("end"),
        SharedField("time_zone"),
        SharedField("all_day"),
        SharedField("attendance_mode"),
        SharedField("street"),
        SharedField("postcode"),
        SharedField("city"),
        SharedField("country"),
        SharedField("online_url"),
        SynchronizedField("organiser_url"),
        SharedField("status"),
        # One action day for every language: the page shows the series in the visitor's
        # language (see views.index._group_by_series), so it needs no per-language link.
        SharedField("series"),
        SharedField("campaign"),
        SynchronizedField("tags"),
        SynchronizedField("tagged_items"),
        SharedField("registration_mode"),
        SharedField("capacity"),
        SharedField("registration_opens_at"),
        SharedField("registration_closes_at"),
        SharedField("max_places_per_registration"),
        SharedField("waiting_list"),
        SharedField("email_confirmation"),
        SynchronizedField("show_in_menus"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary", boost=2),
        index.SearchField("body"),
        index.SearchField("city", boost=2),
        index.SearchField("venue_name"),
        index.SearchField("organiser"),
        index.FilterField("start"),
        index.FilterField("city"),
    ]
    parent_page_types = ["campaign_kit_events.EventIndexPage"]
    base_form_class = EventPageForm
    subpage_types = []

    class Meta:
        verbose_name = _("event page")
        ordering = ["start"]
        # What the index, the feeds and the filters select and sort by; the city filter
        # compares case-insensitively (UPPER on PostgreSQL).
        indexes = [
            models.Index(fields=["start"], name="ck_event_start"),
            models.Index(fields=["end"], name="ck_event_end"),
            models.Index(Upper("city"), name="ck_event_city_upper"),
        ]

    def clean(self):
        super().clean()
        errors = {}
        if self.start and self.end and self.end < self.start:
            errors["end"] = _("The end must not be before the start.")
        if self.attendance_mode in ("online", "mixed") and not self.online_url:
            errors["online_url"] = _("Online events need a link.")
        if self.attendance_mode in ("offline", "mixed") and not (self.venue_name or self.city):
            errors["city"] = _("Give at least the venue or the city.")
        if self.status == EventStatus.MOVED_ONLINE and not self.online_url:
            errors["online_url"] = _("An event moved online needs a link.")
        opens, closes = self.registration_opens_at, self.registration_closes_at
        if opens and closes and closes <= opens:
            errors["registration_closes_at"] = _("Registration must close after it opens.")
        if self.max_places_per_registration < 1:
            errors["max_places_per_registration"] = _("At least one place.")
        if errors:
            raise ValidationError(errors)

    # Display helpers -------------------------------------------------------
    @cached_property
    def tz(self):
        try:
            return zoneinfo.ZoneInfo(self.time_zone or default_time_zone())
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            return zoneinfo.ZoneInfo(conf.DEFAULTS["EVENTS_DEFAULT_TIME_ZONE"])

    @property
    def local_start(self):
        return timezone.localtime(self.start, self.tz)

    @property
    def local_end(self):
        return timezone.localtime(self.end, self.tz)

    @property
    def is_online(self):
        return self.attendance_mode == "online" or self.status == EventStatus.MOVED_ONLINE

    @property
    def has_venue(self):
        return not self.is_online and bool(self.venue_name or self.city)

    @property
    def is_past(self):
        """Past from the end on, as ``EventPageQuerySet.past``."""
        return self.end < timezone.now()

    @property
    def is_cancelled(self):
        return self.status == EventStatus.CANCELLED

    @property
    def when_display(self):
        """Date and time in the visitor's language, in the event's time zone."""
        start, end = self.local_start, self.local_end
        if self.all_day:
            if start.date() == end.date():
                return date_format(start, "DATE_FORMAT")
            return f"{date_format(start, 'DATE_FORMAT')} – {date_format(end, 'DATE_FORMAT')}"
        first = f"{date_format(start, 'DATE_FORMAT')}, {date_format(start, 'TIME_FORMAT')}"
        if start.date() == end.date():
            last = date_format(end, "TIME_FORMAT")
        else:
            last = f"{date_format(end, 'DATE_FORMAT')}, {date_format(end, 'TIME_FORMAT')}"
        return f"{first} – {last} ({start.tzname()})"

    @property
    def where_display(self):
        if self.is_online:
            return str(_("Online"))
        parts = [p for p in (self.venue_name, self.city) if p]
        return ", ".join(parts)

    @property
    def teaser_meta(self):
        where = self.where_display
        when = date_format(self.local_start, "DATE_FORMAT")
        return f"{when} · {where}" if where else when

    @property
    def teaser_badge(self):
        """``{"label", "tone"}`` of a status other than scheduled, for lists (see
        core/related.py), else None."""
        if self.status == EventStatus.SCHEDULED:
            return None
        return {
            "label": str(self.get_status_display()),
            "tone": "danger" if self.is_cancelled else "warning",
        }

    @property
    def location_text(self):
        if self.is_online:
            return self.online_url
        parts = [self.venue_name, self.street, f"{self.postcode} {self.city}".strip()]
        if self.country:
            parts.append(str(self.country.name))
        return ", ".join(p for p in parts if p)

    def registration_window(self, now=None):
        """(opens, closes) as aware datetimes; closes defaults to the start."""
        return self.registration_opens_at, self.registration_closes_at or self.start

    def all_day_dates(self):
        start = self.local_start.date()
        end = max(self.local_end.date(), start)
        return start, end

    # Routes ----------------------------------------------------------------
    @path("")
    def event_view(self, request):
        from ..views import event_detail

        return event_detail(request, self)

    @path("ics/")
    def ics_view(self, request):
        from ..views import event_ics

        return event_ics(request, self)
