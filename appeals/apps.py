from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AppealsConfig(AppConfig):
    name = "campaign_kit.appeals"
    label = "campaign_kit_appeals"
    default_auto_field = "django.db.models.BigAutoField"
    verbose_name = _("Appeals")

    def ready(self):
        from . import signals  # noqa: F401
