"""The ``framing`` command: a thin layer over the public API.

Exit status: 0 when every article was scored, 1 when some could not be read
or scored (each one reported on stderr and as an error record), 2 for usage
errors, broken lexicons, unwritable output and a ``--jobs`` worker process
that died, 130 when interrupted.
"""
from __future__ import annotations

import argparse
import sys
from concurrent.futures.process import BrokenProcessPool
from contextlib import nullcontext
from pathlib import Path
from typing import Any, Iterable, Iterator

from . import corpus
from .batch import Record, Scored, score_stream
from .compare import compare as compare_profiles
from .compare import slim
from .errors import LexiconError
from .output import FORMATS, atomic_file, is_error, write_output
from .reading import read_paths
from .report import CLAIM_FORMATS
from .report import FORMATS as REPORT_FORMATS
from .report import render
from .scoring import FRAMING_VERSION, Scorer
from .store import ProfileStore

SCORE_EXAMPLES = """\
examples:
  framing score corpus/belmokhtar-2013                 # a folder, recursively
  framing score article.txt --format table             # one file, a summary table
  framing score articles.jsonl --format csv -o out.csv  # JSONL records to CSV
  cat articles.jsonl | framing score - --language fr   # JSONL on stdin
  framing score big.jsonl --jobs 2 --db profiles.sqlite # two processes; rerun scores only what is new
  framing score article.txt --lexicon my_lexicons/     # add your own lexicons
"""

COMPARE_EXAMPLES = """\
examples:
  framing compare                                        # the bundled story belmokhtar-2013
  framing compare corpus/belmokhtar-2013 --format html -o report.html
  framing compare articles.jsonl --by outlet --format markdown
  framing compare --db profiles.sqlite --format csv      # what a store holds (rates only: no claims)
  framing compare big.jsonl --no-claims                  # statistics without stories and claim alignment
"""


LEXICONS_EXAMPLES = """\
examples:
  framing lexicons                          # what is shipped: entries per family and language, naming axes
  framing lexicons --lexicon my_lexicons/   # check your own files (exit status 2 names the file and entry)
"""


def _common(parser: argparse.ArgumentParser) -> None:
    """Options every command shares."""
    parser.add_argument("-o", "--output", metavar="PATH", help="write here (atomically) instead of stdout")
    parser.add_argument("--language", metavar="CODE", help="score every article as this language (en, fr, nl, ...)")
    parser.add_argument("--lexicon", action="append", default=[], metavar="PATH",
                        help="extra lexicon file or folder (repeatable)")
    parser.add_argument("--encoding", metavar="NAME", help="decode input files with this encoding")
    parser.add_argument("--jobs", type=int, default=1, metavar="N", help="score in N processes (default: 1)")
    parser.add_argument("--db", metavar="PATH", help="SQLite store: reuse stored profiles, store new ones")
    parser.add_argument("--quiet", action="store_true", help="no progress bar, no failure messages on stderr")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="framing", description="Media-bias and framing analysis with evidence.")
    parser.add_argument("--version", action="version", version=f"framing {FRAMING_VERSION}")
    commands = parser.add_subparsers(dest="command", required=True)
    score = commands.add_parser(
        "score", help="score articles and print one framing.profile/1 record each",
        description="Score articles (text files, folders, JSONL, CSV, or - for JSONL on stdin).",
        epilog=SCORE_EXAMPLES, formatter_class=argparse.RawDescriptionHelpFormatter)
    score.add_argument("paths", nargs="+", metavar="PATH", help="files, folders, or - for JSONL on stdin")
    score.add_argument("--format", choices=FORMATS, default="jsonl", help="output format (default: jsonl)")
    score.add_argument("--readability", action="store_true",
                       help="add Flesch reading ease (imports textstat, which costs about 1.4 s of start-up)")
    score.add_argument("--scheduler", metavar="ADDRESS",
                       help="score on a Dask cluster (tcp://host:8786); needs framing-analysis[dask]")
    _common(score)
    compare = commands.add_parser(
        "compare", help="compare groups of articles (outlets) with intervals, naming stances and aligned claims",
        description="Score articles and compare them by outlet (or another field): framing.comparison/1.",
        epilog=COMPARE_EXAMPLES, formatter_class=argparse.RawDescriptionHelpFormatter)
    compare.add_argument("paths", nargs="*", metavar="PATH",
                         help="files, folders, or - for JSONL on stdin (default: the bundled story, "
                              "or everything in --db when no path is given)")
    compare.add_argument("--by", default="outlet", help="group by this profile field (default: outlet)")
    compare.add_argument("--format", choices=REPORT_FORMATS, default="json", help="output format (default: json)")
    compare.add_argument("--resamples", type=int, default=1000, help="bootstrap resamples (default: 1000)")
    compare.add_argument("--seed", type=int, default=0, help="random seed of the bootstrap (default: 0)")
    compare.add_argument("--no-claims", action="store_true",
                         help="skip stories and claim alignment (csv never shows claims, so never aligns them)")
    _common(compare)
    lexicons = commands.add_parser(
        "lexicons", help="validate lexicons and list entries per family and language",
        description="Load and validate the shipped lexicons and any --lexicon files; print what they hold.",
        epilog=LEXICONS_EXAMPLES, formatter_class=argparse.RawDescriptionHelpFormatter)
    lexicons.add_argument("--lexicon", action="append", default=[], metavar="PATH",
                          help="extra lexicon file or folder (repeatable)")
    return parser


def run_lexicons(scorer: Scorer) -> int:
    """A table of entries per family and language, then the naming axes."""
    lexicons = scorer.lexicons
    counts: dict[tuple[str, str], int] = {}
    for entry in lexicons.entries:
        counts[(entry.family, entry.language)] = counts.get((entry.family, entry.language), 0) + 1
    languages = sorted({language for _, language in counts})
    families = sorted({family for family, _ in counts})
    print(f"{'family':<16}" + "".join(f"{language:>7}" for language in languages))
    for family in families:
        print(f"{family:<16}" + "".join(f"{counts.get((family, language), 0):>7}" for language in languages))
    print(f"\n{len(lexicons.entries)} entries in {len(lexicons.files)} files, lexicon version {lexicons.version}")
    print(f"naming axes: {', '.join(sorted(lexicons.axes))}")
    return 0


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if getattr(args, "jobs", 1) < 1:
        print("framing: --jobs must be at least 1", file=sys.stderr)
        return 2
    try:
        scorer = Scorer(extra_lexicons=args.lexicon, readability=getattr(args, "readability", False))
    except LexiconError as exc:
        print(f"framing: {exc}", file=sys.stderr)
        return 2
    report = _Report(quiet=getattr(args, "quiet", False))
    try:
        if args.command == "lexicons":
            return run_lexicons(scorer)
        if args.command == "compare":
            return run_compare(args, scorer, report)
        return run_score(args, scorer, report)
    except KeyboardInterrupt:
        print("framing: interrupted; what was stored is kept", file=sys.stderr)
        return 130
    except BrokenProcessPool:
        print("framing: a --jobs worker process died before the batch ended (killed, or out of memory); "
              "what was stored is kept, and with --db a rerun scores only what is missing", file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"framing: cannot write {args.output}: {exc.strerror or exc}", file=sys.stderr)
        return 2


def run_score(args: argparse.Namespace, scorer: Scorer, report: "_Report") -> int:
    """Score the inputs and write one record per input item, in input order."""
    if args.scheduler:
        if args.db or args.jobs != 1:
            print("framing: --scheduler cannot be combined with --db or --jobs", file=sys.stderr)
            return 2
        try:
            from .dask import score_paths_on_cluster

            records = score_paths_on_cluster(args.paths, args.scheduler, scorer=scorer, language=args.language,
                                             encoding=args.encoding)
        except ImportError as exc:
            print(f"framing: {exc}", file=sys.stderr)
            return 2
        except (OSError, ValueError) as exc:
            print(f"framing: cannot reach the Dask scheduler {args.scheduler}: {exc}", file=sys.stderr)
            return 2
        scored = (Scored(None, record, False) for record in records)
        write_output((s.record for s in report.watch_scored(scored)), args.format, args.output)
        return report.finish()
    items = read_paths(args.paths, encoding=args.encoding)
    encode = args.format == "jsonl" and not args.db  # profiles serialised by the workers
    with _open_store(args.db) as store:
        stream = score_stream(scorer, items, language=args.language, jobs=args.jobs, store=store, encode=encode)
        write_output((scored.line or scored.record for scored in report.watch_scored(stream)), args.format,
                     args.output)
    return report.finish()


def run_compare(args: argparse.Namespace, scorer: Scorer, report: "_Report") -> int:
    """Score the inputs (or read a store), compare them, write the report."""
    profiles: list[dict[str, Any]] = []
    texts: dict[str, str] = {}
    if args.db and not args.paths:
        with ProfileStore(args.db) as store:
            for profile, text in store.latest():
                profiles.append(slim(profile))
                texts[profile["id"]] = text
        report.from_store = len(profiles)
    else:
        paths = args.paths or [str(corpus.path("belmokhtar-2013"))]
        with _open_store(args.db) as store:
            stream = score_stream(scorer, read_paths(paths, encoding=args.encoding), language=args.language,
                                  jobs=args.jobs, store=store)
            for article, record, *_ in report.watch_scored(stream):
                if article is not None and not is_error(record):
                    profiles.append(slim(record))
                    texts[record["id"]] = article.text
    if not profiles:
        print("framing: nothing to compare: no article could be scored", file=sys.stderr)
        return 1
    try:
        comparison = compare_profiles(profiles, by=args.by, texts=texts, lexicons=scorer.lexicons,
                                      resamples=args.resamples, seed=args.seed,
                                      align=not args.no_claims and args.format in CLAIM_FORMATS)
    except ValueError as exc:
        print(f"framing: {exc}", file=sys.stderr)
        return 2
    if report.failures:
        comparison["failures"] = report.failures
    document = render(comparison, args.format)
    if args.output in (None, "-"):
        sys.stdout.write(document)
    else:
        with atomic_file(Path(args.output)) as stream_out:
            stream_out.write(document)
    return report.finish()


def _open_store(path: str | None):
    """``--db``: a ProfileStore (a context manager), or None without the option."""
    return ProfileStore(path) if path else nullcontext()


class _Report:
    """Failures on stderr, a progress bar on a terminal, and the exit status."""

    def __init__(self, *, quiet: bool):
        self.quiet = quiet
        self.failures: list[Record] = []
        self.scored = 0
        self.from_store = 0

    def _bar(self):
        if self.quiet or not sys.stderr.isatty():
            return None
        try:
            from tqdm import tqdm
        except ImportError:
            return None
        return tqdm(unit=" articles", file=sys.stderr, leave=False)

    def _note(self, record: Record) -> None:
        if is_error(record):
            self.failures.append(record)
            if not self.quiet:
                print(f"framing: skipped {record['id']}: {record['error']}", file=sys.stderr)

    def watch_scored(self, stream: Iterable[Scored]) -> Iterator[Scored]:
        bar = self._bar()
        try:
            for scored in stream:
                self._note(scored.record)
                if scored.from_store:
                    self.from_store += 1
                elif not is_error(scored.record):
                    self.scored += 1
                if bar is not None:
                    bar.update(1)
                yield scored
        finally:
            if bar is not None:
                bar.close()

    def finish(self) -> int:
        if not self.quiet:
            print(f"framing: {self.scored} scored, {self.from_store} from the store, "
                  f"{len(self.failures)} could not be scored", file=sys.stderr)
        return 1 if self.failures else 0


if __name__ == "__main__":
    sys.exit(main())
