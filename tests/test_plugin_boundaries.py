"""kb, forum and search are a plugin set: they never import the site (home, members, config)."""

import ast
from pathlib import Path

import pytest
from django.conf import settings

SITE_MODULES = {"home", "members", "config"}


def imported_roots(path: Path):
    tree = ast.parse(path.read_text(), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            yield node.module.split(".")[0]


@pytest.mark.parametrize("app", settings.PUENTE_PLUGIN_APPS)
def test_plugin_app_does_not_import_the_site(app):
    offenders = [
        f"{path}: {root}"
        for path in (Path(settings.BASE_DIR) / app).rglob("*.py")
        for root in imported_roots(path)
        if root in SITE_MODULES
    ]
    assert offenders == []


@pytest.mark.parametrize("app", settings.PUENTE_PLUGIN_APPS)
def test_plugin_templates_do_not_reference_site_templates(app):
    for template in (Path(settings.BASE_DIR) / app / "templates").rglob("*.html"):
        assert "home/" not in template.read_text(), template
