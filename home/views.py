from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils.translation import gettext as _
from wagtail.models import Page

from campaign_kit.core import registry

from .navigation import active_locale

SEARCH_PAGE_SIZE = 10
MAX_QUERY_LENGTH = 200
MATERIALS_SHOWN = 5


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
        materials = registry.search("materials", query, locale, limit=MATERIALS_SHOWN)
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
