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
    page = getattr(site_settings(request), "privacy_policy_page", None)
    if page is None:
        return None
    page = page.specific.localized
    return page if page.live else None
