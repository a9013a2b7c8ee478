"""Public views: the appeal page routes and the token links from the e-mails."""

from django.conf import settings
from django.http import FileResponse, Http404, HttpResponseRedirect, JsonResponse
from django.template.response import TemplateResponse
from django.utils.translation import get_language
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.http import require_http_methods, require_POST
from django_ratelimit.core import is_ratelimited
from django_ratelimit.exceptions import Ratelimited

from campaign_kit.core import conf, related
from campaign_kit.core.access import page_view
from campaign_kit.core.converters import parse_id
from campaign_kit.core.hashing import client_hash

from . import charts, selectors, services
from .forms import OrganisationForm, SignatureForm
from .models import AppealPage, Moderation, Signature, SignatureKind, SignatureStatus
from .models.pages import goal_percent
from .security import (
    CONFIRM_SALT,
    WITHDRAW_SALT,
    TokenExpired,
    confirm_days,
    read_token,
)

PEOPLE_PER_PAGE = 50
MAX_PAGE_NUMBER = 10**6


class HttpResponseSeeOther(HttpResponseRedirect):
    """Post/Redirect/Get: browsers fetch the target with GET."""

    status_code = 303


def _rate():
    return conf.get("APPEAL_SIGN_RATE")


def _over_rate(request, appeal_key):
    """Per appeal and hashed client address; counts every POST, valid or not."""
    return is_ratelimited(
        request,
        group="appeals.sign",
        key=lambda group, req: f"{appeal_key}:{client_hash(group, req)}",
        rate=_rate(),
        method="POST",
        increment=True,
    )


def _context(request, page, **extra):
    context = page.get_context(request)
    counter = selectors.appeal_counts(page.translation_key)
    context.update(
        counter=counter,
        goal_percent=goal_percent(counter.total_people, page.goal),
        organisations_by_country=selectors.organisations_by_country(page.translation_key),
        latest_people=selectors.public_people(page.translation_key, limit=10)[0],
        person_form=SignatureForm(prefix="p"),
        organisation_form=OrganisationForm(prefix="o") if page.allow_organisations else None,
        **related.context_for(request, page, "appeals"),
        **charts.for_appeal(page),
    )
    context.update(extra)
    return context


def appeal_page(request, page, status=200, **extra):
    return TemplateResponse(
        request,
        "campaign_kit_appeals/appeal_page.html",
        _context(request, page, **extra),
        status=status,
    )


def _full_page(page):
    # The POST loads only a few fields; error pages render everything.
    return AppealPage.objects.get(pk=page.pk)


def _closed(request, page):
    page = _full_page(page)
    return TemplateResponse(
        request, "campaign_kit_appeals/closed.html", {"page": page, "self": page}, status=410
    )


@require_POST
@page_view(selectors.appeal_for_post)
def post_person(request, page):
    """A person's signature: a plain URL outside Wagtail routing, answered with a redirect."""
    return _sign(request, page, SignatureForm, "p", "person_form", SignatureKind.PERSON)


@require_POST
@page_view(selectors.appeal_for_post)
def post_organisation(request, page):
    if not page.allow_organisations:
        raise Http404
    return _sign(
        request, page, OrganisationForm, "o", "organisation_form", SignatureKind.ORGANISATION
    )


def _sign(request, page, form_class, prefix, form_name, kind):
    if _over_rate(request, page.translation_key):
        raise Ratelimited
    if not page.is_open:
        return _closed(request, page)
    form = form_class(request.POST, request.FILES, prefix=prefix)
    if not form.is_valid():
        return appeal_page(
            request, _full_page(page), status=400, **{form_name: form, "anchor": prefix}
        )
    services.sign(page, form.cleaned_data, get_language() or settings.LANGUAGE_CODE, kind=kind)
    # The same neutral reply for new and repeated signatures; the "sent" page is cacheable.
    target = page.sent_url
    if kind == SignatureKind.ORGANISATION:
        target += "?kind=organisation"
    return HttpResponseSeeOther(target)


def sent(request, page):
    kind = "organisation" if request.GET.get("kind") == "organisation" else "person"
    return TemplateResponse(
        request,
        "campaign_kit_appeals/sent.html",
        {"page": page, "self": page, "days": confirm_days(), "kind": kind},
    )


def signatories(request, page):
    # Bounded: a page number past every list is a 404, not an offset the database rejects.
    number = max(1, min(parse_id(request.GET.get("page")) or 1, MAX_PAGE_NUMBER))
    people, has_next = selectors.public_people(
        page.translation_key, offset=(number - 1) * PEOPLE_PER_PAGE, limit=PEOPLE_PER_PAGE
    )
    if number > 1 and not people:
        raise Http404
    counter = selectors.appeal_counts(page.translation_key)
    context = page.get_context(request)
    context.update(
        counter=counter,
        goal_percent=goal_percent(counter.total_people, page.goal),
        organisations_by_country=selectors.organisations_by_country(page.translation_key),
        people=people,
        page_number=number,
        previous_page=number - 1 if number > 1 else None,
        next_page=number + 1 if has_next else None,
    )
    return TemplateResponse(request, "campaign_kit_appeals/signatories.html", context)


def counts_payload(page):
    counter = selectors.appeal_counts(page.translation_key)
    return {
        "people": counter.total_people,
        "people_online": counter.people,
        "people_paper": counter.paper_people,
        "organisations": counter.organisations,
        "countries": counter.countries,
        "goal": page.goal,
        "status": page.status,
        "updated": counter.updated_at.isoformat() if counter.updated_at else None,
    }


def counts_json(request, page):
    response = JsonResponse(counts_payload(page))
    response["Cache-Control"] = "public, max-age=10"
    response["Access-Control-Allow-Origin"] = "*"
    return response


@xframe_options_exempt
def badge(request, page):
    counter = selectors.appeal_counts(page.translation_key)
    response = TemplateResponse(
        request,
        "campaign_kit_appeals/badge.html",
        {
            "page": page,
            "counter": counter,
            "goal_percent": goal_percent(counter.total_people, page.goal),
        },
    )
    response["Content-Security-Policy"] = "default-src 'self'; frame-ancestors *"
    response["Cache-Control"] = "public, max-age=30"
    return response


def logo(request, page, public_id):
    signature = Signature.objects.filter(
        appeal_key=page.translation_key,
        public_id=public_id,
        kind=SignatureKind.ORGANISATION,
        status=SignatureStatus.CONFIRMED,
        moderation=Moderation.APPROVED,
    ).first()
    if signature is None or not signature.logo:
        raise Http404
    try:
        handle = signature.logo.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    response = FileResponse(handle, content_type=_logo_type(signature.logo.name))
    response["Cache-Control"] = "public, max-age=3600"
    response["X-Content-Type-Options"] = "nosniff"
    return response


def _logo_type(name):
    ext = name.rsplit(".", 1)[-1].lower()
    return {
        "png": "image/png",
        "jpg": "image/jpeg",
        "jpeg": "image/jpeg",
        "webp": "image/webp",
    }.get(ext, "application/octet-stream")


# --- token links ----------------------------------------------------------


def _token_page(request, template, status=200, **context):
    return TemplateResponse(
        request, f"campaign_kit_appeals/{template}.html", context, status=status
    )


@require_http_methods(["GET", "POST"])
def confirm(request, token):
    try:
        public_id = read_token(token, CONFIRM_SALT, max_age=confirm_days() * 86400)
    except TokenExpired:
        return _token_page(request, "link_invalid", status=410, expired=True, days=confirm_days())
    signature = Signature.objects.filter(public_id=public_id).first() if public_id else None
    if signature is None:
        return _token_page(request, "link_invalid", status=404 if public_id else 400)
    page = selectors.page_for_key(signature.appeal_key, get_language())
    if signature.status in (SignatureStatus.WITHDRAWN, SignatureStatus.INVALIDATED):
        return _token_page(request, "link_invalid", status=410, page=page)
    if request.method == "POST" or signature.status == SignatureStatus.CONFIRMED:
        if request.method == "POST":
            signature = services.confirm(signature.public_id)
        next_steps = related.context_for(request, page, "appeals") if page is not None else {}
        return _token_page(request, "confirmed", signature=signature, page=page, **next_steps)
    return _token_page(request, "confirm", signature=signature, page=page)


@require_http_methods(["GET", "POST"])
def withdraw(request, token):
    try:
        public_id = read_token(token, WITHDRAW_SALT)
    except TokenExpired:  # pragma: no cover - withdraw links do not expire
        public_id = None
    signature = Signature.objects.filter(public_id=public_id).first() if public_id else None
    if signature is None:
        return _token_page(request, "link_invalid", status=404 if public_id else 400)
    page = selectors.page_for_key(signature.appeal_key, get_language())
    if request.method == "POST" or signature.status == SignatureStatus.WITHDRAWN:
        if signature.status != SignatureStatus.WITHDRAWN:
            services.withdraw(signature.public_id)
        return _token_page(request, "withdrawn", page=page)
    return _token_page(request, "withdraw", signature=signature, page=page)
