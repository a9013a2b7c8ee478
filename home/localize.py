"""PO uploads checked before wagtail-localize imports them.

wagtail-localize's own PO upload view raises a server error for some bad files (no file, a
PO file without wagtail-localize's header). ``PoUploadCheckMiddleware`` checks the upload in
front of that view (Django's ``process_view``, matched by the view's URL name): every problem
is answered with a clear message in the translation editor and the existing translation is
left untouched; a good file goes on to wagtail-localize's own view, unchanged. The upstream
fix (the same checks in ``upload_pofile``) is described in the README's notes.
"""

import tempfile

import polib
from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail_localize.models import Translation
from wagtail_localize.views.edit_translation import user_can_edit_instance

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


UPLOAD_VIEW = "wagtail_localize:upload_pofile"


class PoUploadCheckMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if request.method != "POST" or match is None or match.view_name != UPLOAD_VIEW:
            return None
        translation = get_object_or_404(Translation, id=view_kwargs.get("translation_id"))
        if not user_can_edit_instance(request.user, translation.get_target_instance()):
            return None  # wagtail-localize's view refuses it
        upload = request.FILES.get("file")
        po, error = parse_po_upload(upload, translation)
        if error is None:
            upload.seek(0)  # read again by wagtail-localize's view
            return None
        messages.error(request, error)
        return redirect(get_valid_next_url_from_request(request) or reverse("wagtailadmin_home"))
