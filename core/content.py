"""One generation for everything cached that was derived from published content.

A page shows more than its own fields: its neighbours, related news, its index, topic names,
images, the campaign's title. All of that changes only when content does, so the site chrome,
the event index's filter lists and the pages' cached fragments are keyed on one number that is
bumped when any page is published, unpublished, moved or deleted, or when a model that pages
show (a view restriction, an image, a tag, a topic label, a site, a locale, and whatever the
apps add with ``watch``) is saved or deleted. Bumping never deletes keys: entries built under
an older number are never read again and expire on their own (``TIMEOUT``).

Pages cache fragments with Wagtail's own ``{% wagtailpagecache %}`` (keyed on the page's
``cache_key`` and the site, skipped in previews) and ``{% content_version %}``
(templatetags/campaign_kit_content.py).
"""

from functools import partial

from django.db.models.signals import post_delete, post_save
from django.utils.functional import SimpleLazyObject

from .cache import Generation

GENERATION = Generation("campaign-kit:content:generation")
TIMEOUT = 24 * 60 * 60  # entries also expire on their own; the generation does the purging


# A request reads the generation from the cache once, however many fragments it renders.
REQUEST_ATTRIBUTE = "campaign_kit_content_version"


def version(request=None):
    if request is None:
        return GENERATION.current()
    value = getattr(request, REQUEST_ATTRIBUTE, None)
    if value is None:
        value = GENERATION.current()
        setattr(request, REQUEST_ATTRIBUTE, value)
    return value


def purge(*args, **kwargs):
    """Drop everything derived from content (usable as a signal receiver)."""
    GENERATION.bump()


def watch(*models):
    """Purge when an instance of one of ``models`` is saved or deleted."""
    for model in models:
        for signal in (post_save, post_delete):
            signal.connect(
                purge,
                sender=model,
                dispatch_uid=f"campaign_kit_content_{model._meta.label}_{id(signal)}",
            )


def _purge_on_page_delete(sender, instance, **kwargs):
    from wagtail.models import Page

    if isinstance(instance, Page):
        purge()


def connect():
    from django.apps import apps
    from wagtail.models import Locale, PageViewRestriction, Site
    from wagtail.signals import page_published, page_unpublished, post_page_move

    from .models import TopicLabel
    from .sync import shared_fields_applied

    for signal in (page_published, page_unpublished, post_page_move, shared_fields_applied):
        signal.connect(purge, dispatch_uid=f"campaign_kit_content_{id(signal)}")
    post_delete.connect(_purge_on_page_delete, dispatch_uid="campaign_kit_content_page_deleted")
    watch(PageViewRestriction, Site, Locale, TopicLabel)
    # Tags and images are shown wherever the site has them (a `wagtail start` project does).
    if apps.is_installed("taggit"):
        from taggit.models import Tag

        watch(Tag)
    if apps.is_installed("wagtail.images"):
        from wagtail.images import get_image_model

        watch(get_image_model())


def deferred(function, *args, **kwargs):
    """``function(*args, **kwargs)``, run when a template first reads it (a fragment found in
    the cache never does)."""
    return SimpleLazyObject(partial(function, *args, **kwargs))
