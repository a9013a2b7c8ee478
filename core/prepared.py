"""XLSX exports built in the background, then downloaded from a private storage.

An XLSX file is a zip archive that can only be sent once it is complete, and at 100,000 rows
openpyxl needs about a minute to write it: longer than a server's request timeout. So the
request that asks for it stores what it asked (path, query, user) and queues a task; the user
waits on a page that links to the file when it is ready.

The task replays the same request through the same view, as the same user: the view's own
permission checks and filters decide what the file holds, exactly as they would have in the
request. Only the requesting user, still holding the view's permission, can download it;
files are deleted after ``CAMPAIGN_KIT_EXPORT_RETENTION_HOURS``.
"""

import os
import tempfile
from datetime import timedelta

from django.core.files import File
from django.core.files.storage import FileSystemStorage, InvalidStorageError, storages
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect
from django.urls import resolve
from django.utils import timezone

from . import conf
from .batches import in_batches
from .models import PreparedExport
from .queueing import enqueue

STORAGE_ALIAS = "campaign_kit_exports"
REPLAY_ATTRIBUTE = "campaign_kit_prepared_export"  # set on the task's request only
BUILT = 204  # what the replayed view answers once the file is stored


def storage():
    """The storage named ``campaign_kit_exports`` in STORAGES, else a directory with no URL."""
    try:
        return storages[STORAGE_ALIAS]
    except InvalidStorageError:
        location = conf.get("EXPORTS_DIR") or os.path.join(
            tempfile.gettempdir(), "campaign-kit-exports"
        )
        return FileSystemStorage(location=location, base_url=None)


def respond(request, write, filename, permission=""):
    """The answer of a view to a request for an XLSX file that ``write(file)`` writes.

    In a request: queue the build and send the user to the page that waits for it. In the
    task's replay of that request: write the file to the storage."""
    export = getattr(request, REPLAY_ATTRIBUTE, None)
    if export is not None:
        _store(export, write)
        return HttpResponse(status=BUILT)
    export = PreparedExport.objects.create(
        user=request.user,
        path=request.path,
        query=request.GET.urlencode(),
        filename=filename,
        permission=permission or "",
    )
    from .tasks import build_export

    enqueue(build_export, str(export.public_id))
    return redirect("campaign_kit_prepared_export", export.public_id)


def build(public_id):
    """Replay the export's request as its user; returns whether the file was stored."""
    export = PreparedExport.objects.filter(
        public_id=public_id, status=PreparedExport.Status.PENDING
    ).first()
    if export is None:  # already built, or purged
        return False
    request = HttpRequest()
    request.method = "GET"
    request.path = request.path_info = export.path
    request.GET = QueryDict(export.query)
    request.META = {"QUERY_STRING": export.query, "REQUEST_METHOD": "GET"}
    request.user = export.user
    setattr(request, REPLAY_ATTRIBUTE, export)
    match = resolve(export.path)
    try:
        response = match.func(request, *match.args, **match.kwargs)
    except Exception:
        _finish(export, PreparedExport.Status.FAILED)
        raise
    if response.status_code != BUILT:  # the view refused (a permission was withdrawn)
        _finish(export, PreparedExport.Status.FAILED)
        return False
    return True


def _store(export, write):
    """Write the workbook to a temporary file on disk (never whole in memory), then store it."""
    with tempfile.TemporaryFile() as output:
        write(output)
        output.seek(0)
        export.stored_name = storage().save(f"{export.public_id}.xlsx", File(output))
    _finish(export, PreparedExport.Status.READY)


def _finish(export, status):
    export.status = status
    export.finished_at = timezone.now()
    export.save(update_fields=["status", "stored_name", "finished_at"])


def for_user(user, public_id):
    """The user's own export, or None: nobody sees that another user's export exists."""
    return PreparedExport.objects.filter(public_id=public_id, user=user).first()


def open_file(export):
    return storage().open(export.stored_name, "rb")


def retention_hours():
    return int(conf.get("EXPORT_RETENTION_HOURS"))


def purge(now, dry_run=False):
    """Delete the exports (and their files) older than the retention time, a batch at a time."""
    cutoff = now - timedelta(hours=retention_hours())
    expired = PreparedExport.objects.filter(created_at__lt=cutoff)
    if dry_run:
        return {"prepared exports deleted": expired.count()}
    files = storage()

    def delete(batch):
        for name in batch.exclude(stored_name="").values_list("stored_name", flat=True):
            files.delete(name)
        batch.delete()

    return {"prepared exports deleted": in_batches(expired, delete)}
