"""The organisation's contact details and privacy policy, from a site settings model.

The apps never import the host's settings model: they read the one named by
``CAMPAIGN_KIT_CONTACT_SETTINGS`` (default: the core's own ``ContactSettings``) through
Wagtail's public ``BaseSiteSetting`` API. An empty value switches the contact block off.
"""

from django.apps import apps

from . import conf


def settings_model():
    dotted = conf.get("CONTACT_SETTINGS")
    if not dotted:
        return None
    try:
        model = apps.get_model(dotted)
    except (LookupError, ValueError):
        return None
    return model if hasattr(model, "for_request") else None


def for_request(request):
    """The settings instance of the request's site, or None."""
    model = settings_model()
    return model.for_request(request) if model is not None and request is not None else None


def for_site(site):
    """The same for a site, where no request is at hand (e-mails, calendar files)."""
    model = settings_model()
    return model.for_site(site) if model is not None and site is not None else None
