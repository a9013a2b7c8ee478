from django.utils.translation import gettext_lazy as _

from campaign_kit.core.registry import Search, Section, SuiteAppConfig, model_permissions


class CampaignsConfig(SuiteAppConfig):
    name = "campaign_kit.campaigns"
    label = "campaign_kit_campaigns"
    default = True
    verbose_name = _("Campaigns, news and materials")

    def get_sections(self):
        from .selectors import latest_news, materials_section

        return (Section("news", latest_news), Section("materials", materials_section))

    def get_searches(self):
        from .selectors import search_materials

        return (Search("materials", search_materials),)

    def get_mail_kinds(self):
        from .mailtexts import KINDS

        return KINDS

    def purge_personal_data(self, now, dry_run=False):
        from .retention import purge_personal_data

        return purge_personal_data(now=now, dry_run=dry_run)

    def get_roles(self):
        from campaign_kit.core.roles import ACCESS_ADMIN, EDITORS, Role

        from .viewsets import FULFIL_PERMISSION

        return (
            Role(_("Order fulfilment"), permissions=(ACCESS_ADMIN, FULFIL_PERMISSION)),
            # Materials are content; their download counts come with them (no personal data).
            Role(EDITORS, permissions=model_permissions("campaign_kit_campaigns", "material")),
        )
