"""One stage of scoring, of two commits, timed against each other in one process.

``ab_commits.py`` times whole profiles, where a gain of a few percent in one stage is within
the rounds' spread on a shared machine; ``ab_sources.py`` times one stage, attribution source
candidates. This times any of the stages below on the same articles: each commit prepares
what the stage reads (documents, the evidence before it) once, then the two take turns in
blocks of 50 articles (order swapped every block), CPU time per side, best of the rounds.

    python benchmarks/ab_stages.py BASE_COMMIT HEAD_COMMIT --corpus FILE.jsonl --stage profile

Stages: ``language`` (``language.identify``), ``normalize`` (``normalize.normalize``), ``quotations`` (``quotes.find_quotations``), ``document`` (``build_document``: normalise, match,
lay out, quotations, hits), ``layout`` (``segment.layout``), one extractor by its name in
``EXTRACTORS`` or ``DERIVED_EXTRACTORS`` (``attribution``, ``persuasion``...), ``profile``
(``build_profile`` and ``to_dict()``).
"""
from __future__ import annotations

import importlib
import tempfile
from pathlib import Path
from typing import Any, Callable

from ab_commits import ab_line, ab_parser, built_documents, corpus_texts, export, interleaved


def prepared(pkg: Any, texts: list[str], stage: str) -> list[Callable[[], Any]]:
    """Per text, a call running ``stage`` of ``pkg`` on what that text's earlier stages made."""
    name = pkg.__name__
    language = importlib.import_module(f"{name}.language")
    document = importlib.import_module(f"{name}.document")
    segment = importlib.import_module(f"{name}.segment")
    normalize = importlib.import_module(f"{name}.normalize")
    quotes = importlib.import_module(f"{name}.quotes")
    extractors = importlib.import_module(f"{name}.extractors")
    profile = importlib.import_module(f"{name}.profile")
    scorer = pkg.Scorer()
    calls = []
    for text, (article, guess, tables, doc) in zip(texts, built_documents(pkg, texts)):
        evidence: list[Any] = []
        for key, extract in extractors.EXTRACTORS.items():
            if key not in extractors.AFTER_DERIVED:
                evidence.extend(extract(doc))
        earlier = tuple(evidence)
        for key, derive in extractors.DERIVED_EXTRACTORS.items():
            evidence.extend(derive(doc, earlier if key == stage else tuple(evidence)))
        for key in extractors.AFTER_DERIVED:
            evidence.extend(extractors.EXTRACTORS[key](doc))
        if stage == "language":
            calls.append(lambda text=text: language.identify(text, scorer.supported))
        elif stage == "normalize":
            calls.append(lambda text=text: normalize.normalize(text))
        elif stage == "quotations":
            calls.append(lambda text=text: quotes.find_quotations(text))
        elif stage == "document":
            calls.append(lambda a=article, g=guess, t=tables: document.build_document(a, g, t.matcher, t.wordlists))
        elif stage == "layout":
            wordlists = tables.wordlists
            calls.append(lambda text=text, w=wordlists: segment.layout(
                text, title=None, abbreviations=w.get("abbreviation", frozenset()),
                trailer_headings=w.get("boilerplate", frozenset())))
        elif stage == "profile":
            calls.append(lambda d=doc, e=evidence: profile.build_profile(
                d, list(e), lexicon_version="v", framing_version="v").to_dict())
        elif stage in extractors.EXTRACTORS:
            calls.append(lambda d=doc, f=extractors.EXTRACTORS[stage]: f(d))
        elif stage in extractors.DERIVED_EXTRACTORS:
            calls.append(lambda d=doc, e=earlier, f=extractors.DERIVED_EXTRACTORS[stage]: f(d, e))
        else:
            raise SystemExit(f"ab_stages.py: no stage {stage!r}")
    for call in calls:  # warm the caches of both alike
        call()
    return calls


def main(argv: list[str] | None = None) -> int:
    parser = ab_parser(__doc__, rounds=5)
    parser.add_argument("--stage", required=True)
    args = parser.parse_args(argv)
    texts = corpus_texts(args.corpus, args.articles)
    with tempfile.TemporaryDirectory(prefix="ab-stages-") as tmp:
        calls = {"base": prepared(export(args.base, Path(tmp) / "a", "framing_a"), texts, args.stage),
                 "head": prepared(export(args.head, Path(tmp) / "b", "framing_b"), texts, args.stage)}

        def side(these: list[Callable[[], Any]]) -> Callable[[int, int], None]:
            def run(lo: int, hi: int) -> None:
                for call in these[lo:hi]:
                    call()
            return run
        spent = interleaved({name: side(these) for name, these in calls.items()}, len(texts), args.rounds)
    print(ab_line(args.stage, len(texts), args.rounds, spent))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
