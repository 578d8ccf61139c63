"""Posts are CommonMark: rendered with markdown-it-py (raw HTML off), then sanitised by nh3."""

import re
from urllib.parse import urlsplit

import nh3
from markdown_it import MarkdownIt

from forum import link_cards
from forum.conf import forum_settings

ALLOWED_TAGS = {
    "a", "blockquote", "br", "code", "em", "h1", "h2", "h3", "h4", "h5", "h6",
    "hr", "li", "ol", "p", "pre", "strong", "ul",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "ol": {"start"}}
URL_SCHEMES = {"http", "https", "mailto"}
EXTERNAL_REL = "nofollow ugc noopener"

_markdown = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
# Images would load from anywhere (tracking pixels); attachments are the way to share them.
_markdown.disable("image")

_LINK = re.compile(r'<a href="([^"]*)"')
_MENTION = re.compile(r"(?<![\w@/])@([\w.+-]{2,150})")


def is_internal(url: str) -> bool:
    """Relative links, and links to the hosts in ``PUENTE_FORUM_INTERNAL_HOSTS``."""
    parts = urlsplit(url)
    if not parts.scheme and not parts.netloc:
        return True
    return parts.scheme in {"http", "https"} and parts.hostname in forum_settings.INTERNAL_HOSTS


def _add_rel(match: re.Match) -> str:
    href = match.group(1)
    if is_internal(href.replace("&amp;", "&")):
        return match.group(0)
    return f'{match.group(0)} rel="{EXTERNAL_REL}"'


def render_markdown(source: str) -> str:
    """Safe HTML for a post's CommonMark ``source``; lone links to kb pages become cards."""
    return link_cards.replace_links(_sanitised(source), is_internal)


def _sanitised(source: str) -> str:
    html = nh3.clean(
        _markdown.render(source),
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel=None,
        strip_comments=True,
    )
    return _LINK.sub(_add_rel, html)


def count_links(source: str) -> int:
    """How many links a post's text makes, as rendered."""
    return len(_LINK.findall(_sanitised(source)))


def mentioned_names(source: str) -> set[str]:
    """The ``@name`` handles in a post's text, outside code."""
    without_code = re.sub(r"```.*?```|`[^`]*`", "", source, flags=re.S)
    return {name.rstrip(".") for name in _MENTION.findall(without_code)}


def quote(source: str, *, author_name: str, url: str) -> str:
    """The Markdown that quotes a post, with a link back to it."""
    quoted = "\n".join(f"> {line}" if line else ">" for line in source.strip().splitlines())
    return f"> [{author_name}]({url}):\n>\n{quoted}\n\n"
