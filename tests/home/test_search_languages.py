"""Search finds the appeal, an event's city, a flyer and a news headline in all four languages
(on SQLite through FTS5; on PostgreSQL with each language's own text search configuration)."""

import io

import pytest
from django.core.management import call_command
from django.db import connection

pytestmark = pytest.mark.django_db

# language: [(query, a title or address the results must show)]
SEARCHES = {
    "en": [
        ("appeal", "/en/appeal-protection-objectors/"),
        ("Hamburg", "Anti-War Day vigil in Hamburg"),
        ("flyer", "Flyer: Protection for deserters"),
        ("Bundestag", "/en/news/bundestag-deserters-protection/"),
    ],
    "de": [
        ("Appell", "Schutz und Asyl"),
        ("Hamburg", "Mahnwache zum Antikriegstag in Hamburg"),
        ("Flyer", "Flyer: Schutz für Deserteure"),
        ("Bundestag", "Bundestag: Deserteure sollen Schutz bekommen"),
    ],
    "ru": [
        ("обращение", "obrashchenie"),
        ("Hamburg", "Пикет в Гамбурге"),  # the city as entered; stemmed Russian: PG test
        ("листовка", "Листовка: защита для дезертиров"),
        ("Бундестаг", "Бундестаг: дезертиры должны получить защиту"),
    ],
    "uk": [
        ("звернення", "zvernennia"),
        ("Hamburg", "Пікет у Гамбурзі"),
        ("листівка", "Листівка: захист для дезертирів"),
        ("Бундестаг", "Бундестаг: дезертири мають отримати захист"),
    ],
}


@pytest.fixture
def demo(homes):
    call_command("load_demo", stdout=io.StringIO())
    call_command("update_index", stdout=io.StringIO(), stderr=io.StringIO())


def test_search_in_four_languages(client, demo):
    # One test for the demo's searches: loading and indexing the demo is the expensive part.
    html = client.get("/en/search/", {"q": "Hamburg"}).content.decode()
    assert "Event" in html and "A silent vigil on 1 September." in html  # type and snippet
    missing = []
    for code, searches in SEARCHES.items():
        for query, expected in searches:
            html = client.get(f"/{code}/search/", {"q": query}).content.decode()
            if expected not in html:
                missing.append(f"{code}: {query!r} did not show {expected!r}")
    assert not missing, "\n".join(missing)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="text search configs: PostgreSQL")
def test_postgres_uses_each_languages_configuration(client, demo):
    from wagtail.search.backends import get_search_backend

    backend = get_search_backend()
    assert [backend.config_for(code) for code in ("en", "de", "ru", "uk")] == [
        "english",
        "german",
        "russian",
        "simple",
    ]
    # Russian stemming: other forms of the words find the appeal and the event.
    html = client.get("/ru/search/", {"q": "обращения"}).content.decode()
    assert "obrashchenie" in html
    html = client.get("/ru/search/", {"q": "Гамбург"}).content.decode()
    assert "Пикет в Гамбурге" in html
