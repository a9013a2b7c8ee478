import pytest

from campaign_kit.appeals.security import email_hash, normalise_email


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("Anna@Example.ORG", "anna@example.org"),
        ("  a.b+news@gmail.com ", "ab@gmail.com"),
        ("A.B@googlemail.com", "ab@gmail.com"),
        ("first.last+x@outlook.com", "first.last@outlook.com"),
        ("first.last+x@example.org", "first.last+x@example.org"),
        ("no-at-sign", "no-at-sign"),
    ],
)
def test_normalise_email(given, expected):
    assert normalise_email(given) == expected


def test_hash_uses_normalised_form():
    assert email_hash("J.Doe+Appeal@GMail.com") == email_hash("jdoe@gmail.com")
    assert email_hash("jdoe@example.org") != email_hash("j.doe@example.org")
    assert len(email_hash("x@example.org")) == 64
