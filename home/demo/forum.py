# ruff: noqa: E501 - demo texts are long sentences
"""Demo forum: an index with four categories in es/de/en and discussions between demo people."""

from datetime import timedelta

from django.utils import timezone
from wagtail.models import Page

from forum import counters, markup
from forum.models import CategoryPage, ForumIndexPage, Post, Topic
from home.demo.members import person
from home.demo.pages import ensure_translated_child

INDEX = {
    "es": {"title": "Foro"},
    "de": {"title": "Forum", "slug": "forum"},
    "en": {"title": "Forum", "slug": "forum"},
}

# Where "Discuss in the forum" on a knowledge-base page opens its topic.
KB_DISCUSSIONS = "intercambio-general"

CATEGORIES = {
    "intercambio-general": (
        "public",
        False,
        {
            "es": {
                "title": "Intercambio general",
                "description": "Presentaciones, avisos y preguntas abiertas de la red.",
            },
            "de": {
                "title": "Allgemeiner Austausch",
                "slug": "allgemeiner-austausch",
                "description": "Vorstellungen, Hinweise und offene Fragen des Netzwerks.",
            },
            "en": {
                "title": "General exchange",
                "slug": "general-exchange",
                "description": "Introductions, notices and open questions of the network.",
            },
        },
    ),
    "reintegracion-legal": (
        "members",
        True,
        {
            "es": {
                "title": "(Re)integración legal",
                "description": "Documentación, identidad, acceso a la justicia y asilo. Preguntas y respuestas.",
            },
            "de": {
                "title": "Rechtliche (Re-)Integration",
                "slug": "rechtliche-reintegration",
                "description": "Dokumente, Identität, Zugang zum Recht und Asyl. Fragen und Antworten.",
            },
            "en": {
                "title": "Legal (re)integration",
                "slug": "legal-reintegration",
                "description": "Documents, identity, access to justice and asylum. Questions and answers.",
            },
        },
    ),
    "reintegracion-economica": (
        "members",
        False,
        {
            "es": {
                "title": "(Re)integración económica",
                "description": "Empleo, formación, certificación de competencias y emprendimiento.",
            },
            "de": {
                "title": "Wirtschaftliche (Re-)Integration",
                "slug": "wirtschaftliche-reintegration",
                "description": "Beschäftigung, Ausbildung, Anerkennung von Kompetenzen und Gründung.",
            },
            "en": {
                "title": "Economic (re)integration",
                "slug": "economic-reintegration",
                "description": "Employment, training, recognition of skills and entrepreneurship.",
            },
        },
    ),
    "posicionamientos": (
        "members",
        False,
        {
            "es": {
                "title": "Posicionamientos en preparación",
                "description": "Borradores de posicionamientos de la red, para comentar antes de firmar.",
            },
            "de": {
                "title": "Positionspapiere in Vorbereitung",
                "slug": "positionspapiere",
                "description": "Entwürfe von Positionspapieren des Netzwerks, zum Kommentieren vor der Unterzeichnung.",
            },
            "en": {
                "title": "Policy positions in preparation",
                "slug": "policy-positions",
                "description": "Drafts of the network's policy positions, to comment on before signing.",
            },
        },
    ),
    "moderacion": (
        "moderators",
        False,
        {
            "es": {
                "title": "Moderación",
                "description": "Solo para quienes moderan: acuerdos sobre reglas y casos difíciles.",
            },
            "de": {
                "title": "Moderation",
                "slug": "moderation",
                "description": "Nur für Moderierende: Absprachen zu Regeln und schwierigen Fällen.",
            },
            "en": {
                "title": "Moderation",
                "slug": "moderation",
                "description": "Moderators only: agreements on rules and difficult cases.",
            },
        },
    ),
}

# (category, title, language, [(author username, text), ...])
DISCUSSIONS = [
    (
        "intercambio-general",
        "Presentación: albergue El Buen Pastor, Ciudad Juárez",
        "es",
        [
            (
                "member1",
                "Hola a todas y todos. Acompañamos en Ciudad Juárez a personas migrantes, personas en situación de refugio y personas retornadas. Buscamos contacto con organizaciones en Tijuana y Nuevo Laredo.",
            ),
            (
                "member2",
                "¡Bienvenidas! En nuestra organización trabajamos con personas retornadas en Jalisco. Podemos compartir nuestro modelo de atención integral.",
            ),
            (
                "coordinacion",
                "Gracias por presentarse. Recuerden que el **diálogo** de noviembre será en la Ciudad de México; pronto enviamos la agenda.",
            ),
        ],
    ),
    (
        "intercambio-general",
        "Introductions from our partners in Germany",
        "en",
        [
            (
                "moderacion",
                "Hello from the German partners of the network. Feel free to write in Spanish, we read it; we will answer in English or German.",
            ),
            (
                "member3",
                "Welcome! Could you share experiences from reintegration programmes for returnees in Germany?",
            ),
        ],
    ),
    (
        "reintegracion-legal",
        "¿Cómo tramitar la CURP de niñas y niños nacidos en Estados Unidos?",
        "es",
        [
            (
                "member2",
                "Muchas familias retornadas tienen hijas e hijos con acta de nacimiento estadounidense. ¿Qué pasos siguen ustedes para la doble nacionalidad y la CURP?",
            ),
            (
                "member1",
                "Primero el acta apostillada y traducida, luego la inscripción en el Registro Civil. Con eso se obtiene la CURP. Tarda de 2 a 6 semanas según el estado.",
            ),
            (
                "member3",
                "En Oaxaca el Registro Civil tiene un módulo para personas retornadas; conviene pedir cita.",
            ),
        ],
    ),
    (
        "reintegracion-legal",
        "Asylverfahren: Erfahrungen mit der COMAR",
        "de",
        [
            (
                "moderacion",
                "Welche Erfahrungen habt ihr mit den Fristen der COMAR bei Asylsuchenden aus Honduras und Venezuela?",
            ),
            (
                "member1",
                "En Tapachula las citas tardan varios meses. Acompañamos a las personas para que no pierdan la constancia de trámite.",
            ),
        ],
    ),
    (
        "reintegracion-economica",
        "Certificación de competencias para personas retornadas",
        "es",
        [
            (
                "member3",
                "Muchas personas retornadas trabajaron años en construcción o cocina en Estados Unidos. ¿Alguien tiene experiencia con la certificación de competencias laborales?",
            ),
            (
                "member2",
                "Sí, con el CONOCER. Funciona bien si se prepara a la persona antes de la evaluación. Podemos compartir la guía que usamos.",
            ),
            (
                "member1",
                "Nos interesa mucho. En Ciudad Juárez también buscamos alianzas con empresas para el empleo formal.",
            ),
        ],
    ),
    (
        "reintegracion-economica",
        "Microcréditos y emprendimiento",
        "es",
        [
            (
                "member2",
                "¿Qué experiencias tienen con fondos semilla para emprendimientos de personas migrantes?",
            ),
            (
                "coordinacion",
                "Estamos documentando tres buenas prácticas sobre esto en la base de conocimiento; pronto las publicamos.",
            ),
        ],
    ),
    (
        "posicionamientos",
        "Borrador: flujos migratorios mixtos a nivel local",
        "es",
        [
            (
                "coordinacion",
                "Compartimos el borrador del posicionamiento sobre flujos migratorios mixtos a nivel local. Hasta 500,000 personas al año cruzan la frontera sur. Comentarios hasta fin de mes, por favor.",
            ),
            (
                "member1",
                "Proponemos añadir un apartado sobre las comunidades de acogida en el norte del país.",
            ),
            (
                "moderacion",
                "Aus deutscher Sicht wäre ein Absatz zur Finanzierung durch die Entwicklungszusammenarbeit hilfreich.",
            ),
        ],
    ),
    (
        "moderacion",
        "Criterios para ocultar publicaciones con datos personales",
        "es",
        [
            (
                "moderacion",
                "Propongo ocultar de inmediato toda publicación que mencione el nombre completo o la dirección de una persona acompañada, y avisar a quien la escribió.",
            ),
            (
                "coordinacion",
                "De acuerdo. Anotemos el motivo en el registro de moderación para poder revisarlo en la reunión mensual.",
            ),
        ],
    ),
]


def _demo_user(username):
    names = {
        "coordinacion": ("Carmen", "Coordinadora", "es"),
        "moderacion": ("Moritz", "Moderator", "de"),
        "member1": ("Mario", "Juárez", "es"),
        "member2": ("Mario", "Jalisco", "de"),
        "member3": ("Mario", "Oaxaca", "en"),
    }
    first, last, language = names[username]
    return person(username, first, last, language)


def build(home: Page) -> ForumIndexPage:
    """The forum and its demo discussions; safe to run again."""
    index = ensure_translated_child(home, ForumIndexPage, "foro", INDEX)
    start = timezone.now() - timedelta(days=20)
    for slug, (visibility, is_qa, texts) in CATEGORIES.items():
        for code in texts:
            texts[code] = {
                **texts[code],
                "visibility": visibility,
                "is_qa": is_qa,
                "is_kb_discussions": slug == KB_DISCUSSIONS,
            }
        category = ensure_translated_child(index, CategoryPage, slug, texts)
        for number, (where, title, language, posts) in enumerate(DISCUSSIONS):
            if where != slug or Topic.objects.filter(category=category, title=title).exists():
                continue
            when = start + timedelta(days=2 * number)
            author = _demo_user(posts[0][0])
            topic = Topic.objects.create(
                category=category, title=title, author=author, language=language, created_at=when
            )
            for position, (username, text) in enumerate(posts, start=1):
                Post.objects.create(
                    topic=topic,
                    position=position,
                    author=_demo_user(username),
                    language=language if position == 1 else _demo_user(username).preferred_language,
                    source=text,
                    html=markup.render_markdown(text),
                    created_at=when + timedelta(hours=5 * position),
                )
            counters.recount_topic(topic)
        counters.recount_category(category)
    return index
