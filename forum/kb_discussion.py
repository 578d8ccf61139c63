"""Knowledge-base pages discussed in the forum: one topic per page and its translations.

The knowledge base knows nothing of the forum; the forum finds the pages (``kb_page``) and
renders its block on them through ``PUENTE_KB_DISCUSSION_TEMPLATE``.
"""

from django.db import IntegrityError, transaction
from django.utils import translation
from django.utils.translation import gettext as _
from wagtail.models import Page

from forum import posting
from forum.conf import forum_settings
from forum.models import CategoryPage, Topic
from kb.models.base import kb_page_models


def discussion_category():
    """The category the coordinators chose for discussions of knowledge-base pages, or None."""
    return CategoryPage.objects.live().filter(is_kb_discussions=True).order_by("pk").first()


def discussable_page(page_id):
    """The live, public knowledge-base page with this id, as its specific type, or None."""
    page = Page.objects.live().public().filter(pk=page_id).first()
    if page is None:
        return None
    page = page.specific
    return page if isinstance(page, tuple(kb_page_models())) else None


def topic_of(page):
    """The topic discussing ``page`` or one of its translations, or None."""
    return (
        Topic.objects.filter(kb_page__translation_key=page.translation_key)
        .select_related("category")
        .order_by("pk")
        .first()
    )


def _markdown_text(text: str) -> str:
    return text.replace("\\", "\\\\").replace("[", "\\[").replace("]", "\\]")


@transaction.atomic
def start_discussion(page, *, by):
    """The topic discussing ``page``, opened by ``by`` on first use; None without a category.

    Two first clicks at once give one topic: the page's row is locked where the database
    can, and the unique ``kb_page`` constraint catches the rest.
    """
    list(Page.objects.select_for_update().filter(pk=page.pk).values_list("pk", flat=True))
    topic = topic_of(page)
    if topic is not None:
        return topic
    category = discussion_category()
    if category is None:
        return None
    language = page.locale.language_code
    with translation.override(language):
        source = _("Comments and questions about this page of the knowledge base:")
    source = f"{source}\n\n[{_markdown_text(page.title)}]({page.url})"
    try:
        with transaction.atomic():
            return posting.create_topic(
                category,
                author=by,
                title=page.title[: forum_settings.MAX_TITLE_LENGTH],
                source=source,
                language=language,
                kb_page=page,
            )
    except IntegrityError:
        return topic_of(page)
