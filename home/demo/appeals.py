"""The appeal to the European Parliament and PACE, with invented co-signers.

The organisations, people and addresses are invented for this demo
(contact addresses under example.org).
"""

import random
from datetime import timedelta

from django.utils import timezone

from campaign_kit.appeals.models import AppealPage, Signature
from campaign_kit.appeals.security import email_hash
from campaign_kit.appeals.services import recount

from .utils import create_in_languages

DEMANDS_EN = [
    "Recognise desertion and refusal to serve in a war of aggression as grounds for protection.",
    "Give objectors from Russia, Belarus and Ukraine fair asylum procedures and humanitarian visas.",
    "Do not deport anyone to a country where they face conscription into this war.",
    "Support the groups that advise objectors in the neighbouring countries.",
]
DEMANDS_DE = [
    "Desertion und Verweigerung in einem Angriffskrieg als Schutzgrund anerkennen.",
    "Verweigerern aus Russland, Belarus und der Ukraine faire Asylverfahren und humanitäre Visa geben.",
    "Niemanden in ein Land abschieben, in dem ihm die Einberufung in diesen Krieg droht.",
    "Die Gruppen unterstützen, die Verweigerer in den Nachbarländern beraten.",
]
DEMANDS_RU = [
    "Признать дезертирство и отказ от службы в агрессивной войне основанием для защиты.",
    "Дать отказникам из России, Беларуси и Украины честную процедуру убежища и гуманитарные визы.",
    "Никого не депортировать в страну, где ему грозит призыв на эту войну.",
    "Поддержать группы, которые консультируют отказников в соседних странах.",
]
DEMANDS_UK = [
    "Визнати дезертирство та відмову від служби в агресивній війні підставою для захисту.",
    "Дати відмовникам з Росії, Білорусі та України чесну процедуру притулку й гуманітарні візи.",
    "Нікого не депортувати до країни, де йому загрожує призов на цю війну.",
    "Підтримати групи, які консультують відмовників у сусідніх країнах.",
]

CONTENT = {
    "en": {
        "title": "Protection and asylum for deserters and conscientious objectors",
        "slug": "appeal-protection-objectors",
        "intro": (
            "An appeal to the European Parliament and the Parliamentary Assembly of the Council "
            "of Europe, signed by organisations from across Europe and by people like you."
        ),
        "addressees": "European Parliament\nParliamentary Assembly of the Council of Europe (PACE)",
        "initiators": "Network for Objectors (invented)\nRiverside Peace Office (invented)",
        "thank_you": "<p>Thank you! Please tell your friends about the appeal.</p>",
        "body": [
            (
                "paragraph",
                "<p>Thousands of men and women from Russia, Belarus and Ukraine have refused "
                "to take part in the war. Many of them had to flee and now wait in uncertainty.</p>",
            ),
            (
                "paragraph",
                "<p>Refusing to kill is a human right. Those who use it need protection, "
                "not deportation.</p>",
            ),
            ("demands", {"heading": "We call on you to", "items": DEMANDS_EN}),
        ],
    },
    "de": {
        "title": "Schutz und Asyl für Deserteure und Kriegsdienstverweigerer",
        "slug": "appell-schutz-verweigerer",
        "intro": (
            "Ein Appell an das Europäische Parlament und die Parlamentarische Versammlung des "
            "Europarats, unterzeichnet von Organisationen aus ganz Europa und von Menschen wie Ihnen."
        ),
        "addressees": "Europäisches Parlament\nParlamentarische Versammlung des Europarats (PACE)",
        "initiators": "Netzwerk für Verweigerer (erfunden)\nFriedensbüro am Fluss (erfunden)",
        "thank_you": "<p>Danke! Bitte erzählen Sie anderen von diesem Appell.</p>",
        "body": [
            (
                "paragraph",
                "<p>Tausende Männer und Frauen aus Russland, Belarus und der Ukraine haben "
                "sich geweigert, am Krieg teilzunehmen. Viele mussten fliehen und warten nun in "
                "Ungewissheit.</p>",
            ),
            (
                "paragraph",
                "<p>Die Weigerung zu töten ist ein Menschenrecht. Wer es in Anspruch nimmt, "
                "braucht Schutz statt Abschiebung.</p>",
            ),
            ("demands", {"heading": "Wir fordern Sie auf", "items": DEMANDS_DE}),
        ],
    },
    "ru": {
        "title": "Защита и убежище для дезертиров и отказников",
        "slug": "obrashchenie-zashchita-otkaznikov",
        "intro": "Обращение к Европейскому парламенту и Парламентской ассамблее Совета Европы.",
        "addressees": "Европейский парламент\nПарламентская ассамблея Совета Европы (ПАСЕ)",
        "initiators": "Сеть поддержки отказников (вымышленная)",
        "thank_you": "<p>Спасибо! Расскажите об обращении друзьям.</p>",
        "body": [
            (
                "paragraph",
                "<p>Тысячи людей из России, Беларуси и Украины отказались участвовать в "
                "войне. Отказ убивать — право человека; им нужна защита, а не депортация.</p>",
            ),
            ("demands", {"heading": "Мы призываем вас", "items": DEMANDS_RU}),
        ],
    },
    "uk": {
        "title": "Захист і притулок для дезертирів та тих, хто відмовляється від служби",
        "slug": "zvernennia-zakhyst-vidmovnykiv",
        "intro": "Звернення до Європейського парламенту та Парламентської асамблеї Ради Європи.",
        "addressees": "Європейський парламент\nПарламентська асамблея Ради Європи (ПАРЄ)",
        "initiators": "Мережа підтримки (вигадана)",
        "thank_you": "<p>Дякуємо! Розкажіть про звернення друзям.</p>",
        "body": [
            (
                "paragraph",
                "<p>Тисячі людей з Росії, Білорусі та України відмовилися брати участь у "
                "війні. Відмова вбивати — право людини; їм потрібен захист, а не депортація.</p>",
            ),
            ("demands", {"heading": "Ми закликаємо вас", "items": DEMANDS_UK}),
        ],
    },
}

ORGANISATIONS = [
    ("Peace Workshop Lisbon", "PT"),
    ("Objectors' Help Desk Vilnius", "LT"),
    ("Friedenskreis Elbtal", "DE"),
    ("Refuge Without Borders", "FR"),
    ("Casa della Nonviolenza", "IT"),
    ("Nordic Conscience Forum", "SE"),
    ("Tallinn Exile Support", "EE"),
    ("Riga Open Door", "LV"),
    ("Warsaw Legal Aid for Refugees", "PL"),
    ("Prague Civic Peace", "CZ"),
    ("Vienna Asylum Counsel", "AT"),
    ("Geneva Human Rights Circle", "CH"),
    ("Dutch Objectors Network", "NL"),
    ("Brussels Peace Platform", "BE"),
    ("Dublin Conscience Collective", "IE"),
    ("Helsinki Peace Station", "FI"),
    ("Tbilisi Shelter Initiative", "GE"),
    ("Chișinău Open Hands", "MD"),
    ("Yerevan Dialogue Centre", "AM"),
    ("Oslo Refusal Solidarity", "NO"),
    ("Madrid Desertion Is Not a Crime", "ES"),
]
FIRST = [
    "Anna",
    "Jonas",
    "Maria",
    "Lukas",
    "Olena",
    "Dmitri",
    "Sofia",
    "Mateo",
    "Ines",
    "Pavel",
    "Eva",
    "Karl",
    "Irina",
    "Tomas",
    "Lea",
    "Andrii",
    "Nora",
    "Felix",
    "Marta",
    "Oskar",
]
LAST = [
    "Novak",
    "Schmidt",
    "Kowalska",
    "Ivanenko",
    "Berg",
    "Rossi",
    "Dubois",
    "Larsen",
    "Horvat",
    "Keller",
    "Petrova",
    "Weber",
    "Moreau",
    "Nowak",
    "Janssen",
    "Fischer",
    "Sokolova",
    "Meyer",
    "Costa",
    "Lind",
]
COUNTRIES = ["DE", "DE", "DE", "AT", "FR", "PL", "LT", "NL", "IT", "CZ", "SE", "ES", "UA", "GE"]
PEOPLE = 300


def load(context, log):
    homes = context["homes"]
    campaign = (context.get("campaign") or {}).get("en")
    contents = {}
    for code, fields in CONTENT.items():
        if code in homes:
            contents[code] = dict(fields, goal=5000, campaign_id=campaign.pk if campaign else None)
    pages = create_in_languages(homes, AppealPage, contents, log, "appeal")
    context["appeal"] = pages
    key = pages["en"].translation_key
    if Signature.objects.filter(appeal_key=key).exists():
        return
    rng = random.Random(4)
    now = timezone.now()
    rows = []
    for i, (name, country) in enumerate(ORGANISATIONS):
        email = f"contact{i}@org{i}.example.org"
        rows.append(
            Signature(
                appeal_key=key,
                kind="organisation",
                status="confirmed",
                moderation="approved",
                organisation_name=name,
                name="Contact person",
                email=email,
                email_hash=email_hash(email),
                email_domain=email.rpartition("@")[2],
                country=country,
                display="full",
                website=f"https://org{i}.example.org/",
                consent_version="demo",
                language="en",
                confirmed_at=now - timedelta(days=30 - i),
                moderated_at=now - timedelta(days=29 - i),
            )
        )
    for i in range(PEOPLE):
        name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
        email = f"person{i}@example.org"
        rows.append(
            Signature(
                appeal_key=key,
                kind="person",
                status="confirmed",
                name=name,
                email=email,
                email_hash=email_hash(email),
                email_domain="example.org",
                country=rng.choice(COUNTRIES),
                display=rng.choice(["hidden", "initials", "full", "full"]),
                consent_version="demo",
                language=rng.choice(["en", "de", "ru", "uk"]),
                confirmed_at=now - timedelta(minutes=rng.randint(10, 40000)),
            )
        )
    Signature.objects.bulk_create(rows)
    recount(key)
    log(f"  added {len(ORGANISATIONS)} organisations and {PEOPLE} people to the appeal")
