"""Settings of the search app, read as ``PUENTE_SEARCH_<NAME>`` with these defaults."""

from kb.appsettings import AppSettings

search_settings = AppSettings(
    "SEARCH",
    {
        # Results per page.
        "PAGE_SIZE": 10,
        # Which backend answers: "auto" (Elasticsearch when ELASTICSEARCH_URL is set,
        # else the database's own full-text search), "sqlite", "postgres",
        # "elasticsearch", or the dotted path of a SearchBackend subclass.
        "BACKEND": "auto",
        # Elasticsearch 9: the cluster's URL (None = not used), the prefix of index and
        # alias names, and how long to wait for it before search is "unavailable".
        "ELASTICSEARCH_URL": None,
        "ELASTICSEARCH_INDEX_PREFIX": "puente",
        "ELASTICSEARCH_TIMEOUT": 5,
        # Entries offered by the header box's autocomplete.
        "AUTOCOMPLETE_LIMIT": 8,
        # The database backends rank at most this many matching documents: titled
        # content (pages, topics) before replies, newest first. A search matching more
        # reads "more than N results", so its cost stays bounded as the site grows
        # (Elasticsearch ranks every match). None: all.
        "MATCH_LIMIT": 1000,
        # When a search matched more than MATCH_LIMIT, its facets offer (without counts)
        # the values most frequent among this many of its best results.
        "FACET_SAMPLE": 200,
        # Values offered per facet: the most frequent ones, and any the reader chose.
        "FACET_SIZE": 20,
        # Words in a result's snippet.
        "SNIPPET_WORDS": 40,
        # Objects read and documents written per batch by the rebuild command.
        "BATCH_SIZE": 500,
        # Dotted path of a function returning the termbase that expands queries across
        # languages, as [{language: [forms]}]; None = the built-in one (search.glossary).
        "GLOSSARY": None,
    },
)
