"""Paper counts are edited in the generic admin: keep the counters right after each change."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from . import services
from .models import PaperCount


@receiver(post_save, sender=PaperCount, dispatch_uid="appeals_paper_saved")
@receiver(post_delete, sender=PaperCount, dispatch_uid="appeals_paper_deleted")
def paper_changed(sender, instance, **kwargs):
    services.paper_count_changed(instance.appeal_key)
