from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from home.demo import load_all


class Command(BaseCommand):
    help = (
        "Create the demo content in all languages. Safe to run again: it only adds what is missing."
    )

    def handle(self, *args, **options):
        load_all(log=lambda message: self.stdout.write(message))
        try:
            call_command("setup_roles", stdout=self.stdout)  # the staff groups, for trying roles
        except CommandError as exc:
            # A database flushed since it was migrated (the browser tests' live server) has
            # lost the permissions that migrations create: the content still loads.
            self.stderr.write(self.style.WARNING(f"Staff groups not set up: {exc}"))
        self.stdout.write(self.style.SUCCESS("Demo content is in place."))
