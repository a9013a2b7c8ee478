from wagtail.contrib.settings.registry import register_setting

from . import conf
from .models import ContactSettings

# Offered in Settings only where the site uses it (a host with its own model names that one).
if conf.get("CONTACT_SETTINGS") == ContactSettings._meta.label:
    register_setting(ContactSettings, icon="mail")
