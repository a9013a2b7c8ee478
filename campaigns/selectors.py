"""Read-only queries used by pages, feeds and the home page sections.

Every list query selects and prefetches what its template shows (images and their
renditions, tags), so the number of queries stays flat as the news archive grows.
"""

from django.db.models import Prefetch
from taggit.models import Tag
from wagtail.images import get_image_model

from .models import CampaignPage, Material, NewsPage, NewsPageTag


def not_restricted():
    """Outside any view-restricted section: Wagtail's ``.public()`` as a subquery, because
    ``.public()`` runs a query of its own every time it is called."""
    from django.db.models import Exists, OuterRef
    from django.db.models.functions import Length, Substr
    from wagtail.models import PageViewRestriction

    return ~Exists(
        PageViewRestriction.objects.filter(
            page__path=Substr(OuterRef("path"), 1, Length("page__path"))
        )
    )


def _with_list_data(queryset):
    rendition_model = get_image_model().get_rendition_model()
    return queryset.select_related("image").prefetch_related(
        "tags",
        Prefetch("image__renditions", queryset=rendition_model.objects.all()),
    )


def news_pages(locale):
    """Live, public news in `locale`, newest first, ready for lists."""
    return _with_list_data(
        NewsPage.objects.live()
        .filter(not_restricted(), locale_id=locale.pk)
        .order_by("-date", "-pk")
    )


def latest_news(locale, limit=3):
    """For the home page: the newest news items in `locale`."""
    return list(news_pages(locale)[:limit])


def news_for_campaign(campaign, limit=None):
    news = news_pages(campaign.locale).filter(campaign__translation_key=campaign.translation_key)
    return list(news[:limit]) if limit else news


def related_news(page, limit=3):
    """News sharing a tag or the campaign with `page`, newest first."""
    from django.db.models import Q

    tag_ids = [tag.pk for tag in page.tags.all()]
    condition = Q(tags__in=tag_ids) if tag_ids else Q()
    if page.campaign_id:
        campaign_key = page.campaign.translation_key
        condition = (
            condition | Q(campaign__translation_key=campaign_key)
            if tag_ids
            else Q(campaign__translation_key=campaign_key)
        )
    elif not tag_ids:
        return []
    ids = (
        NewsPage.objects.live()
        .filter(not_restricted(), locale_id=page.locale_id)
        .filter(condition)
        .exclude(pk=page.pk)
        .order_by("-date", "-pk")
        .values_list("pk", flat=True)
        .distinct()
    )
    ids = list(dict.fromkeys(ids))[:limit]
    pages = {p.pk: p for p in _with_list_data(NewsPage.objects.filter(pk__in=ids))}
    return [pages[pk] for pk in ids if pk in pages]


def campaigns_with_news(locale):
    return list(
        CampaignPage.objects.live().filter(not_restricted(), locale_id=locale.pk).order_by("title")
    )


def tags_in_use(news_index):
    news_ids = (
        NewsPage.objects.live().filter(not_restricted()).descendant_of(news_index).values("pk")
    )
    return list(
        Tag.objects.filter(
            pk__in=NewsPageTag.objects.filter(content_object_id__in=news_ids).values("tag_id")
        ).order_by("name")
    )


def _materials(queryset):
    rendition_model = get_image_model().get_rendition_model()
    return queryset.select_related("document", "preview_image").prefetch_related(
        Prefetch("preview_image__renditions", queryset=rendition_model.objects.all())
    )


def _in_locale_or_default(locale):
    """Materials in `locale`, plus those of the default locale not translated into it yet."""
    from django.db.models import Q
    from wagtail.models import Locale

    default = Locale.get_default()
    if default.pk == locale.pk:
        return Material.objects.filter(locale_id=locale.pk)
    translated = Material.objects.filter(locale_id=locale.pk).values("translation_key")
    return Material.objects.filter(
        Q(locale_id=locale.pk) | (Q(locale_id=default.pk) & ~Q(translation_key__in=translated))
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
