"""Attribution source candidates of two commits timed against each other in one process.

``ab_commits.py`` times whole profiles, where a gain of a few percent in one stage is
within the rounds' spread on a loaded machine. This times only
``extractors.attribution.sources.source_candidates`` on the same articles: each commit
builds its documents and cue windows once, then the two take turns in blocks of 50
articles (order swapped every block), CPU time per side, best of the rounds.

    python benchmarks/ab_sources.py BASE_COMMIT HEAD_COMMIT --corpus FILE.jsonl
"""
from __future__ import annotations

import importlib
import tempfile
from pathlib import Path
from typing import Any, Callable

from ab_commits import ab_line, ab_parser, built_documents, corpus_texts, export, interleaved


def prepared(pkg: Any, texts: list[str]) -> tuple[Any, list[tuple[Any, Any]]]:
    """``pkg``'s sources module and, per text, its document and cue windows."""
    name = pkg.__name__
    cues = importlib.import_module(f"{name}.extractors.attribution.cues")
    sources = importlib.import_module(f"{name}.extractors.attribution.sources")
    found = [(doc, sources.cue_windows(doc, cues.attribution_cues(doc))) for *_, doc in built_documents(pkg, texts)]
    for doc, windows in found:  # warm the caches of both alike
        sources.source_candidates(doc, windows)
    return sources, found


def main(argv: list[str] | None = None) -> int:
    parser = ab_parser(__doc__, rounds=5)
    args = parser.parse_args(argv)
    texts = corpus_texts(args.corpus, args.articles)
    with tempfile.TemporaryDirectory(prefix="ab-sources-") as tmp:
        prepared_sides = {"base": prepared(export(args.base, Path(tmp) / "a", "framing_a"), texts),
                          "head": prepared(export(args.head, Path(tmp) / "b", "framing_b"), texts)}

        def side(sources: Any, found: list) -> Callable[[int, int], None]:
            def run(lo: int, hi: int) -> None:
                for doc, windows in found[lo:hi]:
                    sources.source_candidates(doc, windows)
            return run
        spent = interleaved({name: side(*pair) for name, pair in prepared_sides.items()}, len(texts), args.rounds)
    print(ab_line("source_candidates", len(texts), args.rounds, spent))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
