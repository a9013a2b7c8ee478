"""Home and standard pages, and translated copies, for the tests and benchmarks."""

import factory
import wagtail_factories
from wagtail.models import Locale

from home.models import HomePage, StandardPage


class HomePageFactory(wagtail_factories.PageFactory):
    title = "Home"
    slug = factory.Sequence(lambda n: f"home-{n}")
    hero_title = "No one should be forced to fight"

    class Meta:
        model = HomePage


class StandardPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Page {n}")
    slug = factory.Sequence(lambda n: f"page-{n}")
    intro = "An introduction."

    class Meta:
        model = StandardPage


def translate_page(page, language_code, **fields):
    """Create a published translation of `page` (tests and demo use the same path)."""
    locale, _ = Locale.objects.get_or_create(language_code=language_code)
    copy = page.copy_for_translation(locale).specific
    for name, value in fields.items():
        setattr(copy, name, value)
    copy.save()
    copy.save_revision().publish()
    copy.refresh_from_db()
    return copy
