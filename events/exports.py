"""One event's registrations as CSV or XLSX, for the organisers at its manage screen.

Statuses by their labels in the admin user's language, times in the event's own time zone
to the second; rows streamed in bounded memory (core/exports.py).
"""

from django.utils.translation import gettext as _

from campaign_kit.core.exports import csv_chunks, in_language, iterate, local_time, neutralise

from .models import Registration

TIME_FIELDS = ("created_at", "confirmed_at", "promoted_at", "cancelled_at", "checked_in_at")


def header():
    return [
        _("Name"),
        _("E-mail"),
        _("Places"),
        _("Status"),
        _("Language"),
        _("Registered at"),
        _("Confirmed at"),
        _("Moved up at"),
        _("Cancelled at"),
        _("Checked in at"),
    ]


def rows(pool, tz, for_csv=True):
    registrations = (
        Registration.objects.filter(pool=pool)
        .only("name", "email", "places", "status", "language", *TIME_FIELDS)
        .order_by("created_at", "pk")
    )
    for registration in iterate(registrations):
        times = [getattr(registration, name) for name in TIME_FIELDS]
        times = [local_time(value, tz) if value else None for value in times]
        if for_csv:
            times = [f"{value:%Y-%m-%d %H:%M:%S}" if value else "" for value in times]
        row = [
            registration.name,
            registration.email,
            registration.places,
            str(registration.get_status_display()),
            registration.language,
            *times,
        ]
        yield [neutralise(cell) for cell in row]


def stream_csv(pool, tz):
    def lines():
        yield header()
        yield from rows(pool, tz)

    return in_language(csv_chunks(lines()))


def write_xlsx(pool, tz, output):
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet(_("Registrations")[:31])
    sheet.append(header())
    for row in rows(pool, tz, for_csv=False):
        sheet.append(row)
    book.save(output)
