"""The admin's translation status: a report of every page in every language, and a
dashboard panel of the translations that need work (data: core/translation_status.py)."""

from django.core.paginator import Paginator
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from wagtail.admin.auth import user_has_any_page_permission
from wagtail.models import Locale

from . import translation_status as status
from .dashboard import DashboardPanel, Row
from .permissions import forbidden, user_has

PER_PAGE = 50
EDIT_PAGES = "wagtailcore.change_page"
SUBMIT_TRANSLATION = "wagtail_localize.submit_translation"


def can_see_report(user):
    """Anyone who may work on pages (their translations are page work)."""
    return bool(user.is_active and user_has_any_page_permission(user))


def report(request):
    if not can_see_report(request.user):
        return forbidden(request, EDIT_PAGES)
    locales = list(Locale.objects.order_by("language_code"))
    paginator = Paginator(status.source_pages(), PER_PAGE)
    page_obj = paginator.get_page(request.GET.get("p"))
    rows = status.status_rows(
        page_obj.object_list, locales, can_submit=user_has(request.user, SUBMIT_TRANSLATION)
    )
    return TemplateResponse(
        request,
        "campaign_kit/admin/translation_report.html",
        {
            "header_title": _("Translation status"),
            "rows": rows,
            "languages": [locale for locale in locales if locale != Locale.get_default()],
            "page_obj": page_obj,
        },
    )


def outdated_panel(user, limit=8):
    """The translations waiting for strings or behind their source, a few at a time."""
    outdated = status.outdated_translations()
    can_submit = user_has(user, SUBMIT_TRANSLATION)
    rows = []
    found = list(
        outdated.select_related("source", "target_locale").order_by("source__object_repr")[:limit]
    )
    for translation in found:
        if translation.ck_outdated and can_submit:
            url = reverse("wagtail_localize:update_translations", args=[translation.source.pk])
        elif translation.ck_target_id:
            url = reverse("wagtailadmin_pages:edit", args=[translation.ck_target_id])
        else:
            url = reverse("ck_translation_report")
        state = status.OUTDATED if translation.ck_outdated else status.WAITING
        rows.append(
            Row(
                label=translation.source.object_repr,
                url=url,
                detail=translation.target_locale.get_display_name(),
                note=status.LABELS[state],
            )
        )
    total = outdated.count() if len(found) == limit else len(found)
    return DashboardPanel(
        "ck-outdated-translations",
        gettext_lazy("Translations to update"),
        rows,
        order=140,
        empty=_("Every translation is up to date."),
        links=[
            (
                ngettext(
                    "Translation status (%(n)d to update)",
                    "Translation status (%(n)d to update)",
                    total,
                )
                % {"n": total},
                reverse("ck_translation_report"),
            )
        ],
    )
