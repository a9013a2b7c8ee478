"""The privacy policy that forms link to, in the visitor's language."""

from django.db.models import Q
from django.utils import translation
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Page

from . import contact


def privacy_page(request):
    """The contact settings' privacy policy page in the active language where that
    translation is live, else the page itself if live; None without one (one query)."""
    page_id = getattr(contact.for_request(request), "privacy_policy_page_id", None)
    if page_id is None:
        return None
    try:
        language = get_supported_content_language_variant(translation.get_language())
    except LookupError:
        language = None
    key = Page.objects.filter(pk=page_id).values("translation_key")
    pages = list(
        Page.objects.live()
        .filter(
            Q(pk=page_id) | Q(translation_key__in=key, locale__language_code=language),
        )
        .specific(defer=True)
    )
    translated = [p for p in pages if p.pk != page_id]
    own = [p for p in pages if p.pk == page_id]
    return (translated or own or [None])[0]


def privacy_policy_url(request):
    page = privacy_page(request)
    return page.get_url(request) if page is not None else ""
