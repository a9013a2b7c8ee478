"""Shared fields: data that is the same on every language version of a page, at once.

A model declares them where wagtail-localize reads its translation rules, as
``SharedField("start")`` in ``override_translatable_fields``: a synchronised field that a
translation can never override. This module makes "synchronised" hold for the live site too:

- publishing the source page copies its shared fields to every other language version of
  it, in the same transaction: to the page rows (what visitors, feeds and mails read) and,
  when it disagrees, to the translation's latest revision (what the editor and a later
  publish start from), as a new revision;
- publishing any other language version applies the source's live values again, so a
  translation published from an older revision or an older wagtail-localize sync cannot
  bring back old dates, figures or a lifted cancellation.

Translated text is never touched. The source is the page wagtail-localize translates from
(the earliest translation source of the group), else the page in the default language.
"""

from django.db import transaction
from django.dispatch import Signal
from wagtail.models import Locale
from wagtail_localize.fields import SynchronizedField
from wagtail_localize.models import TranslationSource

# Sent after the commit that changed other language versions of ``source`` (cache purges).
shared_fields_applied = Signal()


class SharedField(SynchronizedField):
    """A synchronised field that no translation may override (a plain column or foreign key:
    it is copied with one UPDATE)."""

    def __init__(self, field_name):
        super().__init__(field_name, overridable=False)


def shared_fields(model):
    """The model fields declared with ``SharedField``, in declaration order."""
    return [
        model._meta.get_field(declared.field_name)
        for declared in getattr(model, "override_translatable_fields", ())
        if isinstance(declared, SharedField)
    ]


def source_of(page):
    """The language version whose shared fields rule the translation group of ``page``."""
    if page.alias_of_id:
        return page.alias_of.specific
    locale_id = (
        TranslationSource.objects.filter(object__translation_key=page.translation_key)
        .order_by("created_at", "pk")
        .values_list("locale_id", flat=True)
        .first()
    )
    if locale_id is None:
        locale_id = Locale.get_default().pk
    if locale_id == page.locale_id:
        return page
    source = (
        type(page).objects.filter(translation_key=page.translation_key, locale_id=locale_id).first()
    )
    return source or page


def _values(page, fields):
    return {field.attname: getattr(page, field.attname) for field in fields}


def apply_from_source(sender, instance, **kwargs):
    """``page_published`` receiver (see the module docstring)."""
    fields = shared_fields(type(instance))
    if not fields or not instance.live:
        return  # nothing shared, or only scheduled
    source = source_of(instance)
    with transaction.atomic():
        if source.pk == instance.pk:
            _push(instance, fields)
        elif source.live:
            _pull(instance, source, fields)


def _push(source, fields):
    values = _values(source, fields)
    others = (
        type(source).objects.filter(translation_key=source.translation_key).exclude(pk=source.pk)
    )
    changed = list(others.exclude(**values).values_list("pk", flat=True))
    if changed:
        others.filter(pk__in=changed).update(**values)
    drafts = 0
    for page in others.filter(alias_of__isnull=True, latest_revision__isnull=False):
        drafts += _update_latest_revision(page, values)
    if changed or drafts:
        transaction.on_commit(
            lambda: shared_fields_applied.send(sender=type(source), source=source, pages=changed)
        )


def _update_latest_revision(page, values):
    """A new latest revision with the source's values when the latest one has others, so
    that the editor sees, and a later publish keeps, what is live. ``changed=False``: a
    translation without drafts still has none (the new revision equals the live page)."""
    draft = page.latest_revision.as_object()
    if all(getattr(draft, name) == value for name, value in values.items()):
        return 0
    for name, value in values.items():
        setattr(draft, name, value)
    draft.save_revision(changed=False, clean=False, log_action=False)
    return 1


def _pull(page, source, fields):
    values = _values(source, fields)
    if all(getattr(page, name) == value for name, value in values.items()):
        return
    type(page).objects.filter(pk=page.pk).update(**values)
    # Receivers after this one (calendars, caches) see the values that are live.
    for name, value in values.items():
        setattr(page, name, value)
    transaction.on_commit(
        lambda: shared_fields_applied.send(sender=type(page), source=source, pages=[page.pk])
    )


def connect():
    from wagtail.signals import page_published

    # A receiver for every page type: shared fields are found on the published model.
    page_published.connect(apply_from_source, dispatch_uid="campaign_kit_shared_fields")
