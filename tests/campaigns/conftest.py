import pytest

from tests.factories.campaigns import (
    CampaignPageFactory,
    MaterialFactory,
    MaterialsPageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
)
from tests.factories.home import translate_page


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def campaign(homes):
    page = CampaignPageFactory(
        parent=homes["en"],
        title="Protection for deserters",
        slug="protection",
    )
    page.save_revision().publish()
    return page


@pytest.fixture
def campaign_de(campaign):
    return translate_page(campaign, "de", title="Schutz für Deserteure", slug="schutz")


@pytest.fixture
def news_index(homes):
    return NewsIndexPageFactory(parent=homes["en"], title="News", slug="news")


@pytest.fixture
def news_index_de(news_index):
    return translate_page(news_index, "de", title="Neuigkeiten", slug="neuigkeiten")


@pytest.fixture
def make_news(news_index):
    def make(count=1, parent=None, **kwargs):
        return [NewsPageFactory(parent=parent or news_index, **kwargs) for _ in range(count)]

    return make


@pytest.fixture
def materials_page(homes):
    return MaterialsPageFactory(parent=homes["en"], title="Materials", slug="materials")


@pytest.fixture
def flyer(locales):
    return MaterialFactory(title="Know your rights", language="en", max_quantity=20)


@pytest.fixture
def flyer_de(locales):
    return MaterialFactory(title="Ihre Rechte", language="de", max_quantity=10)
