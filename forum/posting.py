"""Writing in the forum: open a topic, reply, edit and delete one's own posts."""

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import get_language

from forum import counters, limits, markup, permissions
from forum.models import Post, PostRevision, Topic

LANGUAGE_CODES = {code for code, _name in settings.LANGUAGES}


def default_language(user) -> str:
    """The language a post is in unless its author says otherwise: the interface language."""
    for code in (get_language(), getattr(user, "preferred_language", None)):
        if code and code.split("-")[0] in LANGUAGE_CODES:
            return code.split("-")[0]
    return settings.LANGUAGE_CODE


def _check(user, source: str) -> None:
    limits.check_text(user, source)
    limits.check_rate(user)


@transaction.atomic
def create_topic(
    category, *, author, title: str, source: str, language: str | None = None, kb_page=None
) -> Topic:
    """Open a topic in ``category`` (any translation) with its first post."""
    category = category.canonical()
    permissions.require(author, "create_topic", category)
    limits.check_title(title)
    _check(author, source)
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
        html=markup.render_markdown(source),
        created_at=now,
    )
    Topic.objects.filter(pk=topic.pk).update(last_post=post)
    topic.last_post = post
    counters.category_changed(category, topics=1, posts=1, topic=topic, at=now)
    _after_post(post, created_topic=True)
    return topic


@transaction.atomic
def reply(topic: Topic, *, author, source: str, language: str | None = None) -> Post:
    """Add a post at the end of ``topic``; concurrent replies get distinct positions.

    The topic row is locked (SELECT ... FOR UPDATE) while the position is taken.
    """
    locked = Topic.objects.select_for_update().select_related("category").get(pk=topic.pk)
    permissions.require(author, "reply", locked)
    _check(author, source)
    now = timezone.now()
    position = locked.last_position + 1
    post = Post.objects.create(
        topic=locked,
        position=position,
        author=author,
        language=language or default_language(author),
        source=source,
        html=markup.render_markdown(source),
        created_at=now,
    )
    Topic.objects.filter(pk=locked.pk).update(
        last_position=position, reply_count=F("reply_count") + 1, last_post=post, last_post_at=now
    )
    counters.category_changed(locked.category, posts=1, topic=locked, at=now)
    post.topic = locked
    _after_post(post, created_topic=False)
    return post


def _after_post(post: Post, *, created_topic: bool) -> None:
    from forum import notifications, reading

    reading.mark_read(post.author, post.topic, post.position)
    notifications.auto_watch(post.author, post.topic)
    notifications.post_created(post.pk)


@transaction.atomic
def edit_post(post: Post, *, by, source: str, language: str | None = None, title=None) -> Post:
    """Change a post's text; the previous text goes to its edit history."""
    permissions.require(by, "edit", post)
    limits.check_text(by, source)
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
