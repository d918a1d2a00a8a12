"""Fuzz framing's public API with generated input and count crashes.

A crash is any exception other than framing's own refusals (``FramingError``
subclasses such as ``InputError`` for empty or binary-looking text), or a
profile that breaks an invariant: evidence offsets that do not slice back to
the evidence text, rates that are not finite and non-negative, stances out of
[-1, 1], quoted and unquoted counts that do not add up, non-determinism.

Targets, each driven by hypothesis (generation phase only, no shrinking
database): ``framing.score`` on text (arbitrary Unicode, and newsy text built
from quote marks, apostrophes, naming terms, Arabic, bidi marks, combining
marks and emoji), ``decode_bytes`` on arbitrary bytes, and the JSONL/CSV
readers on arbitrary bytes written to a file; and, since issue 18:

- long and deep input: numbers of thousands of digits and JSON nested
  100,000 deep in JSONL, long runs of one character or one pattern (periods,
  quotation marks, dashes, "said", run-on quotations with cues), articles of
  up to a megabyte;
- metadata (ids, titles, outlets, dates with control characters, formula
  starts, ``$``, markup) through every writer (JSON, JSONL, CSV, table) and
  every report (JSON, CSV, Markdown, HTML), with the CSV and JSONL read back:
  the same rows, no formula cell, no control character on the table;
- file names (any bytes but ``/`` and NUL) read from a folder and written.

Every input has a time limit (``--time-limit``, seconds, scaled up for the
megabyte articles by their size): a slower input is a failure, and one that
runs past three times its limit is stopped by an alarm and counted too.

    .venv/bin/python benchmarks/fuzz.py --examples 100000

Not part of the default test run; the figure goes to benchmarks/RESULTS.md.
"""
from __future__ import annotations

import argparse
import csv
import io
import json
import math
import os
import signal
import sys
import tempfile
import time
import traceback
import warnings
from contextlib import contextmanager
from pathlib import Path

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

import framing
from options import benchmark_parser
from places import command
from results import update_section
from run_facts import python_version, today
from framing.batch import score_stream
from framing.cells import _PLAIN_NUMBER as PLAIN_NUMBER
from framing.decoding import decode_bytes
from framing.errors import FramingError
from framing.render.profiles import write_output
from framing.reading import read_paths, record_to_article
from framing.render.comparison import render
from framing.profile import MIN_RATE_WORDS
from framing.scoring import MAX_EVIDENCE_PER_FAMILY

PIECES = ["Moroccan Sahara", "Western Sahara", "Algerian Sahara", "occupied Western Sahara", "Southern Provinces",
          "\u201c", "\u201d", "\u2018", "\u2019", "'", '"', "\u00ab", "\u00bb", "\u201e", "Clinton\u2019s", "said",
          "according to", "reportedly", "would have asked", "probably", "May", "could not", "around 30,000",
          ".", ",", ":", "\n", "\n\n", "Related articles", "e\u0301", "\u200b", "\u202e", "\u200f", "  ",
          "\u0627\u0644\u0635\u062d\u0631\u0627\u0621 \u0627\u0644\u063a\u0631\u0628\u064a\u0629",
          "Marokkaanse Sahara", "volgens", "zou hebben gevraagd", "aurait demand\u00e9", "\U0001F600", "\u0130",
          "\ufb01", "<script>alert(1)</script>", "Mr.", "J.", "(sic.)", "\u2026", "\x00"]
LANGUAGES = [None, "en", "fr", "nl", "es", "de", "ar"]


def generated(examples: int) -> settings:
    """Hypothesis settings of every target: ``examples`` fresh inputs, no shrinking, no example database."""
    return settings(max_examples=examples, deadline=None, database=None, phases=[Phase.generate],
                    suppress_health_check=list(HealthCheck))


def check_profile(text: str, profile: dict) -> None:
    """Raise AssertionError when a profile breaks an invariant."""
    for e in profile["evidence"]:
        assert text[e["start"]:e["end"]] == e["text"], e
        assert e["voice"] in ("quoted", "unquoted"), e
    for name, family in profile["features"].items():
        if name == "attribution":
            continue
        for key in ("unquoted", "quoted", "per_1000_words"):
            if key == "per_1000_words" and family[key] is None:
                assert profile["words"] < MIN_RATE_WORDS, (name, family)  # too short for a rate, said so
                continue
            assert math.isfinite(family[key]) and family[key] >= 0, (name, family)
        counted = [e for e in profile["evidence"] if e["family"] == name]
        if len(counted) == MAX_EVIDENCE_PER_FAMILY:  # capped: the counts hold what was left out too
            assert family["unquoted"] + family["quoted"] >= len(counted), name
            assert any("evidence capped" in note for note in profile.get("notes", [])), name
        else:
            assert family["unquoted"] + family["quoted"] == len(counted), name
    attribution = profile["features"]["attribution"]
    assert 0 <= attribution["quoted_share"] <= 1 and 0 <= attribution["coverage"] <= 1
    for axis in profile["naming"].values():
        assert axis["stance"] is None or -1 <= axis["stance"] <= 1


def fuzz_score(examples: int, crashes: list[str], limit: float) -> int:
    count = 0
    text = st.one_of(st.text(max_size=600), st.lists(st.sampled_from(PIECES), max_size=80).map(" ".join),
                     st.lists(st.sampled_from(PIECES), max_size=80).map("".join))

    @generated(examples)
    @given(text, st.sampled_from(LANGUAGES))
    def target(value: str, language: str | None) -> None:
        nonlocal count
        count += 1
        with time_limit(limit, crashes, f"score({value!r:.200})"):
            try:
                first = framing.score(value, language=language)
            except FramingError:
                return
            except Exception:  # a crash: recorded, not raised, so the run goes on
                crashes.append(f"score({value!r:.200}, language={language!r}):\n{traceback.format_exc()}")
                return
            try:
                check_profile(value, first)
                assert framing.score(value, language=language) == first, "not deterministic"
            except Exception:  # AssertionError, or a field of the wrong type
                crashes.append(f"invariant broken for {value!r:.200}:\n{traceback.format_exc()}")

    target()
    return count


def fuzz_bytes(examples: int, crashes: list[str], limit: float) -> int:
    count = 0
    folder = Path(tempfile.mkdtemp(prefix="framing-fuzz-"))

    @generated(examples)
    @given(st.binary(max_size=400), st.sampled_from([".txt", ".jsonl", ".csv"]))
    def target(data: bytes, suffix: str) -> None:
        nonlocal count
        count += 1
        try:
            decode_bytes(data, name="fuzz")
        except FramingError:
            pass
        except Exception:
            crashes.append(f"decode_bytes({data!r:.200}):\n{traceback.format_exc()}")
        path = folder / f"input{suffix}"
        path.write_bytes(data)
        with time_limit(limit, crashes, f"read_paths({suffix}, {data!r:.200})"):
            try:
                list(read_paths([path]))
            except Exception:
                crashes.append(f"read_paths({suffix}, {data!r:.200}):\n{traceback.format_exc()}")

    target()
    return count


class TooSlow(Exception):
    """An input ran past three times its time limit (raised by the alarm)."""


@contextmanager
def time_limit(seconds: float, failures: list[str], what: str):
    """Record ``what`` as a failure when it takes over ``seconds``; stop it at three times that."""
    def alarm(signum, frame):
        raise TooSlow(what)

    previous = signal.signal(signal.SIGALRM, alarm)
    signal.setitimer(signal.ITIMER_REAL, 3 * seconds)
    started = time.perf_counter()
    try:
        yield
    except TooSlow:
        failures.append(f"stopped after {3 * seconds:.0f} s: {what}")
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    elapsed = time.perf_counter() - started
    if elapsed > seconds:
        failures.append(f"slow ({elapsed:.1f} s > {seconds:.0f} s): {what}")


RUN_UNITS = [".", "\u201c", "\u201d", "'", "\u2014", "-", "a", " ", "\n", "\u201cyes,\u201d Smith said ",
             "\u201cyes\u201d \u2014 Smith ", "said ", "reportedly ", "Mr. ", "(", "<p>", "\u00ab", ":", "Pat: "]


def long_text(unit: str, size: int) -> str:
    return "Officials said on Monday. " + unit * max(1, size // len(unit)) + " The end."


def fuzz_long(examples: int, crashes: list[str], limit: float) -> int:
    """Runs of one unit up to a megabyte, and JSONL lines of huge numbers and deep nesting."""
    count = 0
    folder = Path(tempfile.mkdtemp(prefix="framing-fuzz-long-"))

    @generated(examples)
    @given(st.sampled_from(RUN_UNITS), st.sampled_from([10_000, 100_000, 1_000_000]),
           st.sampled_from(["score", "digits", "deep", "wide"]))
    def target(unit: str, size: int, shape: str) -> None:
        nonlocal count
        count += 1
        what = f"{shape} of {unit!r} x {size}"
        with time_limit(limit * max(1.0, size / 100_000), crashes, what):
            try:
                if shape == "score":
                    text = long_text(unit, size)
                    check_profile(text, framing.score(text, language="en"))
                    return
                path = folder / "in.jsonl"
                if shape == "digits":
                    path.write_text('{"id": "n", "text": "x", "n": ' + "7" * (size // 10) + "}\n")
                elif shape == "deep":
                    path.write_text("[" * size + "\n" + '{"id": "ok", "text": "Officials said so."}\n')
                else:
                    path.write_bytes(b"\xff\xfe" + (json.dumps({"id": "w", "text": long_text(unit, size // 10)})
                                                     + "\n").encode("utf-16-le"))
                for item in read_paths([path]):
                    if hasattr(item, "text"):
                        check_profile(item.text, framing.score(item.text, language="en"))
            except FramingError:
                return
            except (Exception, RecursionError):
                crashes.append(f"{what}:\n{traceback.format_exc()}")

    target()
    return count


METADATA = st.one_of(
    st.text(max_size=40),
    st.sampled_from(["=1+1", "+cmd", "-2", "@SUM(A1)", "\t=x", "\r=1+1", "\x1b]0;title\x07", "\x1b[2J", "\x9b31m",
                     "$x^$", "$\\frac{", "<script>alert(1)</script>", "[x](javascript:alert(1))", "a|b", "\u202e",
                     "line\nbreak", "\u2028", "caf\u00e9", "\U0001F600", "''", '"', "\\", ""]))


def fuzz_metadata(examples: int, crashes: list[str], limit: float) -> int:
    """Records with hostile ids, titles, outlets and dates through every writer and report."""
    count = 0
    scorer = framing.Scorer()

    @generated(examples)
    @given(st.lists(st.tuples(METADATA, METADATA, METADATA, METADATA), min_size=1, max_size=4))
    def target(rows) -> None:
        nonlocal count
        count += 1
        records = [{"id": f"{i}{ident}", "title": title, "outlet": outlet, "date": day,
                    "text": f"Officials reportedly said the plan, story {i}, was late."}
                   for i, (ident, title, outlet, day) in enumerate(rows)]
        what = f"metadata {records!r:.300}"
        with time_limit(limit, crashes, what):
            try:
                articles = [record_to_article(r, f"fuzz:{n}", "fuzz") for n, r in enumerate(records)]
                scored = [s.record for s in score_stream(scorer, articles, language="en")]
                check_writers(scored)
                profiles = [r for r in scored if r.get("schema") == "framing.profile/1"]
                if profiles:
                    texts = {a.id: a.text for a in articles if hasattr(a, "text")}
                    comparison = framing.compare(profiles, texts=texts, lexicons=scorer.lexicons, resamples=20)
                    for fmt in ("json", "csv", "markdown", "html"):
                        check_report(render(comparison, fmt), fmt)
            except Exception:
                crashes.append(f"{what}:\n{traceback.format_exc()}")

    target()
    return count


def check_writers(records: list[dict]) -> None:
    """Every writer takes the records; CSV and JSONL read back to the same rows."""
    for fmt in ("json", "jsonl", "csv", "table"):
        stream = io.StringIO(newline="")
        real, sys.stdout = sys.stdout, stream
        try:
            write_output(iter(records), fmt, None)
        finally:
            sys.stdout = real
        out = stream.getvalue()
        if fmt == "jsonl":
            assert [json.loads(line) for line in out.splitlines()] == records
        elif fmt == "json":
            assert json.loads(out) == records
        elif fmt == "csv":
            rows = list(csv.DictReader(io.StringIO(out, newline="")))
            assert len(rows) == len(records), "a CSV row was split or merged"
            for row, record in zip(rows, records):
                assert row["id"] in (record["id"], "'" + record["id"]), (row["id"], record["id"])
                assert not any(_formula(v) for v in row.values() if v), row
        else:
            assert not any(ord(c) < 32 and c != "\n" or 0x7f <= ord(c) <= 0x9f for c in out), "control character"


def _formula(cell: str) -> bool:
    """A cell a spreadsheet would run: a formula start that is not a plain number ("+0.0")."""
    return cell.startswith(("=", "+", "-", "@", "\t", "\r")) and not PLAIN_NUMBER.fullmatch(cell)


def check_report(document: str, fmt: str) -> None:
    if fmt == "json":
        json.loads(document)
    elif fmt == "csv":
        for row in csv.reader(io.StringIO(document, newline="")):
            assert not any(_formula(v) for v in row), row
    elif fmt == "markdown":
        assert "<script" not in document and "](javascript" not in document
    else:
        assert "<script>alert" not in document


NAME_BYTES = st.binary(min_size=1, max_size=40).map(lambda b: b.replace(b"/", b"_").replace(b"\x00", b"_"))


def fuzz_file_names(examples: int, crashes: list[str], limit: float) -> int:
    """Files named with any bytes, read from a folder, scored and written as JSONL and a table."""
    count = 0
    scorer = framing.Scorer()

    @generated(examples)
    @given(NAME_BYTES, st.sampled_from([b".txt", b".jsonl", b".csv", b".html"]))
    def target(name: bytes, suffix: bytes) -> None:
        nonlocal count
        count += 1
        if name in (b".", b".."):
            return
        folder = tempfile.mkdtemp(prefix="framing-fuzz-names-").encode()
        path = os.path.join(folder, name + suffix)
        what = f"file name {name + suffix!r}"
        with time_limit(limit, crashes, what):
            try:
                with open(path, "wb") as out:
                    out.write(b"Officials said the plan was late.\n" if suffix != b".csv" else b"text\nOfficials said.\n")
                records = [s.record for s in score_stream(scorer, read_paths([os.fsdecode(folder)]), language="en")]
                check_writers(records)
                target_file = os.path.join(folder + b"-out", name + b".jsonl")
                os.makedirs(os.path.dirname(target_file), exist_ok=True)
                write_output(iter(records), "jsonl", os.fsdecode(target_file))
            except OSError:
                return  # a name the file system refuses (too long): not framing's
            except Exception:
                crashes.append(f"{what}:\n{traceback.format_exc()}")

    target()
    return count


def write_results(parts: dict[str, tuple[int, int]], seconds: float, args: argparse.Namespace) -> None:
    """Replace the fuzz section of RESULTS.md; ``parts`` maps target to (inputs, failures)."""
    total = sum(n for n, _ in parts.values())
    crashes = sum(c for _, c in parts.values())
    labels = {
        "score": "`framing.score` (text, 7 language settings)",
        "bytes": "`decode_bytes` + `read_paths` (bytes as .txt/.jsonl/.csv)",
        "long": "long and deep: runs of 19 units (run-on quotations, periods, dashes, ...) of 10 KB to 1 MB; "
                "JSONL numbers of 1,000 to 100,000 digits, nesting 10,000 to 1,000,000 deep, UTF-16 with BOM",
        "metadata": "hostile ids, titles, outlets, dates through the JSON, JSONL, CSV and table writers "
                    "(CSV and JSONL read back) and the JSON, CSV, Markdown and HTML reports",
        "names": "file names of any bytes (.txt/.jsonl/.csv/.html) read from a folder, scored, written",
    }
    section = "\n".join([
        "## Fuzzing (robustness)", "",
        f"Command: `{command('fuzz.py')} --examples {args.examples} --bytes-examples "
        f"{args.bytes_examples} --long-examples {args.long_examples} --metadata-examples {args.metadata_examples} "
        f"--name-examples {args.name_examples} --time-limit {args.time_limit:g}`; run {today()}, "
        f"framing {framing.__version__}, Python {python_version()}.", "",
        "| target | generated inputs | crashes or over the time limit |", "|---|---:|---:|",
        *[f"| {labels[name]} | {n} | {c} |" for name, (n, c) in parts.items()],
        f"| **total** | **{total}** | **{crashes}** |", "",
        f"{seconds:.0f} s in all. A failure is an exception other than framing's own refusals (`FramingError`), "
        "a broken invariant (offsets slice back, finite non-negative rates, stances in [-1, 1], per-family "
        "counts equal to evidence, determinism; CSV and JSONL output reading back to the same rows, no formula "
        "cell, no control character on a terminal), or an input slower than its time limit "
        f"({args.time_limit:g} s, times the size over 100 KB for the long inputs; an alarm stops one at three "
        "times its limit)."])
    update_section("fuzz", section)


def main() -> int:
    # Names drawn from any code point: matplotlib warns of each glyph its font lacks.
    warnings.filterwarnings("ignore", message="Glyph .* missing from font")
    parser = benchmark_parser(__doc__)
    parser.add_argument("--examples", type=int, default=100_000, help="generated texts for framing.score")
    parser.add_argument("--bytes-examples", type=int, default=20_000, help="generated byte strings for the readers")
    parser.add_argument("--long-examples", type=int, default=300, help="long and deep inputs")
    parser.add_argument("--metadata-examples", type=int, default=2_000, help="metadata through writers and reports")
    parser.add_argument("--name-examples", type=int, default=1_000, help="file names")
    parser.add_argument("--time-limit", type=float, default=5.0, help="seconds per input (scaled for long ones)")
    parser.add_argument("--no-write", action="store_true", help="do not update benchmarks/RESULTS.md")
    args = parser.parse_args()
    started = time.perf_counter()
    failures: dict[str, list[str]] = {name: [] for name in ("score", "bytes", "long", "metadata", "names")}
    counts = {
        "score": fuzz_score(args.examples, failures["score"], args.time_limit),
        "bytes": fuzz_bytes(args.bytes_examples, failures["bytes"], args.time_limit),
        "long": fuzz_long(args.long_examples, failures["long"], args.time_limit),
        "metadata": fuzz_metadata(args.metadata_examples, failures["metadata"], args.time_limit),
        "names": fuzz_file_names(args.name_examples, failures["names"], args.time_limit),
    }
    parts = {name: (counts[name], len(failures[name])) for name in counts}
    seconds = time.perf_counter() - started
    crashes = [f for found in failures.values() for f in found]
    for crash in crashes[:10]:
        print(crash, file=sys.stderr)
    print(f"{sum(n for n, _ in parts.values())} generated inputs, {len(crashes)} crashes, {seconds:.0f} s")
    if not args.no_write:
        write_results(parts, seconds, args)
    return 1 if crashes else 0


if __name__ == "__main__":
    sys.exit(main())
