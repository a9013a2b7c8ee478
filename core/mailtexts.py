"""Mail texts editors can change: the kinds each app registers, placeholder checks, rendering.

Placeholders are written ``{name}`` and filled with ``str.format`` semantics, restricted to a
whitelist per mail kind: no attribute or index access (``{name.x}``, ``{name[0]}``), no
conversions or format specs (``{name!r}``, ``{name:>999999}``), so an editor can neither reach
into objects nor make a huge mail. Django template syntax was not used: a template can load
tags, follow attributes and call methods of whatever the context holds, which is more power
than a mail text needs and harder to prove safe. The values are plain strings prepared by the
app that sends the mail.

Each app lists its kinds in ``SuiteAppConfig.get_mail_kinds()``; an app that is not installed
offers none, so each app works alone.
"""

import logging
import string
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.utils.html import escape, linebreaks, urlize
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

logger = logging.getLogger(__name__)

FORMATTER = string.Formatter()


@dataclass(frozen=True)
class Placeholder:
    name: str
    description: str
    sample: str  # what the preview shows in its place


@dataclass(frozen=True)
class MailKind:
    """One mail the editors may rewrite: ``key`` is stored with the text ("events.reminder")."""

    key: str
    label: str
    placeholders: tuple = field(default=())
    # Placeholders the body must use, e.g. the link that confirms a signature.
    required: tuple = field(default=())

    @property
    def names(self):
        return [p.name for p in self.placeholders]

    def samples(self):
        return {p.name: str(p.sample) for p in self.placeholders}


def mail_kinds():
    """Every installed mail kind by key, in the order the apps list them."""
    from .registry import suite_apps

    return {kind.key: kind for config in suite_apps() for kind in config.get_mail_kinds()}


def kind_choices():
    return [(kind.key, kind.label) for kind in mail_kinds().values()]


def check(template, names):
    """Raise a translated ``ValidationError`` unless ``template`` uses only ``{name}`` for the
    given names, and braces are balanced (``{{`` and ``}}`` write a literal brace)."""
    try:
        parts = list(FORMATTER.parse(template))
    except ValueError:
        raise ValidationError(
            _("A { or } is not closed. Write {{ or }} for a brace that is not a placeholder."),
            code="syntax",
        ) from None
    for _literal, name, spec, conversion in parts:
        if name is None:
            continue
        if name not in names:
            raise ValidationError(
                _("Unknown placeholder {%(name)s}. Available here: %(names)s."),
                code="unknown",
                params={"name": name, "names": ", ".join(f"{{{n}}}" for n in names)},
            )
        if spec or conversion:
            raise ValidationError(
                _("Write placeholders plainly, like {%(name)s}, without : or !."),
                code="format",
                params={"name": name},
            )


def check_required(body, required):
    """Raise a translated ``ValidationError`` unless ``body`` uses every required placeholder."""
    used = {name for _literal, name, _spec, _conv in FORMATTER.parse(body) if name}
    missing = [name for name in required if name not in used]
    if missing:
        raise ValidationError(
            _("This mail must contain %(names)s: without it the recipient cannot act."),
            code="missing_placeholder",  # not "required": forms would swap in their own text
            params={"names": ", ".join(f"{{{n}}}" for n in missing)},
        )


def fill(template, names, values):
    """``template`` with its placeholders replaced; raises ``ValidationError`` if it is broken."""
    check(template, names)
    return FORMATTER.vformat(template, (), {n: str(values.get(n, "")) for n in names})


def render(subject, body, kind, values, language):
    """(subject, text, html) of a custom text; raises ``ValidationError`` if it is broken."""
    subject = " ".join(fill(subject, kind.names, values).split())
    text = fill(body, kind.names, values)
    check_required(body, kind.required)
    # The whole text is escaped, values included; links become clickable.
    html = mark_safe(
        f'<!DOCTYPE html><html lang="{escape(language)}"><body>'
        f"{linebreaks(urlize(text, autoescape=True))}</body></html>"
    )
    return subject, text, html


def custom_mail(key, language, values):
    """(subject, text, html) from the editors' text for ``key`` in ``language``, or None when
    there is none or it cannot be rendered: then the sender uses its built-in text, so a broken
    custom text never goes out."""
    from .models import MailText

    kind = mail_kinds().get(key)
    if kind is None:
        return None
    text = MailText.objects.filter(kind=key, locale__language_code=language).first()
    if text is None:
        return None
    try:
        return render(text.subject, text.body, kind, values, language)
    except (ValidationError, ValueError, KeyError, IndexError):
        logger.warning(
            "Mail text %s (%s, id %s) cannot be rendered; the built-in text was sent instead.",
            key,
            language,
            text.pk,
        )
        return None


def placeholder_help():
    """Each installed kind with its placeholders, for the editor's reference panel."""
    return [
        {"label": kind.label, "placeholders": kind.placeholders, "required": kind.required}
        for kind in mail_kinds().values()
    ]
