"""Campaign, news and materials pages, images, documents and orders for the tests and benchmarks."""

import datetime
from decimal import Decimal

import factory
import wagtail_factories
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, Locale

from campaign_kit.campaigns.models import (
    CampaignPage,
    Material,
    MaterialsPage,
    NewsIndexPage,
    NewsPage,
    PrintOrder,
)

# The smallest valid PDF: enough for serving, type and size in tests.
MINIMAL_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)


def root_collection():
    return Collection.get_first_root_node()


class ImageFactory(factory.django.DjangoModelFactory):
    title = factory.Sequence(lambda n: f"Image {n}")
    file = factory.django.ImageField(width=64, height=36, color="steelblue")
    collection = factory.LazyFunction(root_collection)

    class Meta:
        model = get_image_model()


class DocumentFactory(factory.django.DjangoModelFactory):
    title = factory.Sequence(lambda n: f"Flyer {n}")
    file = factory.LazyAttribute(
        lambda obj: ContentFile(MINIMAL_PDF, name=f"{obj.title.lower().replace(' ', '-')}.pdf")
    )
    collection = factory.LazyFunction(root_collection)

    class Meta:
        model = get_document_model()


class CampaignPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Campaign {n}")
    slug = factory.Sequence(lambda n: f"campaign-{n}")
    intro = "Protection for people who refuse to fight."
    amount_raised = Decimal("65000")
    currency = "EUR"
    donation_goal = Decimal("100000")
    donations_as_of = datetime.date(2026, 11, 1)

    class Meta:
        model = CampaignPage


class NewsIndexPageFactory(wagtail_factories.PageFactory):
    title = "News"
    slug = factory.Sequence(lambda n: f"news-{n}")

    class Meta:
        model = NewsIndexPage


class NewsPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"News item {n}")
    slug = factory.Sequence(lambda n: f"news-item-{n}")
    summary = "What happened, in two sentences."
    author = "Campaign team"
    date = factory.Sequence(lambda n: datetime.date(2022, 1, 1) + datetime.timedelta(days=n))

    class Meta:
        model = NewsPage
        skip_postgeneration_save = True

    @factory.post_generation
    def tags(obj, create, extracted, **kwargs):
        if extracted:
            obj.tags.add(*extracted)
            if create:
                obj.save()


class MaterialsPageFactory(wagtail_factories.PageFactory):
    title = "Materials"
    slug = factory.Sequence(lambda n: f"materials-{n}")

    class Meta:
        model = MaterialsPage


class MaterialFactory(factory.django.DjangoModelFactory):
    title = factory.Sequence(lambda n: f"Flyer {n}")
    description = "A leaflet about the right to refuse."
    language = "en"
    document = factory.SubFactory(DocumentFactory)
    max_quantity = 50
    locale = factory.LazyFunction(Locale.get_default)

    class Meta:
        model = Material


class PrintOrderFactory(factory.django.DjangoModelFactory):
    name = "Erika Muster"
    street = "Beispielweg 1"
    postcode = "10115"
    city = "Berlin"
    country = "DE"
    email = "erika@example.org"
    consent_version = "1"

    class Meta:
        model = PrintOrder
