"""Across languages: a cached machine translation of a post finds it (issue #8, item 3).

Runs on the database's own full-text search (SQLite FTS5 or PostgreSQL) and in the bare
project: the translator is a plain function here, not the site's machine translator.
"""

import pytest
from django.contrib.auth.models import AnonymousUser

from forum import posting, translation
from search import service

GERMAN = {"Buscamos un albergue para familias retornadas.": "Wir suchen eine Notunterkunft."}


def german_translator(text, *, source, target):
    return GERMAN.get(text, text)


@pytest.fixture(autouse=True)
def german_forum_translator(database_backend, settings):
    settings.PUENTE_FORUM_TRANSLATOR = f"{__name__}.german_translator"


def find(text, language="de"):
    return service.search(text, user=AnonymousUser(), language=language, filters={})


@pytest.fixture
def spanish_reply(forum, member, other_member, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        topic = posting.create_topic(
            forum.categories["general"],
            author=member,
            title="Vivienda",
            source="¿Alguien conoce lugares?",
            language="es",
        )
        reply = posting.reply(
            topic,
            author=other_member,
            source="Buscamos un albergue para familias retornadas.",
            language="es",
        )
    return reply


def test_a_german_query_finds_a_spanish_post_once_it_has_a_german_translation(
    spanish_reply, other_member, django_capture_on_commit_callbacks
):
    assert find("Notunterkunft").total == 0
    with django_capture_on_commit_callbacks(execute=True):
        translation.request_translation(spanish_reply, "de", by=other_member)
    hits = find("Notunterkunft").hits
    assert [(hit.kind, hit.language, hit.machine_translated) for hit in hits] == [
        ("forum_post", "de", True)
    ]
    assert find("albergue", language="es").hits[0].machine_translated is False


def test_editing_the_post_takes_its_translation_out_of_the_index(
    spanish_reply, other_member, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        translation.request_translation(spanish_reply, "de", by=other_member)
    assert find("Notunterkunft").total == 1
    with django_capture_on_commit_callbacks(execute=True):
        posting.edit_post(spanish_reply, by=other_member, source="Ya encontramos uno.")
    assert find("Notunterkunft").total == 0
    assert find("encontramos", language="es").total == 1
