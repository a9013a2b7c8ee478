"""Mark served Wagtail pages as cacheable for anonymous visitors (see middleware.py)."""

from django.conf import settings
from wagtail import hooks

from .middleware import CACHEABLE_REQUEST_ATTR, page_cache_seconds

# Pages that show live counters (signatures, seats left, donations) are cached briefly so the
# numbers stay fresh within seconds; every other page lives until the next publish.
DEFAULT_LIVE_PAGE_TYPES = (
    "campaign_kit_events.eventpage",
    "campaign_kit_appeals.appealpage",
    "campaign_kit_campaigns.campaignpage",
)


@hooks.register("before_serve_page")
def mark_page_cacheable(page, request, serve_args, serve_kwargs):
    seconds = page_cache_seconds()
    if not seconds:
        return None
    live_types = {
        label.lower()
        for label in getattr(settings, "CAMPAIGN_KIT_LIVE_PAGE_TYPES", DEFAULT_LIVE_PAGE_TYPES)
    }
    label = f"{page._meta.app_label}.{page._meta.model_name}"
    if label in live_types:
        seconds = min(seconds, int(getattr(settings, "CAMPAIGN_KIT_LIVE_PAGE_CACHE_SECONDS", 5)))
    setattr(request, CACHEABLE_REQUEST_ATTR, seconds)
    return None
