"""The network dashboard page of the demo, in three languages."""

from home.demo.pages import ensure_translated_child
from kb.models import NetworkDashboardPage

TEXTS = {
    "es": {
        "title": "La red en cifras",
        "intro": (
            "Dónde trabajan las organizaciones de la red, qué prácticas comparten, qué "
            "posicionamientos firman y cuándo dialogan: cifras calculadas de las páginas del sitio."
        ),
    },
    "de": {
        "title": "Das Netzwerk in Zahlen",
        "slug": "netzwerk-in-zahlen",
        "intro": (
            "Wo die Organisationen des Netzwerks arbeiten, welche Praxis sie teilen, welche "
            "Positionspapiere sie unterzeichnen und wann sie im Dialog stehen: berechnet aus "
            "den Seiten der Website."
        ),
    },
    "en": {
        "title": "The network in figures",
        "slug": "network-in-figures",
        "intro": (
            "Where the network's organisations work, which practices they share, which policy "
            "positions they sign and when they meet: figures computed from the site's pages."
        ),
    },
}


def build(home) -> NetworkDashboardPage:
    return ensure_translated_child(home, NetworkDashboardPage, "la-red-en-cifras", TEXTS)
