"""Writing in the forum: open a topic, reply, edit and delete one's own posts."""

import functools
import logging
import random
import time

from django.conf import settings
from django.db import IntegrityError, OperationalError, connection, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import get_language

from forum import attachments, counters, limits, markup, permissions, translation
from forum.conf import forum_settings
from forum.models import Post, PostRevision, Topic

logger = logging.getLogger(__name__)

LANGUAGE_CODES = {code for code, _name in settings.LANGUAGES}


def default_language(user) -> str:
    """The language a post is in unless its author says otherwise: the interface language."""
    for code in (get_language(), getattr(user, "preferred_language", None)):
        if code and code.split("-")[0] in LANGUAGE_CODES:
            return code.split("-")[0]
    return settings.LANGUAGE_CODE


def _is_contention(error: Exception) -> bool:
    """A concurrent writer got there first: SQLite's lock, a deadlock, or a taken position."""
    message = str(error).lower()
    if isinstance(error, IntegrityError):
        return "forum_post_position" in message or "forum_post.position" in message
    return "locked" in message or "deadlock" in message or "busy" in message


def retried(operation):
    """Call ``operation`` again when a concurrent writer collided with it.

    PostgreSQL serialises replies on the topic row (SELECT ... FOR UPDATE); SQLite has no
    row locks and may answer "database is locked" to the second writer instead, so the
    post is tried again rather than lost. Inside an outer transaction nothing can be
    retried (the outer transaction is broken), so it is tried once.
    """

    @functools.wraps(operation)
    def wrapper(*args, **kwargs):
        outer = transaction.get_connection().in_atomic_block
        attempts = 1 if outer else forum_settings.WRITE_ATTEMPTS
        for attempt in range(1, attempts + 1):
            try:
                return operation(*args, **kwargs)
            except (OperationalError, IntegrityError) as error:
                if attempt == attempts or not _is_contention(error):
                    raise
                logger.info("forum write collided (%s), attempt %d", error, attempt)
                # Exponential backoff with jitter, so that the writers do not meet again.
                # bandit: jitter between retries, not a secret
                time.sleep(random.uniform(0, min(0.5, 0.01 * 2**attempt)))  # noqa: S311  # nosec B311

    return wrapper


def _locked_topic(topic_id: int) -> Topic:
    """The topic, locked against concurrent replies until the transaction ends."""
    if connection.vendor == "sqlite":
        # No row locks in SQLite: take the database's write lock first, so that a
        # concurrent reply waits (or collides and is retried) before reading the position.
        Topic.objects.filter(pk=topic_id).update(last_position=F("last_position"))
    return Topic.objects.select_for_update().select_related("category").get(pk=topic_id)


@retried
def create_topic(
    category,
    *,
    author,
    title: str,
    source: str,
    language: str | None = None,
    kb_page=None,
    files=(),
) -> Topic:
    """Open a topic in ``category`` (any translation) with its first post and attachments."""
    category = category.canonical()
    permissions.require(author, "create_topic", category)
    limits.check_title(title)
    limits.check_text(author, source)
    prepared = attachments.prepare(author, files)
    html = markup.render_markdown(source)
    with transaction.atomic():
        limits.check_rate(author)
        now = timezone.now()
        language = language or default_language(author)
        topic = Topic.objects.create(
            category=category,
            title=title.strip(),
            author=author,
            language=language,
            created_at=now,
            last_post_at=now,
            last_position=1,
            kb_page=kb_page,
        )
        post = Post.objects.create(
            topic=topic,
            position=1,
            author=author,
            language=language,
            source=source,
            html=html,
            created_at=now,
        )
        Topic.objects.filter(pk=topic.pk).update(last_post=post)
        topic.last_post = post
        attachments.save(post, prepared)
        counters.category_changed(category, topics=1, posts=1, topic=topic, at=now)
        _after_post(post, created_topic=True)
    return topic


@retried
def reply(topic: Topic, *, author, source: str, language: str | None = None, files=()) -> Post:
    """Add a post at the end of ``topic``; concurrent replies get distinct positions.

    The topic row is locked while the position is taken (see ``_locked_topic``).
    """
    permissions.require(author, "reply", topic)
    limits.check_text(author, source)
    prepared = attachments.prepare(author, files)
    html = markup.render_markdown(source)
    with transaction.atomic():
        locked = _locked_topic(topic.pk)
        permissions.require(author, "reply", locked)
        limits.check_rate(author)
        now = timezone.now()
        position = locked.last_position + 1
        post = Post.objects.create(
            topic=locked,
            position=position,
            author=author,
            language=language or default_language(author),
            source=source,
            html=html,
            created_at=now,
        )
        Topic.objects.filter(pk=locked.pk).update(
            last_position=position,
            reply_count=F("reply_count") + 1,
            last_post=post,
            last_post_at=now,
        )
        counters.category_changed(locked.category, posts=1, topic=locked, at=now)
        post.topic = locked
        attachments.save(post, prepared)
        _after_post(post, created_topic=False)
    return post


def _after_post(post: Post, *, created_topic: bool) -> None:
    from forum import notifications, reading

    reading.mark_read(post.author, post.topic, post.position)
    notifications.auto_watch(post.author, post.topic)
    notifications.post_created(post.pk)


@transaction.atomic
def edit_post(
    post: Post, *, by, source: str, language: str | None = None, title=None, files=()
) -> Post:
    """Change a post's text and add files; the previous text goes to its edit history."""
    permissions.require(by, "edit", post)
    limits.check_text(by, source)
    prepared = attachments.prepare(by, files, already=post.attachments.count()) if files else []
    if title is not None and post.position == 1:
        limits.check_title(title)
        post.topic.title = title.strip()
        post.topic.save(update_fields=["title"])
    if source != post.source:
        PostRevision.objects.create(post=post, source=post.source, edited_by=by)
        post.source = source
        post.html = markup.render_markdown(source)
        post.edited_at = timezone.now()
    if language:
        post.language = language
    post.save(update_fields=["source", "html", "edited_at", "language"])
    attachments.save(post, prepared)
    translation.invalidate(post)
    return post


@transaction.atomic
def delete_post(post: Post, *, by) -> None:
    """Soft-delete: the post keeps its place and shows as deleted."""
    permissions.require(by, "delete", post)
    if post.is_deleted:
        return
    was_visible = post.is_visible
    post.is_deleted = True
    post.save(update_fields=["is_deleted"])
    if was_visible:
        _visible_changed(post, -1)
    if by.pk != post.author_id:
        from forum import audit

        audit.record(by, "delete_post", post=post)


def _visible_changed(post: Post, delta: int) -> None:
    """A post became visible (+1) or invisible (-1): adjust the counts."""
    if post.position > 1:
        Topic.objects.filter(pk=post.topic_id).update(reply_count=F("reply_count") + delta)
    counters.category_changed(post.topic.category, posts=delta)
