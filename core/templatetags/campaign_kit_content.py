"""``{% content_version as version %}``: what a cached fragment of a public page varies on.

    {% load wagtail_cache campaign_kit_content %}{% content_version as version %}
    {% wagtailpagecache 86400 "news-nav" version %}...{% endwagtailpagecache %}

The content generation (core/content.py, read once per request), the active language and the
site, so that Wagtail's ``{% wagtailcache %}`` and ``{% wagtailpagecache %}`` fragments are
purged whenever content changes. The timeout (a day) only bounds how long entries of older
generations stay in the cache.
"""

from django import template
from django.utils import translation
from wagtail.models import Site

from .. import content

register = template.Library()


@register.simple_tag(takes_context=True)
def content_version(context):
    request = context.get("request")
    site = Site.find_for_request(request) if request is not None else None
    site_id = site.pk if site is not None else ""
    return f"{content.version(request)}:{translation.get_language()}:{site_id}"
