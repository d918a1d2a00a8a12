"""The ``framing`` command: a thin layer over the public API.

Exit status (``EXIT_*`` below):

- 0: every article was scored;
- 1: framing itself failed (an uncaught error, with its traceback: a bug to report);
- 2: usage errors, broken lexicons, an output that would overwrite or land inside
  an input, an unwritable output or store, and a ``--jobs`` worker process that died;
- 3: some articles could not be read or scored (each one reported on stderr and as
  an error record); the others were written;
- 130: interrupted (SIGINT or SIGTERM); what was stored is kept;
- 141: the reader of standard output went away (``| head``); nothing is printed.
"""
from __future__ import annotations

import argparse
import atexit
import codecs
import gc
import io
import os
import signal
import sys
import threading
import warnings
from collections import Counter
from contextlib import nullcontext
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterable, Iterator, Mapping

from . import corpus
from .batch import Record, Scored, frozen_heap, score_stream
from .errors import FramingError, LexiconError, StoreError
from .lexicon import LexiconOverrideWarning
from .render.profiles import FORMATS, atomic_file, is_error, write_output
from .reading import ARTICLE_SUFFIXES, STDIN_FORMATS, STDIN_ID, Fields, read_paths
from .render.comparison import CLAIM_FORMATS
from .render.comparison import FORMATS as REPORT_FORMATS
from .render.comparison import render
from .scoring import FRAMING_VERSION, Scorer, no_cyclic_collection
from .store import ProfileStore, Selection
from .terminal import display_path, safe_terminal

if TYPE_CHECKING:  # the classifier imports scikit-learn (a second of start-up): only when asked for
    from .frames.model import FrameClassifier

EXIT_OK, EXIT_USAGE, EXIT_SKIPPED, EXIT_INTERRUPTED, EXIT_CLOSED_PIPE = 0, 2, 3, 130, 141
MAX_RESAMPLES = 100_000
MAX_JOBS_PER_CORE = 4

SCORE_EXAMPLES = """\
examples:
  framing score corpus/belmokhtar-2013                 # a folder, recursively
  framing score article.txt --format table             # one file, a summary table
  framing score articles.jsonl --format csv -o out.csv  # JSONL records to CSV
  cat articles.jsonl | framing score - --language fr   # JSONL on stdin
  pbpaste | framing score - --format table             # plain text on stdin: one article
  framing score export.csv --text-field body --id-field url --outlet-field source
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


TRAIN_FRAMES_EXAMPLES = """\
examples:
  framing train-frames coded.jsonl -o frames.npz       # JSONL {"id", "text", "frames": [...]}
  framing train-frames coded.jsonl -o frames.npz --language de
  framing score articles.jsonl --frame-model frames.npz   # adds frames_predicted to each profile
"""

LEXICONS_EXAMPLES = """\
examples:
  framing lexicons                          # what is shipped: entries per family and language, naming axes
  framing lexicons --lexicon my_lexicons/   # check your own files (exit status 2 names the file and entry)
"""


def _bounded_int(low: int, high: int) -> Callable[[str], int]:
    """An argparse type: an integer in ``[low, high]``, else a usage error (exit 2)."""
    def parse(value: str) -> int:
        try:
            number = int(value)
        except ValueError:
            raise argparse.ArgumentTypeError(f"not an integer: {value[:40]!r}") from None
        if not low <= number <= high:
            raise argparse.ArgumentTypeError(f"{number if len(value) < 25 else value[:20] + '...'} is outside "
                                             f"{low}..{high}")
        return number
    return parse


def _encoding_name(value: str) -> str:
    """An argparse type: an encoding Python knows, checked once instead of failing per article."""
    try:
        codecs.lookup(value)
    except LookupError:
        raise argparse.ArgumentTypeError(f"unknown encoding {value[:40]!r}") from None
    return value


def _common(parser: argparse.ArgumentParser) -> None:
    """Options every command shares."""
    parser.add_argument("-o", "--output", metavar="PATH", help="write here (atomically) instead of stdout")
    parser.add_argument("--language", metavar="CODE", help="score every article as this language (en, fr, nl, ...)")
    parser.add_argument("--lexicon", action="append", default=[], metavar="PATH",
                        help="extra lexicon file or folder (repeatable)")
    parser.add_argument("--encoding", metavar="NAME", type=_encoding_name,
                        help="decode input files with this encoding")
    max_jobs = MAX_JOBS_PER_CORE * (os.cpu_count() or 1)
    parser.add_argument("--jobs", type=_bounded_int(1, max_jobs), default=1, metavar="N",
                        help=f"score in N processes (default: 1; at most {max_jobs}, {MAX_JOBS_PER_CORE} per core)")
    parser.add_argument("--db", metavar="PATH", help="SQLite store: reuse stored profiles, store new ones")
    parser.add_argument("--quiet", action="store_true", help="no progress bar, no failure messages on stderr")
    parser.add_argument("--stdin-format", choices=STDIN_FORMATS, default="auto",
                        help="how to read - (standard input): auto (default) reads JSONL when the first line is "
                             "a JSON object, else one plain-text article")
    for field in ("text", "id", "outlet", "title", "date"):
        parser.add_argument(f"--{field}-field", metavar="NAME", default=field,
                            help=f"the CSV column or JSONL key holding the article's {field} (default: {field})")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="framing", description="Media-bias and framing analysis with evidence.")
    parser.add_argument("--version", action="version", version=f"framing {FRAMING_VERSION}")
    commands = parser.add_subparsers(dest="command", required=True)
    score = commands.add_parser(
        "score", help="score articles and print one framing.profile/1 record each",
        description="Score articles (text files, folders, JSONL, CSV, or - for standard input: JSONL or plain text).",
        epilog=SCORE_EXAMPLES, formatter_class=argparse.RawDescriptionHelpFormatter)
    score.add_argument("paths", nargs="+", metavar="PATH",
                       help="files, folders, or - for standard input (JSONL, or one plain-text article)")
    score.add_argument("--format", choices=FORMATS, default="jsonl", help="output format (default: jsonl)")
    score.add_argument("--readability", action="store_true",
                       help="add Flesch reading ease (imports textstat, which costs about 1.4 s of start-up)")
    score.add_argument("--frame-model", metavar="FILE",
                       help="add frames_predicted (probabilities and the evidence behind them) from a model "
                            "trained with framing train-frames")
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
    compare.add_argument("--resamples", type=_bounded_int(1, MAX_RESAMPLES), default=1000,
                         help=f"bootstrap resamples (default: 1000; 1..{MAX_RESAMPLES:,})")
    compare.add_argument("--seed", type=_bounded_int(0, 2**63 - 1), default=0,
                         help="random seed of the bootstrap, a non-negative integer (default: 0)")
    compare.add_argument("--no-claims", action="store_true",
                         help="skip stories and claim alignment (csv never shows claims, so never aligns them)")
    _common(compare)
    train = commands.add_parser(
        "train-frames", help="train a frame classifier on your own coded articles",
        description="Train a multi-label frame classifier from JSONL records {\"id\", \"text\", \"frames\": [...]} "
                    "(frame ids of the Policy Frames Codebook as SemEval-2023 names them, lower-cased).",
        epilog=TRAIN_FRAMES_EXAMPLES, formatter_class=argparse.RawDescriptionHelpFormatter)
    train.add_argument("labelled", metavar="FILE", help="JSONL file of labelled articles")
    train.add_argument("-o", "--output", metavar="PATH", required=True, help="where to write the model (.npz)")
    train.add_argument("--language", metavar="CODE", help="the articles' language (default: the records' or detected)")
    train.add_argument("--lexicon", action="append", default=[], metavar="PATH",
                       help="extra lexicon file or folder (repeatable)")
    train.add_argument("--quiet", action="store_true", help="no messages on stderr about skipped lines")
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
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        # Loading makes some hundred thousand long-lived objects (lexicon entries, word lists),
        # none in reference cycles: collections while they are made would scan them again and again.
        with warnings.catch_warnings(), no_cyclic_collection():  # warnings said once below, in the command's own words
            warnings.simplefilter("ignore", LexiconOverrideWarning)
            scorer = Scorer(extra_lexicons=args.lexicon, readability=getattr(args, "readability", False))
    except LexiconError as exc:
        _say(f"framing: {exc}")
        return EXIT_USAGE
    for override in scorer.lexicons.overrides:
        _say(f"framing: warning: {override}")
    problem = _usage_problem(args, scorer)
    if problem:
        parser.error(problem)  # exit status 2, with the usage line
    report = _Report(quiet=getattr(args, "quiet", False))
    previous = signal.signal(signal.SIGTERM, _interrupt) if _main_thread() else None
    _freeze_heap_at_exit()
    try:
        # The lexicons and everything else loaded so far live as long as the command: frozen,
        # the garbage collector no longer scans them; thawed again when the command ends.
        with frozen_heap(True):
            return _run_command(args, scorer, report)
    except KeyboardInterrupt:
        _say(f"framing: interrupted; {report.saved(args)}")
        return EXIT_INTERRUPTED
    except RuntimeError as exc:
        if not _broken_pool(exc):
            raise
        _say("framing: a --jobs worker process died before the batch ended (killed, or out of memory); "
             f"{report.saved(args)}")
        return EXIT_USAGE
    except BrokenPipeError:
        _quiet_stdout()
        return EXIT_CLOSED_PIPE
    except StoreError as exc:
        _say(f"framing: {exc}")
        return EXIT_USAGE
    except OSError as exc:
        where = args.output if getattr(args, "output", None) not in (None, "-") else "standard output"
        _say(f"framing: cannot write {where}: {exc.strerror or exc}")
        return EXIT_USAGE
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)


@lru_cache(maxsize=1)
def _freeze_heap_at_exit() -> None:
    """At interpreter exit, freeze the heap before Python's last collections, which would
    otherwise scan every object still alive, the lexicons first, only to free the memory the
    process returns anyway: a tenth of the CPU time of scoring one article from a cold start.
    Registered once per process, by the first command run."""
    atexit.register(gc.freeze)


def _run_command(args: argparse.Namespace, scorer: Scorer, report: _Report) -> int:
    if args.command == "lexicons":
        return run_lexicons(scorer)
    if args.command == "train-frames":
        return run_train_frames(args)
    if args.command == "compare":
        return run_compare(args, scorer, report)
    return run_score(args, scorer, report)


def _broken_pool(exc: BaseException) -> bool:
    """Whether ``exc`` is the ``BrokenProcessPool`` of a dead ``--jobs`` worker. Tested without
    importing concurrent.futures, which only ``--jobs`` needs (it and logging were a twentieth
    of the start-up): where the module was never imported, no such error can have been raised."""
    pool = sys.modules.get("concurrent.futures.process")
    return pool is not None and isinstance(exc, pool.BrokenProcessPool)


def _main_thread() -> bool:
    return threading.current_thread() is threading.main_thread()


def _interrupt(signum: int, frame: Any) -> None:
    """SIGTERM ends a batch as Ctrl-C does: workers stopped, temporary files removed, the
    store committed, a message saying so."""
    raise KeyboardInterrupt


def _naming_the_article(id: str, error: str) -> str:
    """The error once with the article's id in front: most errors already start with it."""
    return error if error.startswith(f"{id}: ") else f"{id}: {error}"


def _say(message: str) -> None:
    """A message on stderr, control characters escaped (ids and titles come from the input)."""
    try:
        print(safe_terminal(message), file=sys.stderr)
    except (BrokenPipeError, OSError):
        return  # stderr closed: nothing left to tell


def _quiet_stdout() -> None:
    """After the reader of stdout went away: point stdout at /dev/null so that the flush at
    exit does not raise again (the pattern of Python's signal documentation)."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, io.UnsupportedOperation):
        return  # stdout is not a file descriptor (a test's buffer): nothing to flush


def _usage_problem(args: argparse.Namespace, scorer: Scorer) -> str | None:
    """What makes the command line unusable as a whole, checked before any article is read:
    a language without lexicons, an output that would overwrite or land inside an input,
    a store that is also an input or the output."""
    language = getattr(args, "language", None)
    if language is not None and language.strip().lower() not in scorer.supported:
        return (f"--language {language[:20]!r} has no lexicons (supported: {', '.join(sorted(scorer.supported))})")
    paths = list(getattr(args, "paths", []) or [])
    if args.command == "compare" and not paths and not args.db:
        paths = [str(corpus.path("belmokhtar-2013"))]
    inputs = [Path(p) for p in paths if p != "-"]
    for option, value in (("-o", getattr(args, "output", None)), ("--db", getattr(args, "db", None))):
        if value in (None, "-") or (option == "-o" and Path(value).exists() and not Path(value).is_file()):
            continue  # stdout, /dev/null, a pipe
        clash = output_clash(Path(value), inputs)
        if clash:
            return f"{option} {display_path(value)} {clash}"
    output, db = getattr(args, "output", None), getattr(args, "db", None)
    if output not in (None, "-") and db and _same_path(Path(output), Path(db)):
        return f"-o and --db name the same file {display_path(output)}"
    return None


def output_clash(target: Path, inputs: list[Path]) -> str | None:
    """Why writing ``target`` would destroy or feed back into an input, or None."""
    for source in inputs:
        if _same_path(target, source):
            return f"is an input ({display_path(source)}): writing it would replace what is read"
        try:
            inside = source.is_dir() and target.resolve().is_relative_to(source.resolve())
        except OSError:
            inside = False
        if inside:
            return (f"is inside the input folder {display_path(source)}: the next run would read it back; "
                    "write it elsewhere")
    return None


def _same_path(a: Path, b: Path) -> bool:
    try:
        if a.exists() and b.exists():
            return os.path.samefile(a, b)
        return a.resolve() == b.resolve()
    except OSError:
        return False


def run_score(args: argparse.Namespace, scorer: Scorer, report: "_Report") -> int:
    """Score the inputs and write one record per input item, in input order."""
    if args.scheduler:
        if args.db or args.jobs != 1:
            _say("framing: --scheduler cannot be combined with --db or --jobs")
            return EXIT_USAGE
        try:
            from .dask import score_articles_on_cluster

            records = score_articles_on_cluster(read_paths(args.paths, **_reading(args, report)), args.scheduler,
                                                scorer=scorer, language=args.language)
        except ImportError as exc:
            _say(f"framing: {exc}")
            return EXIT_USAGE
        except (OSError, ValueError) as exc:
            _say(f"framing: cannot reach the Dask scheduler {args.scheduler}: {exc}")
            return EXIT_USAGE
        scored = (Scored(None, record, False) for record in records)
        write_output((s.record for s in report.watch_scored(scored)), args.format, args.output,
                     axes=sorted(scorer.lexicons.axes), readability=scorer.readability, poles=axis_poles(scorer))
        return report.finish()
    model = None
    if args.frame_model:
        try:
            from .frames.model import load_model

            model = load_model(args.frame_model)
        except FramingError as exc:
            print(f"framing: {exc}", file=sys.stderr)
            return 2
    items = read_paths(args.paths, **_reading(args, report))
    encode = args.format == "jsonl" and not args.db and model is None  # profiles serialised by the workers
    with _open_store(args.db) as store:
        stream = score_stream(scorer, items, language=args.language, jobs=args.jobs, store=store, encode=encode)
        outputs: Iterable[Record | str] = (
            (scored.line or scored.record for scored in report.watch_scored(stream)) if model is None
            else (_with_frames_predicted(model, scored) for scored in report.watch_scored(stream)))
        write_output(outputs, args.format, args.output, axes=sorted(scorer.lexicons.axes),
                     readability=scorer.readability, poles=axis_poles(scorer))
    return report.finish()


def _with_frames_predicted(model: "FrameClassifier", scored: Scored) -> dict[str, Any]:
    """The record with ``frames_predicted`` added (profiles only; error records pass through)."""
    if scored.article is None or is_error(scored.record):
        return scored.record
    return dict(scored.record, frames_predicted=model.explain(scored.article.text, scored.record))


def run_train_frames(args: argparse.Namespace) -> int:
    """Train a frame classifier from labelled JSONL and save it."""
    from .frames.training import read_labelled, train_frames

    try:
        articles, skipped = read_labelled(args.labelled)
        for message in skipped if not args.quiet else ():
            print(f"framing: skipped {message}", file=sys.stderr)
        model = train_frames(articles, language=args.language, lexicons=tuple(args.lexicon))
        model.save(args.output)
    except FramingError as exc:
        print(f"framing: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"framing: {exc.filename or args.labelled}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    if not args.quiet:
        print(f"framing: trained on {len(articles)} articles ({len(skipped)} lines skipped), frames "
              f"{', '.join(map(str, model.classes_))}; wrote {args.output}", file=sys.stderr)
    return 1 if skipped else 0


def run_compare(args: argparse.Namespace, scorer: Scorer, report: "_Report") -> int:
    """Score the inputs (or read a store), compare them one article at a time, write the report."""
    # Imported here: comparing loads numpy and the comparison modules, which `framing score`
    # does not need (a third of its start-up).
    from .comparison.claims import SpilledArticles
    from .comparison.groups import Comparer, slim

    align = not args.no_claims and args.format in CLAIM_FORMATS
    comparer = Comparer(by=args.by, lexicons=scorer.lexicons, resamples=args.resamples, seed=args.seed,
                        texts=True, align=align, kept=SpilledArticles() if align else None)
    store_notes: list[str] = []
    if args.db and not args.paths:
        with ProfileStore(args.db, readonly=True) as store:
            articles, store_notes = stored_articles(store.for_comparison(scorer.lexicons.version, lazy=True))
            for profile, text in articles:
                comparer.add(slim(profile), text)
                report.from_store += 1
    else:
        paths = args.paths or [str(corpus.path("belmokhtar-2013"))]
        with _open_store(args.db) as store:
            stream = score_stream(scorer, read_paths(paths, **_reading(args, report)), language=args.language,
                                  jobs=args.jobs, store=store)
            for article, record, *_ in report.watch_scored(stream):
                if article is not None and not is_error(record):
                    comparer.add(slim(record), article.text)
    if not comparer.count:
        _say("framing: nothing to compare: no article could be scored")
        return EXIT_SKIPPED
    problem = comparer.missing_field()
    if problem:
        _say(f"framing: --by: {problem}")
        return EXIT_USAGE
    comparison = comparer.result()
    comparison.setdefault("notes", []).extend(store_notes)
    if report.failures:
        comparison["failures"] = report.failures
    document = render(comparison, args.format)
    if args.output in (None, "-"):
        sys.stdout.write(document)
    else:
        with atomic_file(Path(args.output)) as stream_out:
            stream_out.write(document)
    return report.finish()


def axis_poles(scorer: Scorer) -> dict[str, tuple[str, str]]:
    """What -1 and +1 stand for on each naming axis, for the table's legend."""
    return {name: (axis.negative, axis.positive) for name, axis in scorer.lexicons.axes.items()}


def _reading(args: argparse.Namespace, report: "_Report") -> dict[str, Any]:
    """The options of ``read_paths`` a command line gives."""
    return {"encoding": args.encoding, "stdin_format": args.stdin_format, "skipped": report.skipped_files,
            "fields": Fields(text=args.text_field, id=args.id_field, outlet=args.outlet_field,
                             title=args.title_field, date=args.date_field)}


def stored_articles(selection: Selection) -> tuple[Iterator[tuple[dict[str, Any], str]], list[str]]:
    """``(profile, text)`` of a store's selection as they are read, ids made unique (an id shared by
    articles from different sources gets its source appended), and notes saying what was done."""
    if isinstance(selection.items, list):  # read at once: the shared ids from its items
        counts = Counter(profile["id"] for profile, _ in selection.items)
        shared: Mapping[str, int] = {article_id: n for article_id, n in counts.items() if n > 1}
    else:
        shared = selection.shared_ids

    def unique(pairs: Iterable[tuple[dict[str, Any], str]]) -> Iterator[tuple[dict[str, Any], str]]:
        for profile, text in pairs:
            if profile["id"] in shared:
                profile = dict(profile, id=f"{profile['id']} ({profile.get('source') or 'unknown source'})")
            yield profile, text

    notes = [f"profiles read from the store, all made with lexicon version {selection.lexicon_version}"]
    if selection.left_out:
        versions = ", ".join(f"{version} ({n})" for version, n in sorted(selection.left_out.items()))
        notes.append(f"left out: articles stored only with other lexicon versions: {versions}; "
                     "rescore them (framing score ... --db) to compare them")
    renamed = sum(shared.values())
    if renamed:
        notes.append(f"{renamed} articles share an id with an article from another source; "
                     "their ids carry their source in parentheses")
    return unique(selection.items), notes


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
        self.skipped_files: list[str] = []  # files a folder scan passed over (not an article type)

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
                _say(f"framing: skipped {_naming_the_article(record['id'], record['error'])}")

    def watch_scored(self, stream: Iterable[Scored]) -> Iterator[Scored]:
        bar = self._bar()
        try:
            for scored in stream:
                self._note(scored.record)
                if scored.article is not None and scored.article.id == STDIN_ID and not self.quiet:
                    for note in scored.article.notes:
                        if note.startswith("standard input read as"):
                            _say(f"framing: {note}")
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
            _say(f"framing: {self.scored} scored, {self.from_store} from the store, "
                 f"{len(self.failures)} could not be scored{self.passed_over()}")
        return EXIT_SKIPPED if self.failures else EXIT_OK

    def passed_over(self) -> str:
        """``; 3 files passed over (not articles: .md 2, .pdf 1)``, or nothing."""
        if not self.skipped_files:
            return ""
        kinds = Counter(Path(name).suffix.lower() or "(no suffix)" for name in self.skipped_files)
        listed = ", ".join(f"{kind} {n}" for kind, n in sorted(kinds.items(), key=lambda kv: (-kv[1], kv[0])))
        return (f"; {len(self.skipped_files)} file(s) in folders passed over as not articles ({listed}; read are "
                f"{' '.join(sorted(ARTICLE_SUFFIXES))})")

    def saved(self, args: argparse.Namespace) -> str:
        """What an interrupted batch leaves behind, for its last message."""
        db = getattr(args, "db", None)
        output = getattr(args, "output", None)
        kept = (f"{self.scored} profiles scored so far are stored in {display_path(db)}, and a rerun scores "
                "only what is missing" if db else f"{self.scored} articles had been scored; nothing was stored "
                "(use --db to keep work across runs)")
        written = ("" if output in (None, "-") else
                   f"; {display_path(output)} was left as it was (it is replaced only by a complete run)")
        return kept + written


if __name__ == "__main__":
    sys.exit(main())
