"""Background tasks: they only wrap the e-mail functions."""

from django_tasks import task

from . import emails
from .models import PrintOrder


@task()
def send_order_confirmation(order_id):
    order = PrintOrder.objects.filter(pk=order_id).first()
    if order is not None and order.email:
        emails.send_order_confirmation(order)


@task()
def notify_staff_of_order(order_id):
    order = PrintOrder.objects.filter(pk=order_id).first()
    if order is not None:
        emails.send_staff_notification(order)
