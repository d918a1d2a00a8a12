"""Where every benchmark writes: its own marked section of ``benchmarks/RESULTS.md``.

Each benchmark owns one section, between ``<!-- name:start -->`` and
``<!-- name:end -->``, and replaces only that section, so the scripts can run
in any order and share the file.
"""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Callable, Sequence

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



def publish_eval_section(doc: str, name: str, build: Callable[[Path], str], argv: Sequence[str] | None = None) -> int:
    """The whole command line of a script whose one section is built from the eval folder:
    ``--eval``, ``--results``, ``--no-write``, then ``build(eval_dir)`` published as ``name``."""
    from options import add_eval_option, add_output_options, benchmark_parser

    parser = benchmark_parser(doc)
    add_eval_option(parser)
    add_output_options(parser, results_help=None)
    args = parser.parse_args(argv)
    publish(name, build(args.eval), args.results, write=not args.no_write)
    return 0
