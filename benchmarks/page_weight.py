"""Bytes a first visit transfers, per page type: HTML, CSS, JS and images, gzip-compressed.

    .venv/bin/python benchmarks/page_weight.py --size S

Fetches each anonymous key page of ``benchmarks/pages.py`` through the test client, reads
the stylesheets, scripts and images it references (and the ``url(...)`` inside those
stylesheets) from the static files finders and the media storage, and prints their sizes
compressed with gzip level 6 (what a reverse proxy or WhiteNoise sends). Images are
counted as they are (already compressed formats).
"""

import argparse
import gzip
import os
import re
import sys
from html.parser import HTMLParser
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "benchmarks.bench_settings")
CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")]+)['\"]?\s*\)")
BUDGET_HOME = 200 * 1024


class Assets(HTMLParser):
    def __init__(self):
        super().__init__()
        self.found = {"css": set(), "js": set(), "img": set()}

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "link" and "stylesheet" in (attrs.get("rel") or "") and attrs.get("href"):
            if attrs.get("media") != "print":
                self.found["css"].add(attrs["href"])
        elif tag == "script" and attrs.get("src"):
            self.found["js"].add(attrs["src"])
        elif tag == "img" and attrs.get("src") and attrs.get("loading") != "lazy":
            self.found["img"].add(attrs["src"])


def read_asset(url: str) -> bytes | None:
    from django.conf import settings
    from django.contrib.staticfiles import finders
    from django.core.files.storage import default_storage

    path = url.split("?")[0].split("#")[0]
    if path.startswith(settings.STATIC_URL):
        found = finders.find(path.removeprefix(settings.STATIC_URL))
        return Path(found).read_bytes() if found else None
    if path.startswith(settings.MEDIA_URL):
        name = path.removeprefix(settings.MEDIA_URL)
        if default_storage.exists(name):
            with default_storage.open(name) as handle:
                return handle.read()
    return None


def compressed(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=6))


def weigh(client, url: str) -> dict:
    html = client.get(url).content
    parser = Assets()
    parser.feed(html.decode())
    sizes = {"html": compressed(html), "css": 0, "js": 0, "img": 0, "missing": []}
    for kind in ("css", "js", "img"):
        for asset in sorted(parser.found[kind]):
            data = read_asset(asset)
            if data is None:
                sizes["missing"].append(asset)
                continue
            sizes[kind] += len(data) if kind == "img" else compressed(data)
            if kind == "css":
                base = asset.rsplit("/", 1)[0] + "/"
                for inner in CSS_URL.findall(data.decode()):
                    if inner.startswith("data:"):
                        continue
                    inner_data = read_asset(inner if inner.startswith("/") else base + inner)
                    if inner_data is not None:
                        sizes["img"] += len(inner_data)
    sizes["total"] = sizes["html"] + sizes["css"] + sizes["js"] + sizes["img"]
    return sizes


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", default="S")
    args = parser.parse_args()
    os.environ.setdefault(
        "BENCH_DATABASE_URL", f"postgres://postgres@127.0.0.1:5432/puente_bench_{args.size.lower()}"
    )
    import django

    django.setup()
    from django.test import Client

    from benchmarks.pages import key_pages

    pages, _member = key_pages()
    client = Client()
    print("| page | HTML | CSS | JS | images | total (KB, gzip) |")
    print("|---|---|---|---|---|---|")
    home_total = None
    for name, url, signed_in in pages:
        if signed_in or "+ filters" in name or name.startswith("API"):
            continue
        sizes = weigh(client, url)
        home_total = sizes["total"] if name == "home" else home_total
        cells = [f"{sizes[k] / 1024:.1f}" for k in ("html", "css", "js", "img", "total")]
        print(f"| {name} | " + " | ".join(cells) + " |")
        if sizes["missing"]:
            print(f"<!-- {name}: not found locally: {', '.join(sizes['missing'])} -->")
    verdict = "within" if home_total is not None and home_total < BUDGET_HOME else "OVER"
    print(f"\nhome page first load: {home_total / 1024:.1f} KB compressed ({verdict} 200 KB)")


if __name__ == "__main__":
    main()
