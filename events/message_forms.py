"""The form staff fill in to write to an event's registrants."""

from django import forms
from django.conf import settings
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _

from .models import MessageAudience


def content_languages():
    languages = getattr(settings, "WAGTAIL_CONTENT_LANGUAGES", settings.LANGUAGES)
    return [code for code, _name in languages]


class MessageForm(forms.Form):
    audience = forms.ChoiceField(
        label=_("Send to"),
        choices=MessageAudience.choices,
        initial=MessageAudience.BOTH,
        widget=forms.RadioSelect,
    )
    subject = forms.CharField(label=_("Subject"), max_length=200)
    body = forms.CharField(
        label=_("Message"),
        max_length=10000,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_(
            "Plain text. Each mail adds a greeting with the person's name, the event's details "
            "and the link to view or cancel the registration, in the person's language."
        ),
    )

    def __init__(self, *args, language, **kwargs):
        super().__init__(*args, **kwargs)
        self.language = language
        self.other_languages = [code for code in content_languages() if code != language]
        for code in self.other_languages:
            name = get_language_info(code)["name_translated"]
            self.fields[f"subject_{code}"] = forms.CharField(
                label=_("Subject (%(language)s)") % {"language": name},
                max_length=200,
                required=False,
            )
            self.fields[f"body_{code}"] = forms.CharField(
                label=_("Message (%(language)s)") % {"language": name},
                max_length=10000,
                required=False,
                widget=forms.Textarea(attrs={"rows": 6}),
            )

    def translation_fields(self):
        return [(self[f"subject_{code}"], self[f"body_{code}"]) for code in self.other_languages]

    def clean(self):
        data = super().clean()
        for code in self.other_languages:
            subject, body = data.get(f"subject_{code}"), data.get(f"body_{code}")
            if bool(subject) != bool(body):
                self.add_error(
                    f"body_{code}" if subject else f"subject_{code}",
                    _("Give both the subject and the message in this language, or neither."),
                )
        return data

    def translations(self):
        """{language: {"subject", "body"}} for the versions the staff member wrote."""
        data = self.cleaned_data
        return {
            code: {"subject": data[f"subject_{code}"], "body": data[f"body_{code}"]}
            for code in self.other_languages
            if data.get(f"subject_{code}")
        }
