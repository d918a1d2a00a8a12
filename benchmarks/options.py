"""Command-line options the benchmarks share, each spelled and explained once."""
from __future__ import annotations

import argparse
from pathlib import Path
from typing import Iterable

from places import EVAL, RESULTS, SHARED


def benchmark_parser(doc: str) -> argparse.ArgumentParser:
    """A parser described by the first paragraph of the script's docstring."""
    return argparse.ArgumentParser(description=doc.split("\n\n")[0])


def add_eval_option(parser: argparse.ArgumentParser, help: str | None = "the shared eval folder") -> None:
    """``--eval DIR``: the evaluation sets, ``../shared/eval`` by default."""
    parser.add_argument("--eval", type=Path, default=EVAL, help=help)


def add_shared_option(parser: argparse.ArgumentParser, help: str) -> None:
    """``--shared DIR``: the shared folder itself (seeds and eval), ``../shared`` by default."""
    parser.add_argument("--shared", type=Path, default=SHARED, help=help)


def add_output_options(parser: argparse.ArgumentParser, *, results_help: str | None = "Markdown file to update",
                       no_write_help: str | None = "print the section instead of writing it") -> None:
    """``--results FILE`` and ``--no-write``: where the section goes, or only to standard output."""
    parser.add_argument("--results", type=Path, default=RESULTS, help=results_help)
    parser.add_argument("--no-write", action="store_true", help=no_write_help)


def add_retry_options(parser: argparse.ArgumentParser,
                      attempts_help: str = "attempts to import framing and load lexicons") -> None:
    """``--retries`` and ``--retry-wait``, for scripts that import framing late (``live_framing``)."""
    parser.add_argument("--retries", type=int, default=5, help=attempts_help)
    parser.add_argument("--retry-wait", type=float, default=60.0, help="seconds between attempts")


def require_eval_data(parser: argparse.ArgumentParser, paths: Iterable[Path]) -> None:
    """Stop with a usage error naming every evaluation file or folder that is not there."""
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        parser.error("evaluation data not found: " + ", ".join(missing) + " (see ../shared/eval/README.md)")
