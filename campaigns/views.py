"""Views for materials: the library, the download counter and the print order form."""

from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.http import content_disposition_header
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe
from django_ratelimit.core import is_ratelimited
from django_ratelimit.exceptions import Ratelimited
from wagtail.documents.views.serve import serve as serve_document

from campaign_kit.core import conf
from campaign_kit.core.access import checks_page_access, restriction_response
from campaign_kit.core.hashing import client_hash
from campaign_kit.core.privacy import privacy_page

from . import selectors, services
from .forms import PrintOrderForm
from .models import Material

ORDER_RATE = "10/h"


def _page_context(request, page, **extra):
    context = page.get_context(request)
    context.update(
        privacy_page=privacy_page(request),
        retention_days=conf.get("ORDER_RETENTION_DAYS"),
    )
    context.update(extra)
    return context


def materials_index(request, page):
    materials = page.materials()
    languages = sorted({m.language for m in materials})
    language = request.GET.get("language", "").strip()[:10]
    if language:
        materials = [m for m in materials if m.language == language]
    language_choices = [(code, Material(language=code).language_name) for code in languages]
    return TemplateResponse(
        request,
        "campaign_kit_campaigns/materials_page.html",
        _page_context(
            request,
            page,
            materials=list(materials),
            language_choices=language_choices,
            active_language=language,
        ),
    )


def order_form(request, page):
    materials = selectors.orderable_materials(page.locale)
    if request.method not in ("GET", "HEAD", "POST"):
        return HttpResponseNotAllowed(["GET", "POST"])
    status = 200
    error = None
    if not page.orders_open or not materials:
        return TemplateResponse(
            request,
            "campaign_kit_campaigns/order_closed.html",
            _page_context(request, page),
            status=410 if request.method == "POST" else 200,
        )
    if request.method == "POST":
        if is_ratelimited(
            request,
            group="campaigns.order",
            key=client_hash,
            rate=ORDER_RATE,
            method="POST",
            increment=True,
        ):
            raise Ratelimited()
        form = PrintOrderForm(request.POST, materials=materials, ship_to=page.shipping_countries)
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.place_order(
                    quantities=data["quantities"],
                    address=services.Address(
                        name=data["name"],
                        organisation=data["organisation"],
                        street=data["street"],
                        address_extra=data["address_extra"],
                        postcode=data["postcode"],
                        city=data["city"],
                        country=data["country"],
                        email=data["email"],
                    ),
                    language=get_language() or page.locale.language_code,
                )
            except services.OrderError as exc:
                error = str(exc)
                status = 409
            else:
                return redirect(page.url + page.reverse_subpage("order_thanks"))
        else:
            status = 400
    else:
        form = PrintOrderForm(materials=materials, ship_to=page.shipping_countries)
    return TemplateResponse(
        request,
        "campaign_kit_campaigns/order_form.html",
        _page_context(request, page, form=form, order_error=error, title=_("Order materials")),
        status=status,
    )


def order_thanks(request, page):
    return TemplateResponse(
        request, "campaign_kit_campaigns/order_thanks.html", _page_context(request, page)
    )


@require_safe
@checks_page_access
def material_download(request, pk):
    material = get_object_or_404(Material.objects.select_related("document", "campaign"), pk=pk)
    document = material.document
    if document is None:
        raise Http404
    # A campaign's material is as restricted as its campaign (the document's collection may
    # restrict it further: Wagtail's document view checks that).
    if material.campaign is not None:
        response = restriction_response(request, material.campaign)
        if response is not None:
            return response
    response = serve_document(request, document.pk, document.filename)
    if response.status_code == 200:
        if request.method == "GET":
            services.record_download(material)
        response["Content-Disposition"] = content_disposition_header(
            as_attachment=True, filename=document.filename
        )
        response["X-Content-Type-Options"] = "nosniff"
    return response
