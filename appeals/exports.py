"""The delivery list: only what signers agreed to make public, plus counts per country."""

import csv
import io

from django.utils.translation import gettext as _
from openpyxl import Workbook

from campaign_kit.core.exports import neutralise

from .models import AppealCountryCount, Moderation, Signature, SignatureKind, SignatureStatus


def signatory_rows(appeal_key):
    header = [_("Kind"), _("Name"), _("City"), _("Country"), _("Website"), _("Confirmed")]
    rows = []
    orgs = Signature.objects.filter(
        appeal_key=appeal_key,
        kind=SignatureKind.ORGANISATION,
        status=SignatureStatus.CONFIRMED,
        moderation=Moderation.APPROVED,
    ).order_by("country", "organisation_name")
    for org in orgs:
        rows.append(
            [
                _("Organisation"),
                org.organisation_name,
                "",
                org.country.name,
                org.website,
                f"{org.confirmed_at:%Y-%m-%d}",
            ]
        )
    people = (
        Signature.objects.filter(
            appeal_key=appeal_key,
            kind=SignatureKind.PERSON,
            status=SignatureStatus.CONFIRMED,
            display__in=["initials", "full"],
        )
        .order_by("country", "confirmed_at")
        .iterator(chunk_size=2000)
    )
    for person in people:
        rows.append(
            [
                _("Person"),
                person.public_name,
                person.city,
                person.country.name,
                "",
                f"{person.confirmed_at:%Y-%m-%d}",
            ]
        )
    return header, [[neutralise(cell) for cell in row] for row in rows]


def country_rows(appeal_key):
    header = [_("Country"), _("People (online)"), _("People (paper)"), _("Organisations")]
    counts = AppealCountryCount.objects.filter(appeal_key=appeal_key).order_by("country")
    rows = [[c.country.name, c.people, c.paper_people, c.organisations] for c in counts]
    totals = [_("Total"), sum(r[1] for r in rows), sum(r[2] for r in rows), sum(r[3] for r in rows)]
    return header, rows + [totals]


def as_csv(appeal_key):
    out = io.StringIO()
    writer = csv.writer(out)
    header, rows = signatory_rows(appeal_key)
    writer.writerow(header)
    writer.writerows(rows)
    writer.writerow([])
    header, rows = country_rows(appeal_key)
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue().encode("utf-8-sig")


def as_xlsx(appeal_key):
    book = Workbook()
    sheet = book.active
    sheet.title = _("Signatories")[:31]
    header, rows = signatory_rows(appeal_key)
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    countries = book.create_sheet(_("Countries")[:31])
    header, rows = country_rows(appeal_key)
    countries.append(header)
    for row in rows:
        countries.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
