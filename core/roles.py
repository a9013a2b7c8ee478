"""Groups that fit the NGO's work, built from what is installed.

The core names the content roles every site has (Editors, Translators); each app adds its own
roles and the permissions of its content models through ``SuiteAppConfig.get_roles()``. Roles
of the same name are merged, so an app installed alone brings only its own groups.
``setup_roles()`` creates the groups and only ever adds what is missing: run twice, the same
groups; permissions an administrator added by hand stay.
"""

from dataclasses import dataclass

from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page

from .registry import model_permissions, suite_apps

ACCESS_ADMIN = "wagtailadmin.access_admin"
# Wagtail page permissions, granted on the root page (so on every page).
EDIT_PAGES = ("add_page", "change_page")
PUBLISH_PAGES = (*EDIT_PAGES, "publish_page", "lock_page", "unlock_page")
# Images and documents, granted on the root collection.
MEDIA = tuple(
    f"{app}.{action}_{model}"
    for app, model in (("wagtailimages", "image"), ("wagtaildocs", "document"))
    for action in ("add", "change", "choose")
)


@dataclass(frozen=True)
class Role:
    """A group: ``permissions`` and ``collection_permissions`` as "app_label.codename",
    ``page_permissions`` as codenames of Wagtail's page permissions."""

    name: str
    permissions: tuple = ()
    page_permissions: tuple = ()
    collection_permissions: tuple = ()


EDITORS = _("Editors")
TRANSLATORS = _("Translators")


def core_roles():
    """Editors and Translators (the latter where wagtail-localize is installed)."""
    editors = Role(
        EDITORS,
        permissions=(
            ACCESS_ADMIN,
            *model_permissions("campaign_kit_core", "topiclabel"),
            *model_permissions("campaign_kit_core", "mailtext"),  # the mails' texts
        ),
        page_permissions=PUBLISH_PAGES,
        collection_permissions=MEDIA,
    )
    if not apps.is_installed("wagtail_localize"):
        return (editors,)
    # Edit pages (translations are pages) without publishing them.
    translators = Role(
        TRANSLATORS,
        permissions=(ACCESS_ADMIN, "wagtail_localize.submit_translation"),
        page_permissions=EDIT_PAGES,
        collection_permissions=("wagtailimages.choose_image", "wagtaildocs.choose_document"),
    )
    return (editors, translators)


def roles():
    """Every role of the core and the installed apps, merged by name, in a stable order."""
    merged = {}
    for role in (*core_roles(), *(r for config in suite_apps() for r in config.get_roles())):
        name = str(role.name)
        known = merged.get(name)
        if known is None:
            merged[name] = role
            continue
        merged[name] = Role(
            name=known.name,
            permissions=_union(known.permissions, role.permissions),
            page_permissions=_union(known.page_permissions, role.page_permissions),
            collection_permissions=_union(
                known.collection_permissions, role.collection_permissions
            ),
        )
    return list(merged.values())


def _union(first, second):
    return tuple(dict.fromkeys((*first, *second)))


class MissingPermission(LookupError):
    """A role names a permission that does not exist (an app's migrations did not run)."""


def _permission(dotted):
    app_label, _dot, codename = dotted.partition(".")
    try:
        return Permission.objects.get(content_type__app_label=app_label, codename=codename)
    except Permission.DoesNotExist:
        raise MissingPermission(dotted) from None


def _page_permission(codename):
    return _permission(f"wagtailcore.{codename}")


@transaction.atomic
def setup_roles():
    """Create or complete the group of every role; returns {group name: created?}.

    Group names are stored in the site's default language (the language this runs in)."""
    root_page = Page.get_first_root_node()
    root_collection = Collection.get_first_root_node()
    result = {}
    for role in roles():
        group, created = Group.objects.get_or_create(name=str(role.name))
        group.permissions.add(*(_permission(p) for p in role.permissions))
        for codename in role.page_permissions:
            GroupPagePermission.objects.get_or_create(
                group=group, page=root_page, permission=_page_permission(codename)
            )
        for dotted in role.collection_permissions:
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=root_collection, permission=_permission(dotted)
            )
        result[group.name] = created
    return result
