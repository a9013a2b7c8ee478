"""Keep the shared pool in step with published event pages."""

from django.dispatch import receiver
from wagtail.signals import page_published


@receiver(page_published)
def event_published(sender, instance, **kwargs):
    from .models import EventPage
    from .services import sync_pool

    if isinstance(instance, EventPage):
        sync_pool(instance)


def _connect_content():
    """Series are shown on event pages and in the index's filters: a change purges what was
    derived from content (pages, tags and view restrictions are core.content's already)."""
    from campaign_kit.core import content

    from .models import EventSeries

    content.watch(EventSeries)


_connect_content()
