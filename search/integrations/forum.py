"""The forum in the search: topics (with their opening post) and replies.

A document's audience follows its category's visibility (``forum:members``,
``forum:moderators``); hidden posts are for moderators only (``forum:hidden``); deleted
posts and categories that are not live are not indexed. Readers get their audiences
from ``forum.permissions``, the same functions every forum view asks.
"""

import dataclasses

from django.db.models import prefetch_related_objects
from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext_lazy as _

from search import adapters
from search.documents import PUBLIC, IndexDocument

HIDDEN = "forum:hidden"


def category_audience(category) -> str:
    if category.visibility == category.Visibility.PUBLIC:
        return PUBLIC
    return f"forum:{category.visibility}"


def reader_audiences(user) -> set[str]:
    from forum import permissions

    audiences = {
        category_audience_for_visibility(visibility)
        for visibility in permissions.readable_visibilities(user)
    }
    if permissions.is_moderator(user):
        audiences.add(HIDDEN)
    return audiences


def category_audience_for_visibility(visibility) -> str:
    return PUBLIC if visibility == "public" else f"forum:{visibility}"


def machine_translations(post, document: IndexDocument) -> list[IndexDocument]:
    """The post's cached machine translations, as more language versions of ``document``."""
    if post is None or not hasattr(post, "translations"):
        return []
    from forum import translation

    return [
        dataclasses.replace(
            document,
            language=translated.language,
            body=translated.source,
            machine_translated=True,
            suggest=False,
        )
        for translated in translation.finished_translations(post)
        if translated.language != document.language
    ]


def topic_documents(topic) -> list[IndexDocument]:
    category = topic.category
    if not category.live:
        return []
    return _topic_documents(topic, category, topic.posts.filter(position=1).first())


def topics_documents(topics) -> list[IndexDocument]:
    """The documents of ``topics``, in a few queries whatever their number."""
    from forum.models import Post

    topics = list(topics)
    prefetch_related_objects(topics, "category")
    openings = Post.objects.filter(topic__in=topics, position=1)
    if hasattr(Post, "translations"):
        openings = openings.prefetch_related("translations")
    opening_of = {post.topic_id: post for post in openings}
    # One instance per category, so that its URL is worked out once per batch.
    categories = {}
    documents = []
    for topic in topics:
        category = categories.setdefault(topic.category_id, topic.category)
        if category.live:
            documents += _topic_documents(topic, category, opening_of.get(topic.pk))
    return documents


def _topic_documents(topic, category, opening) -> list[IndexDocument]:
    visible = opening is not None and opening.is_visible
    url = category.topic_url(topic)
    if not url or not category.url:
        return []
    document = IndexDocument(
        key=adapters.key_for(topic),
        kind="forum_topic",
        language=topic.language,
        title=topic.title,
        body=opening.source if visible else "",
        url=url,
        date=topic.created_at.date(),
        group=adapters.key_for(topic),
        audience=category_audience(category),
        suggest=True,
    )
    return [document, *machine_translations(opening if visible else None, document)]


def post_documents(post) -> list[IndexDocument]:
    if post.position == 1:  # the opening post is part of its topic's document
        return topic_documents(post.topic)
    if post.is_deleted:
        return []
    category = post.topic.category
    if not category.live:
        return []
    return _post_documents(post, category, category.get_parent().specific)


def posts_documents(posts) -> list[IndexDocument]:
    """The documents of ``posts``, in a few queries whatever their number."""
    from forum.models import Post

    posts = [post for post in posts if post.position == 1 or not post.is_deleted]
    prefetch_related_objects(posts, "topic__category")
    openings = [post for post in posts if post.position == 1]
    documents = topics_documents(dict.fromkeys(post.topic for post in openings))
    replies = [post for post in posts if post.position != 1]
    if hasattr(Post, "translations"):
        prefetch_related_objects(replies, "translations")
    # One instance per category and per forum, so that URLs are worked out once per batch.
    categories = {}
    for post in replies:
        categories.setdefault(post.topic.category_id, post.topic.category)
    forums = _parents([category for category in categories.values() if category.live])
    for post in replies:
        category = categories[post.topic.category_id]
        if category.live:
            documents += _post_documents(post, category, forums[category.pk])
    return documents


def _parents(pages) -> dict[int, object]:
    """{page id: its parent, as its own type} in two queries, as ``get_parent().specific``."""
    from wagtail.models import Page

    parent_path = {page.pk: page.path[: -Page.steplen] for page in pages}
    by_path = {
        parent.path: parent
        for parent in Page.objects.filter(path__in=set(parent_path.values())).specific()
    }
    return {pk: by_path[path] for pk, path in parent_path.items()}


def _post_documents(post, category, forum_index) -> list[IndexDocument]:
    if not hasattr(forum_index, "sub_url") or not forum_index.url:
        return []
    document = IndexDocument(
        key=adapters.key_for(post),
        kind="forum_post",
        language=post.language,
        title=post.topic.title,
        body=post.source,
        url=forum_index.sub_url("post_permalink", post.pk),
        date=post.created_at.date(),
        group=adapters.key_for(post),
        audience=HIDDEN if post.is_hidden else category_audience(category),
    )
    return [document, *machine_translations(post, document)]


def on_translation_changed(sender, instance, **kwargs):
    """A post's translation was cached or invalidated: index the post again."""
    from forum.models import Post
    from search import signals

    if kwargs.get("signal") is post_save and instance.status != instance.Status.DONE:
        return
    # The post itself may be on its way out (a cascade): only its key is needed.
    signals.schedule_update(Post(pk=instance.post_id), with_dependents=False)


def register():
    from forum.models import CategoryPage, Post, PostTranslation, Topic

    adapters.register(
        adapters.Adapter(
            model=Topic,
            documents=topic_documents,
            documents_of_many=topics_documents,
            queryset=lambda: Topic.objects.select_related("category").iterator(),
            dependents=lambda topic: topic.posts.filter(position__gt=1).select_related(
                "topic__category"
            ),
            dependent_fields=frozenset({"title", "category"}),
        )
    )
    adapters.register(
        adapters.Adapter(
            model=Post,
            documents=post_documents,
            documents_of_many=posts_documents,
            queryset=lambda: (
                Post.objects.filter(position__gt=1, is_deleted=False)
                .select_related("topic__category")
                .prefetch_related("translations")
                .iterator(chunk_size=2000)
            ),
        )
    )
    adapters.register(
        adapters.Adapter(
            model=CategoryPage,
            documents=lambda category: [],
            queryset=lambda: [],
            dependents=lambda category: Topic.objects.filter(category=category.canonical()),
            index_on_save=False,
        )
    )
    for signal in (post_save, post_delete):
        signal.connect(
            on_translation_changed,
            sender=PostTranslation,
            dispatch_uid=f"search_forum_translation_{'save' if signal is post_save else 'delete'}",
        )
    adapters.register_kind("forum_topic", _("Forum topic"))
    adapters.register_kind("forum_post", _("Forum post"))
    adapters.register_audiences(reader_audiences)
