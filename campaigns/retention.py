"""Retention: postal addresses of print orders are deleted some days after shipping."""

from datetime import timedelta

from django.db.models import Q

from campaign_kit.core import conf
from campaign_kit.core.batches import in_batches

from .models import PrintOrder

PERSONAL_FIELDS = {
    "name": "",
    "organisation": "",
    "street": "",
    "address_extra": "",
    "postcode": "",
    "city": "",
    "email": "",
}


def purge_personal_data(now, dry_run=False):
    days = conf.get("ORDER_RETENTION_DAYS")
    cutoff = now - timedelta(days=days)
    orders = PrintOrder.objects.filter(personal_data_purged_at__isnull=True).filter(
        Q(status=PrintOrder.Status.SHIPPED, shipped_at__lt=cutoff)
        | Q(status=PrintOrder.Status.CANCELLED, status_changed_at__lt=cutoff)
    )
    if dry_run:
        return {"print order addresses deleted": orders.count()}
    count = in_batches(
        orders, lambda batch: batch.update(personal_data_purged_at=now, **PERSONAL_FIELDS)
    )
    return {"print order addresses deleted": count}
