"""The appeal page reads counters, not COUNT(*): same number of queries at any size."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from campaign_kit.appeals.models import Signature
from campaign_kit.appeals.services import recount
from tests.factories.appeals import SignatureFactory


def queries_for(client, url):
    client.get(url)  # warm caches (site root paths, locales)
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return ctx.captured_queries


def test_same_queries_small_and_large(client, appeal):
    key = appeal.translation_key
    SignatureFactory.create_batch(5, appeal_key=key)
    recount(key)
    small = queries_for(client, appeal.url)
    template = SignatureFactory.build(appeal_key=key)
    Signature.objects.bulk_create(
        [
            Signature(
                appeal_key=key,
                name=f"Bulk {i}",
                email_hash=f"bulk{i}",
                country=template.country,
                display="full",
                status="confirmed",
                consent_version="1",
                confirmed_at=template.confirmed_at,
            )
            for i in range(500)
        ]
    )
    recount(key)
    large = queries_for(client, appeal.url)
    assert len(small) == len(large)
    assert not any("COUNT(" in q["sql"].upper() and "appeals_signature" in q["sql"] for q in large)
