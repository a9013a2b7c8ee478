import pytest
from wagtail.models import PageViewRestriction

from tests.factories.appeals import AppealIndexPageFactory, AppealPageFactory
from tests.factories.campaigns import (
    CampaignPageFactory,
    DocumentFactory,
    MaterialFactory,
    MaterialsPageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
)
from tests.factories.events import EventIndexPageFactory, EventPageFactory

# In every title and text of a restricted page: a response that contains it leaked the page.
SECRET = "Qx7Secret"
PASSWORD = "letmein"  # noqa: S105 - the test restriction's password


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.CAMPAIGN_KIT_APPEAL_MIN_FILL_SECONDS = 0


def publish(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page


class Site:
    """Public section pages, and below or beside them one restricted page of every type."""

    def __init__(self, home, kind):
        self.kind = kind
        self.events = publish(EventIndexPageFactory(parent=home, title="Events", slug="events"))
        self.news_index = publish(NewsIndexPageFactory(parent=home, title="News", slug="news"))
        self.materials = publish(
            MaterialsPageFactory(parent=home, title="Materials", slug="materials")
        )
        self.campaign = publish(
            CampaignPageFactory(
                parent=home, title=f"{SECRET} campaign", slug="c1", intro=f"{SECRET} intro"
            )
        )
        self.event = publish(
            EventPageFactory(
                parent=self.events,
                title=f"{SECRET} event",
                slug="e1",
                registration_mode="open",
                capacity=50,
                max_places_per_registration=3,
                campaign=self.campaign,
            )
        )
        self.appeal = publish(
            AppealPageFactory(
                parent=home,
                title=f"{SECRET} appeal",
                slug="a1",
                intro=f"{SECRET} intro",
                goal=100,
                campaign=self.campaign,
            )
        )
        self.news = publish(
            NewsPageFactory(
                parent=self.news_index,
                title=f"{SECRET} news",
                slug="n1",
                summary=f"{SECRET} summary",
                campaign=self.campaign,
            )
        )
        self.event_index = publish(
            EventIndexPageFactory(parent=home, title=f"{SECRET} calendar", slug="e2")
        )
        self.restricted_news_index = publish(
            NewsIndexPageFactory(parent=home, title=f"{SECRET} archive", slug="n2")
        )
        self.appeal_index = publish(
            AppealIndexPageFactory(parent=home, title=f"{SECRET} appeals", slug="a2")
        )
        self.library = publish(
            MaterialsPageFactory(parent=home, title=f"{SECRET} library", slug="m2")
        )
        self.material = MaterialFactory(
            title=f"{SECRET} flyer",
            description=f"{SECRET} leaflet",
            campaign=self.campaign,
            document=DocumentFactory(title="flyer"),
        )
        self.restricted = [
            self.campaign,
            self.event,
            self.appeal,
            self.news,
            self.event_index,
            self.restricted_news_index,
            self.appeal_index,
            self.library,
        ]
        self.slugs = [page.slug for page in self.restricted]
        self.restrictions = [
            PageViewRestriction.objects.create(
                page=page,
                restriction_type=kind,
                password=PASSWORD if kind == PageViewRestriction.PASSWORD else "",
            )
            for page in self.restricted
        ]


@pytest.fixture(params=[PageViewRestriction.PASSWORD, PageViewRestriction.LOGIN])
def site(request, homes):
    return Site(homes["en"], request.param)
