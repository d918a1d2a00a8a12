"""The ``framing`` command: a thin layer over the public API.

Exit status: 0 when every article was scored, 1 when some could not be read
or scored (each one reported on stderr and as an error record), 2 for usage
errors and broken lexicons.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Iterator

from .errors import FramingError, LexiconError
from . import corpus
from .compare import compare as compare_profiles
from .output import FORMATS, atomic_file, write_output
from .report import FORMATS as REPORT_FORMATS
from .report import render
from .profile import Profile
from .reading import Article, ReadFailure, read_paths
from .scoring import FRAMING_VERSION, Scorer

COMPARE_EXAMPLES = """\
examples:
  framing compare                                        # the bundled story belmokhtar-2013
  framing compare corpus/belmokhtar-2013 --format html -o report.html
  framing compare articles.jsonl --by outlet --format markdown
  framing compare articles.jsonl --by language --format csv
"""

EXAMPLES = """\
examples:
  framing score corpus/belmokhtar-2013                 # a folder, recursively
  framing score article.txt --format table             # one file, a summary table
  framing score articles.jsonl --format csv -o out.csv  # JSONL records to CSV
  cat articles.jsonl | framing score - --language fr   # JSONL on stdin
  framing score article.txt --lexicon my_lexicons/     # add your own lexicons
"""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="framing", description="Media-bias and framing analysis with evidence.")
    parser.add_argument("--version", action="version", version=f"framing {FRAMING_VERSION}")
    commands = parser.add_subparsers(dest="command", required=True)
    score = commands.add_parser(
        "score", help="score articles and print one framing.profile/1 record each",
        description="Score articles (text files, folders, JSONL, CSV, or - for JSONL on stdin).",
        epilog=EXAMPLES, formatter_class=argparse.RawDescriptionHelpFormatter)
    score.add_argument("paths", nargs="+", metavar="PATH", help="files, folders, or - for JSONL on stdin")
    score.add_argument("--format", choices=FORMATS, default="jsonl", help="output format (default: jsonl)")
    score.add_argument("-o", "--output", metavar="PATH", help="write here (atomically) instead of stdout")
    score.add_argument("--language", metavar="CODE", help="score every article as this language (en, fr, nl, ...)")
    score.add_argument("--lexicon", action="append", default=[], metavar="PATH",
                       help="extra lexicon file or folder (repeatable)")
    score.add_argument("--encoding", metavar="NAME", help="decode input files with this encoding")
    score.add_argument("--readability", action="store_true",
                       help="add Flesch reading ease (imports textstat, which costs about 1.4 s of start-up)")
    score.add_argument("--quiet", action="store_true", help="do not report failures on stderr")
    compare = commands.add_parser(
        "compare", help="compare groups of articles (outlets) with intervals, naming stances and aligned claims",
        description="Score articles and compare them by outlet (or another field): framing.comparison/1.",
        epilog=COMPARE_EXAMPLES, formatter_class=argparse.RawDescriptionHelpFormatter)
    compare.add_argument("paths", nargs="*", metavar="PATH",
                         help="files, folders, or - for JSONL on stdin (default: the bundled story)")
    compare.add_argument("--by", default="outlet", help="group by this profile field (default: outlet)")
    compare.add_argument("--format", choices=REPORT_FORMATS, default="json", help="output format (default: json)")
    compare.add_argument("-o", "--output", metavar="PATH", help="write here (atomically) instead of stdout")
    compare.add_argument("--language", metavar="CODE", help="score every article as this language")
    compare.add_argument("--lexicon", action="append", default=[], metavar="PATH", help="extra lexicon file or folder")
    compare.add_argument("--resamples", type=int, default=1000, help="bootstrap resamples (default: 1000)")
    compare.add_argument("--seed", type=int, default=0, help="random seed of the bootstrap (default: 0)")
    compare.add_argument("--quiet", action="store_true", help="do not report failures on stderr")
    return parser


def run_compare(args: argparse.Namespace, scorer: Scorer) -> int:
    """Score the inputs, compare them, write the report."""
    paths = args.paths or [str(corpus.path("belmokhtar-2013"))]
    failures: list[ReadFailure] = []
    profiles, texts = [], {}
    for article, item in _score_all(scorer, read_paths(paths), args.language, failures, quiet=args.quiet):
        if isinstance(item, Profile):
            profiles.append(item.to_dict())
            texts[item.id] = article.text
    if not profiles:
        print("framing: nothing to compare: no article could be scored", file=sys.stderr)
        return 1
    comparison = compare_profiles(profiles, by=args.by, texts=texts, lexicons=scorer.lexicons,
                                  resamples=args.resamples, seed=args.seed)
    if failures:
        comparison["failures"] = [f.to_dict() for f in failures]
    document = render(comparison, args.format)
    if args.output in (None, "-"):
        sys.stdout.write(document)
    else:
        with atomic_file(Path(args.output)) as stream:
            stream.write(document)
    return 1 if failures else 0


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        scorer = Scorer(extra_lexicons=args.lexicon, readability=getattr(args, "readability", False))
    except LexiconError as exc:
        print(f"framing: {exc}", file=sys.stderr)
        return 2
    if args.command == "compare":
        try:
            return run_compare(args, scorer)
        except OSError as exc:
            print(f"framing: cannot write {args.output}: {exc.strerror or exc}", file=sys.stderr)
            return 2
    failures: list[ReadFailure] = []
    records = (record for _, record in _score_all(scorer, read_paths(args.paths, encoding=args.encoding),
                                                  args.language, failures, quiet=args.quiet))
    try:
        write_output(records, args.format, args.output)
    except OSError as exc:
        print(f"framing: cannot write {args.output}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("framing: interrupted", file=sys.stderr)
        return 130
    if failures and not args.quiet:
        print(f"framing: {len(failures)} article(s) could not be scored", file=sys.stderr)
    return 1 if failures else 0


def _score_all(scorer: Scorer, items, language: str | None, failures: list[ReadFailure], *,
               quiet: bool) -> Iterator[tuple[Article | None, Profile | ReadFailure]]:
    """(article, profile) in input order; failures are reported, recorded and yielded, never raised."""
    seen: set[str] = set()
    for item in items:
        if isinstance(item, Article):
            if item.id in seen:
                item = ReadFailure(item.id, item.source or "", f"{item.source or item.id}: duplicate id {item.id!r}")
            else:
                seen.add(item.id)
                try:
                    yield item, scorer.score(item, language=language)
                    continue
                except FramingError as exc:
                    item = ReadFailure(item.id, item.source or "", f"{item.id}: {exc}")
        failures.append(item)
        if not quiet:
            print(f"framing: skipped {item.id}: {item.error}", file=sys.stderr)
        yield None, item


if __name__ == "__main__":
    sys.exit(main())
