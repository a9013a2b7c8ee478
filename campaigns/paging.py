"""Pages of a list ordered newest first by (date, pk): numbered near the top, keyset beyond.

``?page=N`` costs an OFFSET of (N - 1) pages, which the database reads and throws away: fine
for the first pages, not for page 400 of ten years of news. So page numbers go up to
``NUMBERED_PAGES``; the "Older" link of the last numbered page, and every link after it, carry
a cursor instead (``?before=2024-05-01.123``: older than that item), which the (date, pk)
index finds directly at any depth. ``?after=`` walks back up the same way.
"""

from dataclasses import dataclass
from datetime import date

from django.core.paginator import Paginator
from django.db.models import Q

NUMBERED_PAGES = 10


@dataclass
class ListPage:
    items: list
    count: int
    number: int | None  # None on a keyset page (its number would cost the OFFSET again)
    num_pages: int
    newer: str  # the query of the link to newer items ("" for none)
    older: str


def cursor(item):
    return f"{item.date.isoformat()}.{item.pk}"


def parse_cursor(value):
    """(date, pk) from a cursor, or None for anything else (then the first page is shown)."""
    day, _dot, pk = (value or "").strip()[:40].partition(".")
    try:
        return date.fromisoformat(day), int(pk)
    except ValueError:
        return None


def list_page(queryset, params, per_page):
    """The page of `queryset` (ordered by -date, -pk) that the request's `params` ask for."""
    before, after = parse_cursor(params.get("before")), parse_cursor(params.get("after"))
    if before or after:
        count = queryset.count()
        num_pages = max(1, -(-count // per_page))
        return _keyset_page(queryset, before, after, per_page, count, num_pages)
    number = params.get("page")
    number = min(int(number), NUMBERED_PAGES) if str(number).isdigit() else 1
    page = Paginator(queryset, per_page).get_page(number)
    count, num_pages = page.paginator.count, page.paginator.num_pages
    items = list(page.object_list)
    older = ""
    if page.has_next():
        older = (
            f"page={page.next_page_number()}"
            if page.number < NUMBERED_PAGES
            else f"before={cursor(items[-1])}"
        )
    newer = f"page={page.previous_page_number()}" if page.has_previous() else ""
    return ListPage(items, count, page.number, num_pages, newer, older)


def _keyset_page(queryset, before, after, per_page, count, num_pages):
    if before:
        day, pk = before
        rows = list(queryset.filter(Q(date__lt=day) | Q(date=day, pk__lt=pk))[: per_page + 1])
        items, more = rows[:per_page], len(rows) > per_page
        older = f"before={cursor(items[-1])}" if more else ""
        newer = f"after={cursor(items[0])}" if items else ""
    else:
        day, pk = after
        newer_first = queryset.filter(Q(date__gt=day) | Q(date=day, pk__gt=pk)).order_by(
            "date", "pk"
        )
        rows = list(newer_first[: per_page + 1])
        items, more = rows[:per_page][::-1], len(rows) > per_page
        newer = f"after={cursor(items[0])}" if more else ""
        older = f"before={cursor(items[-1])}" if items else ""
    return ListPage(items, count, None, num_pages, newer, older)
