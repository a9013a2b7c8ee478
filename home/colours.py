"""Brand colours from the site settings: WCAG contrast checks and the shades the theme derives.

The theme uses the primary colour for links, buttons with white text, the hero's colour field
and progress bars; the accent colour for the call to action with dark text. Both are checked
against what they are shown on, with WCAG 2.2's contrast ratio (AA: 4.5:1 for text).
"""

import re

HEX = re.compile(r"^#[0-9a-fA-F]{6}$")
WHITE = "#ffffff"
PAPER = "#f4f1ea"  # --ck-surface-2 in site.css
INK = "#17202a"  # --ck-ink and --ck-on-accent in site.css
AA_TEXT = 4.5


def rgb(value):
    value = value.lstrip("#")
    return tuple(int(value[i : i + 2], 16) for i in (0, 2, 4))


def luminance(value):
    def channel(c):
        c = c / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in rgb(value))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a, b):
    """WCAG contrast ratio of two ``#rrggbb`` colours, from 1 to 21."""
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def mix(value, other, share):
    """``value`` with ``share`` (0..1) of ``other`` mixed in."""
    a, b = rgb(value), rgb(other)
    return "#" + "".join(f"{round(x + (y - x) * share):02x}" for x, y in zip(a, b, strict=True))


def primary_problem(value):
    """The lowest contrast of the primary colour where it is used, if below AA, else None."""
    worst = min(contrast(value, WHITE), contrast(value, PAPER))
    return worst if worst < AA_TEXT else None


def accent_problem(value):
    ratio = contrast(value, INK)
    return ratio if ratio < AA_TEXT else None


def theme_properties(primary, accent):
    """The CSS custom properties the theme reads, derived from the two brand colours."""
    return {
        "--ck-primary": primary,
        "--ck-primary-strong": mix(primary, "#000000", 0.25),
        "--ck-primary-soft": mix(primary, WHITE, 0.9),
        "--ck-accent": accent,
        "--ck-accent-strong": mix(accent, "#000000", 0.1),
    }
