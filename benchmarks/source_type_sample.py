"""A fixed random sample of typed source names on PolNeAR's dev articles, printed to be judged by hand.

Whether "Rabat" speaks for a government or "the French" for a nation is a
reader's judgement: this script only counts the source types framing gives
to names (capitalised runs: named_person, named_organisation, place,
government, nationality) on PolNeAR's dev part and draws a sample (seed
2026, 60 names, each with its sentence), so that the judgement recorded in
RESULTS.md can be checked and repeated. ``--tsv FILE`` also writes every
typed name (article, start, end, type, text) to compare two versions of
framing on the same spans. It reads the data in place from ../shared/eval.

Reproduce from the repository root with ``.venv/bin/python benchmarks/source_type_sample.py``.
"""
from __future__ import annotations

import argparse
import random
import sys
from collections import Counter
from pathlib import Path

from compare_speed import DEFAULT_EVAL

SEED = 2026
SAMPLE = 60
NAMED = ("named_person", "named_organisation", "place", "government", "nationality")


def main(argv: list[str] | None = None) -> int:
    import framing

    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--tsv", type=Path, help="write every typed name to this file")
    args = parser.parse_args(argv)
    scorer = framing.Scorer()
    found = []
    for path in sorted((DEFAULT_EVAL / "polnear" / "dev" / "text").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        profile = scorer.score(framing.Article(id=path.stem, text=text, language="en")).to_dict()
        spans = profile["sentence_spans"]
        for e in profile["evidence"]:
            if e["family"] == "source" and e["category"] in NAMED:
                start, end = spans[e["sentence"]][:2] if 0 <= e["sentence"] < len(spans) else (e["start"], e["end"])
                found.append((path.stem, e["start"], e["end"], e["category"], e["text"],
                              text[start:end].replace("\n", " ")[:240]))
    print("## PolNeAR dev, typed names:", dict(Counter(x[3] for x in found)))
    if args.tsv:
        args.tsv.write_text("".join("\t".join(map(str, x[:5])) + "\n" for x in found), encoding="utf-8")
    for number, (_, _, _, kind, name, sentence) in enumerate(random.Random(SEED).sample(found, min(SAMPLE, len(found))), 1):
        print(number, "|", kind, "|", name, "|", sentence)
    return 0


if __name__ == "__main__":
    sys.exit(main())
