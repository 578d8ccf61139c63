"""The denormalised counts of topics and categories, kept instead of counted per request."""

from django.db.models import F, Max
from django.utils import timezone

from forum.models import CategoryActivity, Post, Topic


def category_changed(category, *, topics: int = 0, posts: int = 0, topic=None, at=None) -> None:
    """Add to a canonical category's counts; ``topic`` is where the latest activity was."""
    changes = {"topic_count": F("topic_count") + topics, "post_count": F("post_count") + posts}
    if topic is not None:
        changes.update(last_topic=topic, last_post_at=at or timezone.now())
    if not CategoryActivity.objects.filter(pk=category.pk).update(**changes):
        CategoryActivity.objects.get_or_create(category=category)
        CategoryActivity.objects.filter(pk=category.pk).update(**changes)


def recount_topic(topic: Topic) -> None:
    """Recount one topic from its posts (after moderation that moves posts around)."""
    posts = Post.objects.filter(topic=topic)
    visible = posts.filter(is_hidden=False, is_deleted=False)
    last = visible.order_by("-position").first()
    topic.last_position = posts.aggregate(m=Max("position"))["m"] or 0
    topic.reply_count = max(visible.count() - 1, 0)
    topic.last_post = last
    topic.last_post_at = last.created_at if last else topic.created_at
    topic.save(update_fields=["last_position", "reply_count", "last_post", "last_post_at"])


def recount_category(category) -> None:
    topics = Topic.objects.filter(category=category)
    latest = topics.order_by("-last_post_at").first()
    activity, _created = CategoryActivity.objects.get_or_create(category=category)
    activity.topic_count = topics.count()
    activity.post_count = Post.objects.filter(
        topic__category=category, is_hidden=False, is_deleted=False
    ).count()
    activity.last_topic = latest
    activity.last_post_at = latest.last_post_at if latest else None
    activity.save()
