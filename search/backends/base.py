"""The one interface every search backend implements."""

from collections.abc import Callable, Iterable

from search.documents import IndexDocument
from search.query import SearchQuery, SearchResults, Suggestion


class SearchUnavailable(Exception):
    """The backend cannot answer now (e.g. the Elasticsearch cluster is down)."""


class SearchBackend:
    """Stores ``IndexDocument``s and answers ``SearchQuery``s.

    ``index`` replaces, for every key it is given, all documents of that key;
    ``delete`` removes keys; ``rebuild`` replaces the whole index with ``documents``.
    """

    name = "base"

    def index(self, documents: Iterable[IndexDocument]) -> int:
        raise NotImplementedError

    def delete(self, keys: Iterable[str]) -> None:
        raise NotImplementedError

    def search(self, query: SearchQuery) -> SearchResults:
        raise NotImplementedError

    def autocomplete(
        self, prefix: str, *, language: str, audiences: frozenset[str], limit: int = 8
    ) -> list[Suggestion]:
        raise NotImplementedError

    def rebuild(
        self,
        documents: Iterable[IndexDocument],
        *,
        batch_size: int = 500,
        progress: Callable[[int], None] | None = None,
    ) -> int:
        """Replace the index by ``documents``; ``progress(n)`` after each batch."""
        self.clear()
        return self.index_in_batches(documents, batch_size=batch_size, progress=progress)

    def clear(self) -> None:
        raise NotImplementedError

    def index_in_batches(self, documents, *, batch_size=500, progress=None) -> int:
        total = 0
        batch = []
        for document in documents:
            batch.append(document)
            if len(batch) >= batch_size:
                total += self.index(batch)
                batch = []
                if progress:
                    progress(total)
        if batch:
            total += self.index(batch)
            if progress:
                progress(total)
        return total
