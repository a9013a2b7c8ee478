from django.utils.translation import gettext_lazy as _

from campaign_kit.core.registry import Section, SuiteAppConfig


class AppealsConfig(SuiteAppConfig):
    name = "campaign_kit.appeals"
    label = "campaign_kit_appeals"
    default = True
    verbose_name = _("Appeals")

    def ready(self):
        from . import signals  # noqa: F401

    def get_sections(self):
        from .selectors import open_appeals

        return (Section("appeals", open_appeals),)

    def get_mail_kinds(self):
        from .mailtexts import KINDS

        return KINDS

    def purge_personal_data(self, now, dry_run=False):
        from .retention import purge_personal_data

        return purge_personal_data(now=now, dry_run=dry_run)
