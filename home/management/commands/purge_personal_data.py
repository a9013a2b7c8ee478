"""Apply the retention rules of every installed Campaign Kit app.

Each app that keeps personal data offers ``<app>.retention.purge_personal_data(now, dry_run)``
returning {description: number of records}. Run this daily from cron, e.g.
``17 3 * * * cd /srv/campaign-kit && .venv/bin/python manage.py purge_personal_data``.
"""

from importlib import import_module

from django.apps import apps
from django.core.management.base import BaseCommand
from django.utils import timezone

RETENTION_APPS = ["campaign_kit.events", "campaign_kit.appeals", "campaign_kit.campaigns"]


class Command(BaseCommand):
    help = "Delete or anonymise personal data whose retention period has ended."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Count, change nothing.")

    def handle(self, *args, dry_run=False, **options):
        now = timezone.now()
        for app_label in RETENTION_APPS:
            if not apps.is_installed(app_label):
                continue
            try:
                module = import_module(f"{app_label}.retention")
            except ModuleNotFoundError as exc:
                if exc.name != f"{app_label}.retention":
                    raise
                continue
            results = module.purge_personal_data(now=now, dry_run=dry_run)
            for description, count in results.items():
                prefix = "would " if dry_run else ""
                self.stdout.write(f"{app_label}: {prefix}{description}: {count}")
        self.stdout.write(
            self.style.SUCCESS("Retention rules applied." if not dry_run else "Dry run.")
        )
