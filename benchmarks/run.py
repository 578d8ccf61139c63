"""Run the server-time benchmark at several sizes and print one markdown table.

    .venv/bin/python benchmarks/run.py --sizes S,M [--runs 20] [--rounds 3]

Each size is measured by ``benchmarks/pages.py`` in a process of its own, on the database
``benchmarks/generate.py --size X`` built (PostgreSQL ``puente_bench_<size>``). Columns:
median / 95th percentile server time in ms and queries per size, the ratio of the median to
the bare-Django floor measured in the same run, growth of the median from each size to the
next and from the first to the last, and the cached (anonymous page cache hit) median with
its ratio to the floor.
A second table gives the cold figures (the whole cache emptied before each request).
With ``--rounds N`` the sizes are measured N times in turn and each figure is the round
with the lowest median: on a shared machine a round's medians can move by half.
"""

import argparse
import copy
import json
import subprocess
import sys
from itertools import pairwise
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def results_file(size: str) -> Path:
    """Where a size's combined figures are kept for ``--reuse``."""
    return Path(f"/tmp/puente_pages_{size}.json")


def measure(size: str, runs: int, round_: int) -> dict:
    target = Path(f"/tmp/puente_pages_{size}_{round_}.json")
    subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "pages.py"), "--size", size]
        + ["--runs", str(runs), "--json", str(target)],
        check=True,
        cwd=ROOT,
    )
    return json.loads(target.read_text())


def best_of(rounds: list[dict]) -> dict:
    """One size's figures: for the floor and each page's uncached, cold and cached
    figures, the round with the lowest median."""
    best = copy.deepcopy(rounds[0])
    best["floor"] = min((r["floor"] for r in rounds), key=lambda f: f["median"])
    for index, page in enumerate(best["pages"]):
        for kind in ("uncached", "cold", "cached"):
            if kind in page:
                figures = [r["pages"][index][kind] for r in rounds]
                page[kind] = min(figures, key=lambda f: f["median"])
    return best


def growth(figures: list[dict | None]) -> str:
    """How much the median grew from each size to the next and, with more than two
    sizes, from the first to the last (in brackets), in percent."""
    if not all(figures):
        return ""

    def change(before, after):
        return f"{(after['median'] / before['median'] - 1) * 100:+.0f} %"

    steps = ", ".join(change(a, b) for a, b in pairwise(figures))
    if len(figures) > 2:
        steps += f" ({change(figures[0], figures[-1])})"
    return steps


def growth_header(sizes: list[str]) -> str:
    steps = ", ".join(f"{a}→{b}" for a, b in pairwise(sizes))
    return f"growth {steps}" + (f" ({sizes[0]}→{sizes[-1]})" if len(sizes) > 2 else "")


def table(results: list[dict]) -> str:
    sizes = [r["size"] for r in results]
    floors = {r["size"]: r["floor"]["median"] for r in results}
    header = ["page"]
    for size in sizes:
        header += [f"{size} ms (median / p95)", f"{size} queries", f"{size} × floor"]
    if len(sizes) > 1:
        header.append(growth_header(sizes))
    header.append(f"{sizes[-1]} cached ms (× floor)")
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    floor_row = ["bare Django view (floor)"]
    for result in results:
        floor = result["floor"]
        floor_row += [f"{floor['median']:.2f} / {floor['p95']:.2f}", str(floor["queries"]), "1"]
    if len(sizes) > 1:
        floor_row.append("")
    floor_row.append("")
    lines.append("| " + " | ".join(floor_row) + " |")
    rows = {}
    for result in results:
        for page in result["pages"]:
            rows.setdefault(page["name"], {})[result["size"]] = page
    for name, by_size in rows.items():
        cells = [name]
        for size in sizes:
            page = by_size.get(size)
            if page is None:
                cells += ["", "", ""]
                continue
            un = page["uncached"]
            cells += [
                f"{un['median']:.1f} / {un['p95']:.1f}",
                str(un["queries"]),
                f"{un['median'] / floors[size]:.0f}",
            ]
        if len(sizes) > 1:
            pages = [by_size.get(size) for size in sizes]
            cells.append(growth([page and page["uncached"] for page in pages]))
        last = by_size.get(sizes[-1])
        if last and "cached" in last:
            cached = last["cached"]["median"]
            cells.append(f"{cached:.2f} ({cached / floors[sizes[-1]]:.1f})")
        else:
            cells.append("signed in: not cached")
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def cold_table(results: list[dict]) -> str:
    """Cold median ms, queries and ratio to the floor per size, and the growth."""
    sizes = [r["size"] for r in results]
    header = ["page (cold)"]
    for size in sizes:
        header += [f"{size} ms", f"{size} queries", f"{size} × floor"]
    header.append(growth_header(sizes))
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    rows = {}
    for result in results:
        for page in result["pages"]:
            if "cold" in page:
                rows.setdefault(page["name"], {})[result["size"]] = page["cold"]
    for name, by_size in rows.items():
        cells = [name]
        for result in results:
            cold = by_size.get(result["size"])
            floor = result["floor"]["median"]
            cells += (
                [f"{cold['median']:.1f}", str(cold["queries"]), f"{cold['median'] / floor:.0f}"]
                if cold
                else ["", "", ""]
            )
        cells.append(growth([by_size.get(size) for size in sizes]))
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="S,M")
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--reuse", action="store_true", help="read the last JSON of each size")
    args = parser.parse_args()
    sizes = args.sizes.split(",")
    if args.reuse:
        results = [json.loads(results_file(size).read_text()) for size in sizes]
    else:
        rounds = {size: [] for size in sizes}
        for round_ in range(args.rounds):
            for size in sizes:
                rounds[size].append(measure(size, args.runs, round_))
        results = [best_of(rounds[size]) for size in sizes]
        for result in results:
            results_file(result["size"]).write_text(json.dumps(result))
    sys.stdout.write(table(results) + "\n\n" + cold_table(results) + "\n")


if __name__ == "__main__":
    main()
