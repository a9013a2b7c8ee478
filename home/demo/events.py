"""Events: the 15 May action day (Frankfurt, Bochum, Nuremberg, Mainz), an online
event, a past one and a cancelled one. Venues, times and people are invented.
"""

from datetime import datetime
from zoneinfo import ZoneInfo

from campaign_kit.events.models import EventIndexPage, EventPage, EventSeries

from .utils import create_in_languages, ensure_locales, rich

BERLIN = ZoneInfo("Europe/Berlin")


def at(year, month, day, hour, minute=0):
    return datetime(year, month, day, hour, minute, tzinfo=BERLIN)


INDEX = {
    "en": {"title": "Events", "slug": "events", "intro": "Vigils, talks and action days near you."},
    "de": {
        "title": "Termine",
        "slug": "termine",
        "intro": "Mahnwachen, Vorträge und Aktionstage in deiner Nähe.",
    },
    "ru": {"title": "События", "slug": "sobytiya", "intro": "Пикеты, встречи и дни действий."},
    "uk": {"title": "Події", "slug": "podii", "intro": "Пікети, зустрічі та дні дій."},
}

SERIES = {
    "en": {
        "name": "15 May: International Conscientious Objectors' Day",
        "description": "On 15 May we stand with everyone who refuses to kill, in four cities.",
    },
    "de": {
        "name": "15. Mai: Internationaler Tag der Kriegsdienstverweigerung",
        "description": "Am 15. Mai stehen wir in vier Städten an der Seite aller, die das Töten "
        "verweigern.",
    },
    "ru": {
        "name": "15 мая: Международный день отказников по убеждениям",
        "description": "15 мая в четырёх городах мы выходим в поддержку всех, кто отказывается "
        "убивать.",
    },
    "uk": {
        "name": "15 травня: Міжнародний день відмовників за переконаннями",
        "description": "15 травня в чотирьох містах ми виходимо на підтримку всіх, хто "
        "відмовляється вбивати.",
    },
}

ORGANISER = {
    "en": "Campaign alliance (demo)",
    "de": "Kampagnenbündnis (demo)",
    "ru": "Коалиция кампании (демо)",
    "uk": "Коаліція кампанії (демо)",
}

ACTION_DAY = [
    {
        "slug": "frankfurt-15-may",
        "city": "Frankfurt am Main",
        "venue": (
            "Paulsplatz, by the fountain",
            "Paulsplatz, am Brunnen",
            "Паульсплац, у фонтана",
            "Паульсплац, біля фонтану",
        ),
        "street": "Paulsplatz",
        "postcode": "60311",
        "start": at(2027, 5, 15, 12),
        "end": at(2027, 5, 15, 14),
        "en": ("Vigil for objectors in Frankfurt", "Candles, names and short speeches."),
        "de": ("Mahnwache für Verweigerer in Frankfurt", "Kerzen, Namen und kurze Reden."),
        "ru": ("Пикет в поддержку отказников во Франкфурте", "Свечи, имена и короткие речи."),
        "uk": ("Пікет на підтримку відмовників у Франкфурті", "Свічки, імена та короткі промови."),
        "capacity": None,
    },
    {
        "slug": "bochum-15-may",
        "city": "Bochum",
        "venue": (
            "Community centre Lindenhof, hall 2",
            "Bürgerhaus Lindenhof, Saal 2",
            "Общественный центр Линденхоф, зал 2",
            "Громадський центр Лінденгоф, зал 2",
        ),
        "street": "Lindenstraße 12",
        "postcode": "44787",
        "start": at(2027, 5, 15, 18, 30),
        "end": at(2027, 5, 15, 20, 30),
        "en": (
            "Evening talk in Bochum: leaving the army",
            "Two objectors tell how they left, and what helped them.",
        ),
        "de": (
            "Gesprächsabend in Bochum: Raus aus der Armee",
            "Zwei Verweigerer erzählen, wie sie gegangen sind und was ihnen geholfen hat.",
        ),
        "ru": (
            "Вечер в Бохуме: уйти из армии",
            "Двое отказников рассказывают, как они ушли и что им помогло.",
        ),
        "uk": (
            "Вечір у Бохумі: піти з армії",
            "Двоє відмовників розповідають, як вони пішли і що їм допомогло.",
        ),
        "capacity": 60,
    },
    {
        "slug": "nuremberg-15-may",
        "city": "Nürnberg",
        "venue": ("Café Weitblick", "Café Weitblick", "Кафе «Вайтблик»", "Кафе «Вайтблік»"),
        "street": "Am Kornmarkt 3",
        "postcode": "90402",
        "start": at(2027, 5, 15, 17),
        "end": at(2027, 5, 15, 19),
        "en": ("Letters to objectors in Nuremberg", "We write postcards to people in detention."),
        "de": ("Briefe an Verweigerer in Nürnberg", "Wir schreiben Karten an Inhaftierte."),
        "ru": ("Письма отказникам в Нюрнберге", "Мы пишем открытки тем, кто в заключении."),
        "uk": ("Листи відмовникам у Нюрнберзі", "Ми пишемо листівки тим, хто в ув'язненні."),
        "capacity": 25,
    },
    {
        "slug": "mainz-15-may",
        "city": "Mainz",
        "venue": (
            "Rhine bank near the Theodor Heuss Bridge",
            "Rheinufer an der Theodor-Heuss-Brücke",
            "Набережная Рейна у моста Теодора Хойса",
            "Набережна Рейну біля мосту Теодора Гойса",
        ),
        "street": "Rheinallee",
        "postcode": "55116",
        "start": at(2027, 5, 15, 11),
        "end": at(2027, 5, 15, 13),
        "en": (
            "Human chain in Mainz",
            "A chain of people along the river for the right to refuse.",
        ),
        "de": (
            "Menschenkette in Mainz",
            "Eine Menschenkette am Rhein für das Recht zu verweigern.",
        ),
        "ru": (
            "Живая цепь в Майнце",
            "Цепь из людей вдоль реки за право на отказ.",
        ),
        "uk": (
            "Живий ланцюг у Майнці",
            "Ланцюг із людей уздовж річки за право на відмову.",
        ),
        "capacity": None,
    },
]

OTHERS = [
    {
        "slug": "online-asylum-briefing",
        "attendance_mode": "online",
        "online_url": "https://meet.example.org/asylum-briefing",
        "start": at(2027, 2, 10, 19),
        "end": at(2027, 2, 10, 20, 30),
        "en": (
            "Online briefing: asylum for deserters",
            "Our advisers explain the current practice and answer questions.",
        ),
        "de": (
            "Online-Briefing: Asyl für Deserteure",
            "Unsere Berater erklären die aktuelle Praxis und beantworten Fragen.",
        ),
        "ru": (
            "Онлайн-встреча: убежище для дезертиров",
            "Наши консультанты рассказывают о нынешней практике и отвечают на вопросы.",
        ),
        "uk": (
            "Онлайн-зустріч: притулок для дезертирів",
            "Наші консультанти розповідають про нинішню практику й відповідають на запитання.",
        ),
        "capacity": 100,
        "email_confirmation": True,
    },
    {
        "slug": "hamburg-vigil-2026",
        "city": "Hamburg",
        "venue": (
            "Square in front of the town hall",
            "Rathausmarkt",
            "Площадь перед ратушей",
            "Площа перед ратушею",
        ),
        "street": "Rathausmarkt",
        "postcode": "20095",
        "start": at(2026, 9, 1, 17),
        "end": at(2026, 9, 1, 18, 30),
        "en": ("Anti-War Day vigil in Hamburg", "A silent vigil on 1 September."),
        "de": ("Mahnwache zum Antikriegstag in Hamburg", "Eine stille Mahnwache am 1. September."),
        "ru": ("Пикет в Гамбурге в День против войны", "Молчаливый пикет 1 сентября."),
        "uk": ("Пікет у Гамбурзі в День проти війни", "Мовчазний пікет 1 вересня."),
        "capacity": None,
    },
    {
        "slug": "leipzig-information-evening",
        "city": "Leipzig",
        "venue": (
            "Library of the peace workshop",
            "Bibliothek der Friedenswerkstatt",
            "Библиотека мастерской мира",
            "Бібліотека майстерні миру",
        ),
        "street": "Musterweg 5",
        "postcode": "04109",
        "start": at(2027, 3, 18, 19),
        "end": at(2027, 3, 18, 21),
        "en": ("Information evening in Leipzig", "How to support objectors who arrive here."),
        "de": ("Infoabend in Leipzig", "Wie wir Verweigerer unterstützen, die hier ankommen."),
        "ru": ("Информационный вечер в Лейпциге", "Как поддержать отказников, приехавших сюда."),
        "uk": ("Інформаційний вечір у Лейпцигу", "Як підтримати відмовників, які приїхали сюди."),
        "capacity": 30,
        "status": "cancelled",
        "status_note": (
            "The speaker is ill; we will announce a new date.",
            "Die Referentin ist erkrankt; wir nennen bald einen neuen Termin.",
            "Докладчица заболела; мы скоро сообщим новую дату.",
            "Доповідачка захворіла; ми незабаром повідомимо нову дату.",
        ),
    },
]


def _series(log):
    locales = ensure_locales()
    source = EventSeries.objects.filter(slug="objectors-day", locale=locales["en"]).first()
    if source is None:
        source = EventSeries.objects.create(
            slug="objectors-day",
            date=at(2027, 5, 15, 0).date(),
            locale=locales["en"],
            **SERIES["en"],
        )
        log("  created event series (en)")
    for code, fields in SERIES.items():
        if code == "en" or source.has_translation(locales[code]):
            continue
        copy = source.copy_for_translation(locales[code])
        for name, value in fields.items():
            setattr(copy, name, value)
        copy.save()
        log(f"  created event series ({code})")
    return source


def _event_contents(item, series, campaign):
    common = {
        "slug": item["slug"],
        "start": item["start"],
        "end": item["end"],
        "time_zone": "Europe/Berlin",
        "attendance_mode": item.get("attendance_mode", "offline"),
        "city": item.get("city", ""),
        "street": item.get("street", ""),
        "postcode": item.get("postcode", ""),
        "country": "DE",
        "online_url": item.get("online_url", ""),
        "organiser_url": "https://example.org/",
        "status": item.get("status", "scheduled"),
        "series": series,
        "campaign": campaign,
        "registration_mode": "open" if item.get("capacity") else "none",
        "capacity": item.get("capacity"),
        "max_places_per_registration": 4,
        "waiting_list": True,
        "email_confirmation": item.get("email_confirmation", False),
    }
    contents = {}
    for index, code in enumerate(("en", "de", "ru", "uk")):
        title, summary = item[code]
        fields = dict(common, title=title, summary=summary)
        if code != "en":
            fields.pop("slug")
            fields["slug"] = item["slug"]
        if "venue" in item:
            fields["venue_name"] = item["venue"][index]
        if "status_note" in item:
            fields["status_note"] = item["status_note"][index]
        fields["organiser"] = ORGANISER[code]
        fields["body"] = [("paragraph", rich(summary))]
        contents[code] = fields
    return contents


def load(context, log):
    log("Events")
    homes = context["homes"]
    indexes = create_in_languages(homes, EventIndexPage, INDEX, log, "event index")
    context["event_index"] = indexes
    series = _series(log)
    campaign = (context.get("campaign") or {}).get("en")
    events = {}
    for item in ACTION_DAY + OTHERS:
        in_series = series if item in ACTION_DAY else None
        contents = _event_contents(item, in_series, campaign)
        events[item["slug"]] = create_in_languages(
            indexes, EventPage, contents, log, f"event {item['slug']}"
        )
    context["events"] = events
