"""Distinctive words of PolNeAR's publishers: how many of compare()'s top words are function words.

    .venv/bin/python benchmarks/distinctive.py [--split dev] [--top 10] [--per-outlet N]

Scores PolNeAR's articles of one split (``../shared/eval/polnear``, read in
place, never copied), groups them by publisher (``metadata.tsv``), runs
``framing.compare(..., align=False)`` and prints each publisher's top words with
their count of function words (the Snowball stop list of English,
``lexicons/build/snowball/en.txt``, which framing ships as ``grammar.function_word``).
It only measures; nothing is tuned to the data.
"""
from __future__ import annotations

import sys
from pathlib import Path

from eval_sets import polnear_metadata
from options import benchmark_parser
from places import EVAL, REPO_ROOT as ROOT, put_checkout_first

put_checkout_first(ROOT / "lexicons" / "build")
import framing  # noqa: E402
from function_words import stop_words  # noqa: E402


def publishers(root: Path) -> dict[str, str]:
    return {name: row["publisher"] for name, row in polnear_metadata(root).items()}


def main(argv: list[str] | None = None) -> int:
    parser = benchmark_parser(__doc__)
    parser.add_argument("--data", type=Path, default=EVAL / "polnear")
    parser.add_argument("--split", default="dev")
    parser.add_argument("--top", type=int, default=10)
    parser.add_argument("--per-outlet", type=int, default=0,
                        help="only the first N articles of each publisher (sorted file names): small groups, "
                             "as one story's coverage gives")
    args = parser.parse_args(argv)
    outlet_of = publishers(args.data)
    scorer = framing.Scorer()
    profiles, texts = [], {}
    taken: dict[str, int] = {}
    for path in sorted((args.data / args.split / "text").glob("*.txt")):
        outlet = outlet_of.get(path.stem, "unknown")
        taken[outlet] = taken.get(outlet, 0) + 1
        if args.per_outlet and taken[outlet] > args.per_outlet:
            continue
        text = path.read_text(encoding="utf-8")
        profile = scorer.score(framing.article_from_text(text, id=path.stem), language="en").to_dict()
        profile["outlet"] = outlet
        profiles.append(profile)
        texts[path.stem] = text
    result = framing.compare(profiles, texts=texts, lexicons=scorer.lexicons, align=False, resamples=50)
    function_words = set(stop_words(ROOT / "lexicons" / "build" / "snowball" / "en.txt"))
    total = shown = 0
    print(f"{len(profiles)} articles of PolNeAR {args.split}, top {args.top} distinctive words per publisher\n")
    for name, group in sorted(result["groups"].items()):
        words = [w["word"] for w in group.get("distinctive", [])[:args.top]]
        hits = sum(word in function_words for word in words)
        total += hits
        shown += len(words)
        print(f"- **{name}** ({len(group['articles'])} articles, {hits} function words): {', '.join(words)}")
    print(f"\nfunction words among the top words: {total} of {shown}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
