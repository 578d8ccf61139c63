"""Who hears about a new post, in-site and by email (grouped, in the recipient's language)."""

import logging
import re
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import signing
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django_tasks import default_task_backend, task

from forum import markup, permissions
from forum.conf import forum_settings
from forum.models import EmailPreference, ForumIndexPage, Notification, Post, Subscription

logger = logging.getLogger(__name__)
Level = Subscription.Level
UNSUBSCRIBE_SALT = "forum.unsubscribe"
_QUOTED_POST = re.compile(r"/p/(\d+)/")


def topic_level(user, topic) -> str:
    """The member's level for a topic: its own, else its category's, else normal."""
    levels = dict(
        Subscription.objects.filter(user=user, topic=topic).values_list("topic_id", "level")
    )
    if topic.pk in levels:
        return levels[topic.pk]
    category_level = (
        Subscription.objects.filter(user=user, category_id=topic.category_id)
        .values_list("level", flat=True)
        .first()
    )
    return category_level or Level.NORMAL


def category_level(user, category) -> str:
    """The member's level for a (canonical) category; normal unless they chose one."""
    if not permissions.is_participant(user):
        return Level.NORMAL
    level = (
        Subscription.objects.filter(user=user, category=category)
        .values_list("level", flat=True)
        .first()
    )
    return level or Level.NORMAL


def set_topic_level(user, topic, level: str) -> None:
    permissions.require(user, "watch", topic)
    Subscription.objects.update_or_create(user=user, topic=topic, defaults={"level": level})


def set_category_level(user, category, level: str) -> None:
    category = category.canonical()
    permissions.require(user, "watch", category)
    Subscription.objects.update_or_create(user=user, category=category, defaults={"level": level})


def auto_watch(user, topic) -> None:
    """Members watch the topics they open or reply to, unless they chose a level already."""
    Subscription.objects.get_or_create(user=user, topic=topic, defaults={"level": Level.WATCHING})


def _recipients(post: Post) -> dict[int, str]:
    """User id → notification kind for a new post (mentions and quotes beat watching)."""
    topic = post.topic
    levels = dict(Subscription.objects.filter(topic=topic).values_list("user_id", "level"))
    for user_id, level in Subscription.objects.filter(category_id=topic.category_id).values_list(
        "user_id", "level"
    ):
        levels.setdefault(user_id, level)
    kinds = {uid: Notification.Kind.REPLY for uid, lvl in levels.items() if lvl == Level.WATCHING}
    user_model = get_user_model()
    names = markup.mentioned_names(post.source)
    if names:
        lookup = {f"{user_model.USERNAME_FIELD}__in": names}
        for user_id in user_model.objects.filter(**lookup).values_list("pk", flat=True):
            kinds[user_id] = Notification.Kind.MENTION
    quoted = {int(pk) for pk in _QUOTED_POST.findall(post.source)}
    if quoted:
        for user_id in Post.objects.filter(pk__in=quoted, topic=topic).values_list(
            "author_id", flat=True
        ):
            if user_id:
                kinds.setdefault(user_id, Notification.Kind.QUOTE)
    kinds.pop(post.author_id, None)
    return {uid: kind for uid, kind in kinds.items() if levels.get(uid) != Level.MUTED}


def post_created(post_id: int) -> list[Notification]:
    """Notify everyone who should hear about this post and may read it."""
    post = Post.objects.select_related("topic__category", "author").get(pk=post_id)
    if not post.is_visible:
        return []
    kinds = _recipients(post)
    users = get_user_model().objects.filter(pk__in=kinds, is_active=True)
    created = []
    for user in users:
        if permissions.can(user, "read", post.topic):
            created.append(
                Notification.objects.create(
                    user=user, kind=kinds[user.pk], topic=post.topic, post=post, actor=post.author
                )
            )
    for notification in created:
        schedule_email(notification)
    return created


def unread_count(user) -> int:
    if not permissions.is_participant(user):
        return 0
    return Notification.objects.filter(user=user, read_at__isnull=True).count()


def for_user(user):
    """The member's notifications that they may still read, newest first."""
    return (
        Notification.objects.filter(user=user)
        .filter(topic__in=_visible_topics(user))
        .select_related("topic", "post", "actor")
    )


def _visible_topics(user):
    from forum.models import Topic

    return Topic.objects.visible_to(user).values("pk")


def mark_all_read(user) -> None:
    Notification.objects.filter(user=user, read_at__isnull=True).update(read_at=timezone.now())


# Email ------------------------------------------------------------------------------


def email_frequency(user) -> str:
    pref = EmailPreference.objects.filter(user=user).values_list("frequency", flat=True).first()
    return pref or EmailPreference.Frequency.IMMEDIATE


def schedule_email(notification: Notification) -> None:
    """Queue one email per batch: if one is already on its way, this notification joins it."""
    user = notification.user
    if not user.email or email_frequency(user) != EmailPreference.Frequency.IMMEDIATE:
        return
    already_waiting = (
        Notification.objects.filter(user=user, emailed_at__isnull=True, read_at__isnull=True)
        .exclude(pk=notification.pk)
        .exists()
    )
    if already_waiting:
        return
    pending_task = send_notification_email
    if default_task_backend.supports_defer:
        delay = timedelta(seconds=forum_settings.EMAIL_BATCH_SECONDS)
        pending_task = pending_task.using(run_after=timezone.now() + delay)
    pending_task.enqueue(user.pk)


def user_language(user) -> str:
    language = getattr(user, "preferred_language", None) or settings.LANGUAGE_CODE
    return language if language in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


def forum_index(language: str):
    pages = ForumIndexPage.objects.live().select_related("locale")
    return pages.filter(locale__language_code=language).first() or pages.first()


def unsubscribe_token(user, topic) -> str:
    """A signed token naming member and topic, hex-encoded to fit a Wagtail URL segment."""
    return signing.dumps({"u": user.pk, "t": topic.pk}, salt=UNSUBSCRIBE_SALT).encode().hex()


def unsubscribe(token: str):
    """Mute the topic named in a signed email link; returns the topic, or None if invalid."""
    from forum.models import Topic

    try:
        signed = bytes.fromhex(token).decode()
        data = signing.loads(signed, salt=UNSUBSCRIBE_SALT, max_age=timedelta(days=365))
    except (ValueError, signing.BadSignature):
        return None
    user = get_user_model().objects.filter(pk=data.get("u")).first()
    topic = Topic.objects.filter(pk=data.get("t")).first()
    if user is None or topic is None:
        return None
    Subscription.objects.update_or_create(user=user, topic=topic, defaults={"level": Level.MUTED})
    return topic


def _pending(user) -> list[Notification]:
    return list(
        Notification.objects.filter(user=user, emailed_at__isnull=True, read_at__isnull=True)
        .filter(topic__in=_visible_topics(user))
        .select_related("topic", "post", "actor")
        .order_by("created_at")
    )


def _send(user, pending: list[Notification], *, sections=(), digest=False) -> None:
    """One email in the member's language: their notifications grouped by topic, then the
    digest's extra sections; each topic with its one-click unsubscribe link."""
    language = user_language(user)
    with translation.override(language):
        index = forum_index(language)
        base = index.get_full_url() if index else ""
        topics = {}
        for notification in pending:
            topics.setdefault(notification.topic, []).append(notification)
        entries = [
            {
                "topic": topic,
                "notifications": items,
                "url": f"{base}p/{items[0].post_id}/"
                if items[0].post_id
                else f"{base}t/{topic.pk}/",
                "unsubscribe_url": f"{base}unsubscribe/{unsubscribe_token(user, topic)}/",
            }
            for topic, items in topics.items()
        ]
        if callable(sections):
            sections = sections(user)
        context = {
            "user": user,
            "entries": entries,
            "count": len(pending),
            "sections": sections,
            "digest": digest,
            "settings_url": f"{base}notifications/" if base else "",
        }
        subject = render_to_string("forum/email/notifications_subject.txt", context).strip()
        body = render_to_string("forum/email/notifications.txt", context)
    message = EmailMessage(subject, body, to=[user.email])
    if entries:
        message.extra_headers["List-Unsubscribe"] = f"<{entries[0]['unsubscribe_url']}>"
    message.send()
    Notification.objects.filter(pk__in=[n.pk for n in pending]).update(emailed_at=timezone.now())


def send_pending(user) -> int:
    """Email the member everything not yet emailed, as one message; returns the count."""
    pending = _pending(user)
    if pending:
        _send(user, pending)
    return len(pending)


@task()
def send_notification_email(user_id: int) -> int:
    """Background task: one email with all of a member's pending notifications."""
    user = get_user_model().objects.filter(pk=user_id, is_active=True).first()
    return send_pending(user) if user else 0


def send_digest(user) -> bool:
    """The digest: pending notifications and the extra sections (e.g. open consultations),
    in one email; nothing is sent when all of it is empty."""
    from forum import digest

    pending = _pending(user)
    with translation.override(user_language(user)):
        sections = digest.sections(user)
    if not pending and not sections:
        return False
    _send(user, pending, sections=sections, digest=True)
    return True


@task()
def send_digests(frequency: str) -> int:
    """Background task: the daily or weekly digest for everyone who chose it.

    Members who got one less than ``DIGEST_MIN_HOURS[frequency]`` ago are skipped, so
    that running the schedule twice does not email twice.
    """
    since = timezone.now() - timedelta(hours=forum_settings.DIGEST_MIN_HOURS[frequency])
    preferences = (
        EmailPreference.objects.filter(frequency=frequency, user__is_active=True)
        .exclude(user__email="")
        .exclude(last_digest_at__gt=since)
        .select_related("user")
    )
    sent = 0
    for preference in preferences:
        sent += send_digest(preference.user)
        preference.last_digest_at = timezone.now()
        preference.save(update_fields=["last_digest_at"])
    return sent
