"""Helpers shared by the demo loaders: locales, translated copies, idempotent lookups."""

from django.conf import settings
from django.db import transaction
from wagtail.models import Locale

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]


def ensure_locales():
    return {code: Locale.objects.get_or_create(language_code=code)[0] for code in LANGUAGE_CODES}


def find_child(parent, slug):
    return parent.get_children().filter(slug=slug).specific().first()


@transaction.atomic
def publish(page):
    # A page object held across add_child() calls has a stale numchild; saving it
    # would hide its children from routing. Reload the tree fields first.
    page.refresh_from_db(fields=["path", "depth", "numchild", "url_path"])
    revision = page.save_revision()
    revision.publish()
    page.refresh_from_db()
    return page


def add_child(parent, page):
    """Create `page` under `parent` (unless a child with its slug exists) and publish it."""
    existing = find_child(parent, page.slug)
    if existing is not None:
        return existing, False
    parent.add_child(instance=page)
    return publish(page), True


def translate(page, locale, fields):
    """Make (or find) the translation of `page` in `locale` with `fields` set, published.

    Uses Wagtail's copy_for_translation, so the copy shares the source's
    translation_key and wagtail-localize treats it as the same page.
    """
    existing = page.get_translation_or_none(locale)
    if existing is not None:
        return existing.specific, False
    copy = page.copy_for_translation(locale, copy_parents=False, alias=False)
    copy = copy.specific
    for name, value in fields.items():
        setattr(copy, name, value)
    copy.save()
    return publish(copy), True


def create_in_languages(parent_by_lang, page_class, contents, log, label):
    """Create a page in English under parent_by_lang['en'] and translate it.

    `contents` maps language code -> field values (must include title and slug).
    Returns {language code: page}.
    """
    locales = ensure_locales()
    source_fields = dict(contents["en"])
    source, created = add_child(parent_by_lang["en"], page_class(**source_fields))
    if created:
        log(f"  created {label} (en)")
    pages = {"en": source}
    for code, fields in contents.items():
        if code == "en":
            continue
        if code not in parent_by_lang:
            continue
        translation, created = translate(source, locales[code], fields)
        pages[code] = translation
        if created:
            log(f"  created {label} ({code})")
    return pages


def rich(*paragraphs):
    """Paragraphs of plain text as rich-text HTML (no markup from outside)."""
    from django.utils.html import escape

    return "".join(f"<p>{escape(p)}</p>" for p in paragraphs)
