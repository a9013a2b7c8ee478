"""Wagtail's view restrictions for every endpoint that shows or changes a page outside Wagtail's
own page route: one check, so a restricted page answers every URL as it answers its own.

Wagtail applies restrictions only where it serves a page (``wagtail.views.serve``, through its
``check_view_restrictions`` hook). The apps' own URLs (a registration or signature POST, a
result page) look pages up by id, and page ids can be counted, so each of them asks here first.
"""

import functools

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from wagtail.forms import PasswordViewRestrictionForm
from wagtail.models import PageViewRestriction

# Set on a view function by ``checks_page_access``: tests/security walks every URL pattern of
# the apps and requires it (or a place in its short list of views that show no page).
MARK = "campaign_kit_checks_page_access"

# A page annotated with ``core.restrictions.restricted()`` under this name already tells
# whether a restriction covers its path; when none does, the check needs no queries. An alias
# takes its source's restrictions, which its path does not show, so it is always checked.
RESTRICTED_ATTR = "ck_restricted"


def _login_url():
    return getattr(settings, "WAGTAIL_FRONTEND_LOGIN_URL", None) or reverse("wagtailcore_login")


def restriction_response(request, page):
    """None when the visitor may see ``page``, else what Wagtail answers its page URL with:
    the password form, or a redirect to the login page (login and group restrictions).

    Like Wagtail, the visitor comes back to the URL asked for, never the page's own URL: a
    visitor who only counted ids learns not even its slug. A POST (a form sent without having
    passed the restriction) gets the password form with 403: nothing was done.
    """
    if getattr(page, RESTRICTED_ATTR, None) is False and page.alias_of_id is None:
        return None
    safe = request.method in ("GET", "HEAD")
    for restriction in page.get_view_restrictions():
        if restriction.accept_request(request):
            continue
        return_url = request.get_full_path()
        if restriction.restriction_type == PageViewRestriction.PASSWORD:
            form = PasswordViewRestrictionForm(
                instance=restriction, initial={"return_url": return_url}
            )
            action_url = reverse(
                "wagtailcore_authenticate_with_password", args=[restriction.id, page.id]
            )
            response = page.serve_password_required_response(request, form, action_url)
            if not safe:
                response.status_code = 403
        else:
            response = redirect_to_login(return_url, _login_url())
        add_never_cache_headers(response)
        return response
    return None


def checks_page_access(view):
    """Mark a view that calls ``restriction_response`` (or gets its page through a helper that
    does) before it reads or stores anything of the page."""
    setattr(view, MARK, True)
    return view


def page_view(lookup):
    """Decorator for views that take a page id: ``lookup(page_id)`` returns the page or None
    (404); a restricted page answers as ``restriction_response`` says; else the view gets the
    page instead of the id."""

    def decorator(view):
        @functools.wraps(view)
        def wrapper(request, page_id, *args, **kwargs):
            page = lookup(page_id)
            if page is None:
                raise Http404
            response = restriction_response(request, page)
            if response is not None:
                return response
            return view(request, page, *args, **kwargs)

        return checks_page_access(wrapper)

    return decorator
