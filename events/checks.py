"""System check: a bad reminder time is reported at ``manage.py check``, not first by cron."""

from django.core.checks import Error, Tags, register
from django.core.exceptions import ImproperlyConfigured


@register(Tags.compatibility)
def check_reminder_hours(app_configs, **kwargs):
    from .mailings import reminder_hours

    try:
        reminder_hours()
    except ImproperlyConfigured as exc:
        return [Error(str(exc), id="campaign_kit_events.E001")]
    return []
