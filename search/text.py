"""Language-aware text processing: tokens, accents, stop words, Snowball stems, snippets.

The SQLite backend indexes and queries the output of ``index_terms``/``query_terms``;
every backend uses ``highlight`` when it has no snippet of its own. The stop-word lists
in ``stopwords/`` are the Snowball lists PostgreSQL ships, so both databases ignore
the same words.
"""

import functools
import html
import re
import unicodedata
from pathlib import Path

import Stemmer

LANGUAGES = ("es", "de", "en")
STEMMER_NAMES = {"es": "spanish", "de": "german", "en": "english"}
WORD = re.compile(r"\w+", re.UNICODE)
STOPWORDS_DIR = Path(__file__).resolve().parent / "stopwords"


def fold(text: str) -> str:
    """Lowercase and strip accents: "Reintegración" -> "reintegracion", "Straße" -> "strasse"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def words(text: str) -> list[str]:
    """The words of ``text`` as written (no folding)."""
    return WORD.findall(text)


@functools.cache
def stopwords(language: str) -> frozenset[str]:
    path = STOPWORDS_DIR / f"{language}.txt"
    if not path.exists():
        return frozenset()
    return frozenset(fold(line.strip()) for line in path.read_text().splitlines() if line.strip())


@functools.cache
def _stemmer(language: str):
    return Stemmer.Stemmer(STEMMER_NAMES.get(language, "english"))


def stem(word: str, language: str) -> str:
    """The Snowball stem of an already folded word."""
    return _stemmer(language).stemWord(word)


def index_terms(text: str, language: str) -> list[str]:
    """What the index stores for ``text`` in ``language``: folded stems, stop words dropped."""
    stop = stopwords(language)
    stemmer = _stemmer(language)
    return [stemmer.stemWord(token) for token in map(fold, words(text)) if token not in stop]


def index_text(text: str, language: str) -> str:
    return " ".join(index_terms(text, language))


def is_stopword(word: str, language: str) -> bool:
    return fold(word) in stopwords(language)


def highlight(text: str, stems: set[str], language: str, *, max_words: int = 40) -> str:
    """An HTML snippet of ``text``: escaped, with the words whose stem is in ``stems`` in <mark>.

    The window of ``max_words`` words starts a little before the first match; without a
    match it is the beginning of the text.
    """
    tokens = list(WORD.finditer(text))
    if not tokens:
        return html.escape(text[:300])
    matched = [
        index for index, token in enumerate(tokens) if stem(fold(token.group()), language) in stems
    ]
    first = max(0, matched[0] - 8) if matched else 0
    last = min(len(tokens), first + max_words)
    start = tokens[first].start() if first else 0
    end = tokens[last - 1].end() if last < len(tokens) else len(text)
    pieces = ["… " if first else ""]
    position = start
    matched_set = set(matched)
    for index in range(first, last):
        token = tokens[index]
        pieces.append(html.escape(text[position : token.start()]))
        word = html.escape(token.group())
        pieces.append(f"<mark>{word}</mark>" if index in matched_set else word)
        position = token.end()
    pieces.append(html.escape(text[position:end]))
    if last < len(tokens):
        pieces.append(" …")
    return "".join(pieces).strip()
