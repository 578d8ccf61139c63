"""The pilot's 4 dialogue formats (factsheet: 156 people from 76 institutions).

The factsheet gives the totals and the Mexico City workshop (25–26 October 2018); the
split per dialogue and sector and the other three dates are illustrative and add up
to the factsheet's totals.
"""

import datetime

from home.demo.kb import ensure_page
from kb.models import DialogueEventIndexPage, DialogueEventPage, DialogueParticipation

INDEX = {
    "es": {
        "title": "Diálogos",
        "intro": "Los formatos de diálogo de la red con gobierno, academia y más.",
    },
    "de": {
        "title": "Dialogformate",
        "slug": "dialogformate",
        "intro": "Die Dialogformate des Netzwerks mit Regierung, Wissenschaft und anderen.",
    },
    "en": {
        "title": "Dialogues",
        "slug": "dialogues",
        "intro": "The network's dialogues with government, academia and others.",
    },
}

# slug: (start, end, {code: (title, format, place, summary)}, [(sector, people, institutions)])
DIALOGUES = {
    "taller-internacional-cdmx-2018": (
        datetime.date(2018, 10, 25),
        datetime.date(2018, 10, 26),
        {
            "es": (
                "Taller internacional: nuevos retos de la política migratoria mexicana",
                "Taller internacional",
                "Ciudad de México",
                "Sociedad civil, gobierno y academia discuten los nuevos retos de la política "
                "migratoria mexicana.",
            ),
            "de": (
                "Internationaler Workshop: neue Herausforderungen der mexikanischen "
                "Migrationspolitik",
                "Internationaler Workshop",
                "Mexiko-Stadt",
                "Zivilgesellschaft, Regierung und Wissenschaft diskutieren die neuen "
                "Herausforderungen der mexikanischen Migrationspolitik.",
            ),
            "en": (
                "International workshop: new challenges of Mexican migration policy",
                "International workshop",
                "Mexico City",
                "Civil society, government and academia discuss the new challenges of Mexican "
                "migration policy.",
            ),
        },
        [
            ("civil_society", 30, 14),
            ("government", 16, 8),
            ("academia", 8, 4),
            ("international", 8, 4),
        ],
    ),
    "flujos-mixtos-nivel-local": (
        datetime.date(2019, 5, 14),
        datetime.date(2019, 5, 14),
        {
            "es": (
                "Flujos migratorios mixtos a nivel local",
                "Mesa de diálogo",
                "Ciudad Juárez",
                "Albergues y autoridades locales comparan cómo atienden los flujos mixtos, con "
                "una visita al albergue El Buen Pastor.",
            ),
            "de": (
                "Gemischte Migrationsströme auf lokaler Ebene",
                "Dialogrunde",
                "Ciudad Juárez",
                "Unterkünfte und lokale Behörden vergleichen ihren Umgang mit gemischten "
                "Migrationsströmen, mit einem Besuch der Unterkunft El Buen Pastor.",
            ),
            "en": (
                "Mixed migration flows at local level",
                "Round table",
                "Ciudad Juárez",
                "Shelters and local authorities compare how they respond to mixed flows, with a "
                "visit to the El Buen Pastor shelter.",
            ),
        },
        [("civil_society", 18, 9), ("government", 10, 5)],
    ),
    "modelos-atencion-integral": (
        datetime.date(2019, 9, 26),
        datetime.date(2019, 9, 26),
        {
            "es": (
                "Modelos de atención integral para una (re)integración efectiva",
                "Encuentro de intercambio",
                "Guadalajara",
                "Las organizaciones presentan sus modelos de atención integral y los comparan.",
            ),
            "de": (
                "Integrale Betreuungsmodelle für eine wirksame (Re-)Integration",
                "Austauschtreffen",
                "Guadalajara",
                "Die Organisationen stellen ihre integralen Betreuungsmodelle vor und "
                "vergleichen sie.",
            ),
            "en": (
                "Integral care models for effective (re)integration",
                "Exchange meeting",
                "Guadalajara",
                "Organisations present and compare their integral care models.",
            ),
        },
        [("civil_society", 20, 10), ("private_sector", 8, 5), ("academia", 8, 3)],
    ),
    "dialogo-mexico-alemania": (
        datetime.date(2020, 2, 20),
        datetime.date(2020, 2, 20),
        {
            "es": (
                "Diálogo México–Alemania sobre (re)integración",
                "Diálogo internacional",
                "Ciudad de México",
                "Intercambio de experiencias de (re)integración entre Alemania y México.",
            ),
            "de": (
                "Deutsch-mexikanischer Dialog zur (Re-)Integration",
                "Internationaler Dialog",
                "Mexiko-Stadt",
                "Erfahrungsaustausch zur (Re-)Integration zwischen Deutschland und Mexiko.",
            ),
            "en": (
                "Mexico–Germany dialogue on (re)integration",
                "International dialogue",
                "Mexico City",
                "An exchange of (re)integration experience between Germany and Mexico.",
            ),
        },
        [("civil_society", 12, 6), ("government", 10, 5), ("international", 8, 3)],
    ),
}


def build(home, organisations=None):
    """The dialogues index under ``home`` and the 4 dialogues."""
    texts = {code: dict(values) for code, values in INDEX.items()}
    index = ensure_page(home, DialogueEventIndexPage, "dialogos", texts)
    pages = {}
    for slug, (start, end, languages, sectors) in DIALOGUES.items():
        texts = {
            code: {"title": title, "format": kind, "place": place, "summary": summary}
            for code, (title, kind, place, summary) in languages.items()
        }
        texts["es"].update(start_date=start, end_date=end)
        rows = [
            DialogueParticipation(sector=sector, people=people, institutions=institutions)
            for sector, people, institutions in sectors
        ]
        pages[slug] = ensure_page(
            index, DialogueEventPage, slug, texts, relations={"participation": rows}
        )
    return index, pages
