"""Settings of the knowledge base, read as ``PUENTE_KB_<NAME>`` with these defaults."""

from kb.appsettings import AppSettings

kb_settings = AppSettings(
    "KB",
    {
        # Items per page on the knowledge-base listings.
        "PAGE_SIZE": 12,
    },
)
