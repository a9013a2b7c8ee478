"""Spreadsheet exports of personal data: streamed in bounded memory, with formula cells defused,
choices and times as people read them.

CSV goes out row by row as it is read (a streaming response). XLSX, a zip archive that can
only be sent once complete, is written by openpyxl's write-only workbook in a background task
to a file on disk, and downloaded when ready (core/prepared.py). Rows come from
``QuerySet.iterator``, so neither the rows nor the file are held in memory whole.
"""

import csv
import zoneinfo
from datetime import datetime
from functools import lru_cache

from django.conf import settings
from django.core.exceptions import FieldDoesNotExist
from django.http import StreamingHttpResponse
from django.utils import timezone, translation
from django.utils.encoding import force_str
from django.utils.functional import cached_property

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
CHUNK_SIZE = 2000  # rows fetched per round trip
CSV_ROWS_PER_CHUNK = 200  # rows per piece of a streamed CSV
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def neutralise(value):
    """A text cell starting like a formula gets a leading apostrophe (OWASP's CSV injection
    advice), so that opening an export never runs what a visitor typed into a form."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def iterate(queryset):
    """The rows of `queryset` fetched a chunk at a time, never all held (nor cached)."""
    return queryset.iterator(chunk_size=CHUNK_SIZE)


@lru_cache(maxsize=64)
def time_zone(name):
    try:
        return zoneinfo.ZoneInfo(name or settings.TIME_ZONE)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return zoneinfo.ZoneInfo(settings.TIME_ZONE)


def local_time(value, tz):
    """A naive local datetime without microseconds: spreadsheets show it as it is."""
    return timezone.localtime(value, tz).replace(microsecond=0, tzinfo=None)


def in_language(chunks):
    """`chunks` of a streamed file, each made in the language active now: a streaming
    response is iterated after the view returned, outside the admin user's language."""
    language = translation.get_language()  # now, in the view (not a generator itself)

    def pieces():
        remaining = iter(chunks)
        while True:
            with translation.override(language):
                chunk = next(remaining, None)
            if chunk is None:
                return
            yield chunk

    return pieces()


class _Line:
    """A file for csv.writer that hands back each line instead of storing it."""

    def write(self, value):
        return value


def csv_chunks(rows, bom=True):
    """Encoded pieces of a CSV file of `rows` (iterables of cells), a few hundred rows each."""
    writer = csv.writer(_Line())
    buffer = ["\ufeff"] if bom else []
    for row in rows:
        buffer.append(writer.writerow(row))
        if len(buffer) >= CSV_ROWS_PER_CHUNK:
            yield "".join(buffer).encode("utf-8")
            buffer = []
    if buffer:
        yield "".join(buffer).encode("utf-8")


def csv_response(chunks, filename):
    response = StreamingHttpResponse(chunks, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def xlsx_response(request, write, filename, permission=""):
    """`write(file)` saves a workbook into `file`, in a background task; the response sends
    the user to the page that links the file when it is ready. Downloading it needs the
    same user and `permission` ("app_label.codename")."""
    from . import prepared

    return prepared.respond(request, write, filename, permission)


class StreamingExportMixin:
    """For Wagtail admin ``IndexView``s with ``list_export``: the same files as Wagtail's
    export, neutralised, built from an iterator in bounded memory, and readable: choices by
    their labels in the admin user's language, times as local times to the second (not codes
    and UTC microseconds)."""

    def export_time_zone(self, item):
        """The zone of the times of `item`: the site's; a view may name the item's own."""
        return time_zone(settings.TIME_ZONE)

    def to_row_dict(self, item):
        row = super().to_row_dict(item)
        for name, value in row.items():
            if isinstance(value, datetime) and timezone.is_aware(value):
                row[name] = local_time(value, self.export_time_zone(item))
            elif isinstance(value, str) and value and name in self._choice_labels:
                row[name] = force_str(self._choice_labels[name].get(value, value))
        return row

    @cached_property
    def _choice_labels(self):
        """``{column: {value: label}}`` of the exported fields with choices, looked up once
        per export rather than for every cell (the labels stay lazy: the language is the
        one active when a row is written)."""
        labels = {}
        for name in self.list_export:
            try:
                field = self.model._meta.get_field(name)
            except FieldDoesNotExist:
                continue
            if field.choices:
                labels[name] = dict(field.flatchoices)
        return labels

    def get_context_data(self, **kwargs):
        if self.is_export:
            # The listing's context counts an unpaginated list with len(), loading every row;
            # an export needs only the (filtered, ordered) queryset.
            return {"object_list": self.object_list}
        return super().get_context_data(**kwargs)

    def preprocess_field_value(self, field, value, export_format):
        return neutralise(super().preprocess_field_value(field, value, export_format))

    def stream_csv(self, queryset):
        def rows():
            yield [self.get_heading(queryset, field) for field in self.list_export]
            for item in iterate(queryset):
                yield [
                    self.preprocess_field_value(field, value, self.FORMAT_CSV)
                    for field, value in self.to_row_dict(item).items()
                ]

        return in_language(csv_chunks(rows(), bom=False))  # no BOM, as Wagtail's own export

    def write_csv_response(self, queryset):
        return csv_response(self.stream_csv(queryset), f"{self.get_filename()}.csv")

    def write_xlsx(self, queryset, output):
        from openpyxl import Workbook
        from wagtail.admin.views.mixins import ExcelDateFormatter

        workbook = Workbook(write_only=True, iso_dates=True)
        worksheet = workbook.create_sheet(title="Sheet1")
        worksheet.append(self.get_heading(queryset, field) for field in self.list_export)
        date_format = ExcelDateFormatter().get()
        for item in iterate(queryset):
            worksheet.append(
                self.generate_xlsx_row(worksheet, self.to_row_dict(item), date_format=date_format)
            )
        workbook.save(output)

    def write_xlsx_response(self, queryset):
        return xlsx_response(
            self.request,
            lambda output: self.write_xlsx(queryset, output),
            f"{self.get_filename()}.xlsx",
            self.export_permission(),
        )

    def export_permission(self):
        """What the listing needs (PermissionRequiredMixin's or its policy's), to download."""
        policy = getattr(self, "permission_policy", None)
        return getattr(self, "required_permission", None) or getattr(policy, "permission", "")
