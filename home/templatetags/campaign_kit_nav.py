from django import template

from home import navigation
from home.models import FooterText, SiteSettings

register = template.Library()


@register.simple_tag(takes_context=True)
def main_menu(context):
    return navigation.menu_pages(context.get("request"))


@register.simple_tag(takes_context=True)
def language_links(context):
    return navigation.language_links(context.get("request"), context.get("page"))


@register.simple_tag(takes_context=True)
def footer_pages(context):
    request = context.get("request")
    if request is None:
        return []
    return navigation.footer_pages(SiteSettings.for_request(request))


@register.simple_tag(takes_context=True)
def privacy_page(context):
    request = context.get("request")
    if request is None:
        return None
    page = SiteSettings.for_request(request).privacy_policy_page
    if page is None:
        return None
    target = page.get_translation_or_none(navigation.active_locale())
    return target if target is not None and target.live else None


@register.simple_tag
def footer_text():
    """The footer text in the active language, or None (never another language's)."""
    return FooterText.for_locale(navigation.active_locale())
