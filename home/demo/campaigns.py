"""The demo campaign: its hub page, news retelling its course, and a flyer to download and order.

The text is written for this demo in our own words; outlets, people and contact
details are invented (example.org). The flyer PDFs are drawn with Pillow when the
demo is loaded, so no binary files live in the repository.
"""

import datetime
import io
import textwrap
from decimal import Decimal

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection
from wagtail.rich_text import RichText

from campaign_kit.campaigns.models import (
    CampaignPage,
    Material,
    MaterialsPage,
    NewsIndexPage,
    NewsPage,
)

from .utils import create_in_languages, ensure_locales, publish, rich

CAMPAIGN = {
    "en": {
        "title": "Protection and asylum for deserters and conscientious objectors",
        "slug": "protection-for-deserters",
        "intro": (
            "Men and women who refuse to fight in Russia's war against Ukraine, or who have left "
            "the army, risk prison or worse. We campaign for their right to protection and "
            "asylum in Germany and the European Union."
        ),
        "paragraphs": [
            "Refusing to kill is a human right. Yet many who refuse have no safe way out: visas "
            "are hard to get, and the asylum rules were written for other situations.",
            "We advise objectors and deserters, help them find lawyers, support partner groups "
            "in the neighbouring countries and ask governments to keep their promises.",
        ],
        "donation_sources": (
            "Donations to our bank account and through our own donation page, counted by our "
            "treasurer."
        ),
        "donate_label": "Donate to the campaign",
        "contact_heading": "Questions about refusing or deserting?",
    },
    "de": {
        "title": "Schutz und Asyl für Deserteure und Kriegsdienstverweigerer",
        "slug": "schutz-fuer-deserteure",
        "intro": (
            "Wer sich weigert, in Russlands Krieg gegen die Ukraine zu kämpfen, oder die Armee "
            "verlassen hat, dem drohen Gefängnis oder Schlimmeres. Wir setzen uns für Schutz und "
            "Asyl in Deutschland und der Europäischen Union ein."
        ),
        "paragraphs": [
            "Das Töten zu verweigern ist ein Menschenrecht. Doch viele Verweigerer haben keinen "
            "sicheren Ausweg: Visa sind kaum zu bekommen, und die Asylregeln wurden für andere "
            "Lagen geschrieben.",
            "Wir beraten Verweigerer und Deserteure, vermitteln Anwältinnen und Anwälte, "
            "unterstützen Partnergruppen in den Nachbarländern und erinnern Regierungen an ihre "
            "Zusagen.",
        ],
        "donation_sources": (
            "Spenden auf unser Konto und über unsere eigene Spendenseite, gezählt von unserer "
            "Kassenwartin."
        ),
        "donate_label": "Für die Kampagne spenden",
        "contact_heading": "Fragen zu Verweigerung oder Desertion?",
    },
    "ru": {
        "title": "Защита и убежище для дезертиров и отказников",
        "slug": "zashchita-dezertirov",
        "intro": (
            "Тем, кто отказывается воевать в войне России против Украины или покинул армию, "
            "грозит тюрьма или худшее. Мы добиваемся для них защиты и убежища в Германии и "
            "Европейском союзе."
        ),
        "paragraphs": [
            "Отказ убивать — право человека. Но у многих отказников нет безопасного выхода: визы "
            "получить трудно, а правила убежища написаны для других ситуаций.",
            "Мы консультируем отказников и дезертиров, помогаем найти адвокатов, поддерживаем "
            "партнёрские группы в соседних странах и напоминаем правительствам об их обещаниях.",
        ],
        "donation_sources": "Пожертвования на наш счёт и через нашу собственную страницу.",
        "donate_label": "Поддержать кампанию",
        "contact_heading": "Вопросы об отказе или дезертирстве?",
    },
    "uk": {
        "title": "Захист і притулок для дезертирів та відмовників",
        "slug": "zakhyst-dezertyriv",
        "intro": (
            "Тим, хто відмовляється воювати у війні Росії проти України або залишив армію, "
            "загрожує в'язниця чи гірше. Ми домагаємося для них захисту й притулку в Німеччині "
            "та Європейському Союзі."
        ),
        "paragraphs": [
            "Відмова вбивати — право людини. Але багато відмовників не мають безпечного виходу: "
            "візи отримати важко, а правила притулку написані для інших ситуацій.",
            "Ми консультуємо відмовників і дезертирів, допомагаємо знайти адвокатів, підтримуємо "
            "партнерські групи в сусідніх країнах і нагадуємо урядам про їхні обіцянки.",
        ],
        "donation_sources": "Пожертви на наш рахунок і через нашу власну сторінку.",
        "donate_label": "Підтримати кампанію",
        "contact_heading": "Питання про відмову чи дезертирство?",
    },
}

NEWS_INDEX = {
    "en": {"title": "News", "slug": "news", "intro": "Updates from our campaign."},
    "de": {"title": "Neuigkeiten", "slug": "neuigkeiten", "intro": "Neues aus unserer Kampagne."},
    "ru": {"title": "Новости", "slug": "novosti", "intro": "Новости нашей кампании."},
    "uk": {"title": "Новини", "slug": "novyny", "intro": "Новини нашої кампанії."},
}

MATERIALS = {
    "en": {
        "title": "Flyers and materials",
        "slug": "materials",
        "intro": "Download our flyers or order printed copies free of charge.",
        "order_intro": "We post printed flyers free of charge within the EU, usually within "
        "two weeks.",
    },
    "de": {
        "title": "Flyer und Materialien",
        "slug": "materialien",
        "intro": "Laden Sie unsere Flyer herunter oder bestellen Sie kostenlos gedruckte Exemplare.",
        "order_intro": "Wir verschicken gedruckte Flyer kostenlos innerhalb der EU, meist "
        "innerhalb von zwei Wochen.",
    },
    "ru": {
        "title": "Листовки и материалы",
        "slug": "materialy",
        "intro": "Скачайте наши листовки или закажите бесплатные печатные экземпляры.",
        "order_intro": "Мы бесплатно отправляем печатные листовки по ЕС, обычно в течение "
        "двух недель.",
    },
    "uk": {
        "title": "Листівки та матеріали",
        "slug": "materialy",
        "intro": "Завантажте наші листівки або замовте безкоштовні друковані примірники.",
        "order_intro": "Ми безкоштовно надсилаємо друковані листівки по ЄС, зазвичай протягом "
        "двох тижнів.",
    },
}

# Each item: slug, date, tags, English and German text (title, summary, paragraphs),
# Russian and Ukrainian (title, summary, one paragraph).
NEWS = [
    {
        "slug": "bundestag-deserters-protection",
        "date": datetime.date(2022, 4, 28),
        "tags": ["Bundestag", "asylum"],
        "en": (
            "Bundestag: deserters should be protected",
            "In April 2022 the German parliament said clearly that Russian soldiers who desert "
            "should be able to find protection in Germany.",
            [
                "When the Bundestag voted on support for Ukraine at the end of April 2022, its "
                "resolution also spoke about the other side of the front: Russian soldiers who "
                "refuse to take part in the war and desert should receive protection.",
                "For us this was an important step. A promise made in parliament is something "
                "people can rely on, and something we can remind the government of.",
                "Now it has to be turned into practice: in the asylum offices, at the embassies "
                "and at the borders.",
            ],
        ),
        "de": (
            "Bundestag: Deserteure sollen Schutz bekommen",
            "Im April 2022 hat der Bundestag klar gesagt: Russische Soldaten, die desertieren, "
            "sollen in Deutschland Schutz finden können.",
            [
                "Als der Bundestag Ende April 2022 über die Unterstützung der Ukraine abstimmte, "
                "sprach sein Beschluss auch über die andere Seite der Front: Russische Soldaten, "
                "die sich dem Krieg verweigern und desertieren, sollen Schutz erhalten.",
                "Für uns war das ein wichtiger Schritt. Auf ein Versprechen des Parlaments können "
                "sich Menschen berufen, und wir können die Regierung daran erinnern.",
                "Jetzt muss es in die Praxis: in den Asylbehörden, an den Botschaften und an den "
                "Grenzen.",
            ],
        ),
        "ru": (
            "Бундестаг: дезертиры должны получить защиту",
            "В апреле 2022 года немецкий парламент ясно заявил, что российские солдаты-дезертиры "
            "должны иметь возможность найти защиту в Германии.",
            "Теперь это обещание нужно выполнить: в ведомствах по делам беженцев, в посольствах "
            "и на границах.",
        ),
        "uk": (
            "Бундестаг: дезертири мають отримати захист",
            "У квітні 2022 року німецький парламент чітко заявив, що російські солдати-дезертири "
            "повинні мати змогу знайти захист у Німеччині.",
            "Тепер цю обіцянку треба виконати: в установах у справах біженців, у посольствах і "
            "на кордонах.",
        ),
    },
    {
        "slug": "interior-ministry-guidance-gap",
        "date": datetime.date(2022, 5, 31),
        "tags": ["asylum", "Interior Ministry"],
        "en": (
            "Interior Ministry guidance leaves a gap",
            "The ministry's May 2022 guidance helps deserters, but not those who fled before "
            "they were called up.",
            [
                "In May 2022 the Federal Interior Ministry told the asylum office how to handle "
                "Russian deserters: as a rule, they can expect protection.",
                "That is good news for soldiers who have left their units. But it says little "
                "about men who left Russia before they received their call-up papers, and they "
                "are by far the larger group.",
                "They face the same danger if they are sent back. We are asking the ministry to "
                "close this gap.",
            ],
        ),
        "de": (
            "Hinweise des Innenministeriums lassen eine Lücke",
            "Die Hinweise des Ministeriums vom Mai 2022 helfen Deserteuren, aber nicht denen, "
            "die vor der Einberufung geflohen sind.",
            [
                "Im Mai 2022 hat das Bundesinnenministerium dem Bundesamt für Migration und "
                "Flüchtlinge erklärt, wie es mit russischen Deserteuren umgehen soll: In der "
                "Regel können sie mit Schutz rechnen.",
                "Das ist eine gute Nachricht für Soldaten, die ihre Einheit verlassen haben. "
                "Über Männer, die Russland vor ihrer Einberufung verlassen haben, sagt es aber "
                "wenig, und sie sind die weitaus größere Gruppe.",
                "Ihnen droht bei einer Rückkehr dieselbe Gefahr. Wir fordern das Ministerium auf, "
                "diese Lücke zu schließen.",
            ],
        ),
        "ru": (
            "Указания МВД Германии оставляют пробел",
            "Указания министерства от мая 2022 года помогают дезертирам, но не тем, кто уехал до "
            "получения повестки.",
            "Им при возвращении грозит та же опасность. Мы просим министерство закрыть этот пробел.",
        ),
        "uk": (
            "Вказівки МВС Німеччини залишають прогалину",
            "Вказівки міністерства від травня 2022 року допомагають дезертирам, але не тим, хто "
            "виїхав до отримання повістки.",
            "Їм у разі повернення загрожує та сама небезпека. Ми просимо міністерство закрити цю "
            "прогалину.",
        ),
    },
    {
        "slug": "press-coverage-june-2022",
        "date": datetime.date(2022, 6, 20),
        "tags": ["press"],
        "press": {
            "outlet": "Morning Herald (example)",
            "date": datetime.date(2022, 6, 14),
            "headline": "The men who would not go to war",
            "url": "https://press.example.org/men-who-would-not-go-to-war",
        },
        "en": (
            "The press takes up the story",
            "In June 2022 several newspapers and radio stations reported on objectors and "
            "deserters and on the gap in the rules.",
            [
                "Reporters spoke with people we advise and with our team. Several of them "
                "explained the difference between deserters and those who fled a call-up, and "
                "why it matters for asylum.",
                "Thank you to everyone who shared their story, often at personal risk.",
            ],
        ),
        "de": (
            "Die Presse greift das Thema auf",
            "Im Juni 2022 berichteten mehrere Zeitungen und Radiosender über Verweigerer und "
            "Deserteure und über die Lücke in den Regeln.",
            [
                "Journalistinnen und Journalisten sprachen mit Menschen, die wir beraten, und mit "
                "unserem Team. Mehrere Beiträge erklärten den Unterschied zwischen Deserteuren und "
                "denen, die vor der Einberufung geflohen sind, und warum er für das Asyl zählt.",
                "Danke an alle, die ihre Geschichte erzählt haben, oft mit persönlichem Risiko.",
            ],
        ),
        "ru": (
            "Пресса подхватывает тему",
            "В июне 2022 года несколько газет и радиостанций рассказали об отказниках и "
            "дезертирах и о пробеле в правилах.",
            "Спасибо всем, кто поделился своей историей, часто рискуя собой.",
        ),
        "uk": (
            "Преса підхоплює тему",
            "У червні 2022 року кілька газет і радіостанцій розповіли про відмовників і "
            "дезертирів та про прогалину в правилах.",
            "Дякуємо всім, хто поділився своєю історією, часто ризикуючи собою.",
        ),
    },
    {
        "slug": "european-appeal",
        "date": datetime.date(2023, 3, 15),
        "tags": ["Europe", "appeal"],
        "en": (
            "A European appeal for protection",
            "Together with groups from several countries we are asking the European Parliament "
            "to protect objectors and deserters across the Union.",
            [
                "Protection should not depend on which border someone happens to cross. That is "
                "why we joined organisations from across Europe in an appeal to the European "
                "Parliament.",
                "The appeal asks for humanitarian visas, fair asylum procedures and no returns "
                "to a country where refusing to fight means prison.",
                "Individuals and organisations can co-sign it on this website.",
            ],
        ),
        "de": (
            "Ein europäischer Appell für Schutz",
            "Gemeinsam mit Gruppen aus mehreren Ländern fordern wir das Europäische Parlament "
            "auf, Verweigerer und Deserteure in der ganzen Union zu schützen.",
            [
                "Schutz darf nicht davon abhängen, über welche Grenze jemand zufällig kommt. "
                "Deshalb haben wir uns mit Organisationen aus ganz Europa einem Appell an das "
                "Europäische Parlament angeschlossen.",
                "Der Appell fordert humanitäre Visa, faire Asylverfahren und keine Abschiebung in "
                "ein Land, in dem die Verweigerung Gefängnis bedeutet.",
                "Einzelpersonen und Organisationen können ihn auf dieser Website mitzeichnen.",
            ],
        ),
        "ru": (
            "Европейский призыв о защите",
            "Вместе с группами из нескольких стран мы призываем Европейский парламент защитить "
            "отказников и дезертиров во всём Союзе.",
            "Подписать призыв могут как отдельные люди, так и организации — на этом сайте.",
        ),
        "uk": (
            "Європейський заклик про захист",
            "Разом із групами з кількох країн ми закликаємо Європейський парламент захистити "
            "відмовників і дезертирів у всьому Союзі.",
            "Підписати заклик можуть як окремі люди, так і організації — на цьому сайті.",
        ),
    },
    {
        "slug": "partner-groups-neighbouring-countries",
        "date": datetime.date(2023, 10, 5),
        "tags": ["partners"],
        "en": (
            "Support for partner groups in neighbouring countries",
            "Many objectors first arrive in Georgia, Armenia, Kazakhstan or Lithuania. We "
            "support the groups that help them there.",
            [
                "Most people who refuse to fight cannot travel straight to Germany. They first "
                "reach a neighbouring country, often with little money and no papers for the "
                "next step.",
                "Partner groups there offer a bed, advice and legal help. With your donations we "
                "pay for consultations, translations and travel to embassy appointments.",
            ],
        ),
        "de": (
            "Unterstützung für Partnergruppen in den Nachbarländern",
            "Viele Verweigerer kommen zuerst in Georgien, Armenien, Kasachstan oder Litauen an. "
            "Wir unterstützen die Gruppen, die ihnen dort helfen.",
            [
                "Die meisten Verweigerer können nicht direkt nach Deutschland reisen. Sie "
                "erreichen zuerst ein Nachbarland, oft mit wenig Geld und ohne Papiere für den "
                "nächsten Schritt.",
                "Partnergruppen bieten dort ein Bett, Beratung und rechtliche Hilfe. Mit Ihren "
                "Spenden bezahlen wir Beratungen, Übersetzungen und Fahrten zu Terminen bei "
                "Botschaften.",
            ],
        ),
        "ru": (
            "Поддержка партнёрских групп в соседних странах",
            "Многие отказники сначала попадают в Грузию, Армению, Казахстан или Литву. Мы "
            "поддерживаем группы, которые помогают им там.",
            "На ваши пожертвования мы оплачиваем консультации, переводы и поездки на приёмы в "
            "посольства.",
        ),
        "uk": (
            "Підтримка партнерських груп у сусідніх країнах",
            "Багато відмовників спочатку потрапляють до Грузії, Вірменії, Казахстану чи Литви. "
            "Ми підтримуємо групи, які допомагають їм там.",
            "Завдяки вашим пожертвам ми оплачуємо консультації, переклади та поїздки на прийоми "
            "до посольств.",
        ),
    },
]

FLYERS = [
    {
        "language": "en",
        "document_title": "Flyer: Protection for deserters (English)",
        "filename": "flyer-protection-for-deserters-en.pdf",
        "heading": "No one should be forced to fight",
        "lines": [
            "Protection and asylum for deserters and conscientious objectors",
            "",
            "Refusing to kill is a human right.",
            "We advise people from Russia, Belarus and Ukraine who refuse military service or "
            "have left the army.",
            "",
            "Advice hotline: +49 30 0000 0000 (demo number)",
            "Mon-Thu 10:00-16:00, free and confidential",
            "hotline@example.org",
        ],
        "titles": {
            "en": ("Flyer: Protection for deserters", "Our campaign flyer in English (A4)."),
            "de": ("Flyer: Schutz für Deserteure (englisch)", "Unser Kampagnenflyer auf Englisch."),
            "ru": ("Листовка: защита для дезертиров (англ.)", "Наша листовка на английском."),
            "uk": ("Листівка: захист для дезертирів (англ.)", "Наша листівка англійською."),
        },
    },
    {
        "language": "de",
        "document_title": "Flyer: Schutz für Deserteure (Deutsch)",
        "filename": "flyer-schutz-fuer-deserteure-de.pdf",
        "heading": "Niemand soll kämpfen müssen",
        "lines": [
            "Schutz und Asyl für Deserteure und Kriegsdienstverweigerer",
            "",
            "Das Töten zu verweigern ist ein Menschenrecht.",
            "Wir beraten Menschen aus Russland, Belarus und der Ukraine, die den Militärdienst "
            "verweigern oder die Armee verlassen haben.",
            "",
            "Beratungs-Hotline: +49 30 0000 0000 (Demo-Nummer)",
            "Mo-Do 10-16 Uhr, kostenlos und vertraulich",
            "hotline@example.org",
        ],
        "titles": {
            "en": ("Flyer: Protection for deserters (German)", "Our campaign flyer in German."),
            "de": ("Flyer: Schutz für Deserteure", "Unser Kampagnenflyer auf Deutsch (A4)."),
            "ru": ("Листовка: защита для дезертиров (нем.)", "Наша листовка на немецком."),
            "uk": ("Листівка: захист для дезертирів (нім.)", "Наша листівка німецькою."),
        },
    },
]


FLYERS += [
    {
        "language": "ru",
        "document_title": "Листовка: защита для дезертиров (русский)",
        "filename": "flyer-zashchita-dezertirov-ru.pdf",
        "heading": "Никого нельзя заставлять воевать",
        "lines": [
            "Защита и убежище для дезертиров и отказников",
            "",
            "Отказ убивать — право человека.",
            "Мы консультируем людей из России, Беларуси и Украины, которые отказываются от "
            "военной службы или покинули армию.",
            "",
            "Горячая линия: +49 30 0000 0000 (демо-номер)",
            "пн–чт 10:00–16:00, бесплатно и конфиденциально",
            "hotline@example.org",
        ],
        "titles": {
            "en": ("Flyer: Protection for deserters (Russian)", "Our campaign flyer in Russian."),
            "de": ("Flyer: Schutz für Deserteure (russisch)", "Unser Kampagnenflyer auf Russisch."),
            "ru": ("Листовка: защита для дезертиров", "Наша листовка на русском (A4)."),
            "uk": ("Листівка: захист для дезертирів (рос.)", "Наша листівка російською."),
        },
    },
    {
        "language": "uk",
        "document_title": "Листівка: захист для дезертирів (українська)",
        "filename": "flyer-zakhyst-dezertyriv-uk.pdf",
        "heading": "Нікого не можна змушувати воювати",
        "lines": [
            "Захист і притулок для дезертирів і тих, хто відмовляється від служби",
            "",
            "Відмова вбивати — право людини.",
            "Ми консультуємо людей з Росії, Білорусі та України, які відмовляються від "
            "військової служби або залишили армію.",
            "",
            "Гаряча лінія: +49 30 0000 0000 (демо-номер)",
            "пн–чт 10:00–16:00, безкоштовно й конфіденційно",
            "hotline@example.org",
        ],
        "titles": {
            "en": ("Flyer: Protection for deserters (Ukrainian)", "Our flyer in Ukrainian."),
            "de": ("Flyer: Schutz für Deserteure (ukrainisch)", "Unser Flyer auf Ukrainisch."),
            "ru": ("Листовка: защита для дезертиров (укр.)", "Наша листовка на украинском."),
            "uk": ("Листівка: захист для дезертирів", "Наша листівка українською (A4)."),
        },
    },
]

# Without a font that has Cyrillic (DejaVu is on most Linux systems), the flyer is written in
# Latin letters rather than as empty boxes.
CYRILLIC = dict(
    zip(
        "абвгдеёжзийклмнопрстуфхцчшщъыьэюяієїґ",
        [
            "a",
            "b",
            "v",
            "g",
            "d",
            "e",
            "e",
            "zh",
            "z",
            "i",
            "i",
            "k",
            "l",
            "m",
            "n",
            "o",
            "p",
            "r",
            "s",
            "t",
            "u",
            "f",
            "kh",
            "ts",
            "ch",
            "sh",
            "shch",
            "",
            "y",
            "",
            "e",
            "yu",
            "ya",
            "i",
            "ye",
            "yi",
            "g",
        ],
        strict=True,
    )
)


def _latin(text):
    out = []
    for char in text:
        low = char.lower()
        if low in CYRILLIC:
            latin = CYRILLIC[low]
            out.append(latin.capitalize() if char != low else latin)
        else:
            out.append(char)
    return "".join(out).translate(UMLAUTS)


AUTHOR = {
    "en": "Campaign team",
    "de": "Kampagnenteam",
    "ru": "Команда кампании",
    "uk": "Команда кампанії",
}

UMLAUTS = str.maketrans(
    {"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss"}
)


def _fonts():
    """DejaVu Sans where the system has it (umlauts, Cyrillic), else Pillow's own font (ASCII
    only, with Cyrillic and umlauts written in Latin letters)."""
    from PIL import ImageFont

    try:
        return (
            ImageFont.truetype("DejaVuSans-Bold.ttf", 44),
            ImageFont.truetype("DejaVuSans.ttf", 24),
            str,
        )
    except OSError:
        return ImageFont.load_default(size=44), ImageFont.load_default(size=26), _latin


def _flyer_image(flyer):
    """An A4 flyer at 100 dpi, drawn with Pillow."""
    from PIL import Image, ImageDraw

    width, height = 827, 1169
    image = Image.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(image)
    draw.rectangle([0, 0, width, 260], fill=(23, 63, 95))
    heading_font, text_font, clean = _fonts()
    usable = width - 120

    def wrap(text, font):
        # Narrow the column until every line fits the page width.
        for chars in range(60, 10, -2):
            lines = textwrap.wrap(clean(text), chars) or [""]
            if all(draw.textlength(line, font=font) <= usable for line in lines):
                return lines
        return lines

    y = 70
    for line in wrap(flyer["heading"], heading_font):
        draw.text((60, y), line, font=heading_font, fill="white")
        y += 60
    y = 320
    for text in flyer["lines"]:
        for line in wrap(text, text_font):
            draw.text((60, y), line, font=text_font, fill=(20, 20, 20))
            y += 40
        if not text:
            y += 4
    draw.text((60, height - 80), "example.org", font=text_font, fill=(23, 63, 95))
    return image


def _flyer_document(flyer, log):
    Document = get_document_model()
    document = Document.objects.filter(title=flyer["document_title"]).first()
    if document is not None:
        return document, _preview_image(flyer, None)
    image = _flyer_image(flyer)
    buffer = io.BytesIO()
    image.save(buffer, "PDF", resolution=100.0)
    document = Document(title=flyer["document_title"], collection=Collection.get_first_root_node())
    document.file.save(flyer["filename"], ContentFile(buffer.getvalue()), save=False)
    document.save()
    log(f"  created flyer PDF ({flyer['language']})")
    return document, _preview_image(flyer, image)


def _preview_image(flyer, image):
    Image = get_image_model()
    title = f"Preview: {flyer['document_title']}"
    existing = Image.objects.filter(title=title).first()
    if existing is not None:
        return existing
    image = image or _flyer_image(flyer)
    preview = image.copy()
    preview.thumbnail((400, 566))
    buffer = io.BytesIO()
    preview.save(buffer, "PNG")
    record = Image(
        title=title,
        collection=Collection.get_first_root_node(),
        file=ImageFile(buffer, name=flyer["filename"].replace(".pdf", "-preview.png")),
        width=preview.width,
        height=preview.height,
    )
    record.save()
    return record


def _materials(campaign_en, locales, log):
    materials = []
    for flyer in FLYERS:
        document, preview = _flyer_document(flyer, log)
        material = Material.objects.filter(document=document, locale=locales["en"]).first()
        if material is None:
            title, description = flyer["titles"]["en"]
            material = Material.objects.create(
                locale=locales["en"],
                title=title,
                description=description,
                language=flyer["language"],
                document=document,
                preview_image=preview,
                campaign=campaign_en,
                max_quantity=100,
                sort_order=["en", "de", "ru", "uk"].index(flyer["language"]),
            )
            log(f"  created material {title}")
        for code, (title, description) in flyer["titles"].items():
            if code == "en" or material.has_translation(locales[code]):
                continue
            copy = material.copy_for_translation(locales[code])
            copy.title = title
            copy.description = description
            copy.save()
        materials.append(material)
    return materials


def _news_fields(item, code):
    title, summary, paragraphs = item[code]
    if isinstance(paragraphs, str):
        paragraphs = [paragraphs]
    body = [("rich_text", RichText(rich(*paragraphs)))]
    if "press" in item:
        body.append(("press_mention", item["press"]))
    fields = {"title": title, "summary": summary, "body": body, "slug": item["slug"]}
    fields["author"] = AUTHOR[code]
    return fields


def _news(index_pages, campaign_en, log):
    pages = []
    for item in NEWS:
        contents = {
            code: _news_fields(item, code) for code in ["en", "de", "ru", "uk"] if code in item
        }
        contents["en"].update(date=item["date"], campaign=campaign_en)
        created = create_in_languages(index_pages, NewsPage, contents, log, f"news {item['slug']}")
        source = created["en"]
        if not source.tags.exists():
            source.tags.add(*item["tags"])
            source.save()
            publish(source)
            for code, page in created.items():
                if code != "en" and not page.tags.exists():
                    page.tags.add(*item["tags"])
                    page.save()
                    publish(page)
        pages.append(created)
    return pages


def load(context, log):
    homes = context.get("homes")
    if not homes:
        return
    locales = ensure_locales()
    log("Campaign, news and materials")
    contents = {}
    for code, text in CAMPAIGN.items():
        fields = {k: v for k, v in text.items() if k != "paragraphs"}
        fields["body"] = [("rich_text", RichText(rich(*text["paragraphs"])))]
        contents[code] = fields
    contents["en"].update(
        amount_raised=Decimal("65240"),
        currency="EUR",
        donation_goal=Decimal("100000"),
        donations_as_of=datetime.date(2026, 10, 31),
    )
    campaign = create_in_languages(homes, CampaignPage, contents, log, "campaign page")
    news_index = create_in_languages(homes, NewsIndexPage, NEWS_INDEX, log, "news index")
    materials_page = create_in_languages(homes, MaterialsPage, MATERIALS, log, "materials page")
    news = _news(news_index, campaign["en"], log)
    _materials(campaign["en"], locales, log)

    for home in homes.values():
        home.refresh_from_db()
        if home.featured_campaign_id is None:
            home.featured_campaign = campaign["en"]
            publish(home)
            log(f"  featured the campaign on {home.title}")

    context.update(
        campaign=campaign,
        news_index=news_index,
        materials=materials_page,
        news={item["slug"]: pages for item, pages in zip(NEWS, news, strict=True)},
    )
