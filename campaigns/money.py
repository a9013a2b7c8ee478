"""Money and percentages formatted per language with Babel."""

from decimal import ROUND_HALF_UP, Decimal

from babel import Locale, UnknownLocaleError
from babel.numbers import format_currency, parse_pattern


def _babel_locale(language_code):
    try:
        return Locale.parse((language_code or "en").replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        return Locale.parse("en")


def format_money(amount, currency, language_code):
    """'€65,000' in English, '65.000 €' in German; cents only when there are any."""
    if amount is None:
        return ""
    amount = Decimal(amount)
    locale = _babel_locale(language_code)
    if amount != amount.to_integral_value():
        return format_currency(amount, currency, locale=locale)
    pattern = parse_pattern(locale.currency_formats["standard"].pattern)
    pattern.frac_prec = (0, 0)
    return pattern.apply(amount, locale, currency=currency, currency_digits=False)


def progress_percent(amount, goal):
    if not goal or goal <= 0 or amount is None:
        return None
    value = (Decimal(amount) * 100 / Decimal(goal)).quantize(Decimal("1"), ROUND_HALF_UP)
    return int(min(value, Decimal(100)))
