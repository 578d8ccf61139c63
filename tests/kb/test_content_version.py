"""Cached knowledge-base figures are recomputed after every kb write, and only then."""

from django.contrib.auth import get_user_model

from kb import content_version
from kb.models import Theme
from tests.kb import factories


def test_a_remembered_value_is_computed_once_per_version(db):
    computed = []

    def compute():
        computed.append(1)
        return {"practices": len(computed)}

    assert content_version.remember(("figures", 1), compute) == {"practices": 1}
    assert content_version.remember(("figures", 1), compute) == {"practices": 1}
    assert content_version.remember(("figures", 2), compute) == {"practices": 2}
    content_version.bump()
    assert content_version.remember(("figures", 1), compute) == {"practices": 3}


def test_kb_writes_and_publishing_raise_the_version(indexes, locales):
    before = content_version.current()
    theme = Theme.objects.create(name="Empleo", slug="empleo", locale=locales["es"])
    assert content_version.current() > before

    before = content_version.current()
    page = factories.GoodPracticePageFactory(parent=indexes["practices"], themes=[theme])
    assert content_version.current() > before

    before = content_version.current()
    page.unpublish()
    assert content_version.current() > before


def test_writes_outside_the_knowledge_base_leave_it_cached(db):
    before = content_version.current()
    get_user_model().objects.create_user(username="lectora", password="x" * 20)  # noqa: S106
    assert content_version.current() == before


def test_a_request_reads_the_version_once_and_the_next_request_sees_a_change(db):
    from django.core.cache import cache
    from django.core.signals import request_finished, request_started

    computed = []

    def compute():
        computed.append(1)
        return len(computed)

    assert content_version.remember(("figures",), compute) == 1
    request_started.send(sender=None)
    assert content_version.remember(("figures",), compute) == 1
    cache.incr(content_version.VERSION_KEY)  # another process changed the knowledge base
    assert content_version.remember(("figures",), compute) == 1
    request_finished.send(sender=None)
    request_started.send(sender=None)
    assert content_version.remember(("figures",), compute) == 2
    request_finished.send(sender=None)


def test_a_change_in_this_process_is_seen_at_once_within_a_request(db):
    from django.core.signals import request_finished, request_started

    computed = []

    def compute():
        computed.append(1)
        return len(computed)

    request_started.send(sender=None)
    assert content_version.remember(("figures",), compute) == 1
    content_version.bump()
    assert content_version.remember(("figures",), compute) == 2
    request_finished.send(sender=None)
