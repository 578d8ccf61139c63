"""Settings of the knowledge base, read as ``PUENTE_KB_<NAME>`` with these defaults."""

from kb.appsettings import AppSettings

kb_settings = AppSettings(
    "KB",
    {
        # Items per page on the knowledge-base listings.
        "PAGE_SIZE": 12,
        # How many related pages (same themes or regions, same organisation) a page shows.
        "RELATED_LIMIT": 4,
        # How many of the most used tags a listing offers as a filter.
        "TAG_FACET_LIMIT": 30,
        # How many items each RSS/Atom feed carries.
        "FEED_LIMIT": 30,
    },
)
