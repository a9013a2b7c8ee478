"""Ids in URLs and query strings out of any column's range: 404, never a 500 (SQLite raises
OverflowError past 2**63-1; PostgreSQL's page ids end at 2**31-1). Runs on the database of
DATABASE_URL: SQLite by default, PostgreSQL in its CI job."""

import pytest

from campaign_kit.events.security import outcome_token
from tests.factories.appeals import AppealPageFactory
from tests.factories.events import EventIndexPageFactory, EventPageFactory

pytestmark = pytest.mark.django_db

HUGE = [
    "2147483648",  # past PostgreSQL's integer
    "999999999999999999",  # 18 digits: the longest id the converter takes
    "9223372036854775808",  # past SQLite's integer
    "99999999999999999999999",
]


@pytest.mark.parametrize("number", HUGE)
def test_out_of_range_ids_in_urls_are_404(client, homes, number):
    token = outcome_token("confirmed")
    for method, url in [
        ("post", f"/en/events/-/{number}/register/"),
        ("get", f"/en/events/-/{number}/registered/{token}/"),
        ("post", f"/en/appeals/-/{number}/sign/"),
        ("post", f"/en/appeals/-/{number}/co-sign/"),
        ("get", f"/en/campaigns/-/materials/{number}/download/"),
    ]:
        assert getattr(client, method)(url).status_code == 404, url


@pytest.mark.parametrize("number", HUGE)
def test_out_of_range_ids_in_query_strings_are_ignored_or_404(client, homes, number):
    index = EventIndexPageFactory(parent=homes["en"], title="Events", slug="events")
    EventPageFactory(parent=index)
    appeal = AppealPageFactory(parent=homes["en"], title="Appeal", slug="appeal", goal=10)
    assert client.get(f"/en/events/?campaign={number}").status_code == 200
    assert client.get(f"/en/events/calendar/?campaign={number}").status_code == 404
    signatories = appeal.url + appeal.reverse_subpage("signatories")
    # A page number past the list is a 404; one too long to be a number reads as the first.
    expected = 404 if len(number) <= 18 else 200
    assert client.get(f"{signatories}?page={number}").status_code == expected


def test_admin_ids_are_bounded_too(admin_client, homes):
    number = HUGE[-1]
    for url in [
        f"/admin/appeals/{number}/recount/",
        f"/admin/appeals/moderation/{number}/",
        f"/admin/events/manage/{number}/",
    ]:
        # Unmatched, so LocaleMiddleware tries the language prefix first: then 404.
        assert admin_client.get(url, follow=True).status_code == 404, url
