from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils.translation import gettext as _
from wagtail.models import Page

from campaign_kit.core.restrictions import restricted

from .navigation import active_locale

SEARCH_PAGE_SIZE = 10
MAX_QUERY_LENGTH = 200


def search(request):
    """Pages of the active language and, on the first page of results, its materials."""
    query = request.GET.get("q", "").strip()[:MAX_QUERY_LENGTH]
    results = Page.objects.none()
    materials = []
    if query:
        locale = active_locale(request)
        results = (
            Page.objects.live()
            .public()
            .filter(locale=locale)
            .specific()
            .search(query, operator="and")
        )
        materials = search_materials(query, locale)
    page_obj = Paginator(results, SEARCH_PAGE_SIZE).get_page(request.GET.get("page"))
    page_obj.object_list = [describe(page) for page in page_obj.object_list]
    return render(
        request,
        "home/search.html",
        {
            "query": query,
            "results": page_obj,
            "materials": materials if page_obj.number == 1 else [],
            "title": _("Search"),
        },
    )


def describe(page):
    """A result as the template shows it: the page, its type and a snippet of its text."""
    text = page.search_description or next(
        (
            str(getattr(page, name))
            for name in ("summary", "intro", "hero_text")
            if getattr(page, name, "")
        ),
        "",
    )
    return {"page": page, "type": page.specific_class._meta.verbose_name, "snippet": text}


def search_materials(query, locale, limit=5):
    """Materials (snippets, not pages) matching the query, each with the materials page of
    its language to link to; none when the campaigns app is not installed."""
    from django.apps import apps

    if not apps.is_installed("campaign_kit.campaigns"):
        return []
    from campaign_kit.campaigns.models import Material, MaterialsPage

    library = MaterialsPage.objects.live().public().filter(locale=locale).first()
    if library is None:
        return []
    from wagtail.search.backends import get_search_backend

    found = list(
        get_search_backend().search(query, Material.objects.filter(locale=locale), operator="and")[
            :limit
        ]
    )
    # A restricted campaign's material is as restricted as the campaign (its download too).
    campaign_ids = {m.campaign_id for m in found if m.campaign_id}
    hidden = set(
        Page.objects.filter(restricted(), pk__in=campaign_ids).values_list("pk", flat=True)
        if campaign_ids
        else ()
    )
    return [
        {"material": material, "library": library}
        for material in found
        if material.campaign_id not in hidden
    ]


def rate_limited(request, exception=None):
    """Answer clients over a rate limit with a 429 page instead of a 403."""
    return render(request, "home/rate_limited.html", status=429)


def page_not_found(request, exception=None):
    """The site's 404 page; it links the languages in which the missing page exists.

    Never raises: a failure while looking for translations still gives a plain 404.
    """
    from .navigation import translations_for_path

    try:
        available = translations_for_path(request, request.path)
    except Exception:  # noqa: BLE001 - the 404 page must never turn into a 500
        available = []
    return render(request, "404.html", {"available_translations": available}, status=404)
