"""Code run in separate OS processes by test_concurrency_pg.

The parent closes its database connection and forks; each child opens its own
connection to the same test database (settings passed in explicitly).
"""

import os
import sys
import time
import uuid
from types import SimpleNamespace


def setup(db_settings, root):
    from django.apps import apps

    if apps.ready:  # forked from the test process
        from django.db import connections

        connections["default"].settings_dict.update(db_settings)
        connections["default"].close()
        return
    for path in (root, os.path.join(root, "site")):
        if path not in sys.path:
            sys.path.insert(0, path)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "campaign_site.settings.test")
    from django.conf import settings

    settings.DATABASES["default"] = dict(db_settings)
    import django

    django.setup()


def sign(db_settings, root, barrier, appeal_key, appeal_pk, email, skip_normalisation, results):
    setup(db_settings, root)
    from campaign_kit.appeals import services
    from campaign_kit.appeals.security import hmac_hex

    if skip_normalisation:  # the control: hash the raw address
        services.email_hash = lambda email: hmac_hex("raw:" + email)
    appeal = SimpleNamespace(translation_key=uuid.UUID(appeal_key), pk=appeal_pk)
    data = {"name": "Racer", "email": email, "country": "DE", "display": "full"}
    barrier.wait(timeout=60)
    result = services.sign(appeal, data, "en")
    results.put(result.created)


def naive_insert(db_settings, root, barrier, token):
    """Check-then-insert into a table without a unique constraint: shows the race is real."""
    setup(db_settings, root)
    from django.db import connection

    barrier.wait(timeout=60)
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM appeals_race_control WHERE h = %s", [token])
        exists = cursor.fetchone()[0]
        time.sleep(0.2)  # the work a request does between its check and its insert
        if not exists:
            cursor.execute("INSERT INTO appeals_race_control (h) VALUES (%s)", [token])


def confirm(db_settings, root, barrier, public_ids):
    setup(db_settings, root)
    from campaign_kit.appeals import services

    barrier.wait(timeout=60)
    for public_id in public_ids:
        services.confirm(uuid.UUID(public_id))
