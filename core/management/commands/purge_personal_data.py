"""Apply the retention rules of every installed Campaign Kit app.

Each app of the suite says in its app config what personal data it keeps and when it goes
(``SuiteAppConfig.purge_personal_data``). Run this daily, e.g. from cron:
``17 3 * * * cd /srv/site && .venv/bin/python manage.py purge_personal_data``.
"""

from django.core.management.base import BaseCommand
from django.utils import timezone

from campaign_kit.core import prepared, queueing
from campaign_kit.core.registry import suite_apps


class Command(BaseCommand):
    help = "Delete or anonymise personal data whose retention period has ended."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Count, change nothing.")

    def handle(self, *args, dry_run=False, **options):
        now = timezone.now()
        prefix = "would " if dry_run else ""
        # The core's own: spreadsheets of personal data prepared for download, and the task
        # queue's finished rows (their arguments name signatures and registrations).
        core = {**prepared.purge(now, dry_run=dry_run), **queueing.purge_finished(now, dry_run)}
        for description, count in core.items():
            self.stdout.write(f"campaign_kit_core: {prefix}{description}: {count}")
        for config in suite_apps():
            for description, count in config.purge_personal_data(now, dry_run=dry_run).items():
                self.stdout.write(f"{config.label}: {prefix}{description}: {count}")
        self.stdout.write(
            self.style.SUCCESS("Retention rules applied." if not dry_run else "Dry run.")
        )
