"""Answer an outage of the database or the cache with a short "try again" page instead of a
server error.

When PostgreSQL restarts or is down, queries raise OperationalError (or InterfaceError on a
connection that broke mid-request); when Redis is unreachable, cache reads and writes (the page
cache, the site context, the rate limits) raise redis-py's ConnectionError or TimeoutError
(django-redis re-raises them unwrapped). Neither is a bug in the request, so the visitor gets a
translated 503 with Retry-After. The page is rendered without a request context, so it needs
neither the database, the cache nor the session. Transactions of the failed request are rolled
back by the database, so nothing is half-stored. Both services are reconnected to at the next
request once they are back (health-checked database connections, redis-py's pool).

Outages raised in a view are answered by the middleware, with one warning line in the log.
Middleware above the views (the page cache, the site context) is outside process_exception's
reach; there Django's own uncaught-exception handling calls handler500, which gives the same
503, and logs the error with its traceback.
"""

import logging
import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils import translation
from django.views import defaults
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)
RETRY_AFTER_SECONDS = 30
OUTAGE_ERRORS = (
    OperationalError,
    InterfaceError,
    RedisConnectionError,
    RedisTimeoutError,
)


def unavailable_response() -> HttpResponse:
    response = HttpResponse(render_to_string("503.html"), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


class ServiceUnavailableMiddleware:
    """Outages raised by views (the database, the rate limits' cache)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, OUTAGE_ERRORS):
            return None
        # The exception text names the server, never the visitor: safe to log.
        logger.warning("Service unavailable: %s: %s", type(exception).__name__, exception)
        return unavailable_response()


def server_error(request):
    """handler500: outages raised outside any view (the page cache and the site context are
    middleware) get the same 503, in the language of the address; any other error stays a 500.

    Django calls this while it handles the exception, so sys.exception() is that exception, and
    logs it afterwards (with the response's status), so it is not logged here again.
    """
    if not isinstance(sys.exception(), OUTAGE_ERRORS):
        return defaults.server_error(request)
    language = translation.get_language_from_path(request.path_info)
    with translation.override(language or translation.get_language()):
        return unavailable_response()
