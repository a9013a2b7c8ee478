from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "campaign_kit.core"
    label = "campaign_kit_core"
    verbose_name = _("Campaign Kit")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import post_save

        from . import checks, contact, content, structured, sync  # noqa: F401  (checks: registers the system checks)

        sync.connect()
        content.connect()
        # The organisation's name and images in JSON-LD follow the contact settings.
        model = contact.settings_model()
        if model is not None:
            post_save.connect(structured.purge_identity, sender=model, weak=False)
