import pytest

from tests.factories.events import EventIndexPageFactory, EventPageFactory
from tests.factories.home import translate_page


@pytest.fixture
def index(homes):
    return EventIndexPageFactory(parent=homes["en"], title="Events", slug="events")


@pytest.fixture
def index_de(index, homes):
    return translate_page(index, "de", title="Termine", slug="termine")


def publish(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page


@pytest.fixture
def make_event(index):
    def make(**kwargs):
        kwargs.setdefault("parent", index)
        page = EventPageFactory(**kwargs)
        return publish(page)

    return make


@pytest.fixture
def event(make_event):
    return make_event(
        title="Vigil in Frankfurt",
        slug="vigil",
        registration_mode="open",
        capacity=5,
        max_places_per_registration=3,
    )
