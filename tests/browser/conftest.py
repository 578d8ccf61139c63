"""Real-browser tests: Playwright driving Debian's Chromium against the live test server."""

import os
from pathlib import Path

import pytest

from tests.conftest import ensure_wagtail_tree

# Playwright's sync API runs an event loop in this thread; the ORM calls made by
# fixtures are still synchronous, so Django's async guard must be lifted here.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = Path(os.environ.get("PUENTE_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        message = f"Chromium not found at {CHROMIUM} (apt-get install chromium)"
        if os.environ.get("PUENTE_BROWSER_REQUIRED"):
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def browser_page(browser, live_server):
    """A fresh tab of a Spanish-speaking reader; ``live_server.url`` is where the site runs."""
    context = browser.new_context(locale="es-MX", viewport={"width": 360, "height": 740})
    context.set_default_timeout(10_000)
    tab = context.new_page()
    yield tab
    context.close()


@pytest.fixture
def live_demo(transactional_db):
    """The demo site, built inside a transactional test so the live server can see it."""
    from home.demo import site

    ensure_wagtail_tree()
    return site.build()


@pytest.fixture
def axe():
    from axe_playwright_python.sync_playwright import Axe

    return Axe()


def serious_violations(results):
    """Violations of impact serious or critical, as (rule id, first target) pairs."""
    return [
        (violation["id"], violation["nodes"][0]["target"] if violation["nodes"] else None)
        for violation in results.response["violations"]
        if violation["impact"] in {"serious", "critical"}
    ]
