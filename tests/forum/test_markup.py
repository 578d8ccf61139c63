"""Posts are CommonMark sanitised by nh3: every XSS payload renders inert."""

from html.parser import HTMLParser

import pytest

from forum import posting
from forum.markup import render_markdown
from tests.forum.conftest import topic_url

PAYLOADS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    '<a href="javascript:alert(1)">x</a>',
    "[click](javascript:alert(1))",
    "[click](JAVASCRIPT:alert(1))",
    "[click](&#106;avascript:alert(1))",
    "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "![x](javascript:alert(1))",
    '![x](https://example.org/x.png" onerror="alert(1))',
    "<svg onload=alert(1)><circle/></svg>",
    "<iframe src=//evil.example></iframe>",
    '<div style="background:url(javascript:alert(1))">x</div>',
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    "[x](vbscript:msgbox(1))",
    '[x](https://ok.example "title\\" onmouseover=\\"alert(1)")',
    "<<script>script>alert(1)<</script>/script>",
    "`<script>alert(1)</script>`",
    "<a href='#' onclick='alert(1)'>x</a>",
]


class _Elements(HTMLParser):
    def __init__(self):
        super().__init__()
        self.elements = []

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))


def assert_inert(html: str, *, allowed_scripts=()):
    """No script-capable element, event handler, style or dangerous URL in real markup."""
    parser = _Elements()
    parser.feed(html)
    for tag, attrs in parser.elements:
        if tag == "script":
            assert attrs.get("src") in allowed_scripts, (tag, attrs)
            continue
        assert tag not in {"svg", "iframe", "object", "embed", "math", "img"}, (tag, attrs)
        for name, value in attrs.items():
            assert not name.startswith("on"), (tag, attrs)
            if name in {"href", "src", "action", "formaction"} and value:
                scheme = value.strip().lower().split(":", 1)[0]
                assert scheme not in {"javascript", "data", "vbscript"}, (tag, attrs)


@pytest.mark.parametrize("payload", PAYLOADS)
def test_payload_renders_inert(payload):
    assert_inert(render_markdown(payload))


def test_external_links_get_rel_internal_do_not():
    html = render_markdown("[a](https://elsewhere.example/x) [b](/es/kb/) [c](mailto:a@b.c)")
    assert '<a href="https://elsewhere.example/x" rel="nofollow ugc noopener">' in html
    assert '<a href="/es/kb/">' in html


@pytest.mark.django_db
@pytest.mark.parametrize("payload", PAYLOADS)
def test_payload_as_title_and_body_is_inert_on_the_page(client, forum, member, payload):
    topic = posting.create_topic(
        forum.categories["general"], author=member, title=payload[:150], source=payload
    )
    for url in [topic_url(topic), forum.categories["general"].url, forum.url]:
        html = client.get(url).content.decode()
        body = html.split('<main id="main"', 1)[-1].split("</main>", 1)[0]
        assert_inert(body)
