from django import template

from .. import links

register = template.Library()


@register.simple_tag(takes_context=True)
def absolute_url(context, target):
    """``{% absolute_url page %}``: the page's (or path's) address as requested (host, port)."""
    return links.absolute_url(target, context.get("request"))
