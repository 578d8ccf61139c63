"""Settings of the forum, read as ``PUENTE_FORUM_<NAME>`` with these defaults."""

from kb.appsettings import AppSettings

forum_settings = AppSettings(
    "FORUM",
    {
        # Posts per page of a topic, and topics per page of a category or list.
        "POSTS_PER_PAGE": 20,
        "TOPICS_PER_PAGE": 30,
        # Longest post (and topic title) a member may send, in characters.
        "MAX_POST_LENGTH": 20_000,
        "MAX_TITLE_LENGTH": 150,
        # At most RATE_LIMIT_POSTS posts per RATE_LIMIT_SECONDS for every member ...
        "RATE_LIMIT_POSTS": 10,
        "RATE_LIMIT_SECONDS": 600,
        # ... and NEW_MEMBER_RATE_LIMIT_POSTS for members who joined less than
        # NEW_MEMBER_DAYS ago, who may also put at most NEW_MEMBER_MAX_LINKS links in a post.
        "NEW_MEMBER_DAYS": 7,
        "NEW_MEMBER_RATE_LIMIT_POSTS": 3,
        "NEW_MEMBER_MAX_LINKS": 2,
        # Attachments: at most this many per post (fewer for new members), this big each.
        # Their type is read from their content (see forum.attachments): images (JPEG,
        # PNG, WebP, GIF), PDF, plain text, Word/Excel/PowerPoint and OpenDocument files.
        "MAX_ATTACHMENTS": 5,
        "NEW_MEMBER_MAX_ATTACHMENTS": 1,
        "MAX_ATTACHMENT_BYTES": 5 * 1024 * 1024,
        # Images are re-encoded and scaled down to fit this many pixels on their longer
        # side; larger images than ATTACHMENT_IMAGE_MAX_PIXELS are refused unopened.
        "ATTACHMENT_IMAGE_MAX_SIDE": 2000,
        "ATTACHMENT_IMAGE_MAX_PIXELS": 50_000_000,
        # The storage alias (settings.STORAGES) attachments are kept in; best one outside
        # MEDIA_ROOT. Without it, the default storage is used. Either way files get
        # unguessable names and are served only through the forum, which checks the
        # reader may see the post.
        "ATTACHMENT_STORAGE": "forum_attachments",
        # How often a post is tried when concurrent writers collide (SQLite's "database
        # is locked"); PostgreSQL serialises replies on the topic row instead.
        "WRITE_ATTEMPTS": 20,
        # Open flags from this many different members hide a post until a moderator looks.
        "FLAGS_TO_HIDE": 3,
        # Seconds to wait before emailing, so that several posts go out in one email.
        "EMAIL_BATCH_SECONDS": 600,
        # Daily and weekly digests (manage.py send_forum_digests --period daily|weekly):
        # a member gets at most one per this many hours, however often the command runs,
        # and these functions add sections to it (see forum.digest).
        "DIGEST_MIN_HOURS": {"daily": 20, "weekly": 6 * 24},
        "DIGEST_SECTIONS": ["forum.kb_digest.open_consultations"],
        # Hosts whose links count as internal (no rel="nofollow ugc noopener"); relative
        # links always do.
        "INTERNAL_HOSTS": ["localhost", "127.0.0.1"],
        # Dotted path of ``translate(text, *, source, target) -> str`` that machine-translates
        # a post's Markdown (e.g. "translations.machine.translate_text"); None: posts offer
        # no "Translate" button. Translations are fetched by a background task, once per
        # post and language, and kept until the post is edited.
        "TRANSLATOR": None,
        # Latest posts shown on a knowledge-base page next to "Discuss in the forum".
        "KB_LATEST_POSTS": 3,
    },
)
