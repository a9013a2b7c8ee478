"""The demo site's identity and finishing touches, loaded after the pages exist: logo,
colours and pictures (drawn by home/demo/pictures.py, with alt text in four languages), the
main menu in each language, topic names per language, opening hours and bank details, the
countries print orders go to, the campaign's timeline, and a full event with a waiting list.
"""

import datetime
import uuid

from django.core.files.images import ImageFile
from wagtail.images import get_image_model
from wagtail.models import Collection, Site

from campaign_kit.core.models import TopicLabel
from home.models import MainMenu, SiteSettings

from . import pictures
from .utils import LANGUAGE_CODES, ensure_locales, publish

# Which picture each page gets: (context key, slug in the context) -> picture name
NEWS_PICTURES = {
    "bundestag-deserters-protection": "parliament",
    "interior-ministry-guidance-gap": "document",
    "press-coverage-june-2022": "newspapers",
    "european-appeal": "stars",
    "partner-groups-neighbouring-countries": "network",
}

TOPICS = {
    "asylum": {"en": "Asylum", "de": "Asyl", "ru": "Убежище", "uk": "Притулок"},
    "Bundestag": {"en": "Bundestag", "de": "Bundestag", "ru": "Бундестаг", "uk": "Бундестаг"},
    "Interior Ministry": {
        "en": "Interior Ministry",
        "de": "Innenministerium",
        "ru": "МВД Германии",
        "uk": "МВС Німеччини",
    },
    "press": {"en": "Press", "de": "Presse", "ru": "Пресса", "uk": "Преса"},
    "Europe": {"en": "Europe", "de": "Europa", "ru": "Европа", "uk": "Європа"},
    "appeal": {"en": "Appeal", "de": "Aufruf", "ru": "Обращение", "uk": "Звернення"},
    "partners": {"en": "Partners", "de": "Partner", "ru": "Партнёры", "uk": "Партнери"},
}

CTA_LABEL = {"en": "Sign now", "de": "Jetzt unterzeichnen", "ru": "Подписать", "uk": "Підписати"}
MENU_LABELS = {  # short labels for the header; other items show the page's title
    "campaign": {"en": "Our campaign", "de": "Kampagne", "ru": "Кампания", "uk": "Кампанія"},
    "appeal": {"en": "Appeal", "de": "Aufruf", "ru": "Обращение", "uk": "Звернення"},
    "materials": {"en": "Materials", "de": "Materialien", "ru": "Материалы", "uk": "Матеріали"},
}

TIMELINE = {
    "en": (
        "What we have achieved",
        [
            (datetime.date(2022, 6, 20), "Newspapers and radio report on the gap in the rules."),
            (
                datetime.date(2023, 3, 15),
                "Groups from several countries start the European appeal.",
            ),
            (
                datetime.date(2023, 10, 5),
                "Partner groups in four neighbouring countries get support.",
            ),
        ],
    ),
    "de": (
        "Was wir erreicht haben",
        [
            (
                datetime.date(2022, 6, 20),
                "Zeitungen und Radio berichten über die Lücke in den Regeln.",
            ),
            (
                datetime.date(2023, 3, 15),
                "Gruppen aus mehreren Ländern starten den europäischen Aufruf.",
            ),
            (
                datetime.date(2023, 10, 5),
                "Partnergruppen in vier Nachbarländern erhalten Unterstützung.",
            ),
        ],
    ),
    "ru": (
        "Чего мы добились",
        [
            (datetime.date(2022, 6, 20), "Газеты и радио рассказывают о пробеле в правилах."),
            (
                datetime.date(2023, 3, 15),
                "Группы из нескольких стран начинают европейское обращение.",
            ),
            (
                datetime.date(2023, 10, 5),
                "Партнёрские группы в четырёх соседних странах получают поддержку.",
            ),
        ],
    ),
    "uk": (
        "Чого ми досягли",
        [
            (datetime.date(2022, 6, 20), "Газети й радіо розповідають про прогалину в правилах."),
            (
                datetime.date(2023, 3, 15),
                "Групи з кількох країн розпочинають європейське звернення.",
            ),
            (
                datetime.date(2023, 10, 5),
                "Партнерські групи в чотирьох сусідніх країнах отримують підтримку.",
            ),
        ],
    ),
}

FULL_EVENT = "nuremberg-15-may"


def _image(name, log):
    """The Wagtail image drawn for ``name`` (created once)."""
    Image = get_image_model()
    title = f"Demo picture: {name}"
    existing = Image.objects.filter(title=title).first()
    if existing is not None:
        return existing
    draw = pictures.logo if name == "logo" else pictures.PICTURES[name][0]
    import io

    data = draw()
    from PIL import Image as PILImage

    width, height = PILImage.open(io.BytesIO(data)).size
    image = Image(
        title=title,
        collection=Collection.get_first_root_node(),
        file=ImageFile(io.BytesIO(data), name=f"demo-{name}.png"),
        width=width,
        height=height,
    )
    image.save()
    log(f"  drew picture {name}")
    return image


def _set_picture(pages, field, name, log, alt_field="image_alt"):
    image = _image(name, log)
    for code, page in pages.items():
        page = type(page).objects.get(pk=page.pk)
        if getattr(page, f"{field}_id") is None:
            setattr(page, field, image)
            setattr(page, alt_field, pictures.PICTURES[name][1][code])
            publish_page(page)


def publish_page(page):
    page.save()
    publish(page)


def _identity(log):
    site = Site.objects.get(is_default_site=True)
    settings = SiteSettings.for_site(site)
    if settings.logo_id is None:
        settings.logo = _image("logo", log)
        settings.hotline_days = "1-4"
        settings.hotline_opens = datetime.time(10)
        settings.hotline_closes = datetime.time(16)
        settings.hotline_time_zone = "Europe/Berlin"
        settings.hotline_hours = ""
        settings.bank_account_holder = "Connection for Objectors e.V. (demo)"
        settings.bank_iban = "DE00 1234 5678 9012 3456 78"
        settings.bank_bic = "DEMODEXXXXX"
        settings.full_clean()
        settings.save()
        log("  set logo, opening hours and bank details")


def _menus(context, log):
    locales = ensure_locales()
    homes = context["homes"]
    targets = [
        ("campaign", context.get("campaign")),
        ("appeal", context.get("appeal")),
        (None, context.get("event_index")),
        (None, context.get("news_index")),
        ("materials", context.get("materials")),
    ]
    # The menus are translations of one another (one translation key for the menu and one
    # per item), as wagtail-localize would make them.
    menu_key = uuid.uuid4()
    item_keys = [uuid.uuid4() for _ in targets]
    for code in LANGUAGE_CODES:
        if code not in homes or MainMenu.objects.filter(locale=locales[code]).exists():
            continue
        menu = MainMenu(locale=locales[code], cta_label=CTA_LABEL[code], translation_key=menu_key)
        menu.cta_page = (context.get("appeal") or {}).get(code)
        for order, (key, pages) in enumerate(targets):
            if pages and code in pages:
                menu.items.add(
                    menu.items.model(
                        page=pages[code],
                        label=MENU_LABELS[key][code] if key else "",
                        sort_order=order,
                        locale=locales[code],
                        translation_key=item_keys[order],
                    )
                )
        menu.save()
        log(f"  created the main menu ({code})")


def _topics(log):
    from taggit.models import Tag

    locales = ensure_locales()
    for name, labels in TOPICS.items():
        tag = Tag.objects.filter(name=name).first()
        if tag is None:
            continue
        source = TopicLabel.objects.filter(tag=tag, locale=locales["en"]).first()
        if source is None:
            source = TopicLabel.objects.create(tag=tag, locale=locales["en"], label=labels["en"])
        for code, label in labels.items():
            if (
                code != "en"
                and not TopicLabel.objects.filter(tag=tag, locale=locales[code]).exists()
            ):
                copy = source.copy_for_translation(locales[code])
                copy.label = label
                copy.save()
    log("  named the topics in each language")


def _timeline(context, log):
    from campaign_kit.campaigns.models import CampaignPage

    for code, page in (context.get("campaign") or {}).items():
        page = CampaignPage.objects.get(pk=page.pk)
        if any(block.block_type == "timeline" for block in page.body):
            continue
        heading, items = TIMELINE[code]
        page.body.append(
            ("timeline", {"heading": heading, "items": [{"date": d, "text": t} for d, t in items]})
        )
        publish_page(page)
    log("  added the campaign's timeline")


def _shipping(context):
    from campaign_kit.campaigns.models import MaterialsPage

    for page in (context.get("materials") or {}).values():
        page = MaterialsPage.objects.get(pk=page.pk)
        if not page.ship_to:
            page.ship_to = "EU"
            publish_page(page)


def _full_event(context, log):
    """Fill one event to its last place and put two people on its waiting list."""
    from campaign_kit.events import services
    from campaign_kit.events.models import Registration

    event = (context.get("events") or {}).get(FULL_EVENT, {}).get("en")
    if event is None or Registration.objects.filter(event_key=event.translation_key).exists():
        return
    names = ["Lena", "Omar", "Iryna", "Pavel", "Marta", "Jonas", "Olga", "Timur", "Sofia"]
    taken, number = 0, 0
    while taken < event.capacity:
        places = min(3, event.capacity - taken)
        name = names[number % len(names)]
        services.register(
            event, name=f"{name} (demo)", email=f"demo{number}@example.org", places=places
        )
        taken += places
        number += 1
    for extra in range(2):
        services.register(
            event, name="Waiting (demo)", email=f"waiting{extra}@example.org", places=1
        )
    log(f"  filled {event.title} and put two people on its waiting list")


def load(context, log):
    if not context.get("homes"):
        return
    log("Identity, menu and finishing touches")
    _identity(log)
    _set_picture(context["homes"], "hero_image", "hero", log, alt_field="hero_image_alt")
    if context.get("campaign"):
        _set_picture(context["campaign"], "image", "campaign", log)
        _timeline(context, log)
        _shipping(context)
    for slug, name in NEWS_PICTURES.items():
        pages = (context.get("news") or {}).get(slug)
        if pages:
            _set_picture(pages, "image", name, log)
    _menus(context, log)
    _topics(log)
    _full_event(context, log)
