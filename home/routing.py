"""Route a request below the home page with one query instead of two per URL segment.

Wagtail's ``Page.route`` walks the tree a segment at a time (a child query and a ``.specific``
query per level). The pages on a path are known from their ``url_path``, so they are fetched
together and the walk is replayed in Python with the same rules: a live routable page that
resolves the rest of the path answers it before its children are looked at, and only the page
that answers must be live (``route`` of that page checks it, as before).
"""

from django.urls import Resolver404
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page


def _resolves(cls, remaining):
    try:
        cls.get_resolver().resolve("/" + "".join(f"{c}/" for c in remaining))
    except Resolver404:
        return False
    return True


def route_below(home, request, components):
    prefixes = [
        home.url_path + "".join(f"{c}/" for c in components[: i + 1])
        for i in range(len(components))
    ]
    found = {
        page.depth: page
        for page in Page.objects.filter(
            url_path__in=prefixes, path__startswith=home.path, depth__gt=home.depth
        ).only("id", "path", "depth", "url_path", "live", "content_type_id")
    }
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
            # A page class may name relations its template always shows (its image):
            # loaded in the same query, so a page costs the same with or without them.
            related = ("locale", *getattr(cls, "serve_select_related", ()))
            specific = (
                cls.objects.select_related(*related).get(pk=page.pk) if cls else page.specific
            )
            return specific.route(request, remaining)
    return None
