"""A category's topic rows, rendered once and kept in the cache under what they show.

A row's key is a digest of everything its HTML shows (title, counts, URLs, authors'
names, the language), so a stored row is never stale: a reply, a rename or a pinned
topic makes a new key, and the old entry expires unused. The reader's own marker (new,
unread) is not part of it: it sits between the two stored halves of the row.
"""

import hashlib

from django.core.cache import cache
from django.template.loader import render_to_string
from django.utils.translation import get_language

from forum.templatetags.forum_tags import member_name

SECONDS = 10 * 60
KEY = "puente:forum:row:v1:{digest}"
TEMPLATES = ("forum/includes/topic_row_head.html", "forum/includes/topic_row_meta.html")
# The columns a row shows, for ``QuerySet.only()``: of the topic and its last post, no
# more. Its members are read whole: the forum works with any user model, whose name may
# be made of any of its columns.
FIELDS = (
    "category_id",
    "title",
    "slug",
    "is_pinned",
    "is_locked",
    "answer_id",
    "reply_count",
    "last_position",
    "last_post_at",
    "author",
    "last_post__author",
)


def render_rows(topics) -> None:
    """Give each topic its ``row_head`` and ``row_meta`` HTML, from the cache where it
    is there; ``url`` and ``last_url`` must be set."""
    keys = {topic.pk: _key(topic) for topic in topics}
    stored = cache.get_many(list(keys.values()))
    rendered = {}
    for topic in topics:
        key = keys[topic.pk]
        if key not in stored:
            stored[key] = rendered[key] = tuple(
                render_to_string(template, {"topic": topic}) for template in TEMPLATES
            )
        topic.row_head, topic.row_meta = stored[key]
    if rendered:
        cache.set_many(rendered, SECONDS)


def _key(topic) -> str:
    shown = (
        get_language(),
        topic.pk,
        topic.title,
        topic.url,
        topic.last_url,
        topic.is_pinned,
        topic.is_locked,
        topic.answer_id is not None,
        topic.reply_count,
        topic.last_position,
        topic.last_post_at,
        member_name(topic.author),
        member_name(topic.last_post.author) if topic.last_post else None,
    )
    return KEY.format(digest=hashlib.sha256(repr(shown).encode()).hexdigest())
