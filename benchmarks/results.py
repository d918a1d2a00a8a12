"""What every benchmark shares: where it writes, and how it says which code it measured.

Each benchmark owns one section of ``benchmarks/RESULTS.md``, between
``<!-- name:start -->`` and ``<!-- name:end -->``, and replaces only that
section, so the scripts can run in any order and share the file.
"""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
RESULTS = REPO_ROOT / "benchmarks" / "RESULTS.md"


def update_section(name: str, body: str, path: Path = RESULTS) -> None:
    """Replace the text between the ``name`` markers of ``path``, appending the section if absent."""
    start, end = f"<!-- {name}:start -->", f"<!-- {name}:end -->"
    block = f"{start}\n{body.rstrip()}\n{end}"
    old = path.read_text(encoding="utf-8") if path.exists() else "# Benchmark results\n"
    if start in old and end in old:
        head, rest = old.split(start, 1)
        new = head + block + rest.split(end, 1)[1]
    else:
        new = old.rstrip() + "\n\n" + block + "\n"
    path.write_text(new, encoding="utf-8")


def publish(name: str, body: str, path: Path = RESULTS, *, write: bool = True) -> None:
    """Print a benchmark's section, and write it into ``path`` unless told not to."""
    if write:
        update_section(name, body, path)
        print(f"wrote {path}", file=sys.stderr)
    print(body)


def repo_state() -> str:
    """Short commit id, and whether framing/ or lexicons/ had local changes: the code measured."""
    try:
        head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO_ROOT, capture_output=True,
                              text=True, check=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--", "framing", "lexicons"], cwd=REPO_ROOT,
                               capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return head + (" + uncommitted changes in framing/ or lexicons/" if dirty else "")


def import_framing(attempts: int = 1, wait: float = 0.0):
    """framing, checked by scoring one probe article so a broken checkout fails before any
    measurement; with ``attempts`` > 1 a failing import is retried (a checkout being edited)."""
    import importlib
    import sys
    import time

    for attempt in range(1, attempts + 1):
        try:
            for name in [m for m in sys.modules if m == "framing" or m.startswith("framing.")]:
                del sys.modules[name]
            framing = importlib.import_module("framing")
            framing.Scorer().score(framing.Article(id="probe", text="Officials said it may rain."), language="en")
            return framing
        except Exception as exc:  # any failure of a half-edited checkout; re-raised on the last attempt
            if attempt == attempts:
                raise
            print(f"framing not usable ({type(exc).__name__}: {exc}); retrying in {wait:.0f}s "
                  f"({attempt}/{attempts})", file=sys.stderr)
            time.sleep(wait)
    raise AssertionError("unreachable")
