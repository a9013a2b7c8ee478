"""The delivery list: only what signers agreed to make public, plus counts per country.

Both files are built from iterators (see core/exports.py), so 100,000 signatures cost the
memory of a few thousand."""

from django.utils.translation import gettext as _

from campaign_kit.core.exports import csv_chunks, iterate, neutralise

from .models import AppealCountryCount, Moderation, Signature, SignatureKind, SignatureStatus


def signatory_header():
    return [_("Kind"), _("Name"), _("City"), _("Country"), _("Website"), _("Confirmed")]


def signatory_rows(appeal_key):
    """The public signatories, organisations first, each row neutralised."""
    orgs = Signature.objects.filter(
        appeal_key=appeal_key,
        kind=SignatureKind.ORGANISATION,
        status=SignatureStatus.CONFIRMED,
        moderation=Moderation.APPROVED,
    ).order_by("country", "organisation_name", "pk")
    organisation, person = _("Organisation"), _("Person")
    # Country names, looked up (and translated) once per country rather than once per row.
    countries = {}

    def country_name(country):
        if country.code not in countries:
            countries[country.code] = country.name
        return countries[country.code]

    for org in iterate(orgs):
        row = [
            organisation,
            org.organisation_name,
            "",
            country_name(org.country),
            org.website,
            f"{org.confirmed_at:%Y-%m-%d}",
        ]
        yield [neutralise(cell) for cell in row]
    people = (
        Signature.objects.filter(
            appeal_key=appeal_key,
            kind=SignatureKind.PERSON,
            status=SignatureStatus.CONFIRMED,
            display__in=["initials", "full"],
        )
        .only("kind", "moderation", "name", "display", "city", "country", "confirmed_at")
        .order_by("country", "confirmed_at", "pk")
    )
    for signer in iterate(people):
        row = [
            person,
            signer.public_name,
            signer.city,
            country_name(signer.country),
            "",
            f"{signer.confirmed_at:%Y-%m-%d}",
        ]
        yield [neutralise(cell) for cell in row]


def country_rows(appeal_key):
    """Counts per country (a few hundred rows at most) and their totals."""
    header = [_("Country"), _("People (online)"), _("People (paper)"), _("Organisations")]
    counts = AppealCountryCount.objects.filter(appeal_key=appeal_key).order_by("country")
    rows = [[c.country.name, c.people, c.paper_people, c.organisations] for c in counts]
    totals = [_("Total"), sum(r[1] for r in rows), sum(r[2] for r in rows), sum(r[3] for r in rows)]
    return header, rows + [totals]


def csv_rows(appeal_key):
    yield signatory_header()
    yield from signatory_rows(appeal_key)
    yield []
    header, rows = country_rows(appeal_key)
    yield header
    yield from rows


def stream_csv(appeal_key):
    """Encoded pieces of the CSV file (with a BOM, for spreadsheet programs)."""
    return csv_chunks(csv_rows(appeal_key))


def write_xlsx(appeal_key, output):
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet(_("Signatories")[:31])
    sheet.append(signatory_header())
    for row in signatory_rows(appeal_key):
        sheet.append(row)
    countries = book.create_sheet(_("Countries")[:31])
    header, rows = country_rows(appeal_key)
    countries.append(header)
    for row in rows:
        countries.append(row)
    book.save(output)
