"""The host site's privacy policy page, linked from the registration form.

The events app does not import the site's settings model; it reads the model named by
CAMPAIGN_KIT_CONTACT_SETTINGS (default home.SiteSettings) and its privacy_policy_page.
"""

from django.apps import apps
from django.conf import settings
from wagtail.models import Locale


def _settings_for(request):
    dotted = getattr(settings, "CAMPAIGN_KIT_CONTACT_SETTINGS", "home.SiteSettings")
    if not dotted:
        return None
    try:
        model = apps.get_model(dotted)
    except (LookupError, ValueError):
        return None
    return model.for_request(request) if hasattr(model, "for_request") else None


def privacy_policy_url(request):
    """URL of the privacy policy in the visitor's language, else the page as configured."""
    page = getattr(_settings_for(request), "privacy_policy_page", None)
    if page is None:
        return ""
    translated = page.get_translation_or_none(Locale.get_active())
    if translated is not None and translated.live:
        page = translated
    return page.get_url(request) if page.live else ""
