"""Settings of the search app, read as ``PUENTE_SEARCH_<NAME>`` with these defaults."""

from kb.appsettings import AppSettings

search_settings = AppSettings(
    "SEARCH",
    {
        # Results per page.
        "PAGE_SIZE": 10,
    },
)
