"""Where every benchmark writes: its own marked section of ``benchmarks/RESULTS.md``.

Each benchmark owns one section, between ``<!-- name:start -->`` and
``<!-- name:end -->``, and replaces only that section, so the scripts can run
in any order and share the file.
"""
from __future__ import annotations

import sys
from pathlib import Path

from live_framing import import_framing  # noqa: F401  (re-exported: scripts on other branches import it here)
from places import RESULTS
from run_facts import repo_state  # noqa: F401  (re-exported, as above)


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

