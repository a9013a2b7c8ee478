"""Retention: postal addresses of print orders are deleted some days after shipping."""

from datetime import timedelta

from django.conf import settings
from django.db.models import Q

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
    days = getattr(settings, "CAMPAIGN_KIT_ORDER_RETENTION_DAYS", 30)
    cutoff = now - timedelta(days=days)
    orders = PrintOrder.objects.filter(personal_data_purged_at__isnull=True).filter(
        Q(status=PrintOrder.Status.SHIPPED, shipped_at__lt=cutoff)
        | Q(status=PrintOrder.Status.CANCELLED, status_changed_at__lt=cutoff)
    )
    count = orders.count()
    if not dry_run and count:
        count = orders.update(personal_data_purged_at=now, **PERSONAL_FIELDS)
    return {"print order addresses deleted": count}
