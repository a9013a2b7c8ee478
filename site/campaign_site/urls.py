from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from django.views.generic import TemplateView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import index as sitemap_index
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from home.sitemaps import MultilingualSitemap

SITEMAPS = {"pages": MultilingualSitemap}

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    # An index of sitemap pages of bounded size (MultilingualSitemap.limit URLs each).
    path(
        "sitemap.xml",
        sitemap_index,
        {"sitemaps": SITEMAPS, "sitemap_url_name": "sitemap_section"},
        name="sitemap",
    ),
    path(
        "sitemap-<section>.xml",
        sitemap,
        {"sitemaps": SITEMAPS},
        name="sitemap_section",
    ),
    path(
        "robots.txt",
        TemplateView.as_view(template_name="robots.txt", content_type="text/plain"),
    ),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Every public URL carries a language prefix (/en/, /de/, /ru/, /uk/); the apps'
# own URLs come before Wagtail's catch-all page route.
urlpatterns += i18n_patterns(
    path("", include("home.urls")),
    path("", include("campaign_kit.campaigns.urls")),
    path("", include("campaign_kit.events.urls")),
    path("", include("campaign_kit.appeals.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)

# A page missing in one language answers 404 with links to the languages where it exists.
handler404 = "home.views.page_not_found"
handler500 = "campaign_site.unavailable.server_error"
