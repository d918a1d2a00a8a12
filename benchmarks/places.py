"""Where the benchmarks find things: this checkout, the shared folder beside it, and RESULTS.md.

Every script reads its defaults from here, so ``--eval``, ``--shared`` and
``--results`` mean the same folder in all of them.
"""
from __future__ import annotations

import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
BENCHMARKS = REPO_ROOT / "benchmarks"
# ../shared beside the checkout, or one more level up from a worktree under wt/.
SHARED = next((base / "shared" for base in REPO_ROOT.parents if (base / "shared" / "eval").is_dir()),
              REPO_ROOT.parent / "shared")
EVAL = SHARED / "eval"
RESULTS = BENCHMARKS / "RESULTS.md"


def command(script: str) -> str:
    """How the README and RESULTS.md quote a benchmark: run with the checkout's venv from its root."""
    return f".venv/bin/python benchmarks/{script}"


def put_checkout_first(*extra: Path) -> None:
    """Import framing (and ``extra`` folders) from this checkout even under another environment's Python."""
    for folder in (REPO_ROOT, *extra):
        sys.path.insert(1, str(folder))
