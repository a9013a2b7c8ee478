"""What else a campaign offers, for the "more from this campaign" block of a detail page.

A news item links to the campaign's open appeal, next events and materials; an appeal to
the campaign's news and events; an event to the appeal and the news. The apps find each
other's pages only through the registry's sections, so an app that is not installed adds
nothing.
"""

from django.core.cache import cache
from wagtail.models import Page

from . import content, registry
from .restrictions import unrestricted

# The links are kept as plain data under the content generation (core/content.py): a detail
# page then costs no query for them, and publishing, unpublishing or restricting a linked page
# changes them at once. They also expire after a minute, as "next events" move on with time.
CACHE_SECONDS = 60

SECTIONS = ("appeals", "events", "news", "materials")
LIMIT = 2
# What each kind of page links to (the next step after reading it); other pages get all.
NEXT_STEPS = {
    "news": ("appeals", "events"),
    "appeals": ("news", "events"),
    "events": ("appeals", "news"),
}


def for_campaign(campaign, locale, exclude=(), limit=LIMIT, sections=SECTIONS):
    """``{section name: [items]}`` of the campaign in ``locale`` (empty without a campaign)
    for ``sections``; ``exclude`` names pages to leave out (the page being shown)."""
    if campaign is None:
        return {}
    names = list(sections)
    found = {}
    for name in names:
        items = [
            item
            for item in registry.section_items(name, locale, limit + 1, campaign=campaign)
            if item not in exclude
        ][:limit]
        if items:
            found[name] = items
    return found


def _link(item):
    return {
        "title": item.title,
        "url": item.get_url(),
        "meta": str(getattr(item, "teaser_meta", "")),
        # A mark such as "Cancelled" ({"label", "tone"}), from pages that have one.
        "badge": getattr(item, "teaser_badge", None),
    }


def context_for(request, page, kind=None):
    """``{"campaign_related", "campaign_home"}`` for the template of a page with a ``campaign``
    link, as ``{"title", "url", "meta"}`` links, leaving out the page itself (an appeal still
    links to the campaign's other appeals). ``kind`` (a section name: "news", "appeals",
    "events") picks the next steps for that kind of page. Cached for ``CACHE_SECONDS`` within
    the request's content generation."""
    campaign_id = getattr(page, "campaign_id", None)
    if campaign_id is None:
        return {"campaign_related": {}, "campaign_home": None}
    key = f"campaign-kit:related:{content.version(request)}:{page.pk}:{campaign_id}:{kind}"
    found = cache.get(key)
    if found is None:
        found = _build(page, campaign_id, NEXT_STEPS.get(kind, SECTIONS))
        cache.set(key, found, CACHE_SECONDS)
    return found


def _build(page, campaign_id, sections):
    campaign = (
        Page.objects.filter(
            translation_key__in=Page.objects.filter(pk=campaign_id).values("translation_key"),
            locale_id=page.locale_id,
            live=True,
        )
        .filter(unrestricted())
        .first()
    )
    source = campaign or Page.objects.filter(pk=campaign_id).first()
    related = for_campaign(source, page.locale, (page,), sections=sections) if source else {}
    return {
        "campaign_related": {name: [_link(i) for i in items] for name, items in related.items()},
        "campaign_home": _link(campaign) if campaign is not None else None,
    }
