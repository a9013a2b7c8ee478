"""Readable cells in the admin's spreadsheet exports: choices by their labels in the admin
user's language, times as local times to the second (not codes and UTC microseconds)."""

import zoneinfo
from datetime import datetime
from functools import lru_cache

from django.conf import settings
from django.core.exceptions import FieldDoesNotExist
from django.utils import timezone, translation
from django.utils.encoding import force_str


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


class LocalisedExportMixin:
    """For admin ``IndexView``s with ``list_export`` (before ``StreamingExportMixin``)."""

    def export_time_zone(self, item):
        """The zone of the times of `item`: the site's; a view may name the item's own."""
        return time_zone(settings.TIME_ZONE)

    def stream_csv(self, queryset):
        return in_language(super().stream_csv(queryset))

    def to_row_dict(self, item):
        row = super().to_row_dict(item)
        for name, value in row.items():
            if isinstance(value, datetime) and timezone.is_aware(value):
                row[name] = local_time(value, self.export_time_zone(item))
            elif isinstance(value, str) and value:
                row[name] = self._choice_label(name, value)
        return row

    def _choice_label(self, name, value):
        try:
            field = self.model._meta.get_field(name)
        except FieldDoesNotExist:
            return value
        if not field.choices:
            return value
        return force_str(dict(field.flatchoices).get(value, value))
