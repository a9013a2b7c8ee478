"""Public forms."""

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Submit
from django import forms
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _


class RegistrationForm(forms.Form):
    name = forms.CharField(label=_("Your name"), max_length=120)
    email = forms.EmailField(
        label=_("E-mail address"),
        max_length=254,
        help_text=_("We send the details and a personal link to cancel to this address."),
    )
    places = forms.TypedChoiceField(label=_("Number of places"), coerce=int, initial=1)
    consent = forms.BooleanField(
        label=_("I agree that my name and e-mail address are stored to manage this registration."),
        help_text=_("See the privacy policy. The data is deleted after the event."),
        error_messages={"required": _("Please agree to the privacy text to register.")},
    )

    def __init__(self, *args, max_places=1, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["places"].choices = [(n, str(n)) for n in range(1, max(max_places, 1) + 1)]
        self.fields["places"].error_messages["invalid_choice"] = _(
            "You can register for at most %(n)s places."
        ) % {"n": max_places}
        for field in ("name", "email"):
            self.fields[field].widget.attrs["autocomplete"] = "name" if field == "name" else "email"
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.add_input(Submit("submit", _("Register")))
        self.helper.disable_csrf = True

    def link_privacy_policy(self, url):
        """Add a link to the site's privacy policy to the consent text."""
        if url:
            field = self.fields["consent"]
            field.help_text = format_html(
                '{} <a href="{}">{}</a>', field.help_text, url, _("Read the privacy policy")
            )

    def clean_name(self):
        name = self.cleaned_data["name"].strip()
        if not name:
            raise forms.ValidationError(_("Please enter your name."))
        return name
