"""Internal links to knowledge-base pages, shown in posts as small cards.

Cards are made when a post is rendered (saved), from live public pages only: a draft or a
page in a private section stays a bare link.
"""

import html
import re
from urllib.parse import urlsplit

from django.utils.html import format_html
from django.utils.text import Truncator
from wagtail.models import Locale, Page, Site

from kb.models.base import kb_page_models

# A paragraph that is nothing but one link, as nh3 leaves it.
LINK_PARAGRAPH = re.compile(r'<p><a href="([^"]*)">([^<]*)</a></p>')
SUMMARY_CHARS = 200


def _root_path(language_code):
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is None:
        return None
    root = site.root_page
    if language_code:
        root = (
            Page.objects.filter(
                translation_key=root.translation_key, locale__language_code=language_code
            ).first()
            or root
        )
    return root.url_path


def find_page(url: str):
    """The live, public knowledge-base page at ``url`` (path only; host already checked)."""
    segments = [s for s in urlsplit(url).path.split("/") if s]
    if not segments:
        return None
    language = None
    if Locale.objects.filter(language_code=segments[0]).exists():
        language, segments = segments[0], segments[1:]
    root_path = _root_path(language)
    if root_path is None or not segments:
        return None
    page = (
        Page.objects.live().public().filter(url_path=root_path + "/".join(segments) + "/").first()
    )
    if page is None:
        return None
    page = page.specific
    return page if isinstance(page, tuple(kb_page_models())) else None


def card(href: str, page) -> str:
    """A card: the kind of page, its title as the link, and its summary; all escaped."""
    summary = Truncator(getattr(page, "summary", "") or "").chars(SUMMARY_CHARS)
    return format_html(
        '<aside class="forum-card"><p class="forum-card__kind">{}</p>'
        '<p class="forum-card__title"><a href="{}">{}</a></p>{}</aside>',
        page.specific_class._meta.verbose_name,
        href,
        page.title,
        format_html('<p class="forum-card__summary">{}</p>', summary) if summary else "",
    )


def replace_links(rendered: str, is_internal) -> str:
    """``rendered`` with each paragraph made only of an internal link to a kb page as a card."""

    def replace(match):
        href = html.unescape(match.group(1))
        if not is_internal(href):
            return match.group(0)
        page = find_page(href)
        return card(href, page) if page is not None else match.group(0)

    return LINK_PARAGRAPH.sub(replace, rendered)
