"""Visitors get the interface in their language; dates and numbers follow it."""

import datetime

import pytest
from django.template import Context, Template
from django.utils import translation

SKIP_LINK = {
    "en": "Skip to main content",
    "de": "Zum Hauptinhalt springen",
    "ru": "Перейти к основному содержимому",
    "uk": "Перейти до основного вмісту",
}


@pytest.mark.parametrize("code", list(SKIP_LINK))
def test_home_page_interface_in_each_language(client, homes, code):
    response = client.get(f"/{code}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{code}">' in html
    assert SKIP_LINK[code] in html
    for other, text in SKIP_LINK.items():
        if other != code:
            assert text not in html


@pytest.mark.parametrize(
    ("code", "date", "number"),
    [
        ("en", "Dec. 3, 2026", "1234.5"),
        ("de", "3. Dezember 2026", "1234,5"),
        ("ru", "3 декабря 2026 г.", "1234,5"),
        ("uk", "03 грудня 2026 р.", "1234,5"),
    ],
)
def test_dates_and_numbers_are_localized(settings, code, date, number):
    assert settings.USE_I18N and settings.USE_TZ
    template = Template("{{ day|date:'DATE_FORMAT' }}|{{ amount }}")
    with translation.override(code):
        out = template.render(Context({"day": datetime.date(2026, 12, 3), "amount": 1234.5}))
    rendered_date, rendered_number = out.split("|")
    assert rendered_date == date
    assert rendered_number == number
