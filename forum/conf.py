"""Settings of the forum, read as ``PUENTE_FORUM_<NAME>`` with these defaults."""

from kb.appsettings import AppSettings

forum_settings = AppSettings(
    "FORUM",
    {
        # Posts per page of a topic, and topics per page of a category.
        "POSTS_PER_PAGE": 20,
        "TOPICS_PER_PAGE": 30,
    },
)
