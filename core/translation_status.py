"""Where each page stands in each language, by wagtail-localize's own records.

A translation managed by wagtail-localize (a ``Translation`` of the page's
``TranslationSource``) is "waiting for translations" while a string segment of its source
has no translation in its language: the test of wagtail-localize's Translations report and
of ``Translation.get_status_display``, here as a subquery. It is "out of date" when the
source page was published after its source was last synchronised (``last_updated_at``,
renewed by wagtail-localize's "Sync translated pages"). Every function answers a whole page
of rows in a fixed number of queries.
"""

from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db.models import (
    BooleanField,
    DateTimeField,
    Exists,
    ExpressionWrapper,
    F,
    OuterRef,
    Q,
    Subquery,
)
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page
from wagtail_localize.models import StringSegment, StringTranslation, Translation

MISSING, ALIAS, MANUAL, OUTDATED, WAITING, UP_TO_DATE = (
    "missing",
    "alias",
    "manual",
    "outdated",
    "waiting",
    "up_to_date",
)
LABELS = {
    MISSING: _("Not translated"),
    ALIAS: _("Alias of the source"),
    MANUAL: _("Copied outside wagtail-localize"),
    OUTDATED: _("Source changed since the last sync"),
    WAITING: _("Waiting for translations"),
    UP_TO_DATE: _("Up to date"),
}


def waiting_for_translation():
    """True while a string segment of the source has no translation in the target language
    (as wagtail-localize's report computes it)."""
    untranslated = (
        StringSegment.objects.filter(source_id=OuterRef("source_id"))
        .annotate(
            _target_locale_id=OuterRef("target_locale_id"),
            is_translated=Exists(
                StringTranslation.objects.filter(
                    translation_of_id=OuterRef("string_id"),
                    context_id=OuterRef("context_id"),
                    locale_id=OuterRef("_target_locale_id"),
                    has_error=False,
                )
            ),
        )
        .filter(is_translated=False)
    )
    return Exists(untranslated)


def _source_published():
    pages = Page.objects.filter(
        translation_key=OuterRef("source__object_id"), locale_id=OuterRef("source__locale_id")
    )
    return Subquery(pages.values("last_published_at")[:1], output_field=DateTimeField())


def page_translations():
    """Enabled wagtail-localize translations of pages, annotated with ``ck_waiting``,
    ``ck_outdated`` and the translated page's id ``ck_target_id``."""
    targets = Page.objects.filter(
        translation_key=OuterRef("source__object_id"), locale_id=OuterRef("target_locale_id")
    )
    return (
        # Pages share one content type on wagtail-localize's TranslatableObject.
        Translation.objects.filter(
            enabled=True, source__object__content_type=ContentType.objects.get_for_model(Page)
        )
        .annotate(
            ck_waiting=waiting_for_translation(),
            ck_source_published=_source_published(),
            ck_target_id=Subquery(targets.values("pk")[:1]),
        )
        .annotate(
            ck_outdated=ExpressionWrapper(
                Q(ck_source_published__gt=F("source__last_updated_at")),
                output_field=BooleanField(),
            ),
        )
    )


def outdated_translations():
    """Translations that need work: waiting for strings, or behind their source."""
    return page_translations().filter(Q(ck_waiting=True) | Q(ck_outdated=True))


@dataclass
class Cell:
    """One page in one language."""

    locale: Locale
    state: str
    page_id: int | None = None
    live: bool = False
    edit_url: str = ""
    translate_url: str = ""
    sync_url: str = ""

    @property
    def label(self):
        return LABELS[self.state]

    @property
    def exists(self):
        return self.state != MISSING


def source_pages():
    """The pages the report lists: every page in the default language but the tree root."""
    return (
        Page.objects.filter(depth__gt=1, locale=Locale.get_default(), alias_of__isnull=True)
        .select_related("locale")
        .order_by("path")
    )


def status_rows(pages, locales, *, can_submit=False):
    """``[(page, [Cell per other locale])]`` for a page of `pages`: three queries."""
    pages = list(pages)
    keys = [page.translation_key for page in pages]
    versions = {
        (row["translation_key"], row["locale_id"]): row
        for row in Page.objects.filter(translation_key__in=keys).values(
            "pk", "translation_key", "locale_id", "live", "alias_of_id"
        )
    }
    managed = {
        (t.source.object_id, t.target_locale_id): t
        for t in page_translations()
        .filter(source__object_id__in=keys)
        .select_related("source")
        .only("pk", "source__id", "source__object_id", "source__last_updated_at", "target_locale")
    }
    rows = []
    for page in pages:
        cells = []
        for locale in locales:
            if locale.pk == page.locale_id:
                continue
            cells.append(_cell(page, locale, versions, managed, can_submit))
        rows.append((page, cells))
    return rows


def _cell(page, locale, versions, managed, can_submit):
    version = versions.get((page.translation_key, locale.pk))
    if version is None:
        url = reverse("wagtail_localize:submit_page_translation", args=[page.pk])
        return Cell(locale, MISSING, translate_url=url if can_submit else "")
    cell = Cell(
        locale,
        MANUAL,
        page_id=version["pk"],
        live=version["live"],
        edit_url=reverse("wagtailadmin_pages:edit", args=[version["pk"]]),
    )
    translation = managed.get((page.translation_key, locale.pk))
    if version["alias_of_id"]:
        cell.state = ALIAS
    elif translation is not None:
        if translation.ck_outdated:
            cell.state = OUTDATED
            if can_submit:
                cell.sync_url = reverse(
                    "wagtail_localize:update_translations", args=[translation.source.pk]
                )
        elif translation.ck_waiting:
            cell.state = WAITING
        else:
            cell.state = UP_TO_DATE
    return cell
