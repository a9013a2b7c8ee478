"""A page missing in a language is never linked there and answers 404 with links."""

import pytest

from tests.factories.home import StandardPageFactory, translate_page


@pytest.fixture
def english_only(homes):
    return StandardPageFactory(
        parent=homes["en"],
        title="Volunteer training",
        slug="training",
        intro="Only in English so far.",
        show_in_menus=True,
    )


@pytest.fixture
def in_two_languages(homes):
    page = StandardPageFactory(
        parent=homes["en"], title="Our team", slug="team", intro="Who we are.", show_in_menus=True
    )
    translate_page(page, "de", title="Unser Team", slug="team", intro="Wer wir sind.")
    return page


def test_untranslated_page_is_not_linked_in_other_languages(client, english_only):
    english = client.get("/en/").content.decode()
    assert 'href="/en/training/"' in english  # menu of the English site
    for code in ("de", "ru", "uk"):
        html = client.get(f"/{code}/").content.decode()
        assert "/training/" not in html
        assert "Volunteer training" not in html
    page_html = client.get("/en/training/").content.decode()
    assert 'hreflang="en"' in page_html
    for code in ("de", "ru", "uk"):
        assert f'hreflang="{code}"' not in page_html


def test_switcher_and_hreflang_list_only_existing_translations(client, in_two_languages):
    html = client.get("/de/team/").content.decode()
    assert "Wer wir sind." in html
    assert 'rel="alternate" hreflang="en" href="http://testserver/en/team/"' in html
    assert 'rel="alternate" hreflang="de" href="http://testserver/de/team/"' in html
    assert 'hreflang="ru"' not in html and 'hreflang="uk"' not in html


@pytest.mark.parametrize("code", ["de", "ru", "uk"])
def test_missing_translation_is_a_404_that_links_existing_languages(client, english_only, code):
    response = client.get(f"/{code}/training/")
    assert response.status_code == 404
    html = response.content.decode()
    assert f'<html lang="{code}">' in html
    assert '<a href="/en/training/" hreflang="en" lang="en">English</a>' in html
    assert "Only in English so far." not in html  # never a silently mixed page


def test_404_links_every_language_where_the_page_exists(client, in_two_languages):
    html = client.get("/ru/team/").content.decode()
    assert 'href="/en/team/" hreflang="en"' in html
    assert 'href="/de/team/" hreflang="de"' in html
    assert "/uk/team/" not in html


def test_plain_404_without_alternatives(client, homes):
    response = client.get("/de/no-such-page/")
    assert response.status_code == 404
    assert "This page exists in these languages" not in response.content.decode()


@pytest.mark.parametrize("path", ["/xx/training/", "/zz/", "/de-xx/training/", "/en/%ff/"])
def test_unknown_language_prefixes_give_a_404_not_a_500(client, english_only, path):
    response = client.get(path, follow=True)
    assert response.status_code == 404


def test_unpublished_translation_counts_as_missing(client, homes):
    page = StandardPageFactory(parent=homes["en"], title="Draft", slug="draft", intro="Draft.")
    german = translate_page(page, "de", title="Entwurf", slug="draft")
    german.unpublish()
    html = client.get("/ru/draft/").content.decode()
    assert 'href="/en/draft/"' in html
    assert 'href="/de/draft/"' not in html
