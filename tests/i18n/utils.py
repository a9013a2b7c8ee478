"""Helpers for driving wagtail-localize through the admin in tests."""

from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield
from wagtail_localize.models import StringSegment, Translation, TranslationSource


def page_form(**fields):
    """POST data for a page edit form (comments formset empty, publish action)."""
    data = {"comments": inline_formset([]), **fields}
    return nested_form_data(data)


def standard_page_form(title, slug, intro, paragraph="A paragraph.", block_ids=()):
    """StandardPage form data; pass the existing block ids when editing, as the editor does."""
    data = page_form(
        title=title,
        slug=slug,
        intro=intro,
        body=streamfield([("quote", {"quote": paragraph, "attribution": ""})]),
    )
    for index, block_id in enumerate(block_ids):
        data[f"body-{index}-id"] = block_id
    return data


def translation_for(page, language_code):
    return Translation.objects.get(
        source__object_id=page.translation_key,
        target_locale__language_code=language_code,
    )


def source_for(page):
    return TranslationSource.objects.get(object_id=page.translation_key, locale=page.locale)


def segments(translation):
    return StringSegment.objects.filter(source=translation.source).select_related(
        "string", "context"
    )


def untranslated(translation):
    return [
        s.string.data
        for s in segments(translation).annotate_translation(translation.target_locale)
        if s.translation is None
    ]


def put_string(client, translation, segment, value):
    url = reverse(
        "wagtail_localize:edit_string_translation",
        args=[translation.id, segment.id],
    )
    from urllib.parse import urlencode

    return client.put(
        url, urlencode({"value": value}), content_type="application/x-www-form-urlencoded"
    )
