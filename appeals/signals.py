"""Keep counters right after paper count edits; forget cached appeals when one or a view
restriction changes."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import PageViewRestriction

from . import selectors, services
from .models import AppealPage, PaperCount


@receiver(post_save, sender=PaperCount, dispatch_uid="appeals_paper_saved")
@receiver(post_delete, sender=PaperCount, dispatch_uid="appeals_paper_deleted")
def paper_changed(sender, instance, **kwargs):
    services.paper_count_changed(instance.appeal_key)


@receiver(post_save, sender=AppealPage, dispatch_uid="appeals_page_saved")
@receiver(post_delete, sender=AppealPage, dispatch_uid="appeals_page_deleted")
@receiver(post_save, sender=PageViewRestriction, dispatch_uid="appeals_restriction_saved")
@receiver(post_delete, sender=PageViewRestriction, dispatch_uid="appeals_restriction_deleted")
def appeal_changed(sender, instance, **kwargs):
    # Publishing, closing and unpublishing all save the page.
    selectors.forget_post_cache()
