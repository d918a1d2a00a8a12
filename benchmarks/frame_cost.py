"""What the generic frame family costs: the full profile with and without it, on two corpora.

Two scorers on the same articles, in one process: every family, and every family but
``frame`` (its lexicon entries left out of the matcher and its extractor not run:
``Scorer(lexicons, extractors=...)``, as ``speed.families_cost`` does, so the registry
is not touched). Language is detected per article, as ``framing score`` does unless told.

Timing: CPU seconds of this process (``time.process_time``: on a shared machine wall
time measures the other processes too), batches of 32 with ``to_dict()`` as ``framing
score`` does. Within a round the two scorers take turns on blocks of 64 articles (the
order swapped every block, as ``ab_commits.py`` does), so a drift in machine load falls
on both alike even when it changes within a round; each round gives a paired ratio, and
the median of those ratios is the figure, with their range and the ratio of the two
minimum times beside it. One or two rounds on a busy machine are not a measurement: the
two earlier figures (1.21x here, 9.6% in ``speed.py``) came from five and three rounds,
and whole rounds alternating (this script until 2026-12-07) still gave single rounds
from 1.01x to 1.23x at a load average of 5.

Corpora, both read in place and never copied: the first ``--articles`` PolNeAR texts of
``../shared/eval/polnear`` cut to 3,000 characters (each starts with its headline and
lead), and the first ``--articles`` of ``speed.py``'s corpus (seed articles and PolNeAR
cut at paragraph ends into pieces of about 3 KB, shuffled). The issue allows the full
profile to slow by at most 15%.

Reproduce with ``.venv/bin/python benchmarks/frame_cost.py`` from the repository root.
"""
from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path
from typing import Any, Sequence

from options import add_output_options, add_shared_option, benchmark_parser
from places import command, put_checkout_first
from results import publish
from run_facts import repo_state, today

put_checkout_first()
COMMAND = command("frame_cost.py")
ARTICLE_CHARS = 3000
TARGET = 1.15
BLOCK = 64  # articles per turn: two batches of 32


def polnear_texts(shared: Path, n: int) -> list[str]:
    """The first ``n`` PolNeAR texts (sorted paths), each cut to ``ARTICLE_CHARS``."""
    paths = sorted((shared / "eval" / "polnear").glob("*/text/*.txt"))[:n]
    return [p.read_text(encoding="utf-8")[:ARTICLE_CHARS] for p in paths]


def speed_texts(shared: Path, n: int) -> list[str]:
    """The first ``n`` articles of ``speed.py``'s corpus."""
    import speed

    return list(speed.build_corpus(shared).texts(n))


def scorers() -> dict[str, Any]:
    """The full scorer, and the same without the frame family's entries and extractor."""
    from framing.extractors import DERIVED_EXTRACTORS, EXTRACTORS
    from framing.lexicon import LexiconSet
    from framing.scoring import Scorer

    full = Scorer()
    lex = full.lexicons
    kept = LexiconSet(tuple(e for e in lex.entries if e.family != "frame"), lex.axes, lex.files, lex.version)
    without = Scorer(kept, extractors=[n for n in (*EXTRACTORS, *DERIVED_EXTRACTORS) if n != "frame"])
    return {"with frames": full, "without frames": without}


def cpu_seconds(scorer: Any, articles: list[Any]) -> float:
    """CPU seconds to score ``articles`` in batches of 32 with ``to_dict()`` of every profile."""
    started = time.process_time()
    for first in range(0, len(articles), 32):
        for profile in scorer.score_many(articles[first:first + 32]):
            profile.to_dict()
    return time.process_time() - started


def measure(texts: list[str], rounds: int) -> dict[str, Any]:
    """CPU seconds per scorer and round (the scorers taking turns by block, the first one
    swapped every block), and the paired ratios."""
    from framing.reading import Article

    articles = [Article(f"a{i}", text) for i, text in enumerate(texts)]
    pair = scorers()
    for scorer in pair.values():  # warm: lexicons, automaton, caches
        cpu_seconds(scorer, articles[:50])
    times: dict[str, list[float]] = {name: [0.0] * rounds for name in pair}
    for number in range(rounds):
        for k, first in enumerate(range(0, len(articles), BLOCK)):
            for name in (list(pair) if (number + k) % 2 == 0 else list(reversed(pair))):
                times[name][number] += cpu_seconds(pair[name], articles[first:first + BLOCK])
    ratios = [a / b for a, b in zip(times["with frames"], times["without frames"])]
    return {"times": times, "ratios": ratios, "median": statistics.median(ratios),
            "of_minima": min(times["with frames"]) / min(times["without frames"])}


def section(results: dict[str, dict[str, Any]], n: int, rounds: int) -> str:
    lines = ["## Cost of the generic frame family", "",
             f"- command: `{COMMAND}`; date {today()}; commit {repo_state()}",
             f"- full profile (`score_many` in batches of 32 + `to_dict`, language detected) with every family and "
             "with every family but `frame` (its entries and extractor left out, as `speed.families_cost` does); "
             f"CPU seconds of one process, {rounds} rounds, the two scorers taking turns on blocks of {BLOCK} articles "
             "(which goes first swapped every block); the figure is the median of the per-round ratios",
             "",
             "| corpus | articles | CPU s with frames (median) | without (median) | ratio, median of rounds "
             "| ratio range | ratio of minima |",
             "|---|---:|---:|---:|---:|---:|---:|"]
    for corpus, r in results.items():
        with_, without = r["times"]["with frames"], r["times"]["without frames"]
        lines.append(f"| {corpus} | {n} | {statistics.median(with_):.2f} | {statistics.median(without):.2f} | "
                     f"**{r['median']:.3f}x** | {min(r['ratios']):.3f}-{max(r['ratios']):.3f} | "
                     f"{r['of_minima']:.3f}x |")
    worst = max(r["median"] for r in results.values())
    lines += ["", f"With frames the full profile takes at most **{worst:.2f}x** the CPU time without them "
              f"(issue: at most {TARGET:.2f}x): {'met' if worst <= TARGET else '**not met**'}.", ""]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = benchmark_parser(__doc__)
    add_shared_option(parser, help=None)
    parser.add_argument("--articles", type=int, default=600)
    parser.add_argument("--rounds", type=int, default=10)
    add_output_options(parser, results_help=None, no_write_help=None)
    args = parser.parse_args(argv)
    results = {}
    for corpus, texts in (("PolNeAR texts cut to 3,000 characters", polnear_texts(args.shared, args.articles)),
                          ("speed.py's corpus (about 3 KB pieces)", speed_texts(args.shared, args.articles))):
        results[corpus] = measure(texts, args.rounds)
        print(f"{corpus}: ratios {', '.join(f'{x:.3f}' for x in results[corpus]['ratios'])}", file=sys.stderr)
    publish("frame-cost", section(results, args.articles, args.rounds), args.results, write=not args.no_write)
    return 0


if __name__ == "__main__":
    sys.exit(main())
