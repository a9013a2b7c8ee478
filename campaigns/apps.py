from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CampaignsConfig(AppConfig):
    name = "campaign_kit.campaigns"
    label = "campaign_kit_campaigns"
    default_auto_field = "django.db.models.BigAutoField"
    verbose_name = _("Campaigns, news and materials")
