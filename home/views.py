from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils.translation import gettext as _
from wagtail.models import Page

from .navigation import active_locale

SEARCH_PAGE_SIZE = 10
MAX_QUERY_LENGTH = 200


def search(request):
    query = request.GET.get("q", "").strip()[:MAX_QUERY_LENGTH]
    results = Page.objects.none()
    if query:
        results = (
            Page.objects.live()
            .public()
            .filter(locale=active_locale())
            .specific()
            .search(query, operator="and")
        )
    page_obj = Paginator(results, SEARCH_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "home/search.html",
        {"query": query, "results": page_obj, "title": _("Search")},
    )


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
