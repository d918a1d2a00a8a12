"""A fixed random sample of scare quotes on BASIL and PolNeAR, printed to be judged by hand.

Whether a scare quote is distancing is a reader's judgement: this script only
draws the sample (``--seed``, 20 per corpus, each with its cue and its
sentence) and counts scare and partial quotes, so that the judgement recorded
in RESULTS.md can be checked and repeated. ``--tsv FILE`` also writes every
short quotation found (corpus, article, family, category, offset, text), so
that two versions of framing can be compared span by span. It reads the data
in place from ../shared/eval and writes nothing else. ``--held-out`` draws from
the SemEval-2023 Task 3 articles in English, French and German instead, which
the rules were not written against; ``--factbank`` the FactBank news articles
(``uncertainty/factbank_dev.xml``) and ``--babe`` BABE's news sentences
(``babe/babe_dev.csv``, each scored alone), kept unseen for the last check.

Reproduce from the repository root with
``.venv/bin/python benchmarks/scare_quote_sample.py --seed 1207``
(the first sample, of 7 December 2026, used seed 2026).
"""
from __future__ import annotations

import argparse
import csv
import random
import sys

from pathlib import Path

from eval_sets import Record, basil, factbank, polnear
from places import EVAL

SEED = 1207
SAMPLE = 20


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--sample", type=int, default=SAMPLE, help="scare quotes drawn per corpus")
    parser.add_argument("--tsv", help="write every short quotation found to this file")
    parser.add_argument("--held-out", action="store_true", help="SemEval-2023 articles (en, fr, de) instead")
    parser.add_argument("--factbank", action="store_true", help="FactBank's news articles instead")
    parser.add_argument("--babe", action="store_true", help="BABE's news sentences instead")
    args = parser.parse_args()
    import framing

    scorer = framing.Scorer()
    if args.babe:
        records = [(r, "en") for r in _babe(EVAL / "babe" / "babe_dev.csv")]
    elif args.factbank:
        records = [(r, "en") for r in factbank(EVAL / "uncertainty" / "factbank_dev.xml")]
    elif args.held_out:
        records = [(r, r.id.split("/")[0][-2:]) for language in ("en", "fr", "de")
                   for r in _semeval(EVAL / "semeval23", language)]
    else:
        records = [(r, "en") for r in [*basil(EVAL / "basil"), *polnear(EVAL / "polnear")]]
    found: dict[str, list[tuple[str, str, str, str, str, int]]] = {}
    for record, language in records:
        found.setdefault(record.id.split("/")[0], [])
        profile = scorer.score(framing.Article(id=record.id, text=record.text, language=language)).to_dict()
        spans = profile["sentence_spans"]
        for e in profile["evidence"]:
            if e["family"] in ("scare_quote", "partial_quote"):
                start, end = (spans[e["sentence"]][:2] if 0 <= e["sentence"] < len(spans)
                              else (max(0, e["start"] - 100), e["end"] + 100))
                found[record.id.split("/")[0]].append((e["family"], e.get("category") or "", e["text"],
                                                       record.text[start:end].replace("\n", " ")[:300],
                                                       record.id, e["start"]))
    if args.tsv:
        with open(args.tsv, "w", encoding="utf-8") as out:
            for corpus, items in found.items():
                for family, category, quoted, _, article, start in items:
                    out.write("\t".join((corpus, article, family, category, str(start), quoted)) + "\n")
    rng = random.Random(args.seed)
    for corpus, items in found.items():
        scare = [x for x in items if x[0] == "scare_quote"]
        print(f"## {corpus}: scare_quote {len(scare)}, partial_quote {len(items) - len(scare)}")
        for number, (_, category, quoted, sentence, _, _) in enumerate(
                rng.sample(scare, min(args.sample, len(scare))), 1):
            print(number, "|", category, "|", quoted, "|", sentence)
    return 0


def _babe(path: Path) -> list[Record]:
    with path.open(encoding="utf-8", newline="") as rows:
        return [Record(f"babe/{number}", row["text"], row["outlet"], None, None)
                for number, row in enumerate(csv.DictReader(rows, delimiter=";"))]


def _semeval(folder: Path, language: str) -> list[Record]:
    return [Record(f"semeval-{language}/{path.stem}", path.read_text(encoding="utf-8"), "semeval", None, None)
            for path in sorted((folder / language / "articles").glob("*.txt"))]


if __name__ == "__main__":
    sys.exit(main())
