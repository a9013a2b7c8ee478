"""The strict calendar validator (tests/ical_validator.py) catches what it must and passes a
correct calendar: hand-written samples, one defect each."""

import pytest

from tests import ical_validator
from tests.ical_validator import validate

# A correct METHOD:PUBLISH calendar: a VTIMEZONE for Europe/Berlin, a cancelled event with a
# SEQUENCE, the refresh hints of RFC 7986 and the de-facto X-PUBLISHED-TTL, and a long line
# folded (the fold's space goes, the word's space stays).
GOOD = """\
BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//Campaign Kit//Tests//EN
CALSCALE:GREGORIAN
METHOD:PUBLISH
NAME:Campaign events
X-WR-CALNAME:Campaign events
REFRESH-INTERVAL;VALUE=DURATION:PT1H
X-PUBLISHED-TTL:PT1H
BEGIN:VTIMEZONE
TZID:Europe/Berlin
BEGIN:DAYLIGHT
TZOFFSETFROM:+0100
TZOFFSETTO:+0200
TZNAME:CEST
DTSTART:19700329T020000
RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU
END:DAYLIGHT
BEGIN:STANDARD
TZOFFSETFROM:+0200
TZOFFSETTO:+0100
TZNAME:CET
DTSTART:19701025T030000
RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU
END:STANDARD
END:VTIMEZONE
BEGIN:VEVENT
UID:vigil@example.org
DTSTAMP:20250101T120000Z
ORGANIZER;CN=Campaign Kit:mailto:events@example.org
SEQUENCE:2
SUMMARY:Cancelled: Vigil
DESCRIPTION:Bring candles and warm clothes. We meet at the fountain on
  the Römerberg and walk together to the Paulskirche.
DTSTART;TZID=Europe/Berlin:20250301T180000
DTEND;TZID=Europe/Berlin:20250301T200000
STATUS:CANCELLED
END:VEVENT
END:VCALENDAR
"""


def ics(text):
    """The sample as a file: CRLF line ends, UTF-8."""
    return text.replace("\n", "\r\n").encode()


def changed(old, new, text=GOOD):
    assert old in text, old
    return ics(text.replace(old, new, 1))


def test_a_correct_calendar_is_valid():
    assert validate(ics(GOOD)) == []


def test_publish_without_organizer():
    errors = validate(changed("ORGANIZER;CN=Campaign Kit:mailto:events@example.org\n", ""))
    [error] = errors
    assert error.startswith("libical restrictions (METHOD:PUBLISH): VEVENT vigil@example.org")
    assert "ORGANIZER property. Expected 1 instances of the property and got 0" in error


def test_cancel_without_organizer_or_sequence_and_with_the_wrong_status():
    text = GOOD.replace("METHOD:PUBLISH", "METHOD:CANCEL")
    text = text.replace("ORGANIZER;CN=Campaign Kit:mailto:events@example.org\n", "")
    text = text.replace("SEQUENCE:2\n", "").replace("STATUS:CANCELLED", "STATUS:CONFIRMED")
    errors = "\n".join(validate(ics(text)))
    assert "(METHOD:CANCEL): VEVENT vigil@example.org: Failed iTIP restrictions for ORGANIZER" in (
        errors
    )
    assert "Failed iTIP restrictions for SEQUENCE property. Expected 1" in errors
    assert "STATUS:CONFIRMED in a CANCEL (RFC 5546 §3.2.5" in errors


def test_attendee_in_a_publish():
    [error] = validate(changed("STATUS:CANCELLED", "STATUS:CANCELLED\nATTENDEE:mailto:a@b.org"))
    assert "ATTENDEE property. Expected 0 instances" in error


def test_missing_dtstamp():
    errors = validate(changed("DTSTAMP:20250101T120000Z\n", ""))
    assert any(
        "DTSTAMP property. Expected 1 instances of the property and got 0" in e for e in errors
    )
    assert "rule: VEVENT vigil@example.org: 0 DTSTAMP properties" in errors[-1]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2025-01-01 12:00", "Can't parse as DATE-TIME value in DTSTAMP property"),
        ("20250101T120000", "DTSTAMP:20250101T120000 is not a UTC DATE-TIME"),
        ("20250101", "DTSTAMP:20250101 is not a UTC DATE-TIME"),
    ],
)
def test_malformed_dtstamp(value, expected):
    errors = validate(changed("DTSTAMP:20250101T120000Z", f"DTSTAMP:{value}"))
    assert any(expected in e for e in errors), errors


def test_tzid_without_vtimezone():
    start, end = GOOD.index("BEGIN:VTIMEZONE"), GOOD.index("END:VTIMEZONE\n") + 14
    errors = validate(ics(GOOD[:start] + GOOD[end:]))
    assert errors == [
        f"rule: VEVENT vigil@example.org: {name};TZID=Europe/Berlin has no VTIMEZONE"
        " (RFC 5545 §3.2.19, RFC 5546 §3.2: each TZID used has a VTIMEZONE with that TZID)"
        for name in ("DTSTART", "DTEND")
    ]


@pytest.mark.parametrize("end", ["20250301T170000", "20250301T180000"])
def test_dtstart_not_before_dtend(end):
    [error] = validate(changed("20250301T200000", end))
    assert f"DTEND {end} is not after DTSTART 20250301T180000 (RFC 5545 §3.8.2.2" in error


@pytest.mark.parametrize(
    ("end", "valid"), [("20250301T173000Z", True), ("20250301T163000Z", False)]
)
def test_dtend_is_compared_in_utc(end, valid):
    # DTSTART is 18:00 in Berlin in winter: 17:00 UTC.
    errors = validate(changed("DTEND;TZID=Europe/Berlin:20250301T200000", f"DTEND:{end}"))
    assert (errors == []) is valid, errors


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("SEQUENCE:2", "SEQUENCE:two", "ical: The calendar is not valid"),
        ("STATUS:CANCELLED", "STATUS:MAYBE", "Value must be one of TENTATIVE, CONFIRMED"),
        ("VALUE=DURATION:PT1H", "VALUE=DURATION:1 hour", "Can't parse as DURATION value"),
        ("20250301T180000", "20251341T180000", "month must be in 1..12"),
        ("DTEND;TZID", "DTEND;VALUE=FOO;TZID", "Invalid VALUE type for property DTEND"),
        ("STATUS:CANCELLED", "STATUS:CANCELLED\nFOO:bar", "Parse error in property name: FOO"),
        ("VERSION:2.0", "VERSION:3.0", "VERSION is '3.0'"),
    ],
)
def test_invalid_property_values(old, new, expected):
    errors = validate(changed(old, new))
    assert any(expected in e for e in errors), errors


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        # The continuation line lost its leading space.
        (changed("on\n  the", "on\nthe"), "Got a data line, but could not find"),
        # Not folded at all.
        (changed("on\n  the", "on the"), "line 33: 123 octets"),
        # LF instead of CRLF.
        (GOOD.encode(), "line 1: 39 line(s) not ended by CRLF"),
    ],
    ids=["no-leading-space", "too-long", "lf"],
)
def test_bad_line_folding(data, expected):
    errors = validate(data)
    assert any(expected in e for e in errors), errors


def test_a_calendar_without_events():
    start, end = GOOD.index("BEGIN:VEVENT"), GOOD.index("END:VEVENT\n") + 11
    errors = validate(ics(GOOD[:start] + GOOD[end:]))
    assert errors == [
        "rule: VCALENDAR: METHOD:PUBLISH and no VEVENT"
        " (RFC 5546 §3.2: an iTIP message holds at least one VEVENT/VTODO/...)"
    ]


def test_one_bad_event_does_not_hide_the_next():
    # icalrestriction_check() alone stops at the first invalid component.
    start, end = GOOD.index("BEGIN:VEVENT"), GOOD.index("END:VEVENT\n") + 11
    second = GOOD[start:end].replace("vigil@", "march@").replace("DTSTAMP:20250101T120000Z\n", "")
    first = GOOD[start:end].replace("ORGANIZER;CN=Campaign Kit:mailto:events@example.org\n", "")
    errors = "\n".join(validate(ics(GOOD[:start] + first + second + GOOD[end:])))
    assert "VEVENT vigil@example.org: Failed iTIP restrictions for ORGANIZER" in errors
    assert "VEVENT march@example.org: Failed iTIP restrictions for DTSTAMP" in errors


def test_validate_takes_bytes():
    with pytest.raises(TypeError):
        validate(GOOD)


@pytest.mark.parametrize("loader", ["_libical", "_ical"])
def test_a_missing_tool_fails_in_ci_and_skips_elsewhere(monkeypatch, loader):
    monkeypatch.setattr(ical_validator, loader, lambda: None)
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="missing in CI"):
        validate(ics(GOOD))
    monkeypatch.delenv("CI")
    with pytest.raises(pytest.skip.Exception):
        validate(ics(GOOD))
