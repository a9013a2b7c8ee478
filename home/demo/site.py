"""Home page, About, Advice hotline and Privacy policy in four languages.

The text is written for this demo; the organisation, people and contact
details are invented (example.org).
"""

from wagtail.models import Page, Site

from home.models import FooterText, HomePage, SiteSettings, StandardPage

from .utils import add_child, ensure_locales, publish, rich, translate

HOME = {
    "en": {
        "title": "Home",
        "hero_title": "No one should be forced to fight in a war they reject",
        "hero_text": (
            "We advise and support conscientious objectors and deserters from Russia, "
            "Belarus and Ukraine, and campaign for their protection in Germany and Europe."
        ),
        "hero_link_label": "Call our advice hotline",
    },
    "de": {
        "title": "Startseite",
        "hero_title": "Niemand soll in einem Krieg kämpfen müssen, den er ablehnt",
        "hero_text": (
            "Wir beraten und unterstützen Kriegsdienstverweigerer und Deserteure aus Russland, "
            "Belarus und der Ukraine und setzen uns für ihren Schutz in Deutschland und Europa ein."
        ),
        "hero_link_label": "Zur Beratungs-Hotline",
    },
    "ru": {
        "title": "Главная",
        "hero_title": "Никого нельзя заставлять воевать в войне, которую он отвергает",
        "hero_text": (
            "Мы консультируем и поддерживаем отказников и дезертиров из России, Беларуси и "
            "Украины и добиваемся их защиты в Германии и Европе."
        ),
        "hero_link_label": "Позвонить на горячую линию",
    },
    "uk": {
        "title": "Головна",
        "hero_title": "Нікого не можна змушувати воювати у війні, яку він відкидає",
        "hero_text": (
            "Ми консультуємо та підтримуємо тих, хто відмовляється від військової служби, і "
            "дезертирів з Росії, Білорусі та України й домагаємося їхнього захисту в Німеччині та "
            "Європі."
        ),
        "hero_link_label": "Зателефонувати на гарячу лінію",
    },
}

ABOUT = {
    "en": {
        "title": "About us",
        "slug": "about",
        "intro": "A small association in Germany standing with people who refuse to kill.",
        "paragraphs": [
            "Since the full-scale invasion of Ukraine in February 2022 we have supported men and "
            "women from Russia, Belarus and Ukraine who refuse military service or have left the "
            "army.",
            "We give advice on asylum procedures, help people find lawyers, and work with partner "
            "groups in the neighbouring countries where many objectors first arrive.",
            "Our supporters have raised about 65,000 euros for this work so far. Every euro goes to "
            "advice, travel costs and help for partner groups.",
        ],
    },
    "de": {
        "title": "Über uns",
        "slug": "ueber-uns",
        "intro": "Ein kleiner Verein in Deutschland an der Seite von Menschen, die nicht töten wollen.",
        "paragraphs": [
            "Seit dem Beginn des großen Angriffskriegs auf die Ukraine im Februar 2022 unterstützen "
            "wir Männer und Frauen aus Russland, Belarus und der Ukraine, die den Militärdienst "
            "verweigern oder die Armee verlassen haben.",
            "Wir beraten zu Asylverfahren, vermitteln Anwältinnen und Anwälte und arbeiten mit "
            "Partnergruppen in den Nachbarländern, in denen viele Verweigerer zuerst ankommen.",
            "Unsere Unterstützerinnen und Unterstützer haben bisher rund 65.000 Euro für diese "
            "Arbeit gesammelt. Jeder Euro fließt in Beratung, Reisekosten und Hilfe für "
            "Partnergruppen.",
        ],
    },
    "ru": {
        "title": "О нас",
        "slug": "o-nas",
        "intro": "Небольшая организация в Германии на стороне тех, кто отказывается убивать.",
        "paragraphs": [
            "С начала полномасштабного вторжения в Украину в феврале 2022 года мы поддерживаем "
            "мужчин и женщин из России, Беларуси и Украины, которые отказываются от военной службы "
            "или покинули армию.",
            "Мы консультируем по процедуре убежища, помогаем найти адвокатов и работаем с "
            "партнёрскими группами в соседних странах, куда многие отказники попадают сначала.",
            "Наши сторонники уже собрали около 65 000 евро на эту работу. Каждый евро идёт на "
            "консультации, дорожные расходы и помощь партнёрским группам.",
        ],
    },
    "uk": {
        "title": "Про нас",
        "slug": "pro-nas",
        "intro": "Невелика організація в Німеччині поруч із тими, хто відмовляється вбивати.",
        "paragraphs": [
            "Від початку повномасштабного вторгнення в Україну в лютому 2022 року ми підтримуємо "
            "чоловіків і жінок з Росії, Білорусі та України, які відмовляються від військової "
            "служби або залишили армію.",
            "Ми консультуємо щодо процедури надання притулку, допомагаємо знайти адвокатів і "
            "працюємо з партнерськими групами в сусідніх країнах, куди багато хто потрапляє "
            "спочатку.",
            "Наші прихильники вже зібрали близько 65 000 євро на цю роботу. Кожен євро йде на "
            "консультації, дорожні витрати та допомогу партнерським групам.",
        ],
    },
}

HOTLINE = {
    "en": {
        "title": "Advice hotline",
        "slug": "hotline",
        "intro": "Questions about conscription, desertion or asylum? Call us. The call is free "
        "and confidential.",
        "paragraphs": [
            "Our advisers answer in Russian, English and German, Monday to Thursday from 10:00 to "
            "16:00 (Berlin time). Phone: +49 30 0000 0000 (demo number).",
            "You do not have to give your name. We do not record calls and we never pass on what "
            "you tell us.",
            "You can also write to hotline@example.org. For sensitive matters, ask us for a secure "
            "way to talk.",
        ],
    },
    "de": {
        "title": "Beratungs-Hotline",
        "slug": "hotline",
        "intro": "Fragen zu Einberufung, Desertion oder Asyl? Rufen Sie uns an. Der Anruf ist "
        "kostenlos und vertraulich.",
        "paragraphs": [
            "Unsere Beraterinnen und Berater sprechen Russisch, Englisch und Deutsch, montags bis "
            "donnerstags von 10 bis 16 Uhr. Telefon: +49 30 0000 0000 (Demo-Nummer).",
            "Sie müssen Ihren Namen nicht nennen. Wir zeichnen keine Gespräche auf und geben nichts "
            "weiter.",
            "Sie können uns auch an hotline@example.org schreiben. Für heikle Fragen vereinbaren "
            "wir gern einen sicheren Kommunikationsweg.",
        ],
    },
    "ru": {
        "title": "Горячая линия",
        "slug": "hotline",
        "intro": "Вопросы о призыве, дезертирстве или убежище? Позвоните нам. Звонок бесплатный "
        "и конфиденциальный.",
        "paragraphs": [
            "Консультанты отвечают на русском, английском и немецком языках с понедельника по "
            "четверг с 10:00 до 16:00 (по берлинскому времени). Телефон: +49 30 0000 0000 "
            "(демо-номер).",
            "Вам не нужно называть своё имя. Мы не записываем разговоры и никому не передаём то, "
            "что вы нам рассказали.",
            "Можно также написать на hotline@example.org. Для деликатных вопросов попросите нас о "
            "защищённом способе связи.",
        ],
    },
    "uk": {
        "title": "Гаряча лінія",
        "slug": "hotline",
        "intro": "Питання про призов, дезертирство чи притулок? Зателефонуйте нам. Дзвінок "
        "безкоштовний і конфіденційний.",
        "paragraphs": [
            "Консультанти відповідають російською, англійською та німецькою з понеділка по "
            "четвер з 10:00 до 16:00 (за берлінським часом). Телефон: +49 30 0000 0000 "
            "(демо-номер).",
            "Вам не потрібно називати своє ім'я. Ми не записуємо розмови й нікому не передаємо "
            "те, що ви нам розповіли.",
            "Можна також написати на hotline@example.org. Для делікатних питань попросіть нас про "
            "захищений спосіб зв'язку.",
        ],
    },
}

PRIVACY = {
    "en": {
        "title": "Privacy policy",
        "slug": "privacy",
        "intro": "We collect as little as we can and keep it only as long as we need it.",
        "paragraphs": [
            "This website sets no tracking cookies and loads nothing from other websites. Forms "
            "set one security cookie (CSRF) so that nobody can submit them in your name.",
            "When you register for an event, sign an appeal or order flyers, we store what you "
            "enter in the form and the version of this policy you agreed to. We do not store your "
            "IP address; to stop abuse we keep a salted hash of it for a short time.",
            "Registrations are anonymised 30 days after the event. Signatures are anonymised after "
            "the appeal is delivered; only the counts per country remain. Print orders are deleted "
            "30 days after shipping.",
            "You can ask us at any time what we store about you and have it deleted: "
            "privacy@example.org.",
        ],
    },
    "de": {
        "title": "Datenschutzerklärung",
        "slug": "datenschutz",
        "intro": "Wir erheben so wenig wie möglich und speichern es nur so lange wie nötig.",
        "paragraphs": [
            "Diese Website setzt keine Tracking-Cookies und lädt nichts von anderen Websites. "
            "Formulare setzen ein Sicherheits-Cookie (CSRF), damit niemand sie in Ihrem Namen "
            "absenden kann.",
            "Wenn Sie sich zu einer Veranstaltung anmelden, einen Aufruf unterzeichnen oder Flyer "
            "bestellen, speichern wir Ihre Angaben und die Version dieser Erklärung, der Sie "
            "zugestimmt haben. Ihre IP-Adresse speichern wir nicht; gegen Missbrauch halten wir "
            "kurzzeitig einen gesalzenen Hashwert davon vor.",
            "Anmeldungen werden 30 Tage nach der Veranstaltung anonymisiert. Unterschriften werden "
            "nach der Übergabe des Aufrufs anonymisiert; nur die Zahlen pro Land bleiben. "
            "Bestellungen werden 30 Tage nach dem Versand gelöscht.",
            "Sie können jederzeit Auskunft und Löschung verlangen: privacy@example.org.",
        ],
    },
    "ru": {
        "title": "Политика конфиденциальности",
        "slug": "privacy",
        "intro": "Мы собираем как можно меньше данных и храним их не дольше, чем нужно.",
        "paragraphs": [
            "Этот сайт не использует отслеживающие файлы cookie и ничего не загружает с других "
            "сайтов. Формы устанавливают один защитный cookie (CSRF), чтобы никто не мог "
            "отправить их от вашего имени.",
            "Когда вы регистрируетесь на мероприятие, подписываете обращение или заказываете "
            "листовки, мы сохраняем введённые данные и версию этой политики, с которой вы "
            "согласились. Мы не храним ваш IP-адрес; для защиты от злоупотреблений мы недолго "
            "храним его солёный хеш.",
            "Регистрации обезличиваются через 30 дней после мероприятия. Подписи обезличиваются "
            "после передачи обращения; остаются только числа по странам. Заказы удаляются через "
            "30 дней после отправки.",
            "Вы можете в любой момент узнать, что мы о вас храним, и потребовать удаления: "
            "privacy@example.org.",
        ],
    },
    "uk": {
        "title": "Політика конфіденційності",
        "slug": "privacy",
        "intro": "Ми збираємо якомога менше даних і зберігаємо їх не довше, ніж потрібно.",
        "paragraphs": [
            "Цей сайт не використовує файли cookie для стеження й нічого не завантажує з інших "
            "сайтів. Форми встановлюють один захисний cookie (CSRF), щоб ніхто не міг надіслати "
            "їх від вашого імені.",
            "Коли ви реєструєтеся на захід, підписуєте звернення або замовляєте листівки, ми "
            "зберігаємо введені дані та версію цієї політики, з якою ви погодилися. Ми не "
            "зберігаємо вашу IP-адресу; для захисту від зловживань ми недовго зберігаємо її "
            "солоний хеш.",
            "Реєстрації знеособлюються через 30 днів після заходу. Підписи знеособлюються після "
            "передачі звернення; залишаються лише кількості за країнами. Замовлення видаляються "
            "через 30 днів після відправлення.",
            "Ви можете будь-коли дізнатися, що ми про вас зберігаємо, і вимагати видалення: "
            "privacy@example.org.",
        ],
    },
}


def _standard_fields(content):
    return {
        "title": content["title"],
        "slug": content["slug"],
        "intro": content["intro"],
        "body": [("rich_text", rich(*content["paragraphs"]))],
    }


def _ensure_home(log):
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is not None and isinstance(site.root_page.specific, HomePage):
        return site.root_page.specific
    root = Page.get_first_root_node()
    home = HomePage.objects.filter(depth=2, locale__language_code="en").first()
    if home is None:
        home = HomePage(slug="home-en", **HOME["en"])
        root.add_child(instance=home)
        publish(home)
        log("  created home page (en)")
    if site is None:
        site = Site(hostname="localhost", port=80, is_default_site=True)
    old_root = site.root_page if site.pk else None
    site.root_page = home
    site.site_name = "Campaign Kit"
    site.save()
    # Wagtail's initial "Welcome" page is only a placeholder.
    if old_root is not None and old_root.pk != home.pk and old_root.depth == 2:
        old_root.delete()
    return home


def _standard_page(homes, contents, log, label):
    locales = ensure_locales()
    source, created = add_child(homes["en"], StandardPage(**_standard_fields(contents["en"])))
    if created:
        log(f"  created {label} (en)")
    pages = {"en": source}
    for code, content in contents.items():
        if code == "en":
            continue
        page, created = translate(source, locales[code], _standard_fields(content))
        pages[code] = page
        if created:
            log(f"  created {label} ({code})")
    return pages


def _mark_in_menu(pages):
    for page in pages.values():
        if not page.show_in_menus:
            page.show_in_menus = True
            publish(page)


def load(context, log):
    log("Site pages")
    locales = ensure_locales()
    home = _ensure_home(log)
    homes = {"en": home}
    for code, fields in HOME.items():
        if code != "en":
            homes[code], created = translate(home, locales[code], dict(fields, slug=f"home-{code}"))
            if created:
                log(f"  created home page ({code})")
    about = _standard_page(homes, ABOUT, log, "About")
    hotline = _standard_page(homes, HOTLINE, log, "Advice hotline")
    privacy = _standard_page(homes, PRIVACY, log, "Privacy policy")
    _mark_in_menu(about)
    _mark_in_menu(hotline)

    for code, page in homes.items():
        if page.hero_link_page_id != hotline[code].pk:
            page.hero_link_page = hotline[code]
            publish(page)

    site = Site.objects.get(is_default_site=True)
    settings = SiteSettings.for_site(site)
    if not settings.organisation_name:
        settings.organisation_name = "Connection for Objectors (demo)"
        settings.contact_email = "info@example.org"
        settings.hotline_phone = "+49 30 0000 0000"
        settings.hotline_hours = "Mon–Thu 10:00–16:00 (CET)"
        settings.hotline_languages = "ru, en, de"
        settings.privacy_policy_page = privacy["en"]
        # A cluster's child relation is kept in memory until its parent is saved.
        settings.footer_links.create(page=about["en"], sort_order=0)
        settings.footer_links.create(page=hotline["en"], sort_order=1)
        settings.save()
        log("  filled site settings")
    _footer_texts(homes, log)

    context.update(homes=homes, about=about, hotline=hotline, privacy=privacy)


FOOTER_TEXTS = {
    "en": "Free, confidential advice for people who refuse to take part in war. "
    "We never share what you tell us.",
    "de": "Kostenlose, vertrauliche Beratung für Menschen, die sich weigern, an einem Krieg "
    "teilzunehmen. Was Sie uns erzählen, geben wir nicht weiter.",
    "ru": "Бесплатные конфиденциальные консультации для тех, кто отказывается участвовать "
    "в войне. Мы никому не передаём то, что вы нам рассказываете.",
    "uk": "Безкоштовні конфіденційні консультації для тих, хто відмовляється брати участь "
    "у війні. Ми нікому не передаємо те, що ви нам розповідаєте.",
}


def _footer_texts(homes, log):
    """The translatable footer text, one per language (translations of the English one)."""
    source = FooterText.objects.filter(locale=homes["en"].locale).first()
    if source is None:
        source = FooterText.objects.create(locale=homes["en"].locale, text=rich(FOOTER_TEXTS["en"]))
        log("  created footer text (en)")
    for code, page in homes.items():
        if code == "en" or FooterText.objects.filter(locale=page.locale).exists():
            continue
        copy = source.copy_for_translation(page.locale)
        copy.text = rich(FOOTER_TEXTS[code])
        copy.save()
        log(f"  created footer text ({code})")
