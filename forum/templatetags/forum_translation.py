"""What a reader sees of a post's machine translation: the offer, its progress, the result."""

import dataclasses
from urllib.parse import urlencode

from django import template
from django.utils.translation import get_language, get_language_info

from forum import translation

register = template.Library()

PARAMETER = "translate"


@dataclasses.dataclass
class ShownTranslation:
    status: str | None  # None: not asked for; else a PostTranslation.Status
    html: str = ""
    source_language: str = ""
    original_url: str = ""
    reload_url: str = ""


def _wanted(request) -> set[int]:
    """The posts this reader asked to read translated (``?translate=<id>``)."""
    return {int(value) for value in request.GET.getlist(PARAMETER) if value.isdigit()}


def _language_name(code: str) -> str:
    try:
        return get_language_info(code)["name_translated"]
    except KeyError:
        return code


def _url_without(request, post) -> str:
    query = request.GET.copy()
    query.setlist(PARAMETER, [v for v in query.getlist(PARAMETER) if v != str(post.pk)])
    encoded = urlencode(sorted(query.lists()), doseq=True)
    return f"{request.path}{'?' + encoded if encoded else ''}#post-{post.position}"


@register.simple_tag(takes_context=True)
def post_translation(context, post):
    """None when no translation is offered; else a ``ShownTranslation`` for the template.

    The translations of the page's posts are read once per request, in one query.
    """
    request = context.get("request")
    language = get_language()
    if request is None or not translation.offers_translation(post, language):
        return None
    wanted = _wanted(request)
    if post.pk not in wanted:
        return ShownTranslation(status=None)
    stored = getattr(request, "_forum_translations", None)
    if stored is None or post.pk not in stored["asked"]:
        posts = [p for p in context.get("posts") or [] if p.pk in wanted] or [post]
        stored = {
            "asked": {p.pk for p in posts} | {post.pk},
            "found": translation.current_translations(posts, language),
        }
        request._forum_translations = stored
    found = stored["found"].get(post.pk)
    if found is None:
        return ShownTranslation(status=None)
    return ShownTranslation(
        status=found.status,
        html=found.html,
        source_language=_language_name(post.language),
        original_url=_url_without(request, post),
        reload_url=f"{request.get_full_path()}#post-{post.position}",
    )
