"""The event page's admin form: date-times are typed and shown in the event's own time zone.

Django reads and shows date-times in the active time zone (``settings.TIME_ZONE``); an event
in Kyiv edited on a site set to UTC or Berlin would move by hours. Here the fields keep the
wall-clock time the editor typed, and ``clean()`` places it in the zone chosen on the form.
"""

import zoneinfo
from datetime import UTC, datetime

from django import forms
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm

LOCAL_FIELDS = ("start", "end", "registration_opens_at", "registration_closes_at")


class WallClockDateTimeField(forms.DateTimeField):
    """A date-time without a zone (the form decides it); zone-aware values pass unchanged."""

    def to_python(self, value):
        if isinstance(value, datetime) and timezone.is_aware(value):
            return value
        # Parsed in UTC, which has neither gaps nor repeated hours, then made naive again.
        with timezone.override(UTC):
            value = super().to_python(value)
        return value.replace(tzinfo=None) if value else value


class NonexistentTime(ValueError):
    pass


def in_zone(naive, tz):
    """``naive`` as an aware date-time in ``tz``. A time that is skipped when the clocks go
    forward raises NonexistentTime; a time that occurs twice when they go back is the
    first occurrence (still summer time), as calendar apps read it."""
    aware = naive.replace(tzinfo=tz, fold=0)
    if aware.astimezone(UTC).astimezone(tz).replace(tzinfo=None) != naive:
        raise NonexistentTime(naive)
    return aware


class EventPageForm(WagtailAdminPageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        tz = self.instance.tz
        for name in LOCAL_FIELDS:
            if name not in self.fields:
                continue
            old = self.fields[name]
            field = WallClockDateTimeField(
                label=old.label, required=old.required, widget=old.widget, help_text=old.help_text
            )
            zone_help = _("In the event's time zone (%(zone)s).") % {"zone": tz.key}
            field.help_text = f"{old.help_text} {zone_help}" if old.help_text else zone_help
            self.fields[name] = field
            value = getattr(self.instance, name)
            if value is not None:
                self.initial[name] = timezone.localtime(value, tz).replace(tzinfo=None)

    def clean(self):
        cleaned = super().clean()
        try:
            tz = zoneinfo.ZoneInfo(cleaned.get("time_zone") or self.instance.time_zone)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            return cleaned  # the time zone field reports its own error
        for name in LOCAL_FIELDS:
            value = cleaned.get(name)
            if value is None or timezone.is_aware(value):
                continue
            try:
                cleaned[name] = in_zone(value, tz)
            except NonexistentTime:
                self.add_error(
                    name,
                    _(
                        "%(time)s does not exist in %(zone)s: the clocks go forward at that "
                        "hour. Please enter a time before or after the change."
                    )
                    % {"time": date_format(value, "DATETIME_FORMAT"), "zone": tz.key},
                )
        return cleaned
