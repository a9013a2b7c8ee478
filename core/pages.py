"""Page types the apps link to, named by settings and present only when their app is."""

from django.apps import apps

from . import conf


def installed_page_types(labels):
    """The ``app_label.Model`` names among ``labels`` whose app is installed (any page type
    when none is), for ``PageChooserPanel(page_type=...)``. Called while models are being
    defined, so it asks only for the app (a system check asks for the model)."""
    available = []
    for label in labels:
        try:
            apps.get_app_config(label.partition(".")[0])
        except LookupError:
            continue
        available.append(label)
    return available or ["wagtailcore.Page"]


def campaign_page_types():
    """What an event, appeal, news item or material may name as its campaign."""
    return installed_page_types(conf.get("CAMPAIGN_PAGE_TYPES"))
