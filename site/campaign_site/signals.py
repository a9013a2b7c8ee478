"""Purge the anonymous page cache whenever the published site changes."""

from django.db.models.signals import post_delete
from wagtail.signals import page_published, page_unpublished, post_page_move

from campaign_kit.core.sync import shared_fields_applied

from .middleware import purge_page_cache


def _purge(sender, **kwargs):
    purge_page_cache()


def _purge_on_page_delete(sender, instance, **kwargs):
    from wagtail.models import Page

    if isinstance(instance, Page):
        purge_page_cache()


def connect():
    page_published.connect(_purge, dispatch_uid="campaign_kit_purge_published")
    # Again after the commit that changed other language versions: no page cached from
    # the rows before that commit outlives it.
    shared_fields_applied.connect(_purge, dispatch_uid="campaign_kit_purge_shared_fields")
    page_unpublished.connect(_purge, dispatch_uid="campaign_kit_purge_unpublished")
    post_page_move.connect(_purge, dispatch_uid="campaign_kit_purge_moved")
    post_delete.connect(_purge_on_page_delete, dispatch_uid="campaign_kit_purge_deleted")
