"""Read-only queries used by pages, feeds and the home page sections.

Every list query selects and prefetches what its template shows (images and their
renditions, tags), so the number of queries stays flat as the news archive grows.
"""

from collections import defaultdict

from django.db.models import Prefetch, Q
from taggit.models import Tag
from wagtail.images import get_image_model
from wagtail.models import Page

from campaign_kit.core.restrictions import restricted, unrestricted

from .models import CampaignPage, Material, MaterialsPage, NewsPage, NewsPageTag


def _with_list_data(queryset):
    rendition_model = get_image_model().get_rendition_model()
    return queryset.select_related("image").prefetch_related(
        "tags",
        Prefetch("image__renditions", queryset=rendition_model.objects.all()),
    )


def with_renditions(pages):
    """Evaluate a list of news cards (from ``news_cards``: images, no tags, cards show none)
    and give the images their renditions in one query, run whether or not any item has an
    image (a prefetch through ``image`` is skipped when none has), so a list costs the same
    queries whatever it shows. Wagtail reads ``image.prefetched_renditions``."""
    pages = list(pages)
    if not pages:
        return pages
    rendition_model = get_image_model().get_rendition_model()
    image_ids = NewsPage.objects.filter(pk__in=[page.pk for page in pages]).values("image_id")
    by_image = defaultdict(list)
    for rendition in rendition_model.objects.filter(image_id__in=image_ids):
        by_image[rendition.image_id].append(rendition)
    for page in pages:
        if page.image is not None:
            renditions = by_image[page.image_id]
            for rendition in renditions:
                rendition.image = page.image  # what a prefetch would set: no query per card
            page.image.prefetched_renditions = renditions
    return pages


def _news(locale):
    return (
        NewsPage.objects.live().filter(unrestricted(), locale_id=locale.pk).order_by("-date", "-pk")
    )


def news_pages(locale):
    """Live, public news in `locale`, newest first, with tags and renditions (feeds)."""
    return _with_list_data(_news(locale))


def news_cards(locale):
    """The same news with their images, for card lists: slice, then ``with_renditions``."""
    return _news(locale).select_related("image")


def latest_news(locale, limit=3, campaign=None):
    """The newest news items in `locale` (of one campaign, if given), with their images: the
    news section of home pages and of related links (see apps.py)."""
    qs = news_cards(locale)
    if campaign is not None:
        qs = qs.filter(campaign__translation_key=campaign.translation_key)
    return with_renditions(qs[:limit])


def news_for_campaign(campaign, limit=None):
    key = campaign.translation_key
    if limit:
        return with_renditions(
            news_cards(campaign.locale).filter(campaign__translation_key=key)[:limit]
        )
    return news_pages(campaign.locale).filter(campaign__translation_key=key)


def related_news(page, limit=3, tag_ids=None):
    """News sharing a tag or the campaign with `page`, newest first, in one list query
    (``Exists`` instead of a join on tags, so no duplicates to remove in a second query)."""
    from django.db.models import Exists, OuterRef, Q

    if tag_ids is None:
        tag_ids = [tag.pk for tag in page.tags.all()]
    conditions = []
    if tag_ids:
        tagged = NewsPageTag.objects.filter(content_object_id=OuterRef("pk"), tag_id__in=tag_ids)
        conditions.append(Q(Exists(tagged)))
    if page.campaign_id:
        campaign_key = Page.objects.filter(pk=page.campaign_id).values("translation_key")
        conditions.append(Q(campaign__translation_key__in=campaign_key))
    if not conditions:
        return []
    condition = conditions[0] if len(conditions) == 1 else conditions[0] | conditions[1]
    news = NewsPage.objects.live().filter(unrestricted(), locale_id=page.locale_id)
    news = (
        news.select_related("image").filter(condition).exclude(pk=page.pk).order_by("-date", "-pk")
    )
    return with_renditions(news[:limit])


def neighbours(page):
    """(previous, next) news item next to `page` in its index and language, in one query."""
    from django.db.models import Q, Subquery

    siblings = (
        NewsPage.objects.live()
        .filter(unrestricted(), locale_id=page.locale_id)
        .sibling_of(page, inclusive=False)
    )
    before = Q(date__lt=page.date) | Q(date=page.date, pk__lt=page.pk)
    after = Q(date__gt=page.date) | Q(date=page.date, pk__gt=page.pk)
    previous_id = siblings.filter(before).order_by("-date", "-pk").values("pk")[:1]
    next_id = siblings.filter(after).order_by("date", "pk").values("pk")[:1]
    found = NewsPage.objects.filter(Q(pk=Subquery(previous_id)) | Q(pk=Subquery(next_id)))
    previous = next_item = None
    for item in found:
        if (item.date, item.pk) < (page.date, page.pk):
            previous = item
        else:
            next_item = item
    return previous, next_item


def live_translation(page_id, locale_id=None, language_code=None):
    """The page `page_id` in a locale (by id or language code) if that translation is live,
    else the page itself (``page.specific.localized``) in one query; None if it is gone.
    Instances of the specific class with only the base page fields, enough for title and URL."""
    from django.db.models import Q

    key = Page.objects.filter(pk=page_id).values("translation_key")
    in_locale = Q(locale_id=locale_id) if locale_id else Q(locale__language_code=language_code)
    pages = {
        p.pk: p
        for p in Page.objects.filter(
            Q(pk=page_id) | (Q(translation_key__in=key, live=True) & in_locale)
        ).specific(defer=True)
    }
    own = pages.pop(page_id, None)
    return next(iter(pages.values()), own)


def campaigns_with_news(locale):
    return list(
        CampaignPage.objects.live().filter(unrestricted(), locale_id=locale.pk).order_by("title")
    )


def tags_in_use(news_index):
    news_ids = NewsPage.objects.live().filter(unrestricted()).descendant_of(news_index).values("pk")
    return list(
        Tag.objects.filter(
            pk__in=NewsPageTag.objects.filter(content_object_id__in=news_ids).values("tag_id")
        ).order_by("name")
    )


def _materials(queryset):
    """Materials with what their cards show, without those of a restricted campaign (their
    download is as restricted as the campaign, see views.material_download)."""
    rendition_model = get_image_model().get_rendition_model()
    open_campaigns = Page.objects.filter(unrestricted()).values("pk")
    queryset = queryset.filter(Q(campaign__isnull=True) | Q(campaign__in=open_campaigns))
    return queryset.select_related("document", "preview_image").prefetch_related(
        Prefetch("preview_image__renditions", queryset=rendition_model.objects.all())
    )


def _in_locale_or_default(locale):
    """Materials in `locale`, plus those of the default locale not translated into it yet."""
    from django.conf import settings
    from django.db.models import Q
    from wagtail.coreutils import get_supported_content_language_variant

    # The default locale by its code, in the query: Locale.get_default() is a query each time.
    default_code = get_supported_content_language_variant(settings.LANGUAGE_CODE)
    if locale.language_code == default_code:
        return Material.objects.filter(locale_id=locale.pk)
    translated = Material.objects.filter(locale_id=locale.pk).values("translation_key")
    return Material.objects.filter(
        Q(locale_id=locale.pk)
        | (Q(locale__language_code=default_code) & ~Q(translation_key__in=translated))
    )


def materials_in_locale(locale, language=None):
    materials = _in_locale_or_default(locale)
    if language:
        materials = materials.filter(language=language)
    return _materials(materials)


def materials_for_campaign(campaign):
    return list(
        _materials(
            _in_locale_or_default(campaign.locale).filter(
                campaign__translation_key=campaign.translation_key
            )
        )
    )


def orderable_materials(locale):
    return list(materials_in_locale(locale).filter(orderable=True))


def materials_section(locale, limit=3, campaign=None):
    """The materials pages in `locale`, for links to them; of a campaign only when it has
    materials (the materials section, see apps.py)."""
    if campaign is not None:
        has_materials = Material.objects.filter(
            campaign__translation_key=campaign.translation_key
        ).exists()
        if not has_materials:
            return []
    return list(MaterialsPage.objects.live().filter(unrestricted(), locale_id=locale.pk)[:limit])


# Admin dashboard ---------------------------------------------------------------------------


def order_counts():
    """``{"new": n, "packed": n}``: the print orders waiting to be packed or sent, in one query."""
    from django.db.models import Count

    from .models import PrintOrder

    status = PrintOrder.Status
    return PrintOrder.objects.aggregate(
        new=Count("pk", filter=Q(status=status.NEW)),
        packed=Count("pk", filter=Q(status=status.PACKED)),
    )


def downloads_since(day):
    """Downloads of all materials from `day` on (all translations together): one query."""
    from django.db.models import Sum

    from .models import DownloadCount

    return DownloadCount.objects.filter(day__gte=day).aggregate(n=Sum("count"))["n"] or 0


def search_materials(query, locale, limit):
    """Materials (snippets, not pages) matching the query, each with the materials page of
    its language to link to (the site search, through the registry); none without one."""
    from wagtail.search.backends import get_search_backend

    library = MaterialsPage.objects.live().filter(unrestricted(), locale=locale).first()
    if library is None:
        return []
    found = list(
        get_search_backend().search(query, Material.objects.filter(locale=locale), operator="and")[
            :limit
        ]
    )
    # A restricted campaign's material is as restricted as the campaign (its download too).
    campaign_ids = {m.campaign_id for m in found if m.campaign_id}
    hidden = set(
        Page.objects.filter(restricted(), pk__in=campaign_ids).values_list("pk", flat=True)
        if campaign_ids
        else ()
    )
    return [
        {"material": material, "library": library}
        for material in found
        if material.campaign_id not in hidden
    ]
