from django.core.management import call_command
from django.core.management.base import BaseCommand

from home.demo import load_all


class Command(BaseCommand):
    help = (
        "Create the demo content in all languages. Safe to run again: it only adds what is missing."
    )

    def handle(self, *args, **options):
        load_all(log=lambda message: self.stdout.write(message))
        call_command("setup_roles", stdout=self.stdout)  # the staff groups, for trying the roles
        self.stdout.write(self.style.SUCCESS("Demo content is in place."))
