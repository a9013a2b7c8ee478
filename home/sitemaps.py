"""A sitemap index of every language, in pages of a bounded size, with hreflang alternates."""

from urllib.parse import urlsplit

from django.db.models import Max
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

from campaign_kit.core import links
from campaign_kit.core.restrictions import unrestricted

from .navigation import x_default_url


class MultilingualSitemap(Sitemap):
    """Wagtail's sitemap lists one tree; with translations the other languages'
    home pages are siblings of the site root, so list the whole translation group.

    Served as an index (``/sitemap.xml``) of pages of at most ``limit`` URLs, so each
    page costs the same few queries and the same time however large the site grows.
    """

    limit = 2000

    def pages(self):
        site = self.get_wagtail_site()
        homes = site.root_page.get_translations(inclusive=True)
        queryset = Page.objects.none()
        for home in homes:
            queryset |= Page.objects.descendant_of(home, inclusive=True)
        # A subquery rather than .public(), which loads every view restriction first.
        return queryset.live().filter(unrestricted())

    def items(self):
        return (
            self.pages().order_by("path").select_related("locale").defer_streamfields().specific()
        )

    def get_latest_lastmod(self):
        # Django's default calls lastmod() on every item of every page; one aggregate instead.
        return self.pages().aggregate(latest=Max("last_published_at"))["latest"]

    def _urls(self, page, protocol, domain):
        items = list(self.paginator.page(page).object_list)
        # Each page's address is worked out once, for its own entry and as an alternate of
        # its translations (Wagtail's get_url_parts is most of this view's time).
        addresses = {}

        def address(p):
            if p.pk not in addresses:
                addresses[p.pk] = links.absolute_url(p, self.request)
            return addresses[p.pk]

        urls = []
        for item in items:
            # Wagtail's locations come from the Site record; the request's host and port open
            # wherever the site runs (core/links.py). The entry at the page's own path is
            # the page's; an override's other entries (sub-pages) keep theirs.
            here = address(item)
            own_path = urlsplit(here).path
            for url in item.get_sitemap_urls(self.request):
                if urlsplit(url["location"]).path == own_path:
                    url["location"] = here
                urls.append(url)
        lastmods = [url.get("lastmod") for url in urls]
        if lastmods and None not in lastmods:
            self.latest_lastmod = max(lastmods)

        # One query for the other language versions of the pages on this sitemap page.
        groups = {}
        for translation in (
            Page.objects.live()
            .filter(unrestricted(), translation_key__in={item.translation_key for item in items})
            .select_related("locale")
            .order_by("locale__language_code")
        ):
            groups.setdefault(translation.translation_key, []).append(translation)
        by_location = {}
        for pages in groups.values():
            alternates = [
                {"lang_code": p.locale.language_code, "location": address(p)} for p in pages
            ]
            default = x_default_url(alternates, "location", "lang_code")
            alternates.append({"lang_code": "x-default", "location": default})
            for alternate in alternates:
                by_location.setdefault(alternate["location"], alternates)
        for url in urls:
            url["alternates"] = by_location.get(url["location"], [])
        return urls
