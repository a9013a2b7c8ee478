"""A sitemap of every language with hreflang alternates for each page."""

from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

from campaign_kit.core import links

from .navigation import x_default_url


class MultilingualSitemap(Sitemap):
    """Wagtail's sitemap lists one tree; with translations the other languages'
    home pages are siblings of the site root, so list the whole translation group."""

    def items(self):
        site = self.get_wagtail_site()
        homes = site.root_page.get_translations(inclusive=True)
        queryset = Page.objects.none()
        for home in homes:
            queryset |= Page.objects.descendant_of(home, inclusive=True)
        return (
            queryset.live()
            .public()
            .order_by("path")
            .select_related("locale")
            .defer_streamfields()
            .specific()
        )

    def _urls(self, page, protocol, domain):
        urls = super()._urls(page, protocol, domain)
        items = list(self.paginator.page(page).object_list)
        # Wagtail's locations come from the Site record; the request's host and port open
        # wherever the site runs (core/links.py).
        requested = {
            p.get_full_url(self.request): links.absolute_url(p, self.request) for p in items
        }
        for url in urls:
            url["location"] = requested.get(url["location"], url["location"])
        keys = {item.translation_key for item in items}
        groups = {}
        for translation in (
            Page.objects.live()
            .public()
            .filter(translation_key__in=keys)
            .select_related("locale")
            .order_by("locale__language_code")
        ):
            groups.setdefault(translation.translation_key, []).append(translation)
        by_location = {}
        for pages in groups.values():
            alternates = [
                {
                    "lang_code": p.locale.language_code,
                    "location": links.absolute_url(p, self.request),
                }
                for p in pages
            ]
            default = x_default_url(alternates, "location", "lang_code")
            alternates.append({"lang_code": "x-default", "location": default})
            for p in pages:
                by_location[links.absolute_url(p, self.request)] = alternates
        for url in urls:
            url["alternates"] = by_location.get(url["location"], [])
        return urls
