"""Agreement of framing's extractors with external human annotation.

Four measurements, each against data nobody on this project wrote (see
``../shared/eval/README.md``):

1. hedge cues        vs the Szeged Uncertainty Corpus, news part (``uncertainty/factbank_dev.xml``);
2. attribution cues  vs PolNeAR cue and source spans (``polnear/dev/``);
3. loaded words      vs BABE ``biased_words`` and Biased/Non-biased labels (``babe/babe_dev.csv``);
4. persuasion        vs SemEval-2023 Task 3 technique spans in English, French and German (``semeval23/``).

Beside each headline figure stands a baseline: the published word list the
issue names (Hyland's hedges, Recasens' report verbs, Recasens' bias lexicon),
formed from the entries of framing's own lexicons whose ``source`` cites that
publication and matched by Snowball stems only, so a reader can see what
framing's variants, categories and rules add over the bare list.

The data is read in place at run time and never copied into the repository.
These files are a development split with a held-out part kept elsewhere, so
nothing here is tuned to them: the script only measures. Results replace the
``accuracy`` section of ``benchmarks/RESULTS.md`` so other benchmarks can keep
their own sections in the same file.

Each measurement is a module of ``agreement/``; this script runs them all and
writes the report. Reproduce with ``.venv/bin/python benchmarks/accuracy.py``
from the repository root.
"""
from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Sequence

from agreement.attribution import evaluate_attribution
from agreement.hedges import evaluate_hedges
from agreement.loaded import evaluate_loaded
from agreement.persuasion import PERSUASION_TARGETS, evaluate_persuasion
from agreement.sections import Section, render_section, render_summary
from frames_accuracy import frames_section
from live_framing import Framing, load_framing
from options import add_eval_option, add_output_options, add_retry_options, benchmark_parser, require_eval_data
from places import REPO_ROOT, command
from results import publish
from run_facts import repo_state, today

COMMAND = command("accuracy.py")


def report(sections: list[Section], fw: Framing, eval_dir: Path, seconds: float, top: int) -> str:
    """The whole accuracy section of RESULTS.md."""
    try:
        shown = eval_dir.resolve().relative_to(REPO_ROOT.parent)
        shown_dir = f"../{shown}"
    except ValueError:
        shown_dir = str(eval_dir)
    headlines = [h for s in sections for h in ([s.headline] if s.headline is not None else []) + s.extra_headlines]
    head = [
        "## Accuracy against external annotation",
        "",
        *render_summary(headlines),
        "",
        "- Headline figures against the issue's targets; *met?* is computed from this run's F1. Baselines: the "
        "entries of framing's own lexicons whose `source` cites the publication, `term` only, matched by "
        "Snowball stems (how each list was formed, with entry counts, is stated in its section). Such a list holds "
        "only what framing cites the publication for, so it can be shorter than the publication's own list; the "
        "issue's figures for the full published lists are quoted in parentheses for orientation only.",
        "",
        f"- command: `{COMMAND}` (from the repository root; `--eval DIR` to point elsewhere, "
        "`--show-errors N` prints examples to stderr)",
        f"- date: {today()}; framing {fw.version}; lexicons {fw.lexicon_version}; "
        f"commit {repo_state()}; data `{shown_dir}` (dev parts, read in place); run time {seconds:.0f} s",
        "- P, R, F1 are computed from the TP, pred and gold counts shown next to them; *items* says what "
        "was scored. Nothing was tuned to these files: they are development data and a held-out part "
        "exists elsewhere.",
        "- data: Szeged Uncertainty Corpus (Szarvas et al. 2012, *Computational Linguistics*; Farkas et al. "
        "2010, CoNLL shared task); PolNeAR (Newell, Margolin & Ruths 2018, LREC); BABE (Spinde et al. "
        "2021, Findings of EMNLP); SemEval-2023 Task 3 (Piskorski et al. 2023).",
        "",
    ]
    return "\n".join(head) + "\n" + "\n".join(render_section(s, top) for s in sections)


def main(argv: Sequence[str] | None = None) -> int:
    parser = benchmark_parser(__doc__)
    add_eval_option(parser,
                    help="folder with uncertainty/, polnear/, babe/ (default: ../shared/eval from the repo root)")
    add_output_options(parser)
    parser.add_argument("--show-errors", type=int, default=0, metavar="N",
                        help="print N examples of each error kind to stderr")
    parser.add_argument("--top", type=int, default=10, help="how many frequent errors to list per kind")
    add_retry_options(parser)
    args = parser.parse_args(argv)

    needed = [args.eval / "uncertainty" / "factbank_dev.xml", args.eval / "polnear" / "dev",
              args.eval / "babe" / "babe_dev.csv"]
    require_eval_data(parser, needed)
    started = time.monotonic()
    fw = load_framing(args.retries, args.retry_wait)
    szeged, polnear, babe = needed
    sections = [
        evaluate_hedges(fw, szeged, args.show_errors),
        evaluate_attribution(fw, polnear, args.show_errors),
        evaluate_loaded(fw, babe, args.show_errors),
        *(evaluate_persuasion(fw, args.eval / "semeval23" / language, language, args.show_errors)
          for language in PERSUASION_TARGETS if (args.eval / "semeval23" / language).exists()),
    ]
    body = report(sections, fw, args.eval, time.monotonic() - started, args.top)
    publish("accuracy", body, args.results, write=not args.no_write)
    if (args.eval / "semeval23").is_dir():  # generic frames, per language: frames_accuracy.py
        publish("frames-accuracy", frames_section(args.eval), args.results, write=not args.no_write)
    return 0


if __name__ == "__main__":
    sys.exit(main())
