"""Which changes make cached anonymous pages stale: every signal is connected here.

Public pages list pages, snippets, taxonomy, forum topics and posts, endorsements and
their counts, so any write to the models behind them raises the content generation
(``home.page_cache.bump_generation``), or, for the forum's own rows (topics, posts), the
discussions generation (``bump_discussions``), which spares the page types that show no
forum content. Writes that no anonymous reader can see (read markers, notifications,
subscriptions, flags, logs, drafts, renditions, sessions, search index rows) raise
neither, or a busy forum would empty the cache on every page view.
"""

from django.db.models.signals import m2m_changed, post_delete, post_save
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

from home.page_cache import bump_discussions, bump_generation

# Apps whose models anonymous readers see (in pages, listings, counts or menus).
CONTENT_APPS = {"home", "kb", "forum", "translations", "taggit", "wagtailimages", "wagtaildocs"}
CONTENT_MODELS = {"wagtailcore.site", "wagtailcore.locale", "members.membership"}
PRIVATE_MODELS = {
    "forum.topicreadstate",
    "forum.subscription",
    "forum.emailpreference",
    "forum.notification",
    "forum.flag",
    "forum.moderationlogentry",
    "forum.forumsuspension",
    "wagtailimages.rendition",
}


def changes_public_content(sender, instance) -> bool:
    """Whether saving or deleting ``instance`` can change what an anonymous reader sees."""
    if issubclass(sender, Page):
        # Drafts of unpublished pages are invisible; publishing sends its own signal.
        return bool(getattr(instance, "live", False))
    label = sender._meta.label_lower
    if label in PRIVATE_MODELS:
        return False
    return label in CONTENT_MODELS or sender._meta.app_label in CONTENT_APPS


def _bump_for(sender) -> None:
    """The forum's own rows are discussions; pages (forum pages too) and the rest content."""
    if sender._meta.app_label == "forum" and not issubclass(sender, Page):
        bump_discussions()
    else:
        bump_generation()


def _on_write(sender, instance=None, action="post_save", **kwargs):
    if action.startswith("pre_"):
        return
    if instance is not None and changes_public_content(sender, instance):
        _bump_for(sender)


def _on_page_event(sender=None, **kwargs):
    bump_generation()


def _on_delete(sender, instance=None, **kwargs):
    # A deleted page was maybe live a moment ago: ``live`` is not to be trusted here.
    if issubclass(sender, Page) or changes_public_content(sender, instance):
        _bump_for(sender)


def connect() -> None:
    post_save.connect(_on_write, dispatch_uid="page-cache-save")
    m2m_changed.connect(_on_write, dispatch_uid="page-cache-m2m")
    post_delete.connect(_on_delete, dispatch_uid="page-cache-delete")
    page_published.connect(_on_page_event, dispatch_uid="page-cache-published")
    page_unpublished.connect(_on_page_event, dispatch_uid="page-cache-unpublished")
    post_page_move.connect(_on_page_event, dispatch_uid="page-cache-moved")
