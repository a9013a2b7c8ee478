from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

USERNAME = "admin"
PASSWORD = "campaign-kit-dev"  # noqa: S105 - development only, refused unless DEBUG


class Command(BaseCommand):
    help = "Create a development superuser and print its login. Refuses to run unless DEBUG is on."

    def add_arguments(self, parser):
        parser.add_argument("--port", default="8000")

    def handle(self, *args, port, **options):
        if not settings.DEBUG or "production" in settings.SETTINGS_MODULE:
            raise CommandError("ensure_dev_admin only runs with development settings (DEBUG on).")
        User = get_user_model()  # noqa: N806
        user, created = User.objects.get_or_create(
            username=USERNAME, defaults={"email": "admin@example.org"}
        )
        if created:
            user.is_staff = user.is_superuser = True
            user.set_password(PASSWORD)
            user.save()
        self.stdout.write(
            self.style.SUCCESS(
                f"\nAdmin: http://127.0.0.1:{port}/admin/  user: {USERNAME}  password: {PASSWORD}"
                + ("" if created else " (unchanged if you edited it)")
                + "\n"
            )
        )
