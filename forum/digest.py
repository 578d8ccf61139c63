"""What a forum digest adds to a member's notifications: sections from other apps.

Each name in ``PUENTE_FORUM_DIGEST_SECTIONS`` is a function ``(user) -> section | None``,
where a section is ``{"title": str, "items": [(label, absolute URL), ...]}``, called in
the member's language. The forum itself knows no consultation or other app: the
default adds the knowledge base's open consultations (``forum.kb_digest``).
"""

import logging
from functools import cache

from django.utils.module_loading import import_string

from forum.conf import forum_settings

logger = logging.getLogger(__name__)


@cache
def _hook(path: str):
    return import_string(path)


def sections(user) -> list[dict]:
    """The non-empty extra sections for ``user``'s digest; a failing one is left out."""
    found = []
    for path in forum_settings.DIGEST_SECTIONS:
        try:
            section = _hook(path)(user)
        except Exception:  # one broken section must not stop everyone's digest
            logger.exception("forum digest section %s failed", path)
            continue
        if section and section.get("items"):
            found.append(section)
    return found
