from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.contrib.settings.registry import register_setting
from wagtail.snippets.models import register_snippet

from . import admin_views, conf, translation_report
from .models import ContactSettings, MailText, TopicLabel

# Offered in Settings only where the site uses it (a host with its own model names that one).
if conf.get("CONTACT_SETTINGS") == ContactSettings._meta.label:
    register_setting(ContactSettings, icon="mail")

# Names of tags per language (translated with wagtail-localize like any snippet).
register_snippet(TopicLabel)

# Subject and body of the suite's mails per language (also translated with wagtail-localize).
register_snippet(MailText)


# Translation status: a report in the Reports menu and a dashboard panel --------------------


@hooks.register("register_admin_urls")
def register_translation_report_url():
    return [
        path("reports/translation-status/", translation_report.report, name="ck_translation_report")
    ]


class TranslationReportMenuItem(MenuItem):
    def is_shown(self, request):
        return translation_report.can_see_report(request.user)


@hooks.register("register_reports_menu_item")
def register_translation_report_menu_item():
    return TranslationReportMenuItem(
        _("Translation status"), reverse("ck_translation_report"), icon_name="site", order=700
    )


@hooks.register("construct_homepage_panels")
def add_outdated_translations_panel(request, panels):
    if translation_report.can_see_report(request.user):
        panels.append(translation_report.outdated_panel(request.user))


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
