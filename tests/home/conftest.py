import pytest

from home.demo import site


@pytest.fixture
def demo_home(db):
    """The demo site shell: home, about, imprint and privacy in es/de/en, with menus."""
    return site.build_shell()
