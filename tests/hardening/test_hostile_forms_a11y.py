"""Every form of the site labels its fields and links its error messages to them.

Forms are found like the hostile-input test finds them (every routed page, as the roles
that see different forms). Each visible field needs a label; after an empty submission,
every field the form marks ``aria-invalid`` must point with ``aria-describedby`` at
elements that exist, and every error list must belong to a field that says it is invalid.
"""

import re
from html.parser import HTMLParser

from tests.hardening.test_hostile_input import FORM_ROLES, _pages_to_scan, answer, forms_of

HIDDEN = {"hidden", "submit", "button", "image", "reset"}


class FieldParser(HTMLParser):
    """Fields, labels and element ids of one page."""

    def __init__(self):
        super().__init__()
        self.fields, self.label_for, self.ids, self.open_labels = [], set(), set(), 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids.add(attrs["id"])
        if tag == "label":
            self.open_labels += 1
            if attrs.get("for"):
                self.label_for.add(attrs["for"])
        visible = (attrs.get("type") or "text").lower() not in HIDDEN
        if tag in ("input", "select", "textarea") and visible:
            self.fields.append({**attrs, "_in_label": self.open_labels > 0, "_tag": tag})

    def handle_endtag(self, tag):
        if tag == "label":
            self.open_labels = max(0, self.open_labels - 1)


def parse(response):
    parser = FieldParser()
    parser.feed(response.content.decode("utf-8", "replace"))
    return parser


def unlabelled(parser):
    return [
        field.get("name") or field.get("id")
        for field in parser.fields
        if not (
            field["_in_label"]
            or field.get("id") in parser.label_for
            or field.get("aria-label")
            or field.get("aria-labelledby")
            or field.get("title")
        )
    ]


def broken_error_links(parser):
    problems = []
    for field in parser.fields:
        if field.get("aria-invalid") == "true":
            described = (field.get("aria-describedby") or "").split()
            if not described or not all(ref in parser.ids for ref in described):
                problems.append(field.get("name"))
    return problems


def test_fields_are_labelled_and_errors_are_linked(demo, clients):
    missing_labels, broken, invalid_fields = {}, {}, 0
    checked = set()
    for role in FORM_ROLES:
        client = clients[role]
        for url in _pages_to_scan(demo):
            response = answer(client.get, url)
            if isinstance(response, Exception) or response.status_code != 200:
                continue
            page = parse(response) if "text/html" in response.get("Content-Type", "") else None
            if page is None:
                continue
            if unlabelled(page):
                missing_labels[url] = unlabelled(page)
            for form in forms_of(response, url):
                action = re.sub(r"\d+", "N", form["action"])
                if form["method"] != "post" or action in checked:
                    continue
                checked.add(action)
                result = answer(client.post, form["action"], {})
                if isinstance(result, Exception) or result.status_code not in (200, 400):
                    continue
                if "text/html" in result.get("Content-Type", ""):
                    after = parse(result)
                    invalid_fields += sum(f.get("aria-invalid") == "true" for f in after.fields)
                    if broken_error_links(after):
                        broken[form["action"]] = broken_error_links(after)
                if role != "anonymous" and not client.session.get("_auth_user_id"):
                    client.force_login(demo["users"][role])
    assert missing_labels == {}
    assert broken == {}
    assert len(checked) >= 10
    assert invalid_fields >= 5  # the empty submissions did produce errors to check
