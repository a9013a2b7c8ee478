"""Business rules for downloads and print orders: plain, transactional functions."""

from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from campaign_kit.core import conf, queueing

from .models import DownloadCount, Material, OrderLine, PrintOrder


class OrderError(Exception):
    """An order that cannot be placed; the message is safe to show."""


@dataclass(frozen=True)
class Address:
    name: str
    street: str
    postcode: str
    city: str
    country: str
    email: str
    organisation: str = ""
    address_extra: str = ""


def record_download(material, day=None):
    """Count one download of `material` (all its translations together) for `day`."""
    day = day or timezone.localdate()
    key = material.translation_key
    updated = DownloadCount.objects.filter(material_key=key, day=day).update(count=F("count") + 1)
    if updated:
        return
    try:
        with transaction.atomic():
            DownloadCount.objects.create(material_key=key, day=day, count=1)
    except IntegrityError:
        # Another request created today's row first.
        DownloadCount.objects.filter(material_key=key, day=day).update(count=F("count") + 1)


@transaction.atomic
def place_order(*, quantities, address, language):
    """Create an order for {material id: copies} and queue the mails to the person and staff.

    Raises OrderError when a material is gone, not orderable or over its limit;
    nothing is stored in that case.
    """
    wanted = {int(pk): int(qty) for pk, qty in quantities.items() if int(qty) > 0}
    if not wanted:
        raise OrderError(_("Choose at least one material and the number of copies."))
    materials = {m.pk: m for m in Material.objects.filter(pk__in=wanted, orderable=True)}
    if set(materials) != set(wanted):
        raise OrderError(_("One of the materials you chose is no longer available."))
    for pk, qty in wanted.items():
        if qty > materials[pk].max_quantity:
            raise OrderError(
                _("You can order at most %(limit)s copies of “%(title)s”.")
                % {"limit": materials[pk].max_quantity, "title": materials[pk].title}
            )
    order = PrintOrder.objects.create(
        name=address.name,
        organisation=address.organisation,
        street=address.street,
        address_extra=address.address_extra,
        postcode=address.postcode,
        city=address.city,
        country=address.country,
        email=address.email,
        language=language,
        consent_version=conf.privacy_version(),
        status_changed_at=timezone.now(),
    )
    OrderLine.objects.bulk_create(
        OrderLine(
            order=order,
            material=materials[pk],
            material_title=materials[pk].title,
            material_language=materials[pk].language,
            quantity=qty,
        )
        for pk, qty in sorted(wanted.items(), key=lambda item: materials[item[0]].sort_order)
    )
    from . import tasks

    queueing.enqueue(tasks.send_order_confirmation, order.pk)
    queueing.enqueue(tasks.notify_staff_of_order, order.pk)
    return order


@transaction.atomic
def change_status(order, status, now=None):
    """Move an order to `status`; shipping records the time the retention period starts."""
    if status not in PrintOrder.Status.values:
        raise OrderError(_("Unknown status."))
    order = PrintOrder.objects.select_for_update().get(pk=order.pk)
    if order.status == status:
        return order
    now = now or timezone.now()
    order.status = status
    order.status_changed_at = now
    if status == PrintOrder.Status.SHIPPED:
        order.shipped_at = now
    order.save(update_fields=["status", "status_changed_at", "shipped_at"])
    return order
