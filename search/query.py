"""What a search asks and what it answers, independent of the backend."""

import dataclasses
import datetime
import re

from search import glossary, text

# Longest query text that is read, and most clauses (words or phrases) used: anything
# beyond is ignored, so a 10,000-character query costs no more than a long sentence.
MAX_QUERY_LENGTH = 500
MAX_CLAUSES = 12
MAX_WORD_LENGTH = 60
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
FACET_NAMES = ("type", "theme", "population", "region", "organisation", "language", "year")


@dataclasses.dataclass(frozen=True)
class Words:
    """Words asked for together: as a phrase (in this order, adjacent) or all anywhere."""

    words: tuple[str, ...]
    phrase: bool = True

    def __iter__(self):
        return iter(self.words)

    def __len__(self):
        return len(self.words)


@dataclasses.dataclass(frozen=True)
class Clause:
    """One thing the query asks for: any of ``alternatives`` (``Words``).

    Glossary terms bring their forms in the other languages as further alternatives.
    """

    alternatives: tuple[Words, ...]


def clean(raw: str) -> str:
    raw = CONTROL.sub(" ", raw or "")
    return raw[:MAX_QUERY_LENGTH].strip()


def parse(raw: str, *, expand: bool = True) -> list[Clause]:
    """Words and "quoted phrases" of ``raw``; an unbalanced quote quotes nothing."""
    raw = clean(raw)
    parts = raw.split('"')
    if len(parts) % 2 == 0:  # unbalanced: the last quote is just a character
        parts[-2:] = [parts[-2] + " " + parts[-1]]
    termbase = glossary.current() if expand else None
    clauses: list[Clause] = []
    for index, part in enumerate(parts):
        words = [word[:MAX_WORD_LENGTH] for word in text.words(part)]
        if not words:
            continue
        if index % 2:  # inside quotes
            clauses.append(_phrase_clause(words, termbase))
        else:
            clauses.extend(_word_clauses(words, termbase))
    return clauses[:MAX_CLAUSES]


def _phrase_clause(words: list[str], termbase: glossary.Termbase | None) -> Clause:
    found = termbase.match(words) if termbase else None
    typed = Words(tuple(words), phrase=True)
    if found and found[1] == len(words):
        return Clause(_unique([typed, *_glossary(termbase, found[0])]))
    return Clause((typed,))


def _glossary(termbase: glossary.Termbase, number: int) -> list[Words]:
    return [Words(words, phrase=True) for words in termbase.alternatives(number)]


def _word_clauses(words: list[str], termbase: glossary.Termbase | None) -> list[Clause]:
    clauses = []
    position = 0
    while position < len(words):
        found = termbase.match(words[position:]) if termbase else None
        if found:
            number, count = found
            typed = Words(tuple(words[position : position + count]), phrase=False)
            clauses.append(Clause(_unique([typed, *_glossary(termbase, number)])))
            position += count
        else:
            clauses.append(Clause((Words((words[position],)),)))
            position += 1
    return clauses


def _unique(alternatives):
    seen = {}
    for alternative in alternatives:
        key = (tuple(text.fold(word) for word in alternative), alternative.phrase)
        seen.setdefault(key, alternative)
    return tuple(seen.values())


def stems(clauses: list[Clause], language: str) -> set[str]:
    """Every stem ``clauses`` look for in a text in ``language`` (for highlighting)."""
    return {
        term
        for clause in clauses
        for alternative in clause.alternatives
        for term in text.index_terms(" ".join(alternative), language)
    }


@dataclasses.dataclass
class SearchQuery:
    """A search as the reader asked it, with who they are reduced to their audiences."""

    text: str = ""
    language: str = "es"
    filters: dict[str, list[str]] = dataclasses.field(default_factory=dict)
    audiences: frozenset[str] = frozenset({"public"})
    page: int = 1
    page_size: int = 10
    expand: bool = True

    @property
    def clauses(self) -> list[Clause]:
        return parse(self.text, expand=self.expand)

    @property
    def offset(self) -> int:
        return (max(self.page, 1) - 1) * self.page_size

    @property
    def chosen_filters(self) -> list[tuple[str, list[str]]]:
        """(facet name, values) the reader chose, by name, without empty values."""
        return [
            (name, chosen)
            for name, values in sorted(self.filters.items())
            if (chosen := [value for value in values if value])
        ]


@dataclasses.dataclass
class Hit:
    key: str
    kind: str
    language: str
    title: str
    url: str
    date: datetime.date | None
    snippet: str  # HTML: escaped text with <mark> around matched words
    score: float = 0.0
    machine_translated: bool = False
    kind_label: str = ""
    language_name: str = ""


@dataclasses.dataclass
class FacetCount:
    value: str
    count: int
    label: str = ""
    selected: bool = False
    url: str = ""


@dataclasses.dataclass
class SearchResults:
    hits: list[Hit] = dataclasses.field(default_factory=list)
    total: int = 0
    # True when the backend stopped counting: there are more than ``total`` results and
    # the facet counts are those of the results it ranked.
    total_is_lower_bound: bool = False
    facets: dict[str, list[FacetCount]] = dataclasses.field(default_factory=dict)
    suggestion: str | None = None
    page: int = 1
    num_pages: int = 1


@dataclasses.dataclass
class Suggestion:
    """An autocomplete entry: a title to go to."""

    title: str
    url: str
    kind: str
    language: str
