"""The package built from pyproject.toml carries the plugin set, ready to install elsewhere."""

import shutil
import subprocess
import sys
import zipfile

from django.conf import settings

SOURCES = ["pyproject.toml", "setup.py", "README.md", *settings.PUENTE_PLUGIN_APPS]


def test_wheel_contains_the_plugin_apps_with_migrations_templates_and_compiled_catalogues(
    tmp_path,
):
    for name in SOURCES:
        source = settings.BASE_DIR / name
        if source.is_dir():
            shutil.copytree(source, tmp_path / name, ignore=shutil.ignore_patterns("*.mo"))
        else:
            shutil.copy(source, tmp_path / name)
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", "dist", "."],
        cwd=tmp_path,
        check=True,
        capture_output=True,
    )
    (wheel,) = (tmp_path / "dist").glob("puente-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for app in settings.PUENTE_PLUGIN_APPS:
        assert f"{app}/apps.py" in names
        assert f"{app}/migrations/__init__.py" in names
        assert f"{app}/templates/{app}/base.html" in names
        for code, _name in settings.LANGUAGES:
            assert f"{app}/locale/{code}/LC_MESSAGES/django.mo" in names
    assert not any(name.startswith(("home/", "config/", "members/")) for name in names)
