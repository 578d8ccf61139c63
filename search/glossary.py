"""The network's termbase, used to expand a query across languages.

"Rückkehrende" also searches "persona retornada" and "returnee". ``entries()`` is the
one lookup: the host project's termbase when ``PUENTE_SEARCH_GLOSSARY`` names a function
returning it (Puente's editable glossary snippet), else the built-in one below.
"""

import functools

from django.utils.module_loading import import_string

from search import text
from search.conf import search_settings

# One entry per concept: the forms of the term in each language (the first is the
# preferred one).
GLOSSARY = [
    {
        "es": ["buena práctica", "buenas prácticas"],
        "de": ["gute Praxis"],
        "en": ["good practice"],
    },
    {
        "es": ["modelo de atención integral"],
        "de": ["integrales Betreuungsmodell"],
        "en": ["integral care model"],
    },
    {"es": ["posicionamiento"], "de": ["Positionspapier"], "en": ["policy position"]},
    {
        "es": ["persona retornada", "personas retornadas", "retornado", "retornada"],
        "de": ["Rückkehrende", "Rückkehrer"],
        "en": ["returnee"],
    },
    {
        "es": ["persona migrante", "personas migrantes"],
        "de": ["Migrantin", "Migrant"],
        "en": ["migrant"],
    },
    {
        "es": ["persona en situación de refugio", "refugiado", "refugiada"],
        "de": ["Geflüchtete", "Flüchtling"],
        "en": ["refugee"],
    },
    {"es": ["solicitante de asilo"], "de": ["Asylsuchende"], "en": ["asylum seeker"]},
    {"es": ["comunidad de acogida"], "de": ["Aufnahmegemeinde"], "en": ["host community"]},
    {
        "es": ["reintegración", "integración"],
        "de": ["Reintegration", "Integration"],
        "en": ["reintegration", "integration"],
    },
    {
        "es": ["organización de la sociedad civil", "OSC", "ONG"],
        "de": ["Nichtregierungsorganisation", "NRO"],
        "en": ["civil-society organisation", "NGO"],
    },
    {"es": ["red"], "de": ["Netzwerk"], "en": ["network"]},
    {"es": ["diálogo"], "de": ["Dialogformat", "Dialog"], "en": ["dialogue"]},
]


def entries() -> list[dict[str, list[str]]]:
    """Every concept of the termbase as {language: [forms]}."""
    loader = search_settings.GLOSSARY
    return import_string(loader)() if loader else GLOSSARY


class Termbase:
    """One reading of the termbase, so that a query's lookups agree with each other and
    a query of many words reads it once."""

    def __init__(self, entries: list[dict[str, list[str]]]):
        self.entries = entries
        frozen = tuple(
            tuple((language, tuple(forms)) for language, forms in entry.items())
            for entry in entries
        )
        self.forms = _stemmed_forms(frozen)

    def match(self, words: list[str]) -> tuple[int, int] | None:
        """(entry number, how many words) when ``words`` starts with a glossary term."""
        if not self.forms:
            return None
        longest = len(self.forms[0][0])
        folded = [text.fold(word) for word in words]
        stemmed = {}
        for stems, language, number in self.forms:
            if language not in stemmed:
                stemmed[language] = _counted_stems(folded, language, longest)
            taken = stemmed[language][: len(stems)]
            if len(taken) == len(stems) and tuple(stem for _count, stem in taken) == stems:
                return number, taken[-1][0]
        return None

    def alternatives(self, number: int) -> list[tuple[str, ...]]:
        """Every form of entry ``number``, each as a tuple of words."""
        return [
            tuple(text.words(phrase)) for forms in self.entries[number].values() for phrase in forms
        ]


def current() -> Termbase:
    return Termbase(entries())


def _key(words: list[str], language: str) -> tuple[str, ...]:
    return tuple(text.index_terms(" ".join(words), language))


@functools.lru_cache(maxsize=4)
def _stemmed_forms(termbase) -> list[tuple[tuple[str, ...], str, int]]:
    """(stems of the form, its language, entry number), longest forms first."""
    forms = []
    for number, entry in enumerate(termbase):
        for language, phrases in entry:
            for phrase in phrases:
                key = _key(text.words(phrase), language)
                if key:
                    forms.append((key, language, number))
    return sorted(forms, key=lambda form: -len(form[0]))


def _counted_stems(folded: list[str], language: str, limit: int) -> list[tuple[int, str]]:
    """(how many words read, stem) for the first ``limit`` words of ``folded`` (folded
    words) that are not stop words."""
    stop = text.stopwords(language)
    stems = []
    for count, word in enumerate(folded, start=1):
        if word not in stop:
            stems.append((count, text.stem(word, language)))
            if len(stems) == limit:
                break
    return stems
