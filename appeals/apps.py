from django.utils.translation import gettext_lazy as _

from campaign_kit.core.registry import Section, SuiteAppConfig, model_permissions


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

    def get_roles(self):
        from campaign_kit.core.roles import ACCESS_ADMIN, Role

        from .permissions import MANAGE_SIGNATURES

        papers = model_permissions("campaign_kit_appeals", "papercount")
        return (
            # Moderation, invalidation, erasure and the exports for delivery.
            Role(_("Signature managers"), permissions=(ACCESS_ADMIN, MANAGE_SIGNATURES, *papers)),
        )
