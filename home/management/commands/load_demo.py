from django.core.management.base import BaseCommand

from home.demo import load_all


class Command(BaseCommand):
    help = (
        "Create the demo content in all languages. Safe to run again: it only adds what is missing."
    )

    def handle(self, *args, **options):
        load_all(log=lambda message: self.stdout.write(message))
        self.stdout.write(self.style.SUCCESS("Demo content is in place."))
