"""Admin views of the core: the page that waits for a prepared export, and its download."""

from django.http import FileResponse, Http404
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from . import prepared
from .exports import XLSX_TYPE
from .models import PreparedExport
from .permissions import forbidden, user_has

REFRESH_SECONDS = 5


def _own_export(request, public_id):
    export = prepared.for_user(request.user, public_id)
    if export is None:
        raise Http404
    return export


def prepared_export(request, public_id):
    """ "Your export is being prepared": reloads itself until the file is ready, then links it."""
    export = _own_export(request, public_id)
    if export.permission and not user_has(request.user, export.permission):
        return forbidden(request, export.permission)
    pending = export.status == PreparedExport.Status.PENDING
    return TemplateResponse(
        request,
        "campaign_kit/admin/prepared_export.html",
        {
            "export": export,
            "pending": pending,
            "refresh": REFRESH_SECONDS if pending else None,
            "header_title": _("Export"),
            "retention_hours": prepared.retention_hours(),
        },
    )


def download(request, public_id):
    export = _own_export(request, public_id)
    if export.permission and not user_has(request.user, export.permission):
        return forbidden(request, export.permission)
    if export.status != PreparedExport.Status.READY:
        raise Http404
    return FileResponse(
        prepared.open_file(export),
        as_attachment=True,
        filename=export.filename,
        content_type=XLSX_TYPE,
    )
