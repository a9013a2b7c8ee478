"""The project's select template (templates/django/forms/widgets/select.html) writes plain
options inline instead of including a template per option; the HTML must stay Django's own."""

from pathlib import Path

import pytest
from django import forms
from django.forms.renderers import DjangoTemplates, get_default_renderer
from django.utils import translation

from campaign_kit.appeals.forms import OrganisationForm, SignatureForm

OVERRIDE = Path("campaign_site/templates/django/forms/widgets/select.html")


class CustomOption(forms.Select):
    option_template_name = "django/forms/widgets/input_option.html"  # not the plain option


class Everything(forms.Form):
    grouped = forms.ChoiceField(
        choices=[
            ("", "---"),
            ("Fruit", [("apple", "Apple & pear"), ("kiwi", 'Kiwi "gold"')]),
            ("Numbers", [(1, "One"), (2, "Two")]),
        ],
        widget=forms.Select(attrs={"class": "form-select", "data-x": True, "hidden": False}),
    )
    many = forms.MultipleChoiceField(choices=[("a", "A"), ("b", "B"), ("c", "C")])
    maybe = forms.NullBooleanField()
    custom = forms.ChoiceField(choices=[("x", "X"), ("y", "Y")], widget=CustomOption)


def test_the_project_renderer_uses_the_inline_select():
    template = get_default_renderer().get_template("django/forms/widgets/select.html")
    assert Path(template.origin.name).as_posix().endswith(OVERRIDE.as_posix())


@pytest.mark.parametrize("language", ["en", "de", "ru", "uk"])
def test_selects_render_exactly_as_with_djangos_own_templates(language):
    data = {"grouped": "2", "many": ["a", "c"], "maybe": "true", "custom": "y"}
    signature = {"p-country": "UA", "p-name": "<b>x</b>"}
    ours, djangos = get_default_renderer(), DjangoTemplates()
    with translation.override(language):
        forms_ = [
            Everything(data),
            Everything(),
            SignatureForm(signature, prefix="p"),
            SignatureForm(prefix="p"),
            OrganisationForm({"o-country": "DE"}, prefix="o"),
        ]
        for form in forms_:
            for field in form:
                if not isinstance(field.field.widget, forms.Select):
                    continue
                form.renderer = djangos
                expected = str(field.as_widget())
                form.renderer = ours
                assert str(field.as_widget()) == expected, field.name
    assert 'value="UA" selected' in str(SignatureForm(signature, prefix="p")["country"])
