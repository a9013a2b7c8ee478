from django import template

from .. import links, share

register = template.Library()


@register.inclusion_tag("campaign_kit/includes/share.html", takes_context=True)
def share_block(context, page, heading, text=""):
    """The share block for ``page`` (its full address from the request)."""
    request = context.get("request")
    url = links.absolute_url(page, request) if page is not None else ""
    return {
        "share": share.links(url, page.title if page is not None else "", text),
        "heading": heading,
    }
