"""Create the groups the NGO's staff work in (Editors, Translators and each installed app's own).

Safe to run again: it creates what is missing and adds missing permissions, nothing else
(permissions an administrator added to a group by hand stay). ``load_demo`` runs it.
"""

from django.core.management.base import BaseCommand, CommandError

from campaign_kit.core.roles import MissingPermission, setup_roles


class Command(BaseCommand):
    help = "Create or complete the staff groups with their permissions. Safe to run again."

    def handle(self, *args, **options):
        try:
            groups = setup_roles()
        except MissingPermission as exc:
            raise CommandError(f"Permission {exc} does not exist: run migrate first.") from exc
        for name, created in groups.items():
            self.stdout.write(f"{'Created' if created else 'Up to date'}: {name}")
