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
import json
import tempfile
import time
from pathlib import Path
from typing import Any

from ab_commits import ab_parser, export

BLOCK = 50


def prepared(pkg: Any, texts: list[str]) -> tuple[Any, list[tuple[Any, Any]]]:
    """``pkg``'s sources module and, per text, its document and cue windows."""
    name = pkg.__name__
    language = importlib.import_module(f"{name}.language")
    document = importlib.import_module(f"{name}.document")
    cues = importlib.import_module(f"{name}.extractors.attribution.cues")
    sources = importlib.import_module(f"{name}.extractors.attribution.sources")
    scorer = pkg.Scorer()
    found = []
    for i, text in enumerate(texts):
        guess = language.identify(text, scorer.supported)
        tables = scorer.tables(guess.code)
        doc = document.build_document(pkg.Article(id=str(i), text=text), guess, tables.matcher, tables.wordlists)
        found.append((doc, sources.cue_windows(doc, cues.attribution_cues(doc))))
    for doc, windows in found:  # warm the caches of both alike
        sources.source_candidates(doc, windows)
    return sources, found


def main(argv: list[str] | None = None) -> int:
    parser = ab_parser(__doc__, rounds=5)
    args = parser.parse_args(argv)
    with args.corpus.open(encoding="utf-8") as stream:
        texts = [json.loads(line)["text"] for line, _ in zip(stream, range(args.articles))]
    with tempfile.TemporaryDirectory(prefix="ab-sources-") as tmp:
        sides = {"base": prepared(export(args.base, Path(tmp) / "a", "framing_a"), texts),
                 "head": prepared(export(args.head, Path(tmp) / "b", "framing_b"), texts)}
        spent = {name: [0.0] * args.rounds for name in sides}
        for r in range(args.rounds):
            for k, lo in enumerate(range(0, len(texts), BLOCK)):
                for name in (("base", "head") if k % 2 == 0 else ("head", "base")):
                    sources, found = sides[name]
                    start = time.process_time()
                    for doc, windows in found[lo:lo + BLOCK]:
                        sources.source_candidates(doc, windows)
                    spent[name][r] += time.process_time() - start
    base, head = min(spent["base"]), min(spent["head"])
    rounds = ", ".join(f"{b / h:.3f}" for b, h in zip(spent["base"], spent["head"]))
    print(f"source_candidates, {len(texts)} articles: base {1e6 * base / len(texts):.0f} us/article, "
          f"head {1e6 * head / len(texts):.0f} (best of {args.rounds} rounds, CPU time); "
          f"base/head {base / head:.3f} (per round {rounds})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
