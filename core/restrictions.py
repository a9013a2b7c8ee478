"""Wagtail view restrictions, as the apps' list queries need them."""

from django.db.models import Exists, OuterRef
from django.db.models.functions import Length, Substr
from wagtail.models import PageViewRestriction


def restricted():
    """A view restriction on the page or one of its ancestors: a restriction covers its page
    and every page below it, so it is found by path prefix."""
    return Exists(
        PageViewRestriction.objects.filter(
            page__path=Substr(OuterRef("path"), 1, Length("page__path"))
        )
    )


def unrestricted():
    """Pages outside any view-restricted section: Wagtail's ``.public()`` as a subquery (it
    runs a query of its own each time it is called), for lists that show pages to everyone."""
    return ~restricted()
