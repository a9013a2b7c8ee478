"""Keep the shared pool in step with published event pages."""

from django.dispatch import receiver
from wagtail.signals import page_published


@receiver(page_published)
def event_published(sender, instance, **kwargs):
    from .models import EventPage
    from .services import sync_pool

    if isinstance(instance, EventPage):
        sync_pool(instance)


def _connect_index_purge():
    """The cached filter lists of event indexes (selectors.index_data) follow publishing,
    moves and deletions of pages (events, campaigns named in the filter), series, tags and
    view restrictions."""
    from django.db.models.signals import post_delete, post_save
    from taggit.models import Tag
    from wagtail.models import Page, PageViewRestriction
    from wagtail.signals import page_unpublished, post_page_move

    from campaign_kit.core.sync import shared_fields_applied

    from .models import EventSeries
    from .selectors import purge_index_data

    for signal in (page_published, page_unpublished, post_page_move, shared_fields_applied):
        signal.connect(purge_index_data, dispatch_uid=f"events_index_data_{id(signal)}")

    def page_deleted(sender, instance, **kwargs):
        if isinstance(instance, Page):
            purge_index_data()

    post_delete.connect(page_deleted, weak=False, dispatch_uid="events_index_data_page_deleted")
    for model in (EventSeries, Tag, PageViewRestriction):
        for signal in (post_save, post_delete):
            signal.connect(
                purge_index_data,
                sender=model,
                dispatch_uid=f"events_index_data_{model.__name__}_{id(signal)}",
            )


_connect_index_purge()
