"""Keep the shared pool in step with published event pages."""

from django.dispatch import receiver
from wagtail.signals import page_published


@receiver(page_published)
def event_published(sender, instance, **kwargs):
    from .models import EventPage
    from .services import sync_pool

    if isinstance(instance, EventPage):
        sync_pool(instance)
