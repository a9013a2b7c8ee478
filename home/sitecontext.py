"""Sites, their home pages in every language and the site settings: one cached structure.

Every public request asks Wagtail which Site it is for, the active Locale, the site's home page
in that language and the site settings (a query each), and a cold cache adds Wagtail's site
root paths (two more). All of these change only when a site, a home page, a locale or the
settings change, so they are read together in three set-based queries (sites with their
settings; every home page translation with its locale, footer text and view-restriction state;
social links), kept in Django's cache as plain values under the chrome generation key (purged
on the same signals as the menu and footer, see chrome.connect) and handed to Wagtail on each
request by ``SiteContextMiddleware``, in the attributes Wagtail itself caches them in:

* ``request._wagtail_site`` (``Site.find_for_request``), matched by the same rules as
  ``wagtail.models.sites.get_site_for_hostname``;
* ``request._wagtail_cached_site_root_paths`` and Wagtail's own ``wagtail_site_root_paths``
  cache entry (the same list ``Site.get_site_root_paths`` builds);
* the ``BaseSiteSetting.for_request`` attribute of ``home.SiteSettings``;
* the active locale (``navigation.active_locale``) and, on a ``HomePage`` root, the home page
  in each language (``HomePage.localized``), so routing starts without a query.

Instances are rebuilt per request with ``Model.from_db`` from the cached values; they are the
rows Wagtail would have loaded. Without the middleware everything works as before.
"""

import contextlib

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ObjectDoesNotExist
from django.db import DEFAULT_DB_ALIAS, InterfaceError, OperationalError
from django.db.models import OuterRef, Subquery
from django.http.request import split_domain_port
from wagtail.models import Locale, Page, Site
from wagtail.models.sites import (
    SITE_ROOT_PATHS_CACHE_KEY,
    SITE_ROOT_PATHS_CACHE_VERSION,
    SiteRootPath,
)

from . import chrome

KEY = "campaign-kit:site-context"
REQUEST_ATTR = "_campaign_kit_site_context"
PAGE_FIELDS = tuple(f.attname for f in Page._meta.concrete_fields)
SITE_FIELDS = tuple(f.attname for f in Site._meta.concrete_fields)
LOCALE_FIELDS = ("id", "language_code")
ROOT_PATHS_TIMEOUT = 3600  # as Wagtail's own entry


def _settings_model():
    from .models import SiteSettings

    return SiteSettings


def build():
    """The structure as plain, picklable values (three queries)."""
    from .models import FooterText, SocialLink

    settings_model = _settings_model()
    settings_fields = tuple(f.attname for f in settings_model._meta.concrete_fields)
    sites = []
    # Wagtail's order for root paths (most specific first); matching sorts by its own rules.
    for site in Site.objects.select_related("root_page", "sitesettings").order_by(
        "-root_page__url_path", "-is_default_site", "hostname"
    ):
        try:
            site_settings = site.sitesettings
        except ObjectDoesNotExist:
            site_settings = None  # Wagtail creates it when a request asks (see remember)
        sites.append(
            {
                "fields": tuple(getattr(site, name) for name in SITE_FIELDS),
                "root_key": site.root_page.translation_key,
                "settings": (
                    tuple(getattr(site_settings, name) for name in settings_fields)
                    if site_settings is not None
                    else None
                ),
                "social": [],
            }
        )
    footer_text = FooterText.objects.filter(locale_id=OuterRef("locale_id")).order_by("pk")
    homes = {}
    rows = (
        Page.objects.filter(translation_key__in=Site.objects.values("root_page__translation_key"))
        .annotate(
            ck_public=chrome.public_q(), ck_footer_text=Subquery(footer_text.values("text")[:1])
        )
        .order_by("path")
        .values_list(
            *PAGE_FIELDS,
            "locale__language_code",
            "ck_public",
            "ck_footer_text",
            "content_type__app_label",
            "content_type__model",
        )
    )
    n = len(PAGE_FIELDS)
    for row in rows:
        values = row[:n]
        page = dict(zip(PAGE_FIELDS, values, strict=True))
        homes.setdefault(str(page["translation_key"]), []).append(
            {
                "fields": values,
                "language": row[n],
                "public": bool(row[n + 1]),
                "footer_text": row[n + 2],
                "type": (row[n + 3], row[n + 4]),
            }
        )
    by_settings = {s["settings"][0]: s for s in sites if s["settings"] is not None}
    if by_settings:
        for settings_id, label, url in (
            SocialLink.objects.filter(settings_id__in=by_settings)
            .order_by("sort_order", "pk")
            .values_list("settings_id", "label", "url")
        ):
            by_settings[settings_id]["social"].append({"label": label, "url": url})
    return {"sites": sites, "homes": homes, "settings_fields": settings_fields}


def _root_paths(data):
    """``Site.get_site_root_paths()`` from the structure (same entries, same order)."""
    paths = []
    for site in data["sites"]:
        fields = dict(zip(SITE_FIELDS, site["fields"], strict=True))
        root_url = Site(**fields).root_url
        for home in data["homes"].get(str(site["root_key"]), ()):
            page = dict(zip(PAGE_FIELDS, home["fields"], strict=True))
            if (
                getattr(settings, "WAGTAIL_I18N_ENABLED", False)
                or page["id"] == fields["root_page_id"]
            ):
                paths.append(
                    SiteRootPath(fields["id"], page["url_path"], root_url, home["language"])
                )
    return paths


def get():
    """The structure for this generation, built and stored on a miss. A build also stores
    Wagtail's own root paths entry (cleared by Wagtail on the same changes), so URLs built
    without a request need no query either."""
    generation = chrome.generation()
    key = f"{KEY}:{generation}"
    data = cache.get(key)
    if data is None:
        data = {**build(), "generation": generation}
        data["root_paths"] = _root_paths(data)  # computed once, not per request
        cache.set(key, data, timeout=chrome.TIMEOUT)
        cache.set(
            SITE_ROOT_PATHS_CACHE_KEY,
            data["root_paths"],
            ROOT_PATHS_TIMEOUT,
            version=SITE_ROOT_PATHS_CACHE_VERSION,
        )
    return data


def _match(sites, hostname, port):
    """``get_site_for_hostname`` in Python: exact hostname and port, then hostname on the
    default site, then the default site unless exactly one other site has the hostname."""

    def rank(site):
        if site.hostname == hostname and site.port == port:
            return 0
        if site.hostname == hostname and site.is_default_site:
            return 1
        if site.is_default_site:
            return 2
        return 3

    candidates = sorted((s for s in sites if s.hostname == hostname or s.is_default_site), key=rank)
    if not candidates:
        return None
    if len(candidates) == 1 or rank(candidates[0]) in (0, 1):
        return candidates[0]
    if rank(candidates[0]) == 2:
        return candidates[len(candidates) == 2]
    return None


def _page(home):
    """The home page row as Wagtail would load it: of its specific class when that is
    ``HomePage`` (which routes from these fields and loads the rest only when it is the page
    served, see ``HomePage.route``), else a plain ``Page`` with every base field."""
    from .models import HomePage

    if tuple(home["type"]) != (HomePage._meta.app_label, HomePage._meta.model_name):
        return Page.from_db(DEFAULT_DB_ALIAS, PAGE_FIELDS, home["fields"])
    page_id = home["fields"][PAGE_FIELDS.index("id")]
    page = HomePage.from_db(
        DEFAULT_DB_ALIAS, (*PAGE_FIELDS, "page_ptr_id"), (*home["fields"], page_id)
    )
    page._campaign_kit_stub = True
    return page


class SiteContext:
    """What one request needs from the structure: its site, the site's home page in every
    language (with locale, public flag and footer text) and its social links."""

    def __init__(self, site, homes, social):
        self.site = site
        self.homes = homes  # {language code: {"page", "locale", "public", "footer_text"}}
        self.social = social


def prime(request):
    """Hand the cached site, root paths, settings and locales to Wagtail on this request."""
    data = get()
    sites = []
    for entry in data["sites"]:
        site = Site.from_db(DEFAULT_DB_ALIAS, SITE_FIELDS, entry["fields"])
        sites.append((site, entry))
    hostname = split_domain_port(request._get_raw_host())[0]
    site = _match([s for s, _ in sites], hostname, request.get_port())
    request._wagtail_cached_site_root_paths = data["root_paths"]
    if site is None:
        request._wagtail_site = None
        return None
    entry = next(e for s, e in sites if s is site)
    homes = {}
    for home in data["homes"].get(str(entry["root_key"]), ()):
        locale_id = home["fields"][PAGE_FIELDS.index("locale_id")]
        locale = Locale.from_db(DEFAULT_DB_ALIAS, LOCALE_FIELDS, (locale_id, home["language"]))
        page = _page(home)
        page._state.fields_cache["locale"] = locale
        homes[home["language"]] = {
            "page": page,
            "locale": locale,
            "public": home["public"],
            "footer_text": home["footer_text"],
        }
    root = next((h["page"] for h in homes.values() if h["page"].pk == site.root_page_id), None)
    if root is not None:
        root._campaign_kit_translations = {code: h["page"] for code, h in homes.items()}
        site.root_page = root
    request._wagtail_site = site
    request._campaign_kit_locales = {
        **getattr(request, "_campaign_kit_locales", {}),
        **{code: h["locale"] for code, h in homes.items()},
    }
    if entry["settings"] is not None:
        settings_model = _settings_model()
        if tuple(f.attname for f in settings_model._meta.concrete_fields) == tuple(
            data["settings_fields"]
        ):
            site_settings = settings_model.from_db(
                DEFAULT_DB_ALIAS, data["settings_fields"], entry["settings"]
            )
            site_settings._state.fields_cache["site"] = site
            site_settings._request = request
            setattr(request, settings_model.get_cache_attr_name(), site_settings)
    context = SiteContext(site, homes, entry["social"])
    context.key = f"{KEY}:{data['generation']}"
    context.settings_missing = entry["settings"] is None
    setattr(request, REQUEST_ATTR, context)
    return context


def remember_settings(request):
    """A site without a settings row gets one from Wagtail (``for_request`` creates it on the
    first request that shows a setting, which saves without purging): put it into the cached
    structure, so that later requests need no query for it either."""
    context = for_request(request)
    if context is None or not context.settings_missing:
        return
    settings_model = _settings_model()
    site_settings = getattr(request, settings_model.get_cache_attr_name(), None)
    if site_settings is None or site_settings.pk is None:
        return
    data = cache.get(context.key)
    if data is None or tuple(data["settings_fields"]) != tuple(
        f.attname for f in settings_model._meta.concrete_fields
    ):
        return
    for entry in data["sites"]:
        if entry["fields"][SITE_FIELDS.index("id")] == site_settings.site_id:
            if entry["settings"] is not None:
                return
            entry["settings"] = tuple(getattr(site_settings, n) for n in data["settings_fields"])
    cache.set(context.key, data, timeout=chrome.TIMEOUT)


def for_request(request):
    """The request's ``SiteContext`` if the middleware primed it, else None."""
    return getattr(request, REQUEST_ATTR, None) if request is not None else None


def _is_public(path):
    return path.startswith(tuple(f"/{code}/" for code, _ in settings.LANGUAGES))


class SiteContextMiddleware:
    """Prime public (language-prefixed) GET requests with the cached site context."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # Pages are read with GET; a form POST answers with a redirect and needs none of this
        # (two cache reads saved on the hottest write of a surge; an invalid form's page then
        # renders with Wagtail's own lookups).
        if request.method in ("GET", "HEAD") and _is_public(request.path_info):
            # The database is down: leave the request as it was, so that the view's own first
            # query meets the outage where the site answers it (a 503).
            with contextlib.suppress(OperationalError, InterfaceError):
                prime(request)
        response = self.get_response(request)
        remember_settings(request)
        return response


def is_cached_root(translation_key):
    """Whether the cached structure holds pages of this translation group (site roots)."""
    data = cache.get(f"{KEY}:{chrome.generation()}")
    return data is not None and str(translation_key) in data["homes"]
