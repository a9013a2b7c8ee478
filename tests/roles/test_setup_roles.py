"""setup_roles: the groups of the installed apps, created once, completed on a second run."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django.test import override_settings
from wagtail.models import GroupCollectionPermission, GroupPagePermission, Page

from campaign_kit.core.roles import roles

pytestmark = pytest.mark.django_db

GROUPS = {"Editors", "Translators", "Event helpers", "Signature managers", "Order fulfilment"}


def snapshot():
    return {
        group.name: (
            sorted(group.permissions.values_list("content_type__app_label", "codename")),
            sorted(
                GroupPagePermission.objects.filter(group=group).values_list(
                    "page_id", "permission__codename"
                )
            ),
            sorted(
                GroupCollectionPermission.objects.filter(group=group).values_list(
                    "collection_id", "permission__codename"
                )
            ),
        )
        for group in Group.objects.filter(name__in=GROUPS)
    }


def perms(name):
    return set(Group.objects.get(name=name).permissions.values_list("codename", flat=True))


def test_run_twice_gives_the_same_groups(capsys):
    call_command("setup_roles")
    assert "Created: Event helpers" in capsys.readouterr().out
    first = snapshot()
    assert set(first) == GROUPS
    call_command("setup_roles")
    assert "Up to date: Event helpers" in capsys.readouterr().out
    assert snapshot() == first
    assert Group.objects.filter(name__in=GROUPS).count() == len(GROUPS)


def test_each_group_holds_what_its_work_needs():
    call_command("setup_roles")
    personal = {"view_registrations", "manage_signatures", "fulfil_orders"}
    assert "view_registrations" in perms("Event helpers")
    assert "manage_signatures" in perms("Signature managers")
    assert "fulfil_orders" in perms("Order fulfilment")
    assert {"change_material", "change_eventseries"} <= perms("Editors")
    assert not personal & perms("Editors") and not personal & perms("Translators")
    assert "submit_translation" in perms("Translators")
    root = Page.get_first_root_node()
    editors = GroupPagePermission.objects.filter(group__name="Editors", page=root)
    translators = GroupPagePermission.objects.filter(group__name="Translators", page=root)
    assert "publish_page" in editors.values_list("permission__codename", flat=True)
    assert set(translators.values_list("permission__codename", flat=True)) == {
        "add_page",
        "change_page",
    }
    assert GroupCollectionPermission.objects.filter(
        group__name="Editors", permission__codename="add_image"
    ).exists()


def test_permissions_added_by_hand_stay():
    call_command("setup_roles")
    helpers = Group.objects.get(name="Event helpers")
    extra = Permission.objects.get(codename="change_eventseries")
    helpers.permissions.add(extra)
    call_command("setup_roles")
    assert "change_eventseries" in perms("Event helpers")


def test_personal_data_permissions_have_plain_names():
    names = dict(
        Permission.objects.filter(
            codename__in=["view_registrations", "manage_signatures", "fulfil_orders"]
        ).values_list("codename", "name")
    )
    assert names == {
        "view_registrations": "Can see and handle event registrations (names and e-mail addresses)",
        "manage_signatures": "Can see, moderate and export appeal signatures (names and "
        "e-mail addresses)",
        "fulfil_orders": "Can see postal addresses and fulfil print orders",
    }


BASE_APPS = [
    "campaign_kit.core",
    "wagtail.admin",
    "wagtail",
    "django.contrib.auth",
    "django.contrib.contenttypes",
]


@pytest.mark.parametrize(
    ("app", "own", "others"),
    [
        ("campaign_kit.events", "Event helpers", {"Signature managers", "Order fulfilment"}),
        ("campaign_kit.appeals", "Signature managers", {"Event helpers", "Order fulfilment"}),
        ("campaign_kit.campaigns", "Order fulfilment", {"Event helpers", "Signature managers"}),
    ],
)
def test_an_app_installed_alone_brings_only_its_own_roles(app, own, others):
    with override_settings(INSTALLED_APPS=[*BASE_APPS, app]):
        names = {str(role.name) for role in roles()}
        editors = next(role for role in roles() if str(role.name) == "Editors")
    assert names == {"Editors", own}  # no wagtail-localize here: no Translators
    assert not names & others
    labels = {p.partition(".")[0] for p in editors.permissions}
    assert labels <= {"wagtailadmin", "campaign_kit_core", app.replace(".", "_")}
