"""Cold start of two commits against each other: CPU time of fresh ``framing score`` processes.

Each commit's ``framing/`` and ``lexicons/`` are exported with ``git archive`` into a folder
of their own and run as ``python -c "from framing.cli import main; ..." score FILE -o OUT
--quiet`` with that folder first on ``PYTHONPATH``, the two alternating (order swapped every
pair), after two untimed runs each that write the bytecode cache and framing's own cache (in a folder of
the run's own). CPU time (user + system, from
``getrusage`` of the children) is what is compared, so load from other processes counts little;
the figure to quote is the median of the per-pair ratios.

    python benchmarks/ab_cold_start.py BASE_COMMIT HEAD_COMMIT ARTICLE.txt --pairs 10

A whole file the same way, for throughput through the command line (start-up included):

    python benchmarks/ab_cold_start.py BASE HEAD CORPUS.jsonl --pairs 5 -- --format jsonl
"""
from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path


def export(commit: str, folder: Path) -> Path:
    folder.mkdir(parents=True)
    archive = subprocess.run(["git", "archive", commit, "framing", "lexicons"], check=True, capture_output=True).stdout
    subprocess.run(["tar", "-x", "-C", str(folder)], input=archive, check=True)
    return folder


def cpu_seconds(folder: Path, article: Path, out: Path, extra: tuple[str, ...] = ()) -> float:
    """CPU seconds of one fresh process scoring ``article`` with the framing in ``folder``, its
    cache in a folder of this run's own (other sessions' lexicons cannot evict it there)."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPATH"] = str(folder)
    env["FRAMING_CACHE_DIR"] = str(out.parent / "cache")
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run([sys.executable, "-c", "import sys; from framing.cli import main; sys.exit(main())", "score",
                    str(article), "-o", str(out), "--quiet", *extra], env=env, check=True, cwd=out.parent)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("base")
    parser.add_argument("head")
    parser.add_argument("article", type=Path)
    parser.add_argument("--pairs", type=int, default=10)
    argv = sys.argv[1:] if argv is None else argv
    extra = tuple(argv[argv.index("--") + 1:]) if "--" in argv else ()  # more arguments of framing score
    args = parser.parse_args(argv[:argv.index("--")] if "--" in argv else argv)
    with tempfile.TemporaryDirectory(prefix="ab-cold-") as tmp:
        sides = {"base": export(args.base, Path(tmp) / "a"), "head": export(args.head, Path(tmp) / "b")}
        out = Path(tmp) / "out.json"
        for folder in sides.values():
            cpu_seconds(folder, args.article.resolve(), out, extra)
            cpu_seconds(folder, args.article.resolve(), out, extra)
        spent: dict[str, list[float]] = {name: [] for name in sides}
        for i in range(args.pairs):
            for name in (("base", "head") if i % 2 == 0 else ("head", "base")):
                spent[name].append(cpu_seconds(sides[name], args.article.resolve(), out, extra))
    ratios = [b / h for b, h in zip(spent["base"], spent["head"])]
    print(f"{args.article.name}, {args.pairs} pairs: median CPU base {statistics.median(spent['base']):.3f} s, "
          f"head {statistics.median(spent['head']):.3f} s; base/head per pair, median {statistics.median(ratios):.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
