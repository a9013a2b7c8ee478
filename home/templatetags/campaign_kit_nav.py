from django import template
from django.utils.safestring import mark_safe

from campaign_kit.core import links, structured
from home import navigation
from home.models import SiteSettings

register = template.Library()


@register.simple_tag(takes_context=True)
def main_menu(context):
    """Menu entries as ``{"pk", "title", "url"}``."""
    return navigation.menu_links(context.get("request"))


@register.simple_tag(takes_context=True)
def call_to_action(context):
    """The header's button as ``{"pk", "title", "url"}``, or None."""
    return navigation.call_to_action(context.get("request"))


@register.simple_tag(takes_context=True)
def site_brand(context):
    """``{"logo", "theme_css"}`` (see chrome._brand)."""
    return navigation.brand(context.get("request"))


@register.simple_tag(takes_context=True)
def breadcrumbs(context):
    """The page's ancestors below the site root's parent, in the page's language, as
    ``[{"title", "url"}]``; empty on the home page and on pages outside the tree."""
    return navigation.breadcrumbs(context.get("request"), context.get("page"))


@register.simple_tag(takes_context=True)
def language_links(context):
    return navigation.language_links(context.get("request"), context.get("page"))


@register.simple_tag(takes_context=True)
def site_footer(context):
    """``{"links", "privacy", "text_html", "social"}`` for this site and language."""
    request = context.get("request")
    if request is None:
        return {}
    data = dict(navigation.footer(request, SiteSettings.for_request(request)))
    data["text_html"] = mark_safe(data.get("text_html", ""))  # rendered by |richtext when built
    return data


@register.simple_tag(takes_context=True)
def breadcrumbs_jsonld(context, crumbs):
    """The breadcrumbs as a schema.org BreadcrumbList (JSON for a data block)."""
    request, page = context.get("request"), context.get("page")
    return structured.dumps(structured.breadcrumb_list(request, crumbs, page))


@register.simple_tag(takes_context=True)
def x_default(context, languages):
    """The absolute address for ``hreflang="x-default"``: the page in the site's default
    language, else in the first language it has (``languages`` as from ``language_links``)."""
    url = navigation.x_default_url(languages, "url")
    return links.absolute_url(url, context.get("request")) if url else ""
