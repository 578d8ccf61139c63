"""A readable diff of two versions of a position: words marked with <ins> and <del>."""

import difflib

from django.utils.html import escape
from django.utils.safestring import mark_safe

from kb.consultation import plain_text


def diff_text(old: str, new: str):
    """Word diff of two plain texts as safe HTML; every word is escaped."""
    a, b = old.split(), new.split()
    parts = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            parts.append(escape(" ".join(a[i1:i2])))
            continue
        if op in ("delete", "replace"):
            parts.append(f"<del>{escape(' '.join(a[i1:i2]))}</del>")
        if op in ("insert", "replace"):
            parts.append(f"<ins>{escape(' '.join(b[j1:j2]))}</ins>")
    # bandit: built from escaped parts only
    return mark_safe(" ".join(parts))  # noqa: S308  # nosec B308 B703


def _recommendation(item) -> str:
    return plain_text(item.get("text", "")) + " — " + item.get("addressee", "")


def diff_versions(old: dict, new: dict) -> dict:
    """Diff of two frozen texts (see ``PositionVersion.text_in``)."""
    old_recs = [_recommendation(r) for r in old["recommendations"]]
    new_recs = [_recommendation(r) for r in new["recommendations"]]
    recommendations = []
    for index in range(max(len(old_recs), len(new_recs))):
        before = old_recs[index] if index < len(old_recs) else ""
        after = new_recs[index] if index < len(new_recs) else ""
        recommendations.append(
            {"number": index + 1, "changed": before != after, "html": diff_text(before, after)}
        )
    return {
        "title": diff_text(old["title"], new["title"]),
        "summary": diff_text(old["summary"], new["summary"]),
        "context": diff_text(plain_text(old["context"]), plain_text(new["context"])),
        "recommendations": recommendations,
        "changed": old != new,
    }
