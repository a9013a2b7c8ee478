"""The print order form: materials and copies, postal address, e-mail and consent."""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _
from django_countries import countries
from django_countries.fields import LazyTypedChoiceField

MARKUP = re.compile(r"[<>]")
QUANTITY_PREFIX = "quantity_"


def no_markup(value):
    if MARKUP.search(value or ""):
        raise ValidationError(_("Please remove the characters < and >."), code="markup")


def _text(label, max_length, required=True, **kwargs):
    return forms.CharField(
        label=label,
        max_length=max_length,
        required=required,
        validators=[no_markup],
        **kwargs,
    )


class PrintOrderForm(forms.Form):
    name = _text(_("Name"), 120, widget=forms.TextInput(attrs={"autocomplete": "name"}))
    organisation = _text(
        _("Organisation (optional)"),
        120,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
    )
    street = _text(
        _("Street and number"),
        200,
        widget=forms.TextInput(attrs={"autocomplete": "address-line1"}),
    )
    address_extra = _text(
        _("Address line 2 (optional)"),
        200,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "address-line2"}),
    )
    postcode = _text(
        _("Postcode"),
        16,
        widget=forms.TextInput(attrs={"autocomplete": "postal-code"}),
    )
    city = _text(_("City"), 100, widget=forms.TextInput(attrs={"autocomplete": "address-level2"}))
    country = LazyTypedChoiceField(
        label=_("Country"),
        choices=[],  # set per form: the countries the materials page ships to
        widget=forms.Select(attrs={"autocomplete": "country"}),
    )
    email = forms.EmailField(
        label=_("E-mail"),
        max_length=254,
        help_text=_("We send you a confirmation and nothing else."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    consent = forms.BooleanField(
        label=_(
            "I agree that my name and address are stored to send me the materials and "
            "deleted after shipping, as described in the privacy policy."
        ),
        error_messages={"required": _("Please agree so that we can send you the materials.")},
    )

    postcode_validator = RegexValidator(
        r"^[A-Za-z0-9][A-Za-z0-9 \-]{1,14}$", _("Enter a valid postcode.")
    )

    def __init__(self, *args, materials=(), ship_to=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.materials = list(materials)
        allowed = set(ship_to)
        self.fields["country"].choices = [("", _("Choose a country"))] + [
            (code, name) for code, name in countries if not allowed or code in allowed
        ]
        self.fields["postcode"].validators.append(self.postcode_validator)
        self.quantity_fields = []
        for material in self.materials:
            name = f"{QUANTITY_PREFIX}{material.pk}"
            self.fields[name] = forms.IntegerField(
                label=_("Copies of “%(title)s”") % {"title": material.title},
                required=False,
                min_value=0,
                max_value=material.max_quantity,
                initial=0,
                error_messages={
                    "max_value": _("You can order at most %(limit_value)s copies of this one."),
                    "min_value": _("Enter a number of copies from 0 upwards."),
                    "invalid": _("Enter a whole number of copies."),
                },
                widget=forms.NumberInput(attrs={"min": 0, "max": material.max_quantity}),
            )
            self.quantity_fields.append((material, name))
        # Put the material choices first.
        order = [name for _m, name in self.quantity_fields]
        self.order_fields(order + [n for n in self.fields if n not in order])

    def bound_quantities(self):
        return [(material, self[name]) for material, name in self.quantity_fields]

    def clean(self):
        cleaned = super().clean()
        known = {name for _m, name in self.quantity_fields}
        stale = [
            key
            for key, value in (self.data or {}).items()
            if key.startswith(QUANTITY_PREFIX)
            and key not in known
            and str(value).strip() not in ("", "0")
        ]
        if stale:
            raise ValidationError(
                _("One of the materials you chose is no longer available. Check your order."),
                code="unavailable",
            )
        quantities = {
            material.pk: cleaned.get(name) or 0
            for material, name in self.quantity_fields
            if name not in self.errors
        }
        if not any(quantities.values()) and not any(
            n in self.errors for _m, n in self.quantity_fields
        ):
            raise ValidationError(
                _("Choose at least one material and the number of copies."), code="empty"
            )
        cleaned["quantities"] = quantities
        return cleaned
