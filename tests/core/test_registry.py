"""Apps find each other through SuiteAppConfig: what an installed app offers, and nothing else."""

import pytest

from campaign_kit.core import registry
from tests.factories.campaigns import MaterialFactory, MaterialsPageFactory

pytestmark = pytest.mark.django_db


def test_the_campaigns_app_offers_its_sections_and_the_material_search(homes, locales):
    assert {"news", "materials", "events", "appeals"} <= set(registry.sections())
    MaterialFactory(title="Know your rights", language="en")
    assert registry.search("materials", "rights", locales["en"], limit=5) == []  # no library
    library = MaterialsPageFactory(parent=homes["en"])
    [found] = registry.search("materials", "rights", locales["en"], limit=5)
    assert found["material"].title == "Know your rights" and found["library"] == library


def test_a_search_or_section_no_app_offers_finds_nothing(locales):
    assert registry.search("recipes", "bread", locales["en"], limit=5) == []
    assert registry.section_items("recipes", locales["en"], 3) == []
