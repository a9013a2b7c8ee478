"""Public signing forms (crispy-forms, Bootstrap 5) with honeypot and minimum fill time."""

import io
import warnings

from django import forms
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils.translation import gettext_lazy as _
from django_countries import countries
from django_countries.fields import CountryField, LazyTypedChoiceField
from PIL import Image

from campaign_kit.core import conf

from .models import Display
from .models.signatures import NAME_MAX
from .security import form_age_ok, form_timestamp

LOGO_MAX_BYTES = 2 * 1024 * 1024
LOGO_MAX_SIDE = 4000
LOGO_FORMATS = {"PNG": "png", "JPEG": "jpg", "WEBP": "webp"}


def min_fill_seconds():
    return float(conf.get("APPEAL_MIN_FILL_SECONDS"))


def no_markup(value):
    if "<" in value or ">" in value:
        raise forms.ValidationError(_("Please do not use the characters < and >."), code="markup")


class CountryChoiceField(LazyTypedChoiceField):
    """Checks the code by a lookup instead of walking ~250 translated choices on every POST."""

    def valid_value(self, value):
        return value in countries


def country_field(**kwargs):
    return CountryField(blank=False, blank_label=_("Choose a country")).formfield(
        choices_form_class=CountryChoiceField, **kwargs
    )


class AntiSpamMixin(forms.Form):
    # Honeypot: hidden from people (CSS class and aria-hidden in the template), bots fill it.
    homepage = forms.CharField(label=_("Leave this field empty"), required=False, max_length=200)
    started = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial["started"] = form_timestamp()
        self.fields["homepage"].widget.attrs.update({"tabindex": "-1", "autocomplete": "off"})

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("homepage"):
            raise forms.ValidationError(
                _("Your submission looks automated. Please try again."), code="honeypot"
            )
        if not form_age_ok(self.data.get(self.add_prefix("started")), min_fill_seconds()):
            raise forms.ValidationError(
                _("The form was sent too fast or is too old. Please check it and send it again."),
                code="timing",
            )
        return cleaned


class SignatureForm(AntiSpamMixin):
    name = forms.CharField(label=_("Your name"), max_length=NAME_MAX, validators=[no_markup])
    email = forms.EmailField(
        label=_("E-mail address"),
        max_length=254,
        help_text=_("We send you a link to confirm your signature. Your address is never shown."),
    )
    country = country_field(label=_("Country"))
    city = forms.CharField(
        label=_("City (optional)"), max_length=100, required=False, validators=[no_markup]
    )
    display = forms.ChoiceField(
        label=_("Show my name on the list of signatories"),
        choices=Display.choices,
        initial=Display.HIDDEN,
        widget=forms.RadioSelect,
    )
    consent = forms.BooleanField(
        label=_("I agree that my data is processed as described in the privacy notice."),
        error_messages={
            "required": _("Please agree to the processing of your data, or we cannot count you.")
        },
    )
    newsletter = forms.BooleanField(
        label=_("Yes, send me the newsletter (optional)."), required=False, initial=False
    )

    field_order = [
        "name",
        "email",
        "country",
        "city",
        "display",
        "consent",
        "newsletter",
        "homepage",
        "started",
    ]


class OrganisationForm(AntiSpamMixin):
    organisation_name = forms.CharField(
        label=_("Organisation"), max_length=NAME_MAX, validators=[no_markup]
    )
    country = country_field(label=_("Country"))
    website = forms.URLField(label=_("Website"), max_length=300, assume_scheme="https")
    logo = forms.FileField(
        label=_("Logo (optional)"),
        required=False,
        help_text=_("PNG, JPEG or WebP, at most 2 MB and 4000 × 4000 pixels."),
        widget=forms.ClearableFileInput(attrs={"accept": "image/png,image/jpeg,image/webp"}),
    )
    statement = forms.CharField(
        label=_("Statement (optional)"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    name = forms.CharField(
        label=_("Contact person"),
        max_length=NAME_MAX,
        validators=[no_markup],
        help_text=_("Never shown publicly."),
    )
    email = forms.EmailField(
        label=_("Contact e-mail"), max_length=254, help_text=_("Never shown publicly.")
    )
    consent = forms.BooleanField(
        label=_("We agree that this data is processed as described in the privacy notice."),
        error_messages={"required": _("Please agree to the processing of the data.")},
    )

    def clean_logo(self):
        upload = self.cleaned_data.get("logo")
        if not upload:
            return None
        return clean_logo(upload)


def clean_logo(upload):
    """Check type, size and pixels; return a re-encoded copy without metadata."""
    invalid = forms.ValidationError(_("Please upload a PNG, JPEG or WebP image."), code="logo_type")
    if upload.size > LOGO_MAX_BYTES:
        raise forms.ValidationError(_("The logo may be at most 2 MB."), code="logo_size")
    data = upload.read()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as probe:
                image_format = probe.format
                width, height = probe.size
                if image_format not in LOGO_FORMATS:
                    raise invalid
                if width > LOGO_MAX_SIDE or height > LOGO_MAX_SIDE:
                    raise forms.ValidationError(
                        _("The logo may be at most 4000 × 4000 pixels."), code="logo_pixels"
                    )
                probe.verify()
            with Image.open(io.BytesIO(data)) as image:
                image.load()
                has_alpha = image.mode in ("RGBA", "LA", "P") and image_format != "JPEG"
                clean = image.convert("RGBA" if has_alpha else "RGB")
    except forms.ValidationError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise forms.ValidationError(
            _("The logo may be at most 4000 × 4000 pixels."), code="logo_pixels"
        ) from None
    except Exception:
        raise invalid from None
    out = io.BytesIO()
    # Saving a fresh image drops EXIF, XMP, ICC comments and other metadata.
    clean.save(out, format=image_format)
    ext = LOGO_FORMATS[image_format]
    return SimpleUploadedFile(
        f"logo.{ext}", out.getvalue(), content_type=f"image/{image_format.lower()}"
    )


class InvalidateForm(forms.Form):
    domain = forms.CharField(
        label=_("E-mail domain"), max_length=255, required=False, help_text=_("e.g. spam.example")
    )
    since = forms.DateTimeField(
        label=_("Signed from"),
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}),
    )
    until = forms.DateTimeField(
        label=_("Signed until"),
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}),
    )

    def clean(self):
        cleaned = super().clean()
        if not (cleaned.get("domain") or cleaned.get("since") or cleaned.get("until")):
            raise forms.ValidationError(_("Give an e-mail domain or a time window."))
        return cleaned
