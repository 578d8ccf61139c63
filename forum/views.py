"""Thin views: find the object the member may see, call a domain function, render.

They are routed by the forum's pages (``ForumIndexPage`` and ``CategoryPage`` are
routable pages), so every URL lives under the translated forum page, e.g.
``/es/forum/<category>/t/<id>-<slug>/?page=N``.
"""

from datetime import timedelta

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseBadRequest, HttpResponseNotAllowed, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from forum import (
    attachments,
    flags,
    kb_discussion,
    markup,
    mentions,
    moderation,
    notifications,
    permissions,
    posting,
    reactions,
    reading,
    topic_rows,
)
from forum.conf import forum_settings
from forum.forms import (
    EmailPreferenceForm,
    FlagForm,
    LevelForm,
    PostForm,
    ReasonForm,
    SuspendForm,
    TopicForm,
)
from forum.limits import LimitExceeded
from forum.models import (
    Attachment,
    CategoryActivity,
    CategoryPage,
    EmailPreference,
    ModerationLogEntry,
    Post,
    Reaction,
    Topic,
)


def _render(request, page, template, **context):
    context.setdefault("page", page)
    context.setdefault("self", page)
    context["forum_index"] = _index_of(page)
    context["is_moderator"] = permissions.is_moderator(request.user)
    return TemplateResponse(request, f"forum/{template}", context)


def _index_of(page):
    if isinstance(page, CategoryPage):
        if getattr(page, "_forum_index", None) is None:
            page._forum_index = page.get_parent().specific
        return page._forum_index
    return page


def _require_login(request):
    if not request.user.is_authenticated:
        raise _LoginRequired


def _refuse_reading(request):
    """Anonymous readers of member-only content go to the login page; others get a 403."""
    _require_login(request)
    raise PermissionDenied


class _LoginRequired(Exception):
    pass


def _page_number(request) -> int:
    try:
        return max(int(request.GET.get("page", 1)), 1)
    except ValueError:
        return 1


def _page_links(current: int, last: int) -> list[int | None]:
    """A window of page numbers around the current one; None marks a gap. Never loops all pages."""
    numbers = sorted({1, last, *range(max(1, current - 2), min(last, current + 2) + 1)})
    links, previous = [], 0
    for number in numbers:
        if number - previous > 1:
            links.append(None)
        links.append(number)
        previous = number
    return links


def _category_for(index_or_category, topic) -> CategoryPage:
    """The topic's category in the language being browsed."""
    locale_id = index_or_category.locale_id
    category = topic.category
    if category.locale_id == locale_id:
        return category
    return (
        CategoryPage.objects.filter(translation_key=category.translation_key, locale_id=locale_id)
        .live()
        .first()
        or category
    )


def login_redirects(view):
    def wrapper(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except _LoginRequired:
            return redirect_to_login(request.get_full_path())

    wrapper.__name__ = view.__name__
    wrapper.__doc__ = view.__doc__
    return wrapper


# Reading ----------------------------------------------------------------------------


def index_context(request, page) -> dict:
    """Categories of the forum in this language, with their counts and latest activity."""
    user = request.user
    categories = list(
        CategoryPage.objects.child_of(page)
        .live()
        .filter(visibility__in=permissions.readable_visibilities(user))
        .order_by("path")
    )
    activities = {
        activity.category.translation_key: activity
        for activity in CategoryActivity.objects.filter(
            category__translation_key__in=[c.translation_key for c in categories]
        ).select_related("category", "last_topic")
    }
    for category in categories:
        category.activity_summary = activities.get(category.translation_key)
    context = {
        "categories": categories,
        "forum_index": page,
        "is_moderator": permissions.is_moderator(user),
        "notification_count": notifications.unread_count(user),
    }
    if context["is_moderator"]:
        context["flag_count"] = Post.objects.filter(open_flag_count__gt=0).count()
    return context


@login_redirects
def category(request, page: CategoryPage):
    canonical = page.canonical()
    if not permissions.can(request.user, "read", canonical):
        _refuse_reading(request)
    activity = CategoryActivity.objects.filter(category=canonical).first()
    topic_count = activity.topic_count if activity else 0
    size = forum_settings.TOPICS_PER_PAGE
    last_page = max((topic_count + size - 1) // size, 1)
    number = min(_page_number(request), last_page)
    topics = list(
        Topic.objects.filter(category=canonical)
        .select_related("author", "last_post__author")
        .only(*topic_rows.FIELDS)
        .order_by("-is_pinned", "-last_post_at", "-pk")[(number - 1) * size : number * size]
    )
    reading.annotate_markers(request.user, topics)
    for topic in topics:
        topic.url = page.topic_url(topic)
        topic.last_url = page.topic_url(topic, reading.page_of(topic.last_position))
    topic_rows.render_rows(topics)
    return _render(
        request,
        page,
        "category_page.html",
        category=page,
        topics=topics,
        topic_count=topic_count,
        page_number=number,
        last_page=last_page,
        page_links=_page_links(number, last_page),
        can_create=permissions.can(request.user, "create_topic", canonical),
        level=notifications.category_level(request.user, canonical),
    )


def _get_topic(request, page: CategoryPage, topic_id: int) -> Topic:
    topic = get_object_or_404(
        Topic.objects.select_related("category", "author", "answer__author"), pk=topic_id
    )
    if not permissions.can(request.user, "read", topic):
        _refuse_reading(request)
    # Topics belong to the canonical category: if it is this page, no need to look it up.
    if topic.category_id != page.pk and topic.category_id != page.canonical().pk:
        raise _Moved(topic)
    return topic


class _Moved(Exception):
    def __init__(self, topic):
        self.topic = topic


def follows_moves(view):
    def wrapper(request, page, topic_id, *args, **kwargs):
        try:
            return view(request, page, topic_id, *args, **kwargs)
        except _Moved as moved:
            category = _category_for(page, moved.topic)
            return redirect(category.topic_url(moved.topic))

    wrapper.__name__ = view.__name__
    return wrapper


@follows_moves
@login_redirects
def topic(request, page: CategoryPage, topic_id: int, form=None, error=None, preview=None):
    """One page of a topic: the posts whose positions fall in the page's range."""
    topic = _get_topic(request, page, topic_id)
    user = request.user
    last_page = reading.page_count(topic)
    number = min(_page_number(request), last_page)
    first, last = reading.position_range(number)
    posts = list(
        Post.objects.filter(topic=topic, position__gte=first, position__lte=last)
        .select_related("author")
        .prefetch_related("attachments")
        .order_by("position")
    )
    moderator = permissions.is_moderator(user)
    participant = permissions.is_participant(user)
    read_before = reading.last_read_position(user, topic) if participant else None
    helpful = set()
    if participant and posts:
        helpful = set(
            Reaction.objects.filter(user=user, post__in=[p.pk for p in posts]).values_list(
                "post_id", flat=True
            )
        )
    for post in posts:
        post.topic = topic
        post.show_body = post.is_visible or moderator
        post.is_new = read_before is not None and post.position > read_before
        post.marked_helpful = post.pk in helpful
        post.is_answer = topic.answer_id == post.pk
        if participant:
            post.can_edit = permissions.can(user, "edit", post)
            post.can_react = permissions.can(user, "react", post)
            post.can_flag = post.can_react
            post.can_answer = topic.category.is_qa and permissions.can(user, "mark_answer", post)
    if posts and participant:
        reading.mark_read(user, topic, posts[-1].position, read_before=read_before)
    can_reply = permissions.can(user, "reply", topic)
    if form is None and can_reply:
        form = PostForm(initial={"language": posting.default_language(user)})
    return _render(
        request,
        page,
        "topic.html",
        category=page,
        topic=topic,
        posts=posts,
        page_number=number,
        last_page=last_page,
        page_links=_page_links(number, last_page),
        topic_url=page.topic_url(topic),
        can_reply=can_reply,
        form=form,
        error=error,
        preview=preview,
        level=notifications.topic_level(user, topic) if participant else None,
        level_form=LevelForm() if participant else None,
    )


@follows_moves
@login_redirects
def post_at(request, page: CategoryPage, topic_id: int, position: int):
    """Permalink by position: redirect to the page that holds it, at its anchor."""
    topic = _get_topic(request, page, topic_id)
    position = min(max(position, 1), max(topic.last_position, 1))
    url = page.topic_url(topic, reading.page_of(position))
    return redirect(f"{url}#post-{position}")


@follows_moves
@login_redirects
def first_unread(request, page: CategoryPage, topic_id: int):
    topic = _get_topic(request, page, topic_id)
    return post_at(request, page, topic.pk, reading.first_unread_position(request.user, topic))


@login_redirects
def topic_redirect(request, index, topic_id: int):
    topic = get_object_or_404(Topic.objects.select_related("category"), pk=topic_id)
    if not permissions.can(request.user, "read", topic):
        _refuse_reading(request)
    return redirect(_category_for(index, topic).topic_url(topic))


@login_redirects
def discuss(request, index, page_id: int):
    """The topic of a knowledge-base page; a participant's POST opens it on first use."""
    page = kb_discussion.discussable_page(page_id)
    if page is None:
        raise Http404
    topic = kb_discussion.topic_of(page)
    if topic is None:
        _require_login(request)
        if request.method != "POST":
            if kb_discussion.discussion_category() is None:
                raise Http404
            return _render(request, index, "kb_discuss.html", kb_page=page)
        try:
            topic = kb_discussion.start_discussion(page, by=request.user)
        except LimitExceeded as error:
            messages.error(request, error.message)
            return redirect(page.url)
        if topic is None:
            raise Http404
    if not permissions.can(request.user, "read", topic):
        _refuse_reading(request)
    return redirect(_category_for(index, topic).topic_url(topic))


@login_redirects
def post_permalink(request, index, post_id: int):
    post = get_object_or_404(Post.objects.select_related("topic__category"), pk=post_id)
    if not permissions.can(request.user, "read", post.topic):
        _refuse_reading(request)
    category = _category_for(index, post.topic)
    url = category.topic_url(post.topic, reading.page_of(post.position))
    return redirect(f"{url}#post-{post.position}")


def unread_topics(request, index):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    topics = list(reading.unread_topics(request.user)[: forum_settings.TOPICS_PER_PAGE])
    for topic in topics:
        topic.first_unread_url = topic.category.sub_url("first_unread", topic.pk)
    return _render(request, index, "unread.html", topics=topics)


@login_redirects
def attachment(request, index, attachment_id: int):
    """A post's file, for those who may read the post (hidden posts: moderators only)."""
    item = get_object_or_404(
        Attachment.objects.select_related("post__topic__category"), pk=attachment_id
    )
    if not permissions.can(request.user, "read", item.post):
        _refuse_reading(request)
    return attachments.response(item)


def mention_candidates(request, index):
    """JSON for the editor's @mention autocomplete; participants only."""
    if not permissions.is_participant(request.user):
        return JsonResponse({"members": []}, status=403)
    found = mentions.candidates(request.user, request.GET.get("q", "")[:150])
    response = JsonResponse({"members": found})
    response["Cache-Control"] = "private, no-store"
    return response


# Writing ----------------------------------------------------------------------------


def _is_preview(request) -> bool:
    return "preview" in request.POST


def _editor(request, form_class, *, initial, save, render):
    """The shared flow of the new-topic, reply and edit forms.

    GET shows the form with ``initial``; "preview" renders the text without saving; "send"
    calls ``save(cleaned_data, files)``, which returns the URL to go to or raises
    ``LimitExceeded``. A refused or invalid post answers 400 with the member's text kept.
    """
    error = preview = None
    if request.method == "POST":
        form = form_class(request.POST, request.FILES)
        if form.is_valid():
            data = form.cleaned_data
            if _is_preview(request):
                preview = markup.render_markdown(data["source"])
            else:
                try:
                    return redirect(save(data, data.get("attachments") or []))
                except LimitExceeded as limit:
                    error = limit.message
        if request.FILES and (error or form.errors or preview):
            form.files_dropped = True
    else:
        form = form_class(initial=initial)
    response = render(form=form, error=error, preview=preview)
    if error or form.errors:
        response.status_code = 400
    return response


def _writing(request, data, files) -> dict:
    """What the new-topic and reply forms hand to ``forum.posting``."""
    return {
        "author": request.user,
        "source": data["source"],
        "language": data["language"],
        "files": files,
    }


@login_redirects
def new_topic(request, page: CategoryPage):
    _require_login(request)
    canonical = page.canonical()
    if not permissions.can(request.user, "create_topic", canonical):
        raise PermissionDenied

    def save(data, files):
        topic = posting.create_topic(page, title=data["title"], **_writing(request, data, files))
        return page.topic_url(topic)

    return _editor(
        request,
        TopicForm,
        initial={"language": posting.default_language(request.user)},
        save=save,
        render=lambda **context: _render(
            request, page, "topic_form.html", category=page, **context
        ),
    )


@follows_moves
@login_redirects
def reply(request, page: CategoryPage, topic_id: int):
    _require_login(request)
    topic = _get_topic(request, page, topic_id)
    if not permissions.can(request.user, "reply", topic):
        if topic.is_locked:
            messages.error(request, _("This topic is locked: it takes no more replies."))
            return redirect(page.topic_url(topic, reading.page_count(topic)))
        raise PermissionDenied

    def save(data, files):
        post = posting.reply(topic, **_writing(request, data, files))
        return f"{page.topic_url(topic, reading.page_of(post.position))}#post-{post.position}"

    initial = {"language": posting.default_language(request.user)}
    quoted = _quoted_post(request, topic) if request.method == "GET" else None
    if quoted is not None:
        initial["source"] = markup.quote(
            quoted.source,
            author_name=display_name(quoted.author),
            url=_index_of(page).sub_url("post_permalink", quoted.pk),
        )
    return _editor(
        request,
        PostForm,
        initial=initial,
        save=save,
        render=lambda **context: _render(
            request,
            page,
            "reply_form.html",
            category=page,
            topic=topic,
            topic_url=page.topic_url(topic),
            **context,
        ),
    )


def _quoted_post(request, topic):
    try:
        post_id = int(request.GET.get("quote", ""))
    except ValueError:
        return None
    post = Post.objects.filter(pk=post_id, topic=topic).select_related("author").first()
    if post is None or not post.is_visible:
        return None
    return post


def display_name(user) -> str:
    from forum.templatetags.forum_tags import member_name

    return member_name(user)


@login_redirects
def post_action(request, index, post_id: int, action: str):
    """Everything done to one post: edit, delete, flag, react, answer, hide, history, suspend."""
    _require_login(request)
    post = get_object_or_404(Post.objects.select_related("topic__category", "author"), pk=post_id)
    user = request.user
    if not permissions.can(user, "read", post.topic):
        raise PermissionDenied
    category = _category_for(index, post.topic)
    back = f"{category.topic_url(post.topic, reading.page_of(post.position))}#post-{post.position}"
    handler = POST_ACTIONS.get(action)
    if handler is None:
        raise Http404
    return handler(request, index, category, post, back)


def _edit(request, index, category, post, back):
    permissions.require(request.user, "edit", post)

    def save(data, files):
        posting.edit_post(
            post, by=request.user, source=data["source"], language=data["language"], files=files
        )
        return back

    return _editor(
        request,
        PostForm,
        initial={"source": post.source, "language": post.language},
        save=save,
        render=lambda **context: _render(
            request, category, "edit_form.html", post=post, topic=post.topic, back=back, **context
        ),
    )


def _confirm(request, category, post, back, *, title, form=None, button):
    return _render(
        request,
        category,
        "confirm.html",
        post=post,
        topic=post.topic,
        form=form or ReasonForm(),
        heading=title,
        button=button,
        back=back,
    )


def _delete(request, index, category, post, back):
    permissions.require(request.user, "delete", post)
    if request.method != "POST":
        return _confirm(
            request, category, post, back, title=_("Delete this post?"), button=_("Delete")
        )
    posting.delete_post(post, by=request.user)
    messages.success(request, _("The post was deleted."))
    return redirect(back)


def _flag(request, index, category, post, back):
    permissions.require(request.user, "flag", post)
    form = FlagForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            flags.flag_post(post, by=request.user, reason=form.cleaned_data["reason"])
        except flags.AlreadyFlagged:
            messages.info(request, _("You have already flagged this post."))
        else:
            messages.success(request, _("Thank you. A moderator will look at this post."))
        return redirect(back)
    return _confirm(
        request, category, post, back, title=_("Flag this post"), form=form, button=_("Flag")
    )


def _moderate_post(operation, title, button, message):
    def handler(request, index, category, post, back):
        permissions.require(request.user, "moderate", post.topic)
        form = ReasonForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            operation(post, by=request.user, reason=form.cleaned_data["reason"])
            messages.success(request, message())
            return redirect(back)
        return _confirm(request, category, post, back, title=title(), form=form, button=button())

    return handler


def _helpful(request, index, category, post, back):
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    if request.POST.get("undo"):
        reactions.unmark_helpful(post, by=request.user)
    else:
        reactions.mark_helpful(post, by=request.user)
    return redirect(back)


def _answer(request, index, category, post, back):
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    if request.POST.get("undo"):
        reactions.unmark_answer(post.topic, by=request.user)
    else:
        reactions.mark_answer(post, by=request.user)
    return redirect(back)


def _history(request, index, category, post, back):
    permissions.require(request.user, "view_history", post)
    return _render(
        request,
        category,
        "history.html",
        post=post,
        topic=post.topic,
        revisions=post.revisions.select_related("edited_by"),
        back=back,
    )


def _quote(request, index, category, post, back):
    return redirect(f"{category.sub_url('reply', post.topic_id)}?quote={post.pk}")


def _suspend(request, index, category, post, back):
    permissions.require(request.user, "moderate", post.topic)
    if post.author is None:
        raise Http404
    form = SuspendForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        moderation.suspend_member(
            post.author,
            until=timezone.now() + timedelta(days=form.cleaned_data["days"]),
            reason=form.cleaned_data["reason"],
            by=request.user,
        )
        messages.success(request, _("The member is suspended."))
        return redirect(back)
    return _confirm(
        request,
        category,
        post,
        back,
        title=_("Suspend the author of this post"),
        form=form,
        button=_("Suspend"),
    )


POST_ACTIONS = {
    "edit": _edit,
    "delete": _delete,
    "flag": _flag,
    "helpful": _helpful,
    "answer": _answer,
    "history": _history,
    "quote": _quote,
    "suspend": _suspend,
    "hide": _moderate_post(
        moderation.hide_post,
        lambda: _("Hide this post"),
        lambda: _("Hide"),
        lambda: _("The post is hidden."),
    ),
    "unhide": _moderate_post(
        moderation.unhide_post,
        lambda: _("Show this post again"),
        lambda: _("Show again"),
        lambda: _("The post is visible again."),
    ),
}


# Moderation -------------------------------------------------------------------------

TOPIC_OPERATIONS = {
    "pin": moderation.pin_topic,
    "unpin": moderation.unpin_topic,
    "lock": moderation.lock_topic,
    "unlock": moderation.unlock_topic,
}


def _posted_id(request, name: str) -> int:
    value = request.POST.get(name, "").strip().lstrip("#")
    return int(value) if value.isdigit() else 0


def _moderate(request, page, topic, action: str, reason: str):
    """Carry out one topic operation; returns where to go, or raises ``_Refused``."""
    user = request.user
    if action in TOPIC_OPERATIONS:
        TOPIC_OPERATIONS[action](topic, by=user, reason=reason)
        messages.success(request, _("Done."))
        return page.topic_url(topic)
    if action == "move":
        target = CategoryPage.objects.filter(pk=_posted_id(request, "category")).first()
        if target is None:
            raise _Refused(_("Choose the category to move the topic to."))
        moderation.move_topic(topic, target, by=user, reason=reason)
        return _category_for(page, topic).topic_url(topic)
    if action == "merge":
        into = Topic.objects.select_related("category").filter(pk=_posted_id(request, "into"))
        into = into.first()
        if into is None or into.pk == topic.pk:
            raise _Refused(_("There is no other topic with this number."))
        merged = moderation.merge_topics(topic, into, by=user, reason=reason)
        return _category_for(page, merged).topic_url(merged)
    if action == "split":
        positions = [
            int(p) for p in request.POST.get("positions", "").split(",") if p.strip().isdigit()
        ]
        title = request.POST.get("title", "").strip()[:200] or topic.title
        try:
            new = moderation.split_topic(topic, positions, title=title, by=user, reason=reason)
        except ValueError:
            raise _Refused(_("Choose some, but not all, posts to split off.")) from None
        return page.topic_url(new)
    raise Http404


class _Refused(Exception):
    def __init__(self, message):
        super().__init__(message)
        self.message = message


@follows_moves
@login_redirects
def moderate_topic(request, page: CategoryPage, topic_id: int):
    _require_login(request)
    topic = _get_topic(request, page, topic_id)
    permissions.require(request.user, "moderate", topic)
    error = None
    if request.method == "POST":
        action = request.POST.get("action", "")
        reason = request.POST.get("reason", "")[:500]
        try:
            return redirect(_moderate(request, page, topic, action, reason))
        except _Refused as refused:
            error = refused.message
    categories = (
        CategoryPage.objects.live()
        .filter(locale_id=page.locale_id)
        .exclude(translation_key=page.translation_key)
    )
    response = _render(
        request,
        page,
        "moderate_topic.html",
        category=page,
        topic=topic,
        categories=categories,
        topic_url=page.topic_url(topic),
        error=error,
        posted=request.POST,
    )
    if error:
        response.status_code = 400
    return response


def moderation_queue(request, index):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    permissions.require(request.user, "moderate")
    if request.method == "POST":
        post = get_object_or_404(
            Post.objects.select_related("topic__category"), pk=request.POST.get("post") or 0
        )
        action = request.POST.get("action")
        if action not in {"dismiss", "hide", "delete"}:
            raise Http404
        flags.resolve_flags(
            post, by=request.user, action=action, reason=request.POST.get("reason", "")[:500]
        )
        messages.success(request, _("Done."))
        return redirect(index.sub_url("moderation"))
    posts = list(flags.queue()[:50])
    for post in posts:
        post.url = index.sub_url("post_permalink", post.pk)
        post.open_flags = [f for f in post.flags.all() if f.resolved_at is None]
    return _render(request, index, "moderation_queue.html", posts=posts)


def audit_log(request, index):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    permissions.require(request.user, "moderate")
    entries = ModerationLogEntry.objects.select_related("actor", "member", "topic", "post")[:200]
    return _render(request, index, "audit_log.html", entries=entries)


# Notifications ----------------------------------------------------------------------


def notification_list(request, index):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    user = request.user
    if request.method == "POST":
        if "frequency" in request.POST:
            form = EmailPreferenceForm(request.POST)
            if form.is_valid():
                EmailPreference.objects.update_or_create(
                    user=user, defaults={"frequency": form.cleaned_data["frequency"]}
                )
                messages.success(request, _("Your email settings are saved."))
        else:
            notifications.mark_all_read(user)
        return redirect(index.sub_url("notifications"))
    items = list(notifications.for_user(user)[:50])
    for item in items:
        item.url = (
            index.sub_url("post_permalink", item.post_id)
            if item.post_id
            else index.sub_url("topic_redirect", item.topic_id)
        )
    return _render(
        request,
        index,
        "notifications.html",
        items=items,
        unread=sum(1 for item in items if item.read_at is None),
        email_form=EmailPreferenceForm(initial={"frequency": notifications.email_frequency(user)}),
    )


def _set_level(request, setter, target, back):
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    form = LevelForm(request.POST)
    if not form.is_valid():
        # Only a tampered form gets here: the page offers a list of the valid levels.
        return HttpResponseBadRequest(_("Choose one of the notification levels offered."))
    setter(request.user, target, form.cleaned_data["level"])
    messages.success(request, _("Your notification level is saved."))
    return redirect(back)


@follows_moves
@login_redirects
def watch_topic(request, page, topic_id: int):
    _require_login(request)
    topic = _get_topic(request, page, topic_id)
    return _set_level(request, notifications.set_topic_level, topic, page.topic_url(topic))


@login_redirects
def watch_category(request, page):
    _require_login(request)
    return _set_level(request, notifications.set_category_level, page, page.url)


def unsubscribe(request, index, token: str):
    """One click from an email: mute the topic, no login needed (the link is signed)."""
    topic = notifications.unsubscribe(token)
    return _render(request, index, "unsubscribe.html", topic=topic, ok=topic is not None)
