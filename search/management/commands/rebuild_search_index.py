"""Rebuild the whole search index from every registered adapter, reporting progress."""

import time

from django.core.management.base import BaseCommand

from search import indexing
from search.backends import get_backend


class Command(BaseCommand):
    help = "Rebuild the search index of the knowledge base and the forum."

    def handle(self, *args, **options):
        backend = get_backend()
        started = time.monotonic()
        verbose = options["verbosity"] > 0
        if verbose:
            self.stdout.write(f"Rebuilding the search index ({backend.name})…")

        def progress(count):
            elapsed = time.monotonic() - started
            self.stdout.write(f"  {count} documents indexed ({count / max(elapsed, 1e-6):.0f}/s)")

        count = indexing.rebuild(progress if verbose else None, backend=backend)
        elapsed = time.monotonic() - started
        if verbose:
            self.stdout.write(self.style.SUCCESS(f"Indexed {count} documents in {elapsed:.1f}s."))
