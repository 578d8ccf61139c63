"""Each plugin reads its settings in one place, with a PUENTE_<APP>_ prefix and defaults."""

import pytest

from forum.conf import forum_settings
from kb.conf import kb_settings
from search.conf import search_settings


def test_defaults_apply_when_the_host_project_sets_nothing():
    assert kb_settings.PAGE_SIZE == 12
    assert forum_settings.POSTS_PER_PAGE == 20
    assert search_settings.PAGE_SIZE == 10


def test_host_project_overrides_with_the_prefixed_setting(settings):
    settings.PUENTE_KB_PAGE_SIZE = 5
    assert kb_settings.PAGE_SIZE == 5


def test_unknown_setting_is_an_error_not_a_silent_none():
    with pytest.raises(AttributeError, match="PUENTE_KB_NOPE"):
        _ = kb_settings.NOPE
