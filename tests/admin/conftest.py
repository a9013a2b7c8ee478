"""Data for the admin screens: events with registrations, an appeal with signatures,
print orders and downloads, and users with and without the personal-data permissions."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Permission
from django.utils import timezone

from campaign_kit.appeals.services import recount
from campaign_kit.campaigns.models import DownloadCount
from campaign_kit.events import services
from tests.factories.appeals import AppealPageFactory, SignatureFactory
from tests.factories.campaigns import MaterialsPageFactory, PrintOrderFactory
from tests.factories.events import EventIndexPageFactory, EventPageFactory


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def superuser(django_user_model):
    return django_user_model.objects.create_superuser("admin", "admin@example.org", "pw")


@pytest.fixture
def limited(django_user_model):
    """Reaches the admin, holds no personal-data permission and no page permission."""
    user = django_user_model.objects.create_user("helper", "helper@example.org", "pw")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    return user


def grant(user, *codenames):
    user.user_permissions.add(*Permission.objects.filter(codename__in=codenames))
    return type(user).objects.get(pk=user.pk)  # a fresh permission cache


@pytest.fixture
def event_index(homes):
    return EventIndexPageFactory(parent=homes["en"], title="Events", slug="events")


@pytest.fixture
def make_event(event_index):
    def make(title="Vigil in Frankfurt", capacity=3, days=10, **kwargs):
        start = timezone.now().replace(second=0, microsecond=0) + timedelta(days=days)
        page = EventPageFactory(
            parent=event_index,
            title=title,
            registration_mode="open",
            capacity=capacity,
            max_places_per_registration=3,
            start=start,
            end=start + timedelta(hours=2),
            **kwargs,
        )
        page.save_revision().publish()
        page.refresh_from_db()
        return page

    return make


@pytest.fixture
def full_event(make_event, django_capture_on_commit_callbacks):
    """3 of 3 places taken, 1 place on the waiting list."""
    event = make_event()
    with django_capture_on_commit_callbacks(execute=True):
        services.register(event, name="Ada", email="ada@example.org", places=2)
        services.register(event, name="Ben", email="ben@example.org", places=1)
        services.register(event, name="Cem", email="cem@example.org", places=1)
    return event


@pytest.fixture
def appeal(homes):
    page = AppealPageFactory(
        parent=homes["en"], title="Protect objectors", slug="protect", goal=100
    )
    page.save_revision().publish()
    page.refresh_from_db()
    return page


@pytest.fixture
def signatures(appeal):
    key = appeal.translation_key
    yesterday = timezone.now() - timedelta(days=2)
    SignatureFactory(appeal_key=key)
    SignatureFactory(appeal_key=key)
    SignatureFactory(appeal_key=key, confirmed_at=yesterday)
    SignatureFactory(
        appeal_key=key,
        kind="organisation",
        organisation_name="Friends of Peace",
        moderation="pending",
    )
    recount(key)
    return key


@pytest.fixture
def orders():
    return [
        PrintOrderFactory(status="new"),
        PrintOrderFactory(status="new"),
        PrintOrderFactory(status="packed"),
        PrintOrderFactory(status="shipped"),
    ]


@pytest.fixture
def downloads():
    import uuid

    today = timezone.localdate()
    key = uuid.uuid4()
    DownloadCount.objects.create(material_key=key, day=today, count=5)
    DownloadCount.objects.create(material_key=key, day=today - timedelta(days=3), count=2)
    DownloadCount.objects.create(material_key=key, day=today - timedelta(days=10), count=7)


@pytest.fixture
def materials_page(homes):
    page = MaterialsPageFactory(parent=homes["en"], title="Materials", slug="materials")
    page.save_revision().publish()
    return page
