"""WSGI entry point: `gunicorn --pythonpath site campaign_site.wsgi` from the repository root."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "campaign_site.settings.production")

application = get_wsgi_application()
