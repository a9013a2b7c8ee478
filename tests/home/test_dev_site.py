"""`make run` keeps the default Site in step with the dev server's address (BASE_URL, PORT)."""

import pytest
from django.core.management import call_command
from wagtail.models import Site

pytestmark = pytest.mark.django_db


def test_ensure_dev_admin_moves_the_default_site_to_the_servers_port(homes, settings):
    settings.DEBUG = True
    settings.WAGTAILADMIN_BASE_URL = "http://127.0.0.1:8101"  # make run: BASE_URL from PORT
    call_command("ensure_dev_admin", port="8101")
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("127.0.0.1", 8101)
    assert site.root_url == "http://127.0.0.1:8101"
    assert homes["en"].get_full_url() == "http://127.0.0.1:8101/en/"
