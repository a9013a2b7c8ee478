"""Route a request below the home page with one query instead of two per URL segment.

Wagtail's ``Page.route`` walks the tree a segment at a time (a child query and a ``.specific``
query per level). The pages on a path are known from their ``url_path``, so they are fetched
together and the walk is replayed in Python with the same rules: a live routable page that
resolves the rest of the path answers it before its children are looked at, and only the page
that answers must be live (``route`` of that page checks it, as before).

The same query brings what serving the page asks next, so it needs no queries of its own:

* the translations of the pages on the path (live flag, language, public flag), from which the
  language switcher of the page that answers is built (``navigation.language_links``);
* whether any view restriction covers a translation (the language switcher leaves those out).

View restrictions of the page that answers are always checked by Wagtail's own
``check_view_restrictions`` when it is served.
"""

from django.db.models import F, Q
from django.urls import Resolver404
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page

from . import chrome

TRANSLATIONS_ATTR = "_campaign_kit_route_translations"


def _resolves(cls, remaining):
    try:
        cls.get_resolver().resolve("/" + "".join(f"{c}/" for c in remaining))
    except Resolver404:
        return False
    return True


def _served(cls):
    """Pages of `cls` with the relations its template always shows (``serve_select_related``,
    e.g. its image), loaded in the same query, so a page costs the same with or without them."""
    return cls.objects.select_related("locale", *getattr(cls, "serve_select_related", ()))


def load_served(cls, pk):
    """The page that answers, of its specific class (see ``_served``), in one query."""
    return _served(cls).get(pk=pk)


def route_below(home, request, components):
    prefixes = [
        home.url_path + "".join(f"{c}/" for c in components[: i + 1])
        for i in range(len(components))
    ]
    on_path = Q(url_path__in=prefixes, path__startswith=home.path, depth__gt=home.depth)
    rows = list(
        Page.objects.filter(
            on_path | Q(translation_key__in=Page.objects.filter(on_path).values("translation_key"))
        )
        .annotate(
            ck_on_path=on_path,
            ck_language=F("locale__language_code"),
            ck_restricted=chrome.restricted_q(),
        )
        .only(
            "id",
            "path",
            "depth",
            "url_path",
            "live",
            "content_type_id",
            "translation_key",
            "locale_id",
            "alias_of_id",
        )
    )
    found = {page.depth: page for page in rows if page.ck_on_path}
    chain = []
    for depth in range(home.depth + 1, home.depth + 1 + len(components)):
        if depth not in found:
            break
        chain.append(found[depth])
    if not chain:
        return None  # the first segment names no child: Wagtail's own walk answers 404
    for index, page in enumerate(chain):
        cls = page.specific_class
        remaining = components[index + 1 :]
        last = index == len(chain) - 1
        routable = cls is not None and issubclass(cls, RoutablePageMixin) and page.live
        if last or (routable and remaining and _resolves(cls, remaining)):
            if cls is None:
                return page.specific.route(request, remaining)
            specific = _served(cls).get(pk=page.pk)
            if request is not None:
                translations = [p for p in rows if p.translation_key == page.translation_key]
                memo = getattr(request, TRANSLATIONS_ATTR, {})
                setattr(request, TRANSLATIONS_ATTR, {**memo, page.pk: translations})
            return specific.route(request, remaining)
    return None
