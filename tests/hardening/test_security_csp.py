"""The public site works under its Content-Security-Policy: one page of every page type,
in every language, as a reader and as a member, carries the policy and nothing in it
that the policy would block (inline scripts without the nonce, inline event handlers,
style attributes, javascript: links). Page types come from the database, so a new one
is covered as soon as the demo has it."""

import re

import pytest
from django.conf import settings
from wagtail.models import Page

INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*\bnonce=)[^>]*>", re.I)
INLINE_STYLE = re.compile(r"<style(?![^>]*\bnonce=)[^>]*>", re.I)
EVENT_HANDLER = re.compile(r"<[a-z][^>]*\son[a-z]+\s*=", re.I)
STYLE_ATTRIBUTE = re.compile(r"<[a-z][^>]*\sstyle\s*=", re.I)
JAVASCRIPT_URL = re.compile(r"""(?:href|src|action)\s*=\s*["']\s*javascript:""", re.I)


def one_page_per_type_and_language():
    seen, pages = set(), []
    for page in Page.objects.live().filter(depth__gt=1).select_related("locale"):
        key = (page.content_type_id, page.locale.language_code)
        if key not in seen:
            seen.add(key)
            pages.append(page)
    return pages


def blocked_by_policy(html):
    problems = []
    for name, pattern in [
        ("inline script", INLINE_SCRIPT),
        ("inline style element", INLINE_STYLE),
        ("event handler", EVENT_HANDLER),
        ("style attribute", STYLE_ATTRIBUTE),
        ("javascript: url", JAVASCRIPT_URL),
    ]:
        problems += [f"{name}: {match.group(0)[:120]}" for match in pattern.finditer(html)]
    return problems


@pytest.mark.parametrize("role", ["anonymous", "member"])
def test_every_page_type_works_under_the_policy(clients, role):
    client = clients[role]
    pages = one_page_per_type_and_language()
    assert {page.locale.language_code for page in pages} == {c for c, _ in settings.LANGUAGES}
    found = {}
    for page in pages:
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        assert "script-src 'self'" in response["Content-Security-Policy"], page.url
        problems = blocked_by_policy(response.content.decode())
        if problems:
            found[f"{page.specific_class.__name__} {page.url}"] = problems
    assert found == {}
