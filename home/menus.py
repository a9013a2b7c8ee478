"""The header menu and its call to action from the `MainMenu` snippet, in the active language.

Pages are shown in the visitor's language: an item's page is replaced by its live, public
translation, and left out when there is none (or when the page was deleted), so the menu
never links to a missing page. Without any menu the pages marked "show in menus" directly
under the home page are the menu (see chrome.build_chrome).
"""

from django.db.models import Q
from wagtail.models import Locale, Page

from campaign_kit.core.restrictions import unrestricted


def _menu_for(language):
    from .models import MainMenu

    menus = {
        menu.locale.language_code: menu
        for menu in MainMenu.objects.select_related("locale").prefetch_related("items")
    }
    if language in menus:
        return menus[language], True
    default = Locale.get_default().language_code if menus else None
    menu = menus.get(default) or next(iter(menus.values()), None)
    return menu, False


def build_menu(request, language):
    """``(items, cta)`` as plain data ({"pk", "title", "url"}), or None without a menu, of
    pages outside view-restricted sections. Labels written for another language are not
    shown; the page's own title is.
    """
    menu, own_language = _menu_for(language)
    if menu is None:
        return None
    items = list(menu.items.all())
    page_ids = {item.page_id for item in items if item.page_id} | (
        {menu.cta_page_id} if menu.cta_page_id else set()
    )
    keys = Page.objects.filter(pk__in=page_ids).values("translation_key")
    here = {
        page.translation_key: page
        for page in Page.objects.filter(
            Q(translation_key__in=keys), locale__language_code=language, live=True
        )
        .filter(unrestricted())
        .only("id", "title", "url_path", "path", "depth", "locale_id", "translation_key")
    }
    key_of = dict(Page.objects.filter(pk__in=page_ids).values_list("pk", "translation_key"))

    def link(page_id, label):
        page = here.get(key_of.get(page_id))
        if page is None:
            return None
        url = page.get_url(request=request)
        if not url:
            return None
        return {
            "pk": page.pk,
            "title": (label if own_language and label else page.title),
            "url": url,
        }

    entries = []
    for item in items:
        if item.page_id:
            entry = link(item.page_id, item.label)
        elif item.url and own_language:
            entry = {"pk": None, "title": item.label or item.url, "url": item.url}
        else:
            entry = None
        if entry is not None:
            entries.append(entry)
    cta = link(menu.cta_page_id, menu.cta_label) if menu.cta_page_id else None
    return entries, cta
