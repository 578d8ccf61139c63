"""The forum: translatable index and category pages; topics, posts and their traces as models.

Categories are Wagtail pages so that their names and descriptions are translated like
the rest of the site. Topics always belong to the *canonical* category page (the
first-created translation); every translation of a category lists the same topics.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index


def _sub_url(page, name, args) -> str:
    """The URL of one of ``page``'s routes. The page's own URL is looked up once per
    instance: a topic page links to a dozen routes per post."""
    base = getattr(page, "_forum_base_url", None)
    if base is None:
        base = page._forum_base_url = page.url
    return base + page.reverse_subpage(name, args=args).lstrip("/")


class ForumIndexPage(RoutablePageMixin, Page):
    """The forum's front page: its categories, and the member's own lists."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("intro")]
    subpage_types = ["forum.CategoryPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("forum")

    def get_template(self, request, *args, **kwargs):
        return "forum/forum_index_page.html"

    def get_context(self, request, *args, **kwargs):
        from forum import views

        context = super().get_context(request, *args, **kwargs)
        context.update(views.index_context(request, self))
        return context

    @path("t/<int:topic_id>/", name="topic_redirect")
    def topic_redirect(self, request, topic_id):
        from forum import views

        return views.topic_redirect(request, self, topic_id)

    @path("p/<int:post_id>/", name="post_permalink")
    def post_permalink(self, request, post_id):
        from forum import views

        return views.post_permalink(request, self, post_id)

    @path("p/<int:post_id>/translation/", name="post_translation")
    def post_translation(self, request, post_id):
        from forum import translation_views

        return translation_views.translate(request, self, post_id)

    @path("p/<int:post_id>/<str:action>/", name="post_action")
    def post_action(self, request, post_id, action):
        from forum import views

        return views.post_action(request, self, post_id, action)

    @path("a/<int:attachment_id>/", name="attachment")
    def attachment(self, request, attachment_id):
        from forum import views

        return views.attachment(request, self, attachment_id)

    @path("members/", name="mentions")
    def mentions(self, request):
        from forum import views

        return views.mention_candidates(request, self)

    @path("discuss/<int:page_id>/", name="discuss")
    def discuss(self, request, page_id):
        from forum import views

        return views.discuss(request, self, page_id)

    @path("unread/", name="unread")
    def unread(self, request):
        from forum import views

        return views.unread_topics(request, self)

    @path("notifications/", name="notifications")
    def notifications(self, request):
        from forum import views

        return views.notification_list(request, self)

    @path("moderation/", name="moderation")
    def moderation(self, request):
        from forum import views

        return views.moderation_queue(request, self)

    @path("moderation/log/", name="audit_log")
    def audit_log(self, request):
        from forum import views

        return views.audit_log(request, self)

    @path("unsubscribe/<str:token>/", name="unsubscribe")
    def unsubscribe(self, request, token):
        from forum import views

        return views.unsubscribe(request, self, token)

    def sub_url(self, name, *args):
        return _sub_url(self, name, args)


class CategoryPage(RoutablePageMixin, Page):
    """A forum category: its topics, who may read it, and whether it is for questions."""

    class Visibility(models.TextChoices):
        PUBLIC = "public", _("Public: anyone can read, members write")
        MEMBERS = "members", _("Members only")
        MODERATORS = "moderators", _("Moderators only")

    description = models.TextField(_("description"), blank=True)
    visibility = models.CharField(
        _("visibility"), max_length=16, choices=Visibility.choices, default=Visibility.MEMBERS
    )
    is_qa = models.BooleanField(
        _("questions and answers"),
        default=False,
        help_text=_("The author of a topic can mark one reply as the answer."),
    )
    is_kb_discussions = models.BooleanField(
        _("discussions of the knowledge base"),
        default=False,
        help_text=_(
            "“Discuss in the forum” on a knowledge-base page opens its topic here. "
            "If several categories are marked, the oldest is used."
        ),
    )

    content_panels = Page.content_panels + [
        FieldPanel("description"),
        FieldPanel("visibility"),
        FieldPanel("is_qa"),
        FieldPanel("is_kb_discussions"),
    ]
    search_fields = Page.search_fields + [index.SearchField("description")]
    parent_page_types = ["forum.ForumIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("forum category")
        verbose_name_plural = _("forum categories")

    def get_template(self, request, *args, **kwargs):
        return "forum/category_page.html"

    def get_sitemap_urls(self, request=None):
        # Only public categories go into the sitemap; the others are not for crawlers.
        if self.visibility != self.Visibility.PUBLIC:
            return []
        return super().get_sitemap_urls(request)

    def canonical(self) -> "CategoryPage":
        """The translation topics belong to: the first one created."""
        if getattr(self, "_canonical", None) is None:
            first = (
                CategoryPage.objects.filter(translation_key=self.translation_key)
                .order_by("pk")
                .first()
            )
            self._canonical = first if first and first.pk != self.pk else self
        return self._canonical

    @path("", name="index")
    def index_route(self, request, *args, **kwargs):
        from forum import views

        return views.category(request, self)

    @path("new/", name="new_topic")
    def new_topic(self, request):
        from forum import views

        return views.new_topic(request, self)

    @path("t/<int:topic_id>-<str:slug>/", name="topic")
    def topic(self, request, topic_id, slug):
        from forum import views

        return views.topic(request, self, topic_id)

    @path("t/<int:topic_id>/p/<int:position>/", name="post_at")
    def post_at(self, request, topic_id, position):
        from forum import views

        return views.post_at(request, self, topic_id, position)

    @path("t/<int:topic_id>/reply/", name="reply")
    def reply(self, request, topic_id):
        from forum import views

        return views.reply(request, self, topic_id)

    @path("t/<int:topic_id>/unread/", name="first_unread")
    def first_unread(self, request, topic_id):
        from forum import views

        return views.first_unread(request, self, topic_id)

    @path("t/<int:topic_id>/moderate/", name="moderate_topic")
    def moderate_topic(self, request, topic_id):
        from forum import views

        return views.moderate_topic(request, self, topic_id)

    @path("t/<int:topic_id>/watch/", name="watch_topic")
    def watch_topic(self, request, topic_id):
        from forum import views

        return views.watch_topic(request, self, topic_id)

    @path("watch/", name="watch_category")
    def watch_category(self, request):
        from forum import views

        return views.watch_category(request, self)

    def sub_url(self, name, *args):
        return _sub_url(self, name, args)

    def topic_url(self, topic, page_number=None):
        url = self.sub_url("topic", topic.pk, topic.slug or "-")
        return f"{url}?page={page_number}" if page_number and page_number > 1 else url


class CategoryActivity(models.Model):
    """Counts and latest activity of a canonical category, kept up to date on each post.

    Kept off the page itself: publishing a revision of the page would roll them back.
    """

    category = models.OneToOneField(
        CategoryPage, on_delete=models.CASCADE, primary_key=True, related_name="activity"
    )
    topic_count = models.PositiveIntegerField(default=0)
    post_count = models.PositiveIntegerField(default=0)
    last_post_at = models.DateTimeField(null=True, blank=True)
    last_topic = models.ForeignKey(
        "Topic", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    def __str__(self):
        return f"{self.category_id}: {self.topic_count} / {self.post_count}"


class TopicQuerySet(models.QuerySet):
    def visible_to(self, user):
        from forum import permissions

        return self.filter(
            category__visibility__in=permissions.readable_visibilities(user),
            category__live=True,
        )


class Topic(models.Model):
    """A conversation in a category; its counters are maintained by ``forum.posting``."""

    category = models.ForeignKey(
        CategoryPage, on_delete=models.CASCADE, related_name="topics", verbose_name=_("category")
    )
    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(max_length=80, allow_unicode=False, blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    language = models.CharField(_("language"), max_length=8)
    created_at = models.DateTimeField(default=timezone.now)
    last_post_at = models.DateTimeField(default=timezone.now)
    last_post = models.ForeignKey(
        "Post", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    last_position = models.PositiveIntegerField(default=0)
    reply_count = models.PositiveIntegerField(default=0)
    is_pinned = models.BooleanField(_("pinned"), default=False)
    is_locked = models.BooleanField(_("locked"), default=False)
    answer = models.ForeignKey(
        "Post", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    kb_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The knowledge-base page this topic discusses."),
    )

    objects = TopicQuerySet.as_manager()

    class Meta:
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        indexes = [models.Index(fields=["category", "-is_pinned", "-last_post_at"])]
        constraints = [
            models.UniqueConstraint(
                fields=["kb_page"],
                condition=models.Q(kb_page__isnull=False),
                name="forum_one_topic_per_kb_page",
            )
        ]
        permissions = [
            ("participate", "Can read member categories and post"),
            ("moderate", "Can moderate the forum"),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.title)[:80] or "-"
        super().save(*args, **kwargs)

    @property
    def post_count(self):
        return self.reply_count + 1


class PostQuerySet(models.QuerySet):
    def visible_to(self, user):
        from forum import permissions

        return self.filter(
            topic__category__visibility__in=permissions.readable_visibilities(user),
            topic__category__live=True,
        )


class Post(models.Model):
    """One message in a topic, at a fixed ``position`` (1 = the opening post).

    Hidden and deleted posts keep their position, so permalinks never shift.
    """

    topic = models.ForeignKey(Topic, on_delete=models.CASCADE, related_name="posts")
    position = models.PositiveIntegerField()
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    language = models.CharField(_("language"), max_length=8)
    source = models.TextField(_("text"))
    html = models.TextField(editable=False)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    edited_at = models.DateTimeField(null=True, blank=True)
    is_hidden = models.BooleanField(_("hidden"), default=False)
    hidden_reason = models.CharField(max_length=300, blank=True)
    is_deleted = models.BooleanField(_("deleted"), default=False)
    helpful_count = models.PositiveIntegerField(default=0)
    open_flag_count = models.PositiveIntegerField(default=0)

    objects = PostQuerySet.as_manager()

    class Meta:
        verbose_name = _("post")
        verbose_name_plural = _("posts")
        constraints = [
            models.UniqueConstraint(fields=["topic", "position"], name="forum_post_position")
        ]
        indexes = [models.Index(fields=["author", "created_at"])]

    def __str__(self):
        return f"{self.topic_id}#{self.position}"

    @property
    def is_visible(self):
        return not (self.is_hidden or self.is_deleted)


class PostRevision(models.Model):
    """The text of a post before an edit; moderators can read the history."""

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="revisions")
    source = models.TextField()
    edited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.post_id} @ {self.created_at:%Y-%m-%d %H:%M}"


def _attachment_storage():
    from forum import attachments

    return attachments.storage()


def _attachment_path(instance, filename):
    from forum import attachments

    return attachments.upload_to(instance, filename)


class Attachment(models.Model):
    """A file or image attached to a post, checked and stored by ``forum.attachments``."""

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(upload_to=_attachment_path, storage=_attachment_storage, max_length=300)
    name = models.CharField(max_length=200)
    size = models.PositiveIntegerField(default=0)
    is_image = models.BooleanField(default=False)
    content_type = models.CharField(max_length=120, default="application/octet-stream")

    class Meta:
        ordering = ["pk"]

    def __str__(self):
        return self.name


class PostTranslation(models.Model):
    """A post machine-translated into one language, fetched once and kept until the post changes.

    ``source_digest`` is the digest of the text that was translated: a translation of an
    older text is never shown (see ``forum.translation``).
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("Translation in progress")
        DONE = "done", _("Translated")
        FAILED = "failed", _("Translation failed")

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="translations")
    language = models.CharField(_("language"), max_length=8)
    source_digest = models.CharField(max_length=64)
    status = models.CharField(max_length=8, choices=Status.choices, default=Status.PENDING)
    source = models.TextField(_("translated text"), blank=True)
    html = models.TextField(editable=False, blank=True)
    requested_at = models.DateTimeField(default=timezone.now)
    translated_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("post translation")
        verbose_name_plural = _("post translations")
        constraints = [
            models.UniqueConstraint(
                fields=["post", "language"], name="forum_one_translation_per_language"
            )
        ]

    def __str__(self):
        return f"{self.post_id} → {self.language}: {self.status}"


class Reaction(models.Model):
    """A member found a post helpful; one per member and post."""

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="reactions")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["post", "user"], name="forum_one_reaction_per_member")
        ]

    def __str__(self):
        return f"{self.user_id} → {self.post_id}"


class TopicReadState(models.Model):
    """How far a member has read a topic."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    topic = models.ForeignKey(Topic, on_delete=models.CASCADE, related_name="read_states")
    last_read_position = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "topic"], name="forum_one_read_state")
        ]

    def __str__(self):
        return f"{self.user_id} @ {self.topic_id}: {self.last_read_position}"


class Subscription(models.Model):
    """A member's notification level for one topic or one category."""

    class Level(models.TextChoices):
        WATCHING = "watching", _("Watching: notify me of every post")
        TRACKING = "tracking", _("Tracking: show unread posts, notify on mentions")
        NORMAL = "normal", _("Normal: notify me on mentions and replies to me")
        MUTED = "muted", _("Muted: never notify me")

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    topic = models.ForeignKey(
        Topic, null=True, blank=True, on_delete=models.CASCADE, related_name="subscriptions"
    )
    category = models.ForeignKey(
        CategoryPage, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    level = models.CharField(max_length=16, choices=Level.choices, default=Level.NORMAL)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["user", "topic"],
                condition=models.Q(topic__isnull=False),
                name="forum_one_topic_subscription",
            ),
            models.UniqueConstraint(
                fields=["user", "category"],
                condition=models.Q(category__isnull=False),
                name="forum_one_category_subscription",
            ),
        ]

    def __str__(self):
        return f"{self.user_id}: {self.level}"


class EmailPreference(models.Model):
    """How a member wants forum email: as it happens (batched), daily, weekly or never."""

    class Frequency(models.TextChoices):
        IMMEDIATE = "immediate", _("As it happens (grouped)")
        DAILY = "daily", _("Daily digest")
        WEEKLY = "weekly", _("Weekly digest")
        NEVER = "never", _("No email")

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, primary_key=True, related_name="+"
    )
    frequency = models.CharField(
        max_length=16, choices=Frequency.choices, default=Frequency.IMMEDIATE
    )
    last_digest_at = models.DateTimeField(null=True, blank=True)

    def __str__(self):
        return f"{self.user_id}: {self.frequency}"


class Notification(models.Model):
    """Something in the forum a member should know about."""

    class Kind(models.TextChoices):
        REPLY = "reply", _("New post in a topic you watch")
        MENTION = "mention", _("You were mentioned")
        QUOTE = "quote", _("Your post was quoted")
        MODERATION = "moderation", _("A moderator acted on your post")

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=16, choices=Kind.choices)
    topic = models.ForeignKey(Topic, on_delete=models.CASCADE, related_name="+")
    post = models.ForeignKey(Post, null=True, on_delete=models.CASCADE, related_name="+")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    read_at = models.DateTimeField(null=True, blank=True)
    emailed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["user", "read_at"]),
            models.Index(fields=["user", "emailed_at"]),
        ]

    def __str__(self):
        return f"{self.kind} → {self.user_id}"


class Flag(models.Model):
    """A member asks moderators to look at a post, and says why."""

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="flags")
    flagged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    reason = models.CharField(_("reason"), max_length=500)
    created_at = models.DateTimeField(default=timezone.now)
    resolved_at = models.DateTimeField(null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    resolution = models.CharField(max_length=32, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["post", "flagged_by"],
                condition=models.Q(resolved_at__isnull=True),
                name="forum_one_open_flag_per_member",
            )
        ]

    def __str__(self):
        return f"{self.post_id}: {self.reason[:40]}"


class ModerationLogEntry(models.Model):
    """Who did what to which topic, post or member, when and why."""

    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    action = models.CharField(max_length=32)
    topic = models.ForeignKey(Topic, null=True, on_delete=models.SET_NULL, related_name="+")
    post = models.ForeignKey(Post, null=True, on_delete=models.SET_NULL, related_name="+")
    member = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    reason = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.action} ({self.created_at:%Y-%m-%d %H:%M})"


class ForumSuspension(models.Model):
    """A member may read but not write until ``until``."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="forum_suspensions"
    )
    until = models.DateTimeField(_("until"))
    reason = models.TextField(_("reason"))
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    def __str__(self):
        return f"{self.user_id} until {self.until:%Y-%m-%d}"
