"""Stories and claims on BASIL: do stories match the triplets, do aligned claims join outlets of one event?

BASIL (Fan et al. 2019) tells each event three times (Fox News, The New York
Times, HuffPost); its triplet id is the event. One ``framing.compare`` of all
the BASIL articles in ``../shared/eval/basil`` (read in place, never copied)
is measured against it:

- adjusted Rand index of the stories against the triplets (target >= 0.9),
  with and without the publication dates;
- share of aligned claim pairs joining different outlets of the same
  triplet (target >= 95%);
- divergences by kind, and the pairwise differences called significant
  (Benjamini-Hochberg q < 0.05).

Reproduce from the repository root with ``.venv/bin/python benchmarks/stories.py``.
"""
from __future__ import annotations

import sys
from collections import Counter
from typing import Sequence

from eval_sets import basil
from options import add_eval_option, benchmark_parser
from places import RESULTS, command
from results import publish
from run_facts import repo_state

COMMAND = command("stories.py")


def main(argv: Sequence[str] | None = None) -> int:
    parser = benchmark_parser(__doc__)
    add_eval_option(parser)
    parser.add_argument("--no-write", action="store_true", help="print the section, leave RESULTS.md alone")
    args = parser.parse_args(argv)
    import framing
    from sklearn.metrics import adjusted_rand_score

    records = list(basil(args.eval / "basil"))
    triplet = {r.id: r.id.split("/", 1)[1].rsplit("_", 1)[0] for r in records}
    scorer = framing.Scorer()
    texts = {r.id: r.text for r in records}
    profiles = [dict(scorer.score(framing.Article(id=r.id, text=r.text, language="en")).to_dict(), outlet=r.outlet,
                     date=r.date, title=r.title) for r in records]
    lines = ["## Outlet comparison: stories and claims on BASIL", "",
             f"Command: `{COMMAND}` (code at {repo_state()}); {len(records)} BASIL articles, "
             f"{len(set(triplet.values()))} triplets (events), each told by Fox News, NYT and HuffPost.", "",
             "| publication dates | stories | adjusted Rand vs triplets | aligned claims | joining two outlets of "
             "one triplet | divergences (kind: count) | significant differences |", "|---|---:|---:|---:|---:|---|---:|"]
    for dated in (True, False):
        shown = profiles if dated else [{k: v for k, v in p.items() if k != "date"} for p in profiles]
        result = framing.compare(shown, texts=texts, lexicons=scorer.lexicons)
        story_of = {a: s["id"] for s in result["stories"] for a in s["articles"]}
        ids = sorted(story_of)
        ari = adjusted_rand_score([triplet[i] for i in ids], [story_of[i] for i in ids])
        pairs = result["alignments"]
        good = sum(1 for p in pairs if triplet[p["a"]["id"]] == triplet[p["b"]["id"]]
                   and p["a"]["outlet"] != p["b"]["outlet"])
        kinds = Counter(d["kind"] for d in result["divergences"])
        significant = sum(d["significant"] for d in result["pairwise"])
        lines.append(f"| {'given' if dated else 'left out'} | {len(result['stories'])} | {ari:.3f} | {len(pairs):,} | "
                     f"{good / len(pairs):.1%} | {', '.join(f'{k}: {v}' for k, v in sorted(kinds.items())) or 'none'} "
                     f"| {significant} of {len(result['pairwise'])} |")
    publish("stories", "\n".join(lines), RESULTS, write=not args.no_write)
    return 0


if __name__ == "__main__":
    sys.exit(main())
