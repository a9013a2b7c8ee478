"""A strict RFC 5545 / RFC 5546 check of calendar bytes, by tools that did not write them.

The events app writes its calendars with the `icalendar` package. This checks them with:

1. libical 3 (the C reference library behind Evolution and Cyrus; Debian's libical3),
   called through ctypes. Its parser reports what it cannot read (unknown property names,
   bad parameters, values it cannot parse, lines that are neither a property nor a
   BEGIN/END) as X-LIC-ERROR properties, and its restriction tables (icalrestriction_check)
   hold RFC 5546's per-METHOD rules: a PUBLISH or CANCEL VEVENT needs ORGANIZER, DTSTAMP
   and UID once, a PUBLISH has no ATTENDEE and a STATUS of TENTATIVE, CONFIRMED or
   CANCELLED, a CANCEL has SEQUENCE, DTEND excludes DURATION; and RFC 5545's (no DUE in a
   VEVENT, one TZID per VTIMEZONE; VERSION and PRODID once in VCALENDAR).
2. ical (PyPI; a typed model of RFC 5545, Home Assistant's): the values libical takes on
   trust, such as SEQUENCE:two, a 13th month, STATUS:MAYBE without a METHOD, a DTSTART and
   DTEND of different kinds (DATE against DATE-TIME, floating against zoned).
3. The rules that neither tool checks, written here, each naming its section (_RULES).

`validate(ics_bytes)` returns one line per problem; an empty list means valid. A missing
tool skips the test (tests/needs.py), and fails it in CI (CI=true).

What CI needs (Debian 12 bookworm, Python 3.11), before `make venv`:
    apt-get update
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
        libical3=3.0.16-1+b1
and in the dev extras / constraints.txt (pip install -c constraints.txt -e ".[dev]"):
    ical==14.3.1        (pure Python; needs pydantic>=2.10.4, python-dateutil, tzdata,
                         which the project already pins)
libical3=3.0.16-1+b1 is bookworm's build today; should a point or security release replace
it, that install fails loudly: pin the new version and run these tests again.
"""

import ctypes
import functools
import re

from tests.needs import needs

LIBICAL = "libical.so.3"
LIBICAL_MISSING = (
    "libical 3 (Debian: apt-get install libical3), the strict RFC 5545/5546 calendar validator"
)
ICAL_MISSING = "the ical package (pip install ical==14.3.1), the typed RFC 5545 value check"

# The rules written here, because neither libical nor ical checks them.
_RULES = {
    "crlf": "RFC 5545 §3.1: content lines are delimited by CRLF",
    "octets": "RFC 5545 §3.1: lines SHOULD NOT be longer than 75 octets (treated as an error)",
    "ctl": "RFC 5545 §3.1/§3.3.11: no control characters except HTAB in a content line",
    "empty": "RFC 5545 §3.1: every line is a content line (no empty lines)",
    "utf8": "RFC 5545 §3.1: the charset is UTF-8",
    "one-calendar": "one VCALENDAR object per file",
    "component": "RFC 5545 §3.6: a VCALENDAR holds at least one calendar component",
    "method-component": "RFC 5546 §3.2: an iTIP message holds at least one VEVENT/VTODO/...",
    "version": "RFC 5545 §3.7.4: VERSION:2.0",
    "uid-dtstamp": "RFC 5545 §3.6.1-§3.6.4: UID and DTSTAMP are REQUIRED, once",
    "dtstart": "RFC 5545 §3.6.1: DTSTART is REQUIRED in a VEVENT when there is no METHOD",
    "utc": "RFC 5545 §3.8.7.1-§3.8.7.3: DTSTAMP, CREATED, LAST-MODIFIED are UTC DATE-TIMEs",
    "tzid": "RFC 5545 §3.2.19, RFC 5546 §3.2: each TZID used has a VTIMEZONE with that TZID",
    "dtend": "RFC 5545 §3.8.2.2: DTEND is later than DTSTART",
    "cancel-status": "RFC 5546 §3.2.5: STATUS in a CANCEL is CANCELLED (or absent)",
}

_SCHEDULED = ("VEVENT", "VTODO", "VJOURNAL", "VFREEBUSY")
_UTC_DATE_TIME = re.compile(r"\d{8}T\d{6}Z")
_CTL = re.compile(rb"[\x00-\x08\x0b-\x1f\x7f]")
_LINE = re.compile(rb"([^\r\n]*)(\r\n|\r|\n|$)")


def validate(ics_bytes):
    """Every problem found in one calendar file (bytes), as text; [] when it is valid."""
    if not isinstance(ics_bytes, bytes | bytearray):
        raise TypeError(f"validate() takes the file's bytes, not {type(ics_bytes).__name__}")
    lib = _libical()
    if lib is None:
        needs(LIBICAL_MISSING)
    calendar_from_ics = _ical()
    if calendar_from_ics is None:
        needs(ICAL_MISSING)
    data = bytes(ics_bytes)
    errors = _line_errors(data)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        errors.append(_rule("file", f"not UTF-8: {exc}", "utf8"))
        text = data.decode("utf-8", errors="replace")
    errors += _libical_errors(lib, data)
    errors += _ical_errors(calendar_from_ics, text)
    return list(dict.fromkeys(errors))


# --- the lines, as bytes -------------------------------------------------------------------


def _line_errors(data):
    errors, bad_endings = [], []
    lines = [(m.group(1), m.group(2)) for m in _LINE.finditer(data)]
    if lines and lines[-1] == (b"", b""):
        lines.pop()  # finditer's empty match at the very end
    for number, (line, ending) in enumerate(lines, 1):
        if ending != b"\r\n":
            bad_endings.append(number)
        if not line:
            errors.append(_rule(f"line {number}", "empty", "empty"))
        if len(line) > 75:
            errors.append(_rule(f"line {number}", f"{len(line)} octets", "octets"))
        if found := _CTL.search(line):
            errors.append(_rule(f"line {number}", f"control character {found.group()!r}", "ctl"))
    if bad_endings:
        first = f"line {bad_endings[0]}"
        errors.append(_rule(first, f"{len(bad_endings)} line(s) not ended by CRLF", "crlf"))
    return errors


# --- libical -------------------------------------------------------------------------------


class _IcalTime(ctypes.Structure):
    _fields_ = [
        ("year", ctypes.c_int),
        ("month", ctypes.c_int),
        ("day", ctypes.c_int),
        ("hour", ctypes.c_int),
        ("minute", ctypes.c_int),
        ("second", ctypes.c_int),
        ("is_date", ctypes.c_int),
        ("is_daylight", ctypes.c_int),
        ("zone", ctypes.c_void_p),
    ]


_P, _INT, _STR = ctypes.c_void_p, ctypes.c_int, ctypes.c_char_p
_SIGNATURES = {
    "icalerror_set_errors_are_fatal": (None, _INT),
    "icalparser_parse_string": (_P, _STR),
    "icalrestriction_check": (_INT, _P),
    "icalcomponent_new": (_P, _INT),
    "icalcomponent_new_clone": (_P, _P),
    "icalcomponent_free": (None, _P),
    "icalcomponent_isa": (_INT, _P),
    "icalcomponent_kind_to_string": (_STR, _INT),
    "icalcomponent_string_to_kind": (_INT, _STR),
    "icalcomponent_get_first_component": (_P, _P, _INT),
    "icalcomponent_get_next_component": (_P, _P, _INT),
    "icalcomponent_get_first_property": (_P, _P, _INT),
    "icalcomponent_get_next_property": (_P, _P, _INT),
    "icalcomponent_add_component": (None, _P, _P),
    "icalcomponent_add_property": (None, _P, _P),
    "icalcomponent_strip_errors": (None, _P),
    "icalcomponent_get_dtstart": (_IcalTime, _P),
    "icalcomponent_get_dtend": (_IcalTime, _P),
    "icaltime_compare": (_INT, _IcalTime, _IcalTime),
    "icaltime_is_null_time": (_INT, _IcalTime),
    "icalproperty_new_from_string": (_P, _STR),
    "icalproperty_new_clone": (_P, _P),
    "icalproperty_isa": (_INT, _P),
    "icalproperty_string_to_kind": (_INT, _STR),
    "icalproperty_get_property_name": (_STR, _P),
    "icalproperty_get_value_as_string": (_STR, _P),
    "icalproperty_get_parameter_as_string": (_STR, _P, _STR),
    "icalproperty_get_xlicerror": (_STR, _P),
    "icalproperty_as_ical_string": (_STR, _P),
}


class _Libical:
    def __init__(self, cdll):
        for name, (restype, *argtypes) in _SIGNATURES.items():
            function = getattr(cdll, name)
            function.restype, function.argtypes = restype, argtypes
            setattr(self, name.removeprefix("ical"), function)
        self.error_set_errors_are_fatal(0)  # an error is reported in the data, not an abort
        self.ANY = 1  # ICAL_ANY_COMPONENT and ICAL_ANY_PROPERTY are 1 and 0 in libical 3
        self.ANY_PROPERTY = 0
        self.component_kind = functools.cache(lambda n: self.component_string_to_kind(n.encode()))
        self.property_kind = functools.cache(lambda n: self.property_string_to_kind(n.encode()))
        self.XLICERROR = self.property_kind("X-LIC-ERROR")

    def name(self, comp):
        return self.component_kind_to_string(self.component_isa(comp)).decode()

    def children(self, comp, kind=None):
        kind = self.ANY if kind is None else self.component_kind(kind)
        found, child = [], self.component_get_first_component(comp, kind)
        while child:
            found.append(child)
            child = self.component_get_next_component(comp, kind)
        return found

    def properties(self, comp, kind=None):
        kind = self.ANY_PROPERTY if kind is None else self.property_kind(kind)
        found, prop = [], self.component_get_first_property(comp, kind)
        while prop:
            found.append(prop)
            prop = self.component_get_next_property(comp, kind)
        return found

    def value(self, prop):
        raw = self.property_get_value_as_string(prop)
        return raw.decode("utf-8", "replace") if raw is not None else ""

    def param(self, prop, name):
        raw = self.property_get_parameter_as_string(prop, name.encode())
        return raw.decode("utf-8", "replace") if raw is not None else None

    def first_value(self, comp, kind):
        props = self.properties(comp, kind)
        return self.value(props[0]) if props else None

    def label(self, comp):
        uid = self.first_value(comp, "UID") if self.name(comp) in _SCHEDULED else None
        return f"{self.name(comp)} {uid}" if uid else self.name(comp)

    def lic_errors(self, comp):
        """The X-LIC-ERROR properties libical put on this component (not its children)."""
        found = []
        for prop in self.properties(comp, "X-LIC-ERROR"):
            text = (self.property_get_xlicerror(prop) or b"").decode("utf-8", "replace")
            whole = (self.property_as_ical_string(prop) or b"").replace(b"\r\n ", b"")
            kind = re.search(rb"X-LIC-ERRORTYPE=([A-Z-]+)", whole)
            found.append(f"{text} [{kind.group(1).decode()}]" if kind else text)
        return found

    def shell(self, *lines):
        """A VCALENDAR with these properties, to hand one component to the checks."""
        cal = self.component_new(self.component_kind("VCALENDAR"))
        for line in lines:
            self.component_add_property(cal, self.property_new_from_string(line.encode()))
        return cal


@functools.cache
def _libical():
    try:
        return _Libical(ctypes.CDLL(LIBICAL))
    except (OSError, AttributeError):
        return None


def _libical_errors(lib, data):
    root = lib.parser_parse_string(data.replace(b"\x00", b""))
    if not root:
        return ["libical: could not parse the file as iCalendar"]
    try:
        if lib.name(root) != "VCALENDAR":
            return [_rule("file", f"libical reads a {lib.name(root)}", "one-calendar")]
        return _parse_errors(lib, root) + _restriction_errors(lib, root) + _rule_errors(lib, root)
    finally:
        lib.component_free(root)


def _parse_errors(lib, cal):
    return [
        f"libical parser: {label}: {text}"
        for comp, label in _walk(lib, cal)
        for text in lib.lic_errors(comp)
    ]


def _restriction_errors(lib, cal):
    """libical's restriction tables, one component at a time.

    icalrestriction_check() stops at the first invalid component (`valid && check(...)`),
    so each component is checked alone, in a VCALENDAR shell: under the calendar's METHOD
    (RFC 5546's tables) and under none (RFC 5545's)."""
    errors = []
    props = [p for p in lib.properties(cal) if lib.property_isa(p) != lib.XLICERROR]
    own = lib.shell()
    for prop in props:
        lib.component_add_property(own, lib.property_new_clone(prop))
    lib.restriction_check(own)
    errors += [f"libical restrictions: VCALENDAR: {text}" for text in lib.lic_errors(own)]
    lib.component_free(own)
    method = lib.first_value(cal, "METHOD")
    for child in lib.children(cal):
        for with_method in ([method] if method else []) + [None]:
            lines = ["VERSION:2.0", "PRODID:-//ical_validator//EN"]
            shell = lib.shell(*lines, *([f"METHOD:{with_method}"] if with_method else []))
            clone = lib.component_new_clone(child)
            lib.component_strip_errors(clone)
            lib.component_add_component(shell, clone)
            lib.restriction_check(shell)
            table = f"METHOD:{with_method}" if with_method else "RFC 5545"
            errors += [
                f"libical restrictions ({table}): {lib.label(clone)}: {text}"
                for text in lib.lic_errors(clone)
            ]
            lib.component_free(shell)
    # The same finding under both tables is one finding.
    seen, unique = set(), []
    for error in errors:
        key = re.sub(r"^libical restrictions \([^)]*\)", "", error)
        if key not in seen:
            seen.add(key)
            unique.append(error)
    return unique


def _rule(label, text, rule):
    return f"rule: {label}: {text} ({_RULES[rule]})"


def _rule_errors(lib, cal):
    errors = []
    children = lib.children(cal)
    method = lib.first_value(cal, "METHOD")
    version = lib.first_value(cal, "VERSION")
    if version is not None and version != "2.0":
        errors.append(_rule("VCALENDAR", f"VERSION is {version!r}", "version"))
    if not children:
        errors.append(_rule("VCALENDAR", "no calendar component", "component"))
    scheduled = [c for c in children if lib.name(c) in _SCHEDULED]
    if method and not scheduled:
        errors.append(_rule("VCALENDAR", f"METHOD:{method} and no VEVENT", "method-component"))
    zones = {lib.first_value(tz, "TZID") for tz in lib.children(cal, "VTIMEZONE")}
    for comp in scheduled:
        label = lib.label(comp)
        for name in ("UID", "DTSTAMP"):
            if (count := len(lib.properties(comp, name))) != 1:
                errors.append(_rule(label, f"{count} {name} properties", "uid-dtstamp"))
        if lib.name(comp) == "VEVENT":
            if not method and not lib.properties(comp, "DTSTART"):
                errors.append(_rule(label, "no DTSTART", "dtstart"))
            errors += _dtend_errors(lib, comp, label)
        status = lib.first_value(comp, "STATUS")
        if method == "CANCEL" and status not in (None, "CANCELLED"):
            errors.append(_rule(label, f"STATUS:{status} in a CANCEL", "cancel-status"))
    for comp, label in _walk(lib, cal):
        if lib.name(comp) == "VTIMEZONE":
            continue
        for prop in lib.properties(comp):
            name = (lib.property_get_property_name(prop) or b"").decode()
            tzid = lib.param(prop, "TZID")
            if name in ("DTSTAMP", "CREATED", "LAST-MODIFIED"):
                value = lib.value(prop)
                if tzid is not None or not _UTC_DATE_TIME.fullmatch(value):
                    errors.append(_rule(label, f"{name}:{value} is not a UTC DATE-TIME", "utc"))
            if tzid is not None and tzid not in zones:
                errors.append(_rule(label, f"{name};TZID={tzid} has no VTIMEZONE", "tzid"))
    return errors


def _dtend_errors(lib, comp, label):
    if not (lib.properties(comp, "DTSTART") and lib.properties(comp, "DTEND")):
        return []
    start, end = lib.component_get_dtstart(comp), lib.component_get_dtend(comp)
    if lib.time_is_null_time(start) or lib.time_is_null_time(end):
        return []
    if lib.time_compare(start, end) >= 0:
        dtstart, dtend = lib.first_value(comp, "DTSTART"), lib.first_value(comp, "DTEND")
        return [_rule(label, f"DTEND {dtend} is not after DTSTART {dtstart}", "dtend")]
    return []


def _walk(lib, comp, parent=None):
    """The component and all below it, each with a label: VCALENDAR, VEVENT <uid>,
    VEVENT <uid>/VALARM, VTIMEZONE/STANDARD..."""
    label = f"{parent}/{lib.label(comp)}" if parent else lib.label(comp)
    yield comp, label
    below = None if lib.name(comp) == "VCALENDAR" else label
    for child in lib.children(comp):
        yield from _walk(lib, child, below)


# --- ical ----------------------------------------------------------------------------------


@functools.cache
def _ical():
    try:
        from ical.calendar_stream import IcsCalendarStream
    except ImportError:
        return None
    return IcsCalendarStream.calendar_from_ics


def _ical_errors(calendar_from_ics, text):
    from ical.exceptions import CalendarParseError

    try:
        calendar_from_ics(text)
    except CalendarParseError as exc:
        detail = f" ({exc.detailed_error})" if getattr(exc, "detailed_error", None) else ""
        return [_one_line(f"ical: {exc}{detail}")]
    except Exception as exc:  # a crash on bad input is a finding too, not a pass
        return [_one_line(f"ical: {type(exc).__name__}: {exc}")]
    return []


def _one_line(text):
    return " ".join(text.split())
