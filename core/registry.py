"""How the suite's apps find each other: through Django's app registry, never by dotted paths.

Each app's ``AppConfig`` subclasses ``SuiteAppConfig`` and says what it offers: the sections
it can fill on a home page or a campaign hub (upcoming events, open appeals, latest news),
what the site search finds in it besides pages (materials), the
retention rules for the personal data it keeps, the roles (groups) its work needs and the
mails whose text editors may change. An app that is not installed offers nothing, so a
campaign page simply shows no events where the events app is absent.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.apps import AppConfig, apps


@dataclass(frozen=True)
class Section:
    """Pages an app lists on other pages: ``items(locale, limit=..., campaign=None)``
    returns live, public pages in that locale (of that campaign, if given)."""

    name: str
    items: Callable[..., list]


@dataclass(frozen=True)
class Search:
    """What the site search finds in an app besides pages: ``results(query, locale, limit)``
    returns what everyone may see (the site's template knows each kind by ``name``)."""

    name: str
    results: Callable[..., list]


class SuiteAppConfig(AppConfig):
    """Base class of the events, appeals and campaigns app configs."""

    default = False  # a base class: Django must not pick it as the config of an app's module
    default_auto_field = "django.db.models.BigAutoField"

    def get_sections(self):
        """The sections this app fills (``Section`` instances)."""
        return ()

    def get_searches(self):
        """What the site search finds in this app besides pages (``Search`` instances)."""
        return ()

    def purge_personal_data(self, now, dry_run=False):
        """Apply this app's retention rules; {description: number of records}."""
        return {}

    def get_mail_kinds(self):
        """The mails whose text editors may change (``core.mailtexts.MailKind`` instances)."""
        return ()

    def get_roles(self):
        """The groups this app needs (``campaign_kit.core.roles.Role``); a role named like
        one of the core's (Editors, Translators) adds its permissions to that group."""
        return ()


def model_permissions(app_label, model):
    """Django's four permissions of one model, for a role."""
    return tuple(f"{app_label}.{action}_{model}" for action in ("add", "change", "delete", "view"))


def suite_apps():
    return [config for config in apps.get_app_configs() if isinstance(config, SuiteAppConfig)]


def sections():
    """Every installed section by name."""
    return {section.name: section for config in suite_apps() for section in config.get_sections()}


def search(name, query, locale, limit):
    """The results of search ``name`` ([] when no installed app offers it)."""
    found = {s.name: s for config in suite_apps() for s in config.get_searches()}.get(name)
    return list(found.results(query, locale, limit)) if found else []


def section_items(name, locale, limit, campaign=None):
    """The items of section ``name`` ([] when no installed app offers it)."""
    section = sections().get(name)
    return list(section.items(locale, limit=limit, campaign=campaign)) if section else []
