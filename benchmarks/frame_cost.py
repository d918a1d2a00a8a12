"""What the generic frame family costs: the full profile with and without it.

Two scorers on the same articles, in one process: the shipped lexicons, and the
same lexicons without ``lexicons/frame`` (so no frame hits, no frame evidence; the
``frames`` section is then all zeros). Passes alternate and repeat; the minimum CPU
time of each counts, as in ``speed.py``. The articles are the PolNeAR texts of
``../shared/eval/polnear`` cut to about 3 KB, like ``speed.py``'s corpus (read in
place, never copied). The issue allows the full profile to slow by at most 15%.

Reproduce with ``.venv/bin/python benchmarks/frame_cost.py`` from the repository root.
"""
from __future__ import annotations

import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Sequence

from options import add_eval_option, add_output_options, benchmark_parser
from places import command, put_checkout_first
from results import publish
from run_facts import repo_state, today

put_checkout_first()
COMMAND = command("frame_cost.py")
ARTICLE_CHARS = 3000


def main(argv: Sequence[str] | None = None) -> int:
    parser = benchmark_parser(__doc__)
    add_eval_option(parser, help=None)
    parser.add_argument("--articles", type=int, default=600)
    parser.add_argument("--passes", type=int, default=5)
    add_output_options(parser, results_help=None, no_write_help=None)
    args = parser.parse_args(argv)

    from framing.lexicon import default_lexicon_dir, load_lexicons
    from framing.reading import Article
    from framing.scoring import Scorer

    paths = sorted((args.eval / "polnear").glob("*/text/*.txt"))[:args.articles]
    articles = [Article(p.stem, p.read_text(encoding="utf-8")[:ARTICLE_CHARS]) for p in paths]
    with tempfile.TemporaryDirectory() as folder:
        without = Path(folder) / "lexicons"
        shutil.copytree(default_lexicon_dir(), without, ignore=shutil.ignore_patterns("frame"))
        scorers = {"with frames": Scorer(), "without frames": Scorer(load_lexicons([without], include_default=False))}
        times: dict[str, list[float]] = {name: [] for name in scorers}
        for scorer in scorers.values():
            scorer.score_many(articles[:20], language="en")
        for _ in range(args.passes):
            for name, scorer in scorers.items():
                started = time.process_time()
                for first in range(0, len(articles), 32):
                    for profile in scorer.score_many(articles[first:first + 32], language="en"):
                        profile.to_dict()
                times[name].append(time.process_time() - started)
    best = {name: min(values) for name, values in times.items()}
    ratio = best["with frames"] / best["without frames"]
    lines = ["## Cost of the generic frame family", "",
             f"- command: `{COMMAND}`; date {today()}; commit {repo_state()}",
             f"- {len(articles)} PolNeAR texts cut to {ARTICLE_CHARS} characters, English; full profile "
             "(`score_many` + `to_dict`), CPU seconds, minimum of "
             f"{args.passes} alternating passes (all passes: " + "; ".join(
                 f"{name} {', '.join(f'{v:.2f}' for v in values)}" for name, values in times.items()) + ")",
             "",
             "| lexicons | CPU s (min) | articles/s |", "|---|---|---|",
             *[f"| {name} | {best[name]:.2f} | {len(articles) / best[name]:.0f} |" for name in scorers],
             "",
             f"With frames the full profile takes **{ratio:.2f}x** the CPU time without them (issue: at most 1.15x).",
             ""]
    publish("frame-cost", "\n".join(lines), args.results, write=not args.no_write)
    return 0


if __name__ == "__main__":
    sys.exit(main())
