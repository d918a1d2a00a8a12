"""Two commits of framing timed against each other in one process: a ratio that holds on a busy machine.

Each commit's ``framing/`` and ``lexicons/`` are exported with ``git archive`` into a temporary
folder, the package renamed (``framing_a``, ``framing_b``; framing imports itself only
relatively), and both are imported into this process. Blocks of 64 articles alternate
between them, the order swapped every block, and each side's CPU time (``time.process_time``,
so time the process spends waiting for a core is not counted) is summed per round: load
from other processes falls on both alike, and the ratio of the two is what to quote.

    python benchmarks/ab_commits.py BASE_COMMIT HEAD_COMMIT --corpus FILE.jsonl --mode batch

Modes: ``batch`` (``Scorer.score_many`` on batches of 32 and ``to_dict()``, as ``framing score``
scores), ``json`` (the same and the JSON line), ``stream`` (``batch.score_stream`` with JSON lines,
the path of ``framing score --format jsonl`` between reading and writing), ``single`` (``framing.score(text)`` one article
at a time after a warm-up call, as in a notebook), ``families`` (per commit, what frames and
persuasion cost: the full profile against scorers without their lexicon entries and
extractors, as ``speed.py`` measures it, but in CPU time).
"""
from __future__ import annotations

import argparse
import importlib
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, Callable

BLOCK = 64


def export(commit: str, folder: Path, name: str) -> Any:
    """``commit``'s framing as the package ``name``, imported from ``folder``."""
    folder.mkdir(parents=True)
    archive = subprocess.run(["git", "archive", commit, "framing", "lexicons"], check=True, capture_output=True).stdout
    subprocess.run(["tar", "-x", "-C", str(folder)], input=archive, check=True)
    (folder / "framing").rename(folder / name)
    sys.path.insert(0, str(folder))
    return importlib.import_module(name)


def runner(pkg: Any, texts: list[str], mode: str, extractors_without: tuple[str, ...] = ()) -> Callable[[int, int], None]:
    """A function scoring ``texts[lo:hi]`` with ``pkg`` as ``mode`` says."""
    if mode == "single":
        pkg.score(texts[0])

        def one_at_a_time(lo: int, hi: int) -> None:
            for text in texts[lo:hi]:
                pkg.score(text)
        return one_at_a_time
    scorer = pkg.Scorer()
    if extractors_without:
        lex = scorer.lexicons
        extractors = importlib.import_module(f"{pkg.__name__}.extractors")
        kept = type(lex)(tuple(e for e in lex.entries if e.family not in extractors_without), lex.axes, lex.files,
                         lex.version)
        scorer = pkg.Scorer(kept, extractors=[n for n in (*extractors.EXTRACTORS, *extractors.DERIVED_EXTRACTORS)
                                              if n not in extractors_without])
    dumps = importlib.import_module(f"{pkg.__name__}.jsonline").dumps_line if mode == "json" else None
    articles = [pkg.Article(id=str(i), text=text) for i, text in enumerate(texts)]
    if mode == "stream":
        batch = importlib.import_module(f"{pkg.__name__}.batch")
        for _ in batch.score_stream(scorer, articles[:32], encode=True):
            pass

        def stream(lo: int, hi: int) -> None:
            for _ in batch.score_stream(scorer, articles[lo:hi], encode=True):
                pass  # each JSON line dropped once made, as ``framing score`` drops it once written
        return stream
    for profile in scorer.score_many(articles[:32]):
        profile.to_dict()

    def run(lo: int, hi: int) -> None:
        for i in range(lo, hi, 32):
            for profile in scorer.score_many(articles[i:min(i + 32, hi)]):
                record = profile.to_dict()
                if dumps is not None:
                    dumps(record)
    return run


def interleaved(sides: dict[str, Callable[[int, int], None]], n: int, rounds: int) -> dict[str, list[float]]:
    """CPU seconds per side and round, the sides taking turns in blocks (a different one first each block)."""
    names = list(sides)
    spent = {name: [0.0] * rounds for name in names}
    for r in range(rounds):
        for k, lo in enumerate(range(0, n, BLOCK)):
            for name in names[k % len(names):] + names[:k % len(names)]:
                start = time.process_time()
                sides[name](lo, min(lo + BLOCK, n))
                spent[name][r] += time.process_time() - start
    return spent


def built_documents(pkg: Any, texts: list[str]) -> list[tuple[Any, Any, Any, Any]]:
    """Per text, as ``pkg`` (an exported commit) scores it: the article, its identified language, the
    language's tables and the built document, for scripts that time one stage on what earlier ones made."""
    language = importlib.import_module(f"{pkg.__name__}.language")
    document = importlib.import_module(f"{pkg.__name__}.document")
    scorer = pkg.Scorer()
    out = []
    for i, text in enumerate(texts):
        article = pkg.Article(id=str(i), text=text)
        guess = language.identify(text, scorer.supported)
        tables = scorer.tables(guess.code)
        out.append((article, guess, tables, document.build_document(article, guess, tables.matcher, tables.wordlists)))
    return out


def corpus_texts(path: Path, articles: int) -> list[str]:
    """The first ``articles`` texts of a JSONL corpus (a ``text`` field per line)."""
    with path.open(encoding="utf-8") as stream:
        return [json.loads(line)["text"] for line, _ in zip(stream, range(articles))]


def ab_line(label: str, n: int, rounds: int, spent: dict[str, list[float]]) -> str:
    """One line of the A/B verdict: best round per side, per article, base/head overall and per round."""
    base, head = min(spent["base"]), min(spent["head"])
    per_round = ", ".join(f"{b / h:.3f}" for b, h in zip(spent["base"], spent["head"]))
    return (f"{label}, {n} articles: base {1e6 * base / n:.0f} us/article, head {1e6 * head / n:.0f} "
            f"(best of {rounds} rounds, CPU time); base/head {base / head:.3f} (per round {per_round})")


def ab_parser(description: str, rounds: int) -> argparse.ArgumentParser:
    """The options every A/B timing script takes: two commits, a corpus, how much of it, how often."""
    parser = argparse.ArgumentParser(description=description.split("\n\n")[0])
    parser.add_argument("base")
    parser.add_argument("head")
    parser.add_argument("--corpus", type=Path, required=True, help="JSONL with a 'text' field per line")
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=rounds)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = ab_parser(__doc__, rounds=3)
    parser.add_argument("--mode", choices=("batch", "json", "stream", "single", "families"), default="batch")
    args = parser.parse_args(argv)
    texts = corpus_texts(args.corpus, args.articles)
    n = len(texts)
    with tempfile.TemporaryDirectory(prefix="ab-commits-") as tmp:
        packages = {"base": export(args.base, Path(tmp) / "a", "framing_a"),
                    "head": export(args.head, Path(tmp) / "b", "framing_b")}
        if args.mode == "families":
            for label, pkg in packages.items():
                sides = {"all": runner(pkg, texts, "batch"),
                         "without persuasion": runner(pkg, texts, "batch", ("persuasion",)),
                         "without frame and persuasion": runner(pkg, texts, "batch", ("frame", "persuasion"))}
                spent = interleaved(sides, n, args.rounds)
                best = {name: min(s) for name, s in spent.items()}
                print(f"{label} ({getattr(args, label)}): " + "; ".join(
                    f"{name} {1e6 * s / n:.0f} us/article (full profile slower by {best['all'] / s - 1:.1%})"
                    for name, s in best.items()))
        else:
            spent = interleaved({label: runner(pkg, texts, args.mode) for label, pkg in packages.items()}, n,
                                args.rounds)
            print(ab_line(args.mode, n, args.rounds, spent))
    try:
        with open("/proc/loadavg") as stream:
            print(f"load average (1 min) at the end: {stream.read().split()[0]}")
    except OSError:
        pass
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
