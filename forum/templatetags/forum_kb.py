"""The forum on knowledge-base pages: ``{% kb_discussion page %}``.

Loaded only by ``forum/kb_discussion.html``, the template a site names in
``PUENTE_KB_DISCUSSION_TEMPLATE``; the knowledge base itself never imports the forum.
"""

from django import template
from django.db.models import Case, Exists, When

from forum.conf import forum_settings
from forum.models import CategoryPage, ForumIndexPage, Post, Topic
from kb import content_version

register = template.Library()


# Enough of the forum's front page to build its routes' URLs.
INDEX_FIELDS = ("id", "title", "url_path", "content_type_id", "locale_id")


def _forum_index(locale_id):
    """The forum in the page's language (else any), and whether a category takes
    discussions of the knowledge base. Cached under the knowledge base's version, which
    every publish, unpublish, move or deletion of a page raises (forum pages included)."""

    def compute():
        index = (
            ForumIndexPage.objects.live()
            .annotate(
                in_language=Case(When(locale_id=locale_id, then=0), default=1),
                has_kb_category=Exists(CategoryPage.objects.live().filter(is_kb_discussions=True)),
            )
            .order_by("in_language", "pk")
            .values_list(*INDEX_FIELDS, "has_kb_category")
            .first()
        )
        return index or ()

    found = content_version.remember(["forum-kb-index", locale_id], compute)
    if not found:
        return None
    *values, has_kb_category = found
    known = dict(zip(INDEX_FIELDS, values, strict=True), page_ptr_id=values[0])
    # from_db() takes the values in the order of the model's fields.
    names = [f.attname for f in ForumIndexPage._meta.concrete_fields if f.attname in known]
    index = ForumIndexPage.from_db(None, names, [known[name] for name in names])
    index.has_kb_category = has_kb_category
    return index


@register.inclusion_tag("forum/includes/kb_discussion.html", takes_context=True)
def kb_discussion(context, page):
    """The link to the page's topic, its reply count and the latest posts the reader may see."""
    request = context.get("request")
    user = getattr(request, "user", None)
    index = _forum_index(page.locale_id)
    if index is None:
        return {"shown": False}
    # The base of its routes' URLs, from the sites' root paths the request keeps.
    index._forum_base_url = index.get_url(request)
    # The topics first: one statement joining posts to the pages of their topics costs
    # PostgreSQL more to plan (4-5 ms) than these two together, and most pages have none.
    topics = Topic.objects.filter(kb_page__translation_key=page.translation_key)
    topic_ids = list(topics.values_list("pk", flat=True))
    posts = []
    if topic_ids:
        posts = list(
            Post.objects.visible_to(user)
            .filter(topic_id__in=topic_ids, is_hidden=False, is_deleted=False)
            .select_related("topic", "author")
            .order_by("-created_at", "-pk")[: forum_settings.KB_LATEST_POSTS]
        )
    topic = posts[0].topic if posts else None
    if topic is None and not index.has_kb_category:
        return {"shown": False}
    for post in posts:
        post.url = index.sub_url("post_permalink", post.pk)
    return {
        "shown": True,
        "topic": topic,
        "posts": posts,
        "discuss_url": index.sub_url("discuss", page.pk),
    }
