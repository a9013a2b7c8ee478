"""Answer a database outage with a short "try again" page instead of a server error.

When PostgreSQL restarts or is down, queries raise OperationalError (or InterfaceError on a
connection that broke mid-request). That is not a bug in the request, so the visitor gets a
translated 503 with Retry-After, and the error log gets one line instead of a traceback. The
page is rendered without a request context, so it needs neither the database nor the session.
Transactions of the failed request are rolled back by the database, so nothing is half-stored.
"""

import logging

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template.loader import render_to_string

logger = logging.getLogger(__name__)
RETRY_AFTER_SECONDS = 30


def unavailable_response() -> HttpResponse:
    response = HttpResponse(render_to_string("503.html"), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


class DatabaseUnavailableMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, OperationalError | InterfaceError):
            return None
        # The exception text names the server, never the visitor: safe to log.
        logger.warning("Database unavailable: %s: %s", type(exception).__name__, exception)
        return unavailable_response()
