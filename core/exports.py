"""Spreadsheet exports of personal data: cells that a spreadsheet would run as formulas."""

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value):
    """A text cell starting like a formula gets a leading apostrophe (OWASP's CSV injection
    advice), so that opening an export never runs what a visitor typed into a form."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value
