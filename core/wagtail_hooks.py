from django.urls import path
from wagtail import hooks
from wagtail.contrib.settings.registry import register_setting
from wagtail.snippets.models import register_snippet

from . import admin_views, conf
from .models import ContactSettings, MailText, TopicLabel

# Offered in Settings only where the site uses it (a host with its own model names that one).
if conf.get("CONTACT_SETTINGS") == ContactSettings._meta.label:
    register_setting(ContactSettings, icon="mail")

# Names of tags per language (translated with wagtail-localize like any snippet).
register_snippet(TopicLabel)

# Subject and body of the suite's mails per language (also translated with wagtail-localize).
register_snippet(MailText)


@hooks.register("register_admin_urls")
def prepared_export_urls():
    return [
        path(
            "exports/<uuid:public_id>/",
            admin_views.prepared_export,
            name="campaign_kit_prepared_export",
        ),
        path(
            "exports/<uuid:public_id>/download/",
            admin_views.download,
            name="campaign_kit_prepared_export_download",
        ),
    ]
