"""Hardened wagtail-localize admin views for outside translators.

wagtail-localize's own PO upload view raises a server error for some bad files
(no file, a PO file without wagtail-localize's header, an unexpected parser error).
This view checks the upload first, answers every problem with a clear message in the
translation editor and leaves the existing translation untouched; a good file is
imported in one transaction.
"""

import tempfile

import polib
from django.contrib import messages
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail_localize.models import Translation
from wagtail_localize.views.edit_translation import user_can_edit_instance

from campaign_kit.core.permissions import forbidden

MAX_PO_FILE_SIZE = 5 * 1024 * 1024
TRANSLATION_ID_HEADER = "X-WagtailLocalize-TranslationID"


def parse_po_upload(upload, translation):
    """Return (po, None) for a PO file made for `translation`, else (None, message)."""
    if upload is None:
        return None, _("Please choose a PO file to upload.")
    if not upload.size:
        return None, _("This PO file is empty.")
    if upload.size > MAX_PO_FILE_SIZE:
        return None, _("This PO file is too large.")
    try:
        # polib takes a file name or the file's text; always hand it a file we wrote,
        # so the upload can never name another file on the server.
        with tempfile.NamedTemporaryFile(suffix=".po") as f:
            for chunk in upload.chunks():
                f.write(chunk)
            f.flush()
            po = polib.pofile(f.name, encoding="utf-8")
    except Exception:  # noqa: BLE001 - polib reports syntax errors with several types
        return None, _("Please upload a valid PO file.")
    if po.metadata.get(TRANSLATION_ID_HEADER) != str(translation.uuid):
        return None, _(
            "This PO file was not exported for this page and language. Download the PO "
            "file of this translation and fill that one."
        )
    return po, None


@require_POST
def upload_pofile(request, translation_id):
    translation = get_object_or_404(Translation, id=translation_id)
    instance = translation.get_target_instance()
    if not user_can_edit_instance(request.user, instance):
        return forbidden(request, "wagtailcore.change_page")

    po, error = parse_po_upload(request.FILES.get("file"), translation)
    if error:
        messages.error(request, error)
    else:
        with transaction.atomic():
            translation.import_po(po, user=request.user, tool_name="PO File")
        messages.success(request, _("Successfully imported translations from PO File."))

    next_url = get_valid_next_url_from_request(request) or reverse("wagtailadmin_home")
    return redirect(next_url)
