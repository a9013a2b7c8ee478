"""Queue the reminder for every confirmed registrant of an event that starts within
``CAMPAIGN_KIT_EVENTS_REMINDER_HOURS`` (default 24). Run it from cron, e.g. every 10 minutes:
``*/10 * * * * cd /srv/site && .venv/bin/python manage.py send_event_reminders``.
Each registrant gets one reminder, however often and on however many machines it runs.
"""

from django.core.exceptions import ImproperlyConfigured
from django.core.management.base import BaseCommand, CommandError

from campaign_kit.events import mailings


class Command(BaseCommand):
    help = "Queue the reminder mails of events that start soon (each registrant once)."

    def handle(self, *args, **options):
        try:
            queued = mailings.queue_reminders()
        except ImproperlyConfigured as exc:
            raise CommandError(str(exc)) from None
        self.stdout.write(self.style.SUCCESS(f"Reminders queued: {queued}"))
