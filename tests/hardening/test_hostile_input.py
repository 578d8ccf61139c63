"""Hostile and malformed input to every form and query parameter: never a 500, never echoed raw.

Forms are found generically: every page the URL walk knows (one per pattern and page
type) is fetched as each role that sees different forms, every ``<form>`` is parsed,
and each payload goes into every field at once. Query parameters get the same payloads,
and hypothesis explores the listings' filters and search.
"""

import re
from html.parser import HTMLParser
from urllib.parse import urlencode, urljoin

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.hardening.conftest import Samples, page_targets, route_parameters, site_targets

XSS = [
    "<script>alert('puente')</script>",
    '"><img src=x onerror=alert(1)>',
    "javascript:alert(1)//<svg/onload=alert(1)>",
]
PAYLOADS = [
    *XSS,
    "' OR 1=1 --",
    '"; DROP TABLE forum_post; --',
    "{{ request.user.password }}{% debug %}",
    "{% load static %}{{ 7|add:7 }}",
    "\x00null\x00byte",
    "-1",
    "99999999999999999999999",
    "1.5e309",
    "[]",
    "",
    "x" * 1_000_000,
]
QUERY_PAYLOADS = [XSS[1], PAYLOADS[3], PAYLOADS[5], PAYLOADS[7], PAYLOADS[9], "x" * 20_000]
# Each sees forms the others do not (the coordinator: also what org admins see).
FORM_ROLES = ("anonymous", "member", "coordinator")
SKIPPED_ACTIONS = ("/logout/", "/i18n/setlang/")


class FormParser(HTMLParser):
    """The forms of a page: action, method and the names of their fields."""

    def __init__(self):
        super().__init__()
        self.forms = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.forms.append(
                {
                    "action": attrs.get("action") or "",
                    "method": (attrs.get("method") or "get").lower(),
                    "fields": {},
                }
            )
        elif tag in ("input", "textarea", "select") and self.forms and attrs.get("name"):
            kind = (attrs.get("type") or "text").lower()
            if kind not in ("submit", "button", "file", "image", "reset"):
                self.forms[-1]["fields"][attrs["name"]] = attrs.get("value") or ""


def forms_of(response, url):
    if "text/html" not in response.get("Content-Type", ""):
        return []
    parser = FormParser()
    parser.feed(response.content.decode("utf-8", "replace"))
    for form in parser.forms:
        form["action"] = urljoin(url, form["action"] or url)
    return [
        form
        for form in parser.forms
        if form["action"].startswith("/") and not form["action"].startswith(SKIPPED_ACTIONS)
    ]


def answer(send, *args, **kwargs):
    """The response, or the exception the view raised (the test client re-raises it)."""
    try:
        return send(*args, **kwargs)
    except Exception as error:  # noqa: BLE001 - reported as a 500 below
        return error


def problems_of(response, payload, where) -> list[str]:
    """A 500, or an XSS payload echoed unescaped into HTML."""
    if isinstance(response, Exception):
        return [f"500 {type(response).__name__}: {where} ({payload[:40]!r}) {response}"]
    if response.status_code >= 500:
        return [f"{response.status_code}: {where} ({payload[:40]!r})"]
    html = "text/html" in response.get("Content-Type", "")
    if payload in XSS and html and payload.encode() in response.content:
        return [f"unescaped echo: {where} ({payload!r})"]
    return []


def _pages_to_scan(demo):
    """One URL per routed pattern and page type (Spanish), where forms would be."""
    samples = Samples(demo)
    seen, urls = set(), []
    for target in site_targets(samples) + page_targets(samples):
        if target.key.startswith(("admin/", "django-admin/")) or not target.url.startswith("/es/"):
            continue
        if target.key not in seen:
            seen.add(target.key)
            urls.append(target.url)
    return urls


@pytest.fixture
def relogin(demo, clients):
    def again(role):
        if role != "anonymous":
            clients[role].force_login(demo["users"][role])

    return again


def test_every_form_survives_hostile_values(demo, clients, relogin):
    urls = _pages_to_scan(demo)
    tried, forms_seen, problems = 0, set(), []
    for role in FORM_ROLES:
        client = clients[role]
        for url in urls:
            response = client.get(url)
            for form in forms_of(response, url):
                # The same form on another object (topic, post, page) adds nothing.
                action = re.sub(r"\d+", "N", form["action"])
                signature = (role, action, tuple(sorted(form["fields"])))
                if signature in forms_seen or not form["fields"]:
                    continue
                forms_seen.add(signature)
                send = client.post if form["method"] == "post" else client.get
                for payload in PAYLOADS:
                    data = dict.fromkeys(form["fields"], payload)
                    # Keep hidden CSRF tokens, so the form itself gets the payload.
                    data.update(
                        {k: v for k, v in form["fields"].items() if k == "csrfmiddlewaretoken"}
                    )
                    result = answer(send, form["action"], data)
                    where = f"{role} {form['method']} {form['action']}"
                    problems += problems_of(result, payload, where)
                    tried += 1
                    if role != "anonymous" and not client.session.get("_auth_user_id"):
                        relogin(role)
                # Invalid UTF-8 in the body.
                if form["method"] == "post":
                    body = "&".join(f"{name}=%FF%FE%00" for name in form["fields"])
                    result = answer(
                        client.post,
                        form["action"],
                        body,
                        content_type="application/x-www-form-urlencoded",
                    )
                    problems += problems_of(result, "%FF%FE%00", f"{role} {form['action']}")
                    tried += 1
    assert problems == []
    assert len(forms_seen) >= 15, forms_seen
    assert tried > 200


def test_every_page_survives_hostile_query_parameters(demo, clients):
    problems = []
    for url in _pages_to_scan(demo):
        for payload in QUERY_PAYLOADS:
            query = urlencode({"page": payload, "q": payload, "quote": payload})
            for role in ("anonymous", "member") if payload == XSS[1] else ("anonymous",):
                response = answer(clients[role].get, f"{url}?{query}")
                problems += problems_of(response, payload, f"{role} {url}")
        response = answer(clients["anonymous"].get, url + "?page=%FF%FE&q=%00%C0%AF")
        problems += problems_of(response, "%FF%FE", url)
    assert problems == []


def test_huge_and_malformed_ids_are_not_found(demo, clients):
    from tests.hardening.conftest import fill_route, url_patterns

    problems = []
    for key, _pattern in url_patterns():
        parameters = route_parameters(key)
        if not parameters or "^" in key or key.startswith(("admin/", "django-admin/")):
            continue
        path = "/" + fill_route(key.replace("<lang>/", "es/"), dict.fromkeys(parameters, 2**64))
        for role in ("anonymous", "member", "coordinator"):
            problems += problems_of(answer(clients[role].get, path), "2**64", f"{role} {path}")
    assert problems == []


@pytest.mark.parametrize(
    "path",
    ["/fr/", "/xx/members/", "/es-ES/search/", "/ES/", "/zz/foro/", "/es/%00/", "/de/..%2F/"],
)
def test_unknown_locales_and_odd_paths_are_answered_without_error(demo, clients, path):
    response = clients["anonymous"].get(path)
    assert response.status_code in (301, 302, 404), response.status_code


def _listing_parameters(demo, clients):
    """Query parameters of the filter and search forms (GET forms) on the Spanish pages."""
    found = {}
    for url in _pages_to_scan(demo):
        response = clients["anonymous"].get(url)
        for form in forms_of(response, url):
            if form["method"] == "get" and form["fields"]:
                found.setdefault(form["action"].split("?")[0], set()).update(form["fields"])
    return {action: sorted(fields) for action, fields in found.items()}


hostile_text = st.one_of(
    st.sampled_from(PAYLOADS[:-1]),
    st.text(max_size=60),
    st.integers(min_value=-(2**70), max_value=2**70).map(str),
)


def test_listing_filters_and_search_hold_under_generated_queries(demo, clients):
    listings = _listing_parameters(demo, clients)
    assert any("/search/" in action for action in listings), listings
    assert len(listings) >= 3, listings

    @settings(
        max_examples=40,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
    )
    @given(
        action=st.sampled_from(sorted(listings)),
        values=st.lists(hostile_text, min_size=1, max_size=4),
        role=st.sampled_from(["anonymous", "member"]),
    )
    def check(action, values, role):
        names = listings[action] + ["page"]
        query = [(names[i % len(names)], value) for i, value in enumerate(values)]
        response = answer(clients[role].get, action, query)
        assert problems_of(response, "", action) == [], query
        for _name, value in query:
            if "<" in value and "text/html" in response.get("Content-Type", ""):
                assert value.encode() not in response.content, (action, value)

    check()
