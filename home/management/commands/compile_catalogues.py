"""Compile every .po catalogue of the project with polib, so GNU gettext is not needed."""

from pathlib import Path

import polib
from django.conf import settings
from django.core.management.base import BaseCommand


def catalogues():
    roots = [Path(p) for p in settings.LOCALE_PATHS]
    roots += [Path(settings.BASE_DIR) / app / "locale" for app in settings.PUENTE_PLUGIN_APPS]
    roots += [Path(settings.BASE_DIR) / app / "locale" for app in settings.PUENTE_SITE_APPS]
    for root in roots:
        yield from sorted(root.glob("*/LC_MESSAGES/*.po"))


class Command(BaseCommand):
    help = "Compile the translation catalogues (.po to .mo) without GNU gettext."

    def handle(self, *args, **options):
        count = 0
        for po_path in catalogues():
            mo_path = po_path.with_suffix(".mo")
            if mo_path.exists() and mo_path.stat().st_mtime >= po_path.stat().st_mtime:
                continue
            polib.pofile(str(po_path)).save_as_mofile(str(mo_path))
            count += 1
        self.stdout.write(f"Compiled {count} catalogue(s).")
