"""A fixed random sample of scare quotes on BASIL and PolNeAR, printed to be judged by hand.

Whether a scare quote is distancing is a reader's judgement: this script only
draws the sample (seed 2026, 20 per corpus, each with its sentence) and counts
scare and partial quotes, so that the judgement recorded in RESULTS.md can be
checked and repeated. It reads the data in place from ../shared/eval and
writes nothing.

Reproduce from the repository root with ``.venv/bin/python benchmarks/scare_quote_sample.py``.
"""
from __future__ import annotations

import random
import sys

from eval_sets import basil, polnear
from places import EVAL

SEED = 2026
SAMPLE = 20


def main() -> int:
    import framing

    scorer = framing.Scorer()
    found: dict[str, list[tuple[str, str, str]]] = {"basil": [], "polnear": []}
    for record in [*basil(EVAL / "basil"), *polnear(EVAL / "polnear")]:
        profile = scorer.score(framing.Article(id=record.id, text=record.text, language="en")).to_dict()
        spans = profile["sentence_spans"]
        for e in profile["evidence"]:
            if e["family"] in ("scare_quote", "partial_quote"):
                start, end = (spans[e["sentence"]][:2] if 0 <= e["sentence"] < len(spans)
                              else (max(0, e["start"] - 100), e["end"] + 100))
                found[record.id.split("/")[0]].append((e["family"], e["text"],
                                                       record.text[start:end].replace("\n", " ")[:300]))
    rng = random.Random(SEED)
    for corpus, items in found.items():
        scare = [x for x in items if x[0] == "scare_quote"]
        print(f"## {corpus}: scare_quote {len(scare)}, partial_quote {len(items) - len(scare)}")
        for number, (_, quoted, sentence) in enumerate(rng.sample(scare, min(SAMPLE, len(scare))), 1):
            print(number, "|", quoted, "|", sentence)
    return 0


if __name__ == "__main__":
    sys.exit(main())
