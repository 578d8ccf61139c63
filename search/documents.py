"""What an adapter hands to the index: one ``IndexDocument`` per object and language."""

import dataclasses
import datetime

PUBLIC = "public"


@dataclasses.dataclass
class IndexDocument:
    """One language version of one indexed object.

    ``key`` names the object ("kb.goodpracticepage:42"); a key may have one document per
    language (e.g. a post and its machine translations). ``group`` is shared by the
    translations of one content, so that a result appears once, in the reader's language
    where it exists. ``audience`` says who may find it (see ``search.audiences``).
    ``facets`` holds the adapter's facet values (theme, population, region,
    organisation; year when it is not the year of ``date``); type, language and year
    are added by the index.
    """

    key: str
    kind: str
    language: str
    title: str
    body: str = ""
    url: str = ""
    date: datetime.date | None = None
    group: str = ""
    audience: str = PUBLIC
    facets: dict[str, list[str]] = dataclasses.field(default_factory=dict)
    machine_translated: bool = False
    suggest: bool = False  # offered by the autocomplete

    def facet_rows(self) -> list[tuple[str, str]]:
        rows = [("type", self.kind), ("language", self.language)]
        if self.date and "year" not in self.facets:
            rows.append(("year", str(self.date.year)))
        for name, values in self.facets.items():
            rows.extend((name, str(value)) for value in dict.fromkeys(values) if value)
        return rows
