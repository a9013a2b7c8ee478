"""Appeal pages and signatures for the tests and benchmarks."""

import factory
import wagtail_factories
from django.utils import timezone

from campaign_kit.appeals.models import (
    AppealIndexPage,
    AppealPage,
    Signature,
    SignatureKind,
    SignatureStatus,
)
from campaign_kit.appeals.security import email_hash


class AppealIndexPageFactory(wagtail_factories.PageFactory):
    title = "Appeals"
    slug = factory.Sequence(lambda n: f"appeals-{n}")

    class Meta:
        model = AppealIndexPage


class AppealPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Appeal {n}")
    slug = factory.Sequence(lambda n: f"appeal-{n}")
    intro = "Protect those who refuse to fight."
    addressees = "European Parliament\nParliamentary Assembly of the Council of Europe"
    initiators = "Example Peace Network"
    body = factory.LazyFunction(lambda: [("paragraph", "<p>We call on you to act.</p>")])
    goal = 1000

    class Meta:
        model = AppealPage


class SignatureFactory(factory.django.DjangoModelFactory):
    kind = SignatureKind.PERSON
    status = SignatureStatus.CONFIRMED
    name = factory.Sequence(lambda n: f"Signer {n}")
    email = factory.Sequence(lambda n: f"signer{n}@example.org")
    email_hash = factory.LazyAttribute(lambda o: email_hash(o.email))
    email_domain = factory.LazyAttribute(lambda o: o.email.rpartition("@")[2])
    country = "DE"
    display = "full"
    consent_version = "1"
    language = "en"
    confirmed_at = factory.LazyFunction(timezone.now)

    class Meta:
        model = Signature
