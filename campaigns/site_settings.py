"""Read the host site's settings model (contact, privacy page) without importing it."""

from django.apps import apps
from django.conf import settings


def site_settings(request):
    """The site settings instance named by CAMPAIGN_KIT_CONTACT_SETTINGS, or None."""
    dotted = getattr(settings, "CAMPAIGN_KIT_CONTACT_SETTINGS", "home.SiteSettings")
    if not dotted:
        return None
    try:
        model = apps.get_model(dotted)
    except (LookupError, ValueError):
        return None
    if not hasattr(model, "for_request"):
        return None
    return model.for_request(request)


def privacy_page(request):
    """The privacy policy page in the active language when translated and live (one query)."""
    from django.utils import translation
    from wagtail.coreutils import get_supported_content_language_variant

    from .selectors import live_translation

    page_id = getattr(site_settings(request), "privacy_policy_page_id", None)
    if page_id is None:
        return None
    language = get_supported_content_language_variant(translation.get_language())
    page = live_translation(page_id, language_code=language)
    return page if page is not None and page.live else None
