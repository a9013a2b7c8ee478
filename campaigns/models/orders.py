"""Print orders: materials and quantities sent free of charge to a postal address."""

import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField


def new_reference():
    # Short, unambiguous, not guessable; shown to the person and on labels.
    alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
    return "".join(secrets.choice(alphabet) for _ in range(8))


class PrintOrder(models.Model):
    class Status(models.TextChoices):
        NEW = "new", _("New")
        PACKED = "packed", _("Packed")
        SHIPPED = "shipped", _("Shipped")
        CANCELLED = "cancelled", _("Cancelled")

    reference = models.CharField(_("reference"), max_length=12, unique=True, default=new_reference)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.NEW, db_index=True
    )
    created_at = models.DateTimeField(_("ordered at"), auto_now_add=True, db_index=True)
    status_changed_at = models.DateTimeField(_("status changed at"), null=True, blank=True)
    shipped_at = models.DateTimeField(_("shipped at"), null=True, blank=True)
    language = models.CharField(_("language"), max_length=10, default="en")

    # Personal data: only for staff with the "fulfil orders" permission; purged after shipping.
    name = models.CharField(_("name"), max_length=120, blank=True)
    organisation = models.CharField(_("organisation"), max_length=120, blank=True)
    street = models.CharField(_("street and number"), max_length=200, blank=True)
    address_extra = models.CharField(_("address line 2"), max_length=200, blank=True)
    postcode = models.CharField(_("postcode"), max_length=16, blank=True)
    city = models.CharField(_("city"), max_length=100, blank=True)
    country = CountryField(_("country"), blank=True)
    email = models.EmailField(_("e-mail"), max_length=254, blank=True)
    consent_version = models.CharField(_("privacy notice version"), max_length=40)
    personal_data_purged_at = models.DateTimeField(
        _("personal data deleted at"), null=True, blank=True
    )

    class Meta:
        verbose_name = _("print order")
        verbose_name_plural = _("print orders")
        ordering = ["-created_at"]
        permissions = [
            ("fulfil_orders", _("Can see postal addresses and fulfil print orders")),
        ]

    def __str__(self):
        return self.reference

    @property
    def total_copies(self):
        return sum(line.quantity for line in self.lines.all())

    @property
    def items_summary(self):
        return "; ".join(f"{line.quantity} × {line.material_title}" for line in self.lines.all())

    @property
    def country_name(self):
        return self.country.name if self.country else ""

    def language_name(self):
        return dict(settings.LANGUAGES).get(self.language, self.language)


class OrderLine(models.Model):
    order = models.ForeignKey(PrintOrder, related_name="lines", on_delete=models.CASCADE)
    material = models.ForeignKey(
        "campaign_kit_campaigns.Material",
        verbose_name=_("material"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="order_lines",
    )
    material_title = models.CharField(_("material"), max_length=160)
    material_language = models.CharField(_("language"), max_length=10, blank=True)
    quantity = models.PositiveIntegerField(_("copies"))

    class Meta:
        verbose_name = _("order line")
        verbose_name_plural = _("order lines")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(quantity__gte=1), name="campaigns_orderline_quantity_positive"
            )
        ]

    def __str__(self):
        return f"{self.quantity} × {self.material_title}"
