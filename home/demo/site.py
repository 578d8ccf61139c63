"""Demo content for the site shell: home page, about, imprint, privacy, menus."""

from wagtail.models import Page, PageViewRestriction, Site
from wagtail.rich_text import RichText

from home.demo import dashboard as demo_dashboard
from home.demo import dialogues as demo_dialogues
from home.demo import forum as demo_forum
from home.demo import kb
from home.demo.pages import ensure_translated_child, ensure_translation, locale
from home.models import HomePage, Menu, MenuItem, StandardPage

HOME = {
    "es": {
        "title": "Red para la (re)integración en México",
        "intro": (
            "Organizaciones de la sociedad civil que acompañan a personas retornadas, "
            "personas migrantes y personas en situación de refugio en su (re)integración "
            "legal, social y económica, con una sola voz ante la política migratoria."
        ),
        "purpose": RichText(
            "<p>Hasta 500,000 personas al año cruzan la frontera sur de México. La red reúne "
            "a organizaciones de todo el país para compartir buenas prácticas y modelos de "
            "atención integral, dialogar con el gobierno y formular posicionamientos comunes.</p>"
        ),
    },
    "de": {
        "title": "Netzwerk für (Re-)Integration in Mexiko",
        "intro": (
            "Zivilgesellschaftliche Organisationen, die Rückkehrende, Migrant*innen und "
            "Geflüchtete bei ihrer rechtlichen, sozialen und wirtschaftlichen (Re-)Integration "
            "begleiten und mit einer Stimme zur Migrationspolitik sprechen."
        ),
        "purpose": RichText(
            "<p>Jährlich passieren bis zu 500.000 Menschen die Südgrenze Mexikos. Das Netzwerk "
            "bringt Organisationen aus dem ganzen Land zusammen, um gute Praxis und integrale "
            "Betreuungsmodelle zu teilen, mit der Regierung im Dialog zu stehen und gemeinsame "
            "Positionspapiere zu erarbeiten.</p>"
        ),
    },
    "en": {
        "title": "Network for (re)integration in Mexico",
        "intro": (
            "Civil-society organisations that accompany returnees, migrants and refugees "
            "through their legal, social and economic (re)integration, speaking with one "
            "voice on migration policy."
        ),
        "purpose": RichText(
            "<p>Up to 500,000 people a year cross Mexico's southern border. The network brings "
            "together organisations from across the country to share good practices and "
            "integral care models, hold dialogues with government and agree common policy "
            "positions.</p>"
        ),
    },
}


def _body(*paragraphs):
    return [("paragraph", RichText(f"<p>{text}</p>")) for text in paragraphs]


STANDARD_PAGES = {
    "acerca-de": {
        "es": {
            "title": "Acerca de la red",
            "intro": "Una red de 28 organizaciones de la sociedad civil en México.",
            "body": _body(
                "La red nació de una medida piloto (2019–2020) que promovió redes y alianzas "
                "entre ONG que acompañan la (re)integración legal, social y económica.",
                "En 4 diálogos participaron 156 personas de 76 instituciones de la sociedad "
                "civil, el gobierno, el sector privado, la academia y organismos internacionales.",
            ),
        },
        "de": {
            "title": "Über das Netzwerk",
            "slug": "ueber-uns",
            "intro": "Ein Netzwerk von 28 zivilgesellschaftlichen Organisationen in Mexiko.",
            "body": _body(
                "Das Netzwerk entstand aus einer Pilotmaßnahme (2019–2020), die Netzwerke und "
                "Allianzen zwischen NRO förderte, die die rechtliche, soziale und wirtschaftliche "
                "(Re-)Integration begleiten.",
                "An 4 Dialogformaten nahmen 156 Personen aus 76 Institutionen der "
                "Zivilgesellschaft, Regierung, Privatwirtschaft, Wissenschaft und "
                "internationalen Organisationen teil.",
            ),
        },
        "en": {
            "title": "About the network",
            "slug": "about",
            "intro": "A network of 28 civil-society organisations in Mexico.",
            "body": _body(
                "The network grew out of a pilot (2019–2020) that fostered networks and alliances "
                "between NGOs accompanying legal, social and economic (re)integration.",
                "156 people from 76 institutions of civil society, government, the private sector, "
                "academia and international organisations took part in 4 dialogues.",
            ),
        },
    },
    "aviso-legal": {
        "es": {
            "title": "Aviso legal",
            "intro": "Responsable del contenido de este sitio.",
            "body": _body("Red para la (re)integración en México. Contacto: red@puente.local."),
        },
        "de": {
            "title": "Impressum",
            "slug": "impressum",
            "intro": "Verantwortlich für den Inhalt dieser Website.",
            "body": _body("Netzwerk für (Re-)Integration in Mexiko. Kontakt: red@puente.local."),
        },
        "en": {
            "title": "Imprint",
            "slug": "imprint",
            "intro": "Who is responsible for the content of this site.",
            "body": _body("Network for (re)integration in Mexico. Contact: red@puente.local."),
        },
    },
    "privacidad": {
        "es": {
            "title": "Aviso de privacidad",
            "intro": "Cómo tratamos los datos personales.",
            "body": _body(
                "Las páginas públicas se pueden leer sin cuenta y sin cookies de seguimiento. "
                "Los datos de las personas miembro se usan solo para el trabajo de la red y "
                "pueden descargarse o eliminarse desde el perfil."
            ),
        },
        "de": {
            "title": "Datenschutz",
            "slug": "datenschutz",
            "intro": "Wie wir mit personenbezogenen Daten umgehen.",
            "body": _body(
                "Öffentliche Seiten sind ohne Konto und ohne Tracking-Cookies lesbar. Daten von "
                "Mitgliedern dienen nur der Arbeit des Netzwerks und können im Profil "
                "heruntergeladen oder gelöscht werden."
            ),
        },
        "en": {
            "title": "Privacy notice",
            "slug": "privacy",
            "intro": "How we handle personal data.",
            "body": _body(
                "Public pages can be read without an account and without tracking cookies. "
                "Members' data are used only for the network's work and can be downloaded or "
                "deleted from the profile."
            ),
        },
    },
}

MAIN_MENU = ["acerca-de"]
FOOTER_MENU = ["acerca-de", "aviso-legal", "privacidad"]


def build_home() -> HomePage:
    """The Spanish home page as the site root, with its translations."""
    site = Site.objects.get(is_default_site=True)
    root_page = site.root_page.specific
    if not isinstance(root_page, HomePage):
        tree_root = Page.get_first_root_node()
        root_page = HomePage(slug="inicio", locale=locale("es"), **HOME["es"])
        tree_root.add_child(instance=root_page)
        root_page.save_revision().publish()
        old_root = site.root_page
        site.root_page = root_page
        site.save()
        old_root.refresh_from_db()
        is_wagtail_welcome_page = old_root.depth == 2 and old_root.specific_class is Page
        if is_wagtail_welcome_page and old_root.is_leaf():
            old_root.delete()
    for code in ("de", "en"):
        ensure_translation(root_page, code, **HOME[code])
    return root_page


def build_menu(slot: str, pages: list[Page]) -> None:
    """One menu per language, all translations of the Spanish one."""
    source = None
    for code in ("es", "de", "en"):
        existing = Menu.objects.filter(slot=slot, locale=locale(code)).first()
        source = source or existing
        if existing:
            _add_missing_items(existing, [page.get_translation(locale(code)) for page in pages])
            continue
        menu = Menu(slot=slot, locale=locale(code))
        if source:
            menu.translation_key = source.translation_key
        menu.items = [
            MenuItem(link_page=page.get_translation(locale(code)), sort_order=position)
            for position, page in enumerate(pages)
        ]
        menu.save()
        source = source or menu


def _add_missing_items(menu: Menu, pages: list[Page]) -> None:
    """Links added to the demo after a menu was first built (e.g. the knowledge base)."""
    linked = set(menu.items.values_list("link_page_id", flat=True))
    position = menu.items.count()
    for page in pages:
        if page.pk not in linked:
            MenuItem.objects.create(menu=menu, link_page=page, sort_order=position)
            position += 1


def build_shell() -> HomePage:
    """Home, about, imprint and privacy in three languages, with their menus."""
    home = build_home()
    pages = {
        slug: ensure_translated_child(home, StandardPage, slug, texts)
        for slug, texts in STANDARD_PAGES.items()
    }
    build_menu(Menu.Slot.MAIN, [pages[slug] for slug in MAIN_MENU])
    build_menu(Menu.Slot.FOOTER, [pages[slug] for slug in FOOTER_MENU])
    return home


# A page only signed-in members may open (a Wagtail view restriction on each language).
INTERNAL = {
    "es": {
        "title": "Documentos internos de la red",
        "intro": "Actas, calendario de reuniones y contactos de las organizaciones miembro.",
        "body": _body("Acta de la asamblea de octubre y calendario de reuniones de 2027."),
    },
    "de": {
        "title": "Interne Dokumente des Netzwerks",
        "slug": "interne-dokumente",
        "intro": "Protokolle, Sitzungskalender und Kontakte der Mitgliedsorganisationen.",
        "body": _body("Protokoll der Versammlung im Oktober und Sitzungskalender 2027."),
    },
    "en": {
        "title": "The network's internal documents",
        "slug": "internal-documents",
        "intro": "Minutes, meeting calendar and contacts of the member organisations.",
        "body": _body("Minutes of the October assembly and the 2027 meeting calendar."),
    },
}


def build_internal(home: HomePage) -> Page:
    page = ensure_translated_child(home, StandardPage, "documentos-internos", INTERNAL)
    for translation in page.get_translations(inclusive=True):
        PageViewRestriction.objects.get_or_create(
            page=translation, restriction_type=PageViewRestriction.LOGIN
        )
    return page


def build() -> HomePage:
    """The whole demo site: the shell, the knowledge base, the forum and an internal page."""
    home = build_shell()
    build_internal(home)
    indexes = kb.build(home)
    kb_menu = [indexes[key] for key in ("practices", "care_models", "positions", "organisations")]
    dialogues_index, _dialogues = demo_dialogues.build(home)
    forum_index = demo_forum.build(home)
    dashboard = demo_dashboard.build(home)
    build_menu(Menu.Slot.MAIN, [*kb_menu, dialogues_index, forum_index, dashboard])
    build_menu(Menu.Slot.FOOTER, [dashboard])
    return home
