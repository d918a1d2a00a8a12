"""Time per megabyte of adversarial article shapes at growing sizes: linear work shows as a flat ratio.

Issue 18 found shapes that were quadratic or worse within one article (a run-on
sentence of quotations and cues, dashed quotations, runs of periods, one hedge
repeated). Each shape is scored at every size of ``--sizes`` (characters) and
the seconds per megabyte are reported; the ratio of the largest size's figure
to the smallest's is the growth factor (1 for linear work, the size ratio for
quadratic). Not a test (speed is measured here as ratios, never asserted).

    .venv/bin/python benchmarks/bounds.py --sizes 100000 1000000
"""
from __future__ import annotations

import sys
import time

import framing
from options import benchmark_parser
from places import command
from results import update_section
from run_facts import python_version, today

SHAPES = {
    "run-on quotations with cues": "\u201cyes,\u201d Smith said ",
    "dashed quotations": "\u201cyes\u201d \u2014 Smith ",
    "so-called quotations": "the so-called \u201cyes\u201d and \u201cno\u201d and ",
    "doubted quotations": "It was supposedly \u201cyes\u201d and ",
    "a run of periods": ".",
    "one hedge repeated": "reportedly ",
    "name and colon openings": "Pat Caddell: yes. ",
    "unclosed quotation marks": "\u201c",
}


def seconds(text: str) -> float:
    started = time.perf_counter()
    framing.score(text, language="en")
    return time.perf_counter() - started


def main() -> int:
    parser = benchmark_parser(__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args()
    framing.score("Warm up: officials said so.", language="en")
    rows = []
    for name, unit in SHAPES.items():
        per_mb = []
        for size in args.sizes:
            text = "Officials said on Monday. " + unit * (size // len(unit))
            per_mb.append(seconds(text) / (len(text) / 1e6))
        rows.append(f"| {name} | " + " | ".join(f"{v:.2f}" for v in per_mb) + f" | {per_mb[-1] / per_mb[0]:.2f} |")
        print(rows[-1], flush=True)
    sizes = " | ".join(f"s/MB at {size:,}" for size in args.sizes)
    body = "\n".join([
        "## Bounds: adversarial shapes by article size", "",
        f"Command: `{command('bounds.py')} --sizes {' '.join(map(str, args.sizes))}`; run "
        f"{today()}, framing {framing.__version__}, Python {python_version()}, on a shared, "
        "busy 2-core machine (absolute seconds are inflated; the growth factor is the figure).", "",
        f"| shape | {sizes} | growth (largest / smallest) |", "|---|" + "---:|" * (len(args.sizes) + 1), *rows, "",
        f"Linear work keeps the growth near 1; quadratic work would make it {args.sizes[-1] // args.sizes[0]}."])
    if not args.no_write:
        update_section("bounds", body)
    return 0


if __name__ == "__main__":
    sys.exit(main())
