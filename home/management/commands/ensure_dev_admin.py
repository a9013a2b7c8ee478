from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Site

from campaign_kit.core import links

USERNAME = "admin"
PASSWORD = "campaign-kit-dev"  # noqa: S105 - development only, refused unless DEBUG


class Command(BaseCommand):
    help = (
        "Create a development superuser, point the default Site at the dev server's address "
        "and print the login. Refuses to run unless DEBUG is on."
    )

    def add_arguments(self, parser):
        parser.add_argument("--port", default="8000")

    def handle(self, *args, port, **options):
        if not settings.DEBUG or "production" in (settings.SETTINGS_MODULE or ""):
            raise CommandError("ensure_dev_admin only runs with development settings (DEBUG on).")
        User = get_user_model()  # noqa: N806
        user, created = User.objects.get_or_create(
            username=USERNAME, defaults={"email": "admin@example.org"}
        )
        if created:
            user.is_staff = user.is_superuser = True
            user.set_password(PASSWORD)
            user.save()
        self.keep_site_in_step(int(port))
        self.stdout.write(
            self.style.SUCCESS(
                f"\nAdmin: http://127.0.0.1:{port}/admin/  user: {USERNAME}  password: {PASSWORD}"
                + ("" if created else " (unchanged if you edited it)")
                + "\n"
            )
        )

    def keep_site_in_step(self, port):
        """The default Site's host and port as the server runs (BASE_URL, `make run` sets it
        from PORT), so that what Wagtail builds from the Site record (the admin's "view live"
        links, its sitemap defaults) opens too."""
        host = urlsplit(links.base_url()).hostname or "127.0.0.1"
        site = Site.objects.filter(is_default_site=True).first()
        if site is not None and (site.hostname, site.port) != (host, port):
            site.hostname, site.port = host, port
            site.save()  # save(), not update(): Wagtail's signals drop its cached site paths
