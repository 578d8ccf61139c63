"""Machine translation of posts: asked for by a reader, fetched once per post and language.

The translator is the host project's (``PUENTE_FORUM_TRANSLATOR``, a dotted path to
``translate(text, *, source, target) -> str``); without one no post offers a translation.
A translation is fetched by a background task, stored with the digest of the text it
translates, rendered and sanitised exactly like a post (``forum.markup``), and deleted
when the post is edited: a translation of another text is never shown.
"""

import hashlib
import logging

from django.db import transaction
from django.utils import timezone
from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy as _
from django_tasks import task

from forum import markup, permissions
from forum.conf import forum_settings
from forum.models import Post, PostTranslation

logger = logging.getLogger(__name__)

Status = PostTranslation.Status


class Unavailable(Exception):
    """No translator is configured."""

    message = _("Machine translation is unavailable.")


def is_available() -> bool:
    return bool(forum_settings.TRANSLATOR)


def _translator():
    if not is_available():
        raise Unavailable
    return import_string(forum_settings.TRANSLATOR)


def base_language(code: str) -> str:
    return (code or "").split("-")[0].lower()


def offers_translation(post: Post, language: str) -> bool:
    """A reader of ``language`` is offered a translation of ``post``: it is in another language."""
    return is_available() and base_language(post.language) != base_language(language)


def digest(post: Post) -> str:
    """What a translation was made from: the post's language and text."""
    return hashlib.sha256(f"{post.language}\n{post.source}".encode()).hexdigest()


def current_translations(posts, language: str) -> dict[int, PostTranslation]:
    """{post id: translation} of the posts' current texts into ``language``, in one query."""
    posts = {post.pk: post for post in posts}
    if not posts:
        return {}
    stored = PostTranslation.objects.filter(post_id__in=posts, language=language)
    return {
        translation.post_id: translation
        for translation in stored
        if translation.source_digest == digest(posts[translation.post_id])
    }


def finished_translations(post: Post) -> list[PostTranslation]:
    """Every finished translation of the post's current text (prefetched ``translations`` used)."""
    source_digest = digest(post)
    return [
        stored
        for stored in post.translations.all()
        if stored.status == Status.DONE and stored.source_digest == source_digest
    ]


def request_translation(post: Post, language: str, *, by) -> PostTranslation:
    """Ask for ``post`` in ``language``: the stored translation, or a new one on its way.

    A failed or outdated translation is fetched again; a pending or finished one is not.
    """
    permissions.require(by, "read", post)
    if not offers_translation(post, language):
        raise Unavailable if not is_available() else ValueError("same language")
    source_digest = digest(post)
    with transaction.atomic():
        stored, created = PostTranslation.objects.select_for_update().get_or_create(
            post=post, language=language, defaults={"source_digest": source_digest}
        )
        if not created:
            if stored.source_digest == source_digest and stored.status != Status.FAILED:
                return stored
            stored.source_digest = source_digest
            stored.status = Status.PENDING
            stored.source = stored.html = ""
            stored.requested_at = timezone.now()
            stored.translated_at = None
            stored.save()
    try:
        fetch_translation.enqueue(stored.pk)
    except Exception:  # a task queue that is down must not break the page
        logger.exception("could not enqueue the translation of post %s", post.pk)
        PostTranslation.objects.filter(pk=stored.pk).update(status=Status.FAILED)
        stored.status = Status.FAILED
    return stored


@task()
def fetch_translation(translation_id: int) -> str:
    """Background task: translate the post, unless it changed since it was asked for."""
    stored = PostTranslation.objects.select_related("post").filter(pk=translation_id).first()
    if stored is None or stored.status == Status.DONE:
        return "gone" if stored is None else "done"
    post = stored.post
    source_digest = digest(post)
    if stored.source_digest != source_digest:
        return "outdated"
    try:
        text = _translator()(post.source, source=post.language, target=stored.language)
    except Exception:  # the service is down, refuses, or is not configured
        logger.exception("machine translation of post %s failed", post.pk)
        PostTranslation.objects.filter(pk=stored.pk, source_digest=source_digest).update(
            status=Status.FAILED
        )
        return "failed"
    html = markup.render_markdown(text)
    with transaction.atomic():
        stored = PostTranslation.objects.select_for_update().filter(pk=translation_id).first()
        if stored is None or stored.source_digest != source_digest:
            return "outdated"
        stored.source, stored.html = text, html
        stored.status = Status.DONE
        stored.translated_at = timezone.now()
        stored.save()  # a saved translation is indexed for search
    return "done"


def invalidate(post: Post) -> None:
    """The post was edited: translations of its former text go, with their search documents."""
    PostTranslation.objects.filter(post=post).exclude(source_digest=digest(post)).delete()
