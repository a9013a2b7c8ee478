"""Environment readers (campaign_site/settings/env.py, on environs): empty means "not set",
and a malformed value stops start-up with an error that names the variable and the value."""

import pytest
from django.core.exceptions import ImproperlyConfigured

from campaign_site.settings import env


def test_empty_variables_mean_the_default(monkeypatch):
    for name in ("CK_TEST_STR", "CK_TEST_INT"):
        monkeypatch.setenv(name, " ")
    assert env.get_str("CK_TEST_STR", "fallback") == "fallback"
    assert env.get_int("CK_TEST_INT", 7) == 7
    with pytest.raises(ImproperlyConfigured, match="CK_TEST_STR must be set"):
        env.get_str("CK_TEST_STR", required=True)


def test_values_are_parsed(monkeypatch):
    monkeypatch.setenv("CK_TEST_BOOL", "on")
    monkeypatch.setenv("CK_TEST_INT", "587")
    monkeypatch.setenv("CK_TEST_LIST", " example.org, www.example.org ,")
    assert env.get_bool("CK_TEST_BOOL") is True
    assert env.get_bool("CK_TEST_UNSET", default=True) is True
    assert env.get_int("CK_TEST_INT", 25) == 587
    assert env.get_list("CK_TEST_LIST") == ["example.org", "www.example.org"]


@pytest.mark.parametrize(
    ("reader", "value", "message"),
    [
        (lambda: env.get_bool("CK_TEST"), "maybe", "CK_TEST must be true or false, not 'maybe'"),
        (lambda: env.get_int("CK_TEST", 1), "ten", "CK_TEST must be a whole number, not 'ten'"),
        (
            lambda: env.get_database("CK_TEST", "sqlite:///x"),
            "nonsense://",
            "CK_TEST is not a valid",
        ),
        (lambda: env.get_cache("CK_TEST"), "localhost:6379", "CK_TEST must start with redis://"),
    ],
)
def test_malformed_values_name_the_variable(monkeypatch, reader, value, message):
    monkeypatch.setenv("CK_TEST", value)
    with pytest.raises(ImproperlyConfigured, match=message):
        reader()
