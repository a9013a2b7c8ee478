from django.utils.translation import gettext_lazy as _

from campaign_kit.core.registry import Section, SuiteAppConfig, model_permissions


class EventsConfig(SuiteAppConfig):
    name = "campaign_kit.events"
    label = "campaign_kit_events"
    default = True
    verbose_name = _("Events")

    def ready(self):
        from campaign_kit.core import content

        from . import checks, signals  # noqa: F401  (checks: registers the system check)
        from .models import EventSeries

        # Series are shown on event pages and in the index's filters.
        content.watch(EventSeries)

    def get_sections(self):
        from .selectors import upcoming_events

        return (Section("events", upcoming_events),)

    def get_mail_kinds(self):
        from .mailtexts import KINDS

        return KINDS

    def purge_personal_data(self, now, dry_run=False):
        from .retention import purge_personal_data

        return purge_personal_data(now=now, dry_run=dry_run)

    def get_roles(self):
        from campaign_kit.core.roles import ACCESS_ADMIN, EDITORS, Role

        from .permissions import VIEW_REGISTRATIONS

        return (
            # At the door and on the registrations list: check-in, cancel, move up, export.
            Role(_("Event helpers"), permissions=(ACCESS_ADMIN, VIEW_REGISTRATIONS)),
            Role(EDITORS, permissions=model_permissions("campaign_kit_events", "eventseries")),
        )
