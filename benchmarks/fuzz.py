"""Fuzz framing's public API with generated input and count crashes.

A crash is any exception other than framing's own refusals (``FramingError``
subclasses such as ``InputError`` for empty or binary-looking text), or a
profile that breaks an invariant: evidence offsets that do not slice back to
the evidence text, rates that are not finite and non-negative, stances out of
[-1, 1], quoted and unquoted counts that do not add up, non-determinism.

Three targets, each driven by hypothesis (generation phase only, no shrinking
database): ``framing.score`` on text (arbitrary Unicode, and newsy text built
from quote marks, apostrophes, naming terms, Arabic, bidi marks, combining
marks and emoji), ``decode_bytes`` on arbitrary bytes, and the JSONL/CSV
readers on arbitrary bytes written to a file.

    .venv/bin/python benchmarks/fuzz.py --examples 100000

Not part of the default test run; the figure goes to benchmarks/RESULTS.md.
"""
from __future__ import annotations

import argparse
import math
import platform
import sys
import tempfile
import time
import traceback
from datetime import date
from pathlib import Path

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

import framing
from results import update_section
from framing.decoding import decode_bytes
from framing.errors import FramingError
from framing.reading import read_paths

PIECES = ["Moroccan Sahara", "Western Sahara", "Algerian Sahara", "occupied Western Sahara", "Southern Provinces",
          "\u201c", "\u201d", "\u2018", "\u2019", "'", '"', "\u00ab", "\u00bb", "\u201e", "Clinton\u2019s", "said",
          "according to", "reportedly", "would have asked", "probably", "May", "could not", "around 30,000",
          ".", ",", ":", "\n", "\n\n", "Related articles", "e\u0301", "\u200b", "\u202e", "\u200f", "  ",
          "\u0627\u0644\u0635\u062d\u0631\u0627\u0621 \u0627\u0644\u063a\u0631\u0628\u064a\u0629",
          "Marokkaanse Sahara", "volgens", "zou hebben gevraagd", "aurait demand\u00e9", "\U0001F600", "\u0130",
          "\ufb01", "<script>alert(1)</script>", "Mr.", "J.", "(sic.)", "\u2026", "\x00"]
LANGUAGES = [None, "en", "fr", "nl", "es", "de", "ar"]


def check_profile(text: str, profile: dict) -> None:
    """Raise AssertionError when a profile breaks an invariant."""
    for e in profile["evidence"]:
        assert text[e["start"]:e["end"]] == e["text"], e
        assert e["voice"] in ("quoted", "unquoted"), e
    for name, family in profile["features"].items():
        if name == "attribution":
            continue
        for key in ("unquoted", "quoted", "per_1000_words"):
            assert math.isfinite(family[key]) and family[key] >= 0, (name, family)
        counted = [e for e in profile["evidence"] if e["family"] == name]
        assert family["unquoted"] + family["quoted"] == len(counted), name
    attribution = profile["features"]["attribution"]
    assert 0 <= attribution["quoted_share"] <= 1 and 0 <= attribution["coverage"] <= 1
    for axis in profile["naming"].values():
        assert axis["stance"] is None or -1 <= axis["stance"] <= 1


def fuzz_score(examples: int, crashes: list[str]) -> int:
    count = 0
    text = st.one_of(st.text(max_size=600), st.lists(st.sampled_from(PIECES), max_size=80).map(" ".join),
                     st.lists(st.sampled_from(PIECES), max_size=80).map("".join))

    @settings(max_examples=examples, deadline=None, database=None, phases=[Phase.generate],
              suppress_health_check=list(HealthCheck))
    @given(text, st.sampled_from(LANGUAGES))
    def target(value: str, language: str | None) -> None:
        nonlocal count
        count += 1
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
        except AssertionError:
            crashes.append(f"invariant broken for {value!r:.200}:\n{traceback.format_exc()}")

    target()
    return count


def fuzz_bytes(examples: int, crashes: list[str]) -> int:
    count = 0
    folder = Path(tempfile.mkdtemp(prefix="framing-fuzz-"))

    @settings(max_examples=examples, deadline=None, database=None, phases=[Phase.generate],
              suppress_health_check=list(HealthCheck))
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
        try:
            list(read_paths([path]))
        except Exception:
            crashes.append(f"read_paths({suffix}, {data!r:.200}):\n{traceback.format_exc()}")

    target()
    return count


def write_results(parts: dict[str, tuple[int, int]], seconds: float) -> None:
    """Replace the fuzz section of RESULTS.md; ``parts`` maps target to (inputs, crashes)."""
    total = sum(n for n, _ in parts.values())
    crashes = sum(c for _, c in parts.values())
    section = "\n".join([
        "## Fuzzing (robustness)", "",
        f"Command: `.venv/bin/python benchmarks/fuzz.py --examples {parts['score'][0]} --bytes-examples "
        f"{parts['bytes'][0]}`; run {date.today()}, "
        f"framing {framing.__version__}, Python {platform.python_version()}.", "",
        "| target | generated inputs | crashes |", "|---|---:|---:|",
        f"| `framing.score` (text, 7 language settings) | {parts['score'][0]} | {parts['score'][1]} |",
        f"| `decode_bytes` + `read_paths` (bytes as .txt/.jsonl/.csv) | {parts['bytes'][0]} | {parts['bytes'][1]} |",
        f"| **total** | **{total}** | **{crashes}** |", "",
        f"{seconds:.0f} s in all. A crash is an exception other than framing's own refusals (`FramingError`) or "
        "a broken invariant (offsets slice back, finite non-negative rates, stances in [-1, 1], per-family "
        "counts equal to evidence, determinism)."])
    update_section("fuzz", section)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--examples", type=int, default=100_000, help="generated texts for framing.score")
    parser.add_argument("--bytes-examples", type=int, default=20_000, help="generated byte strings for the readers")
    parser.add_argument("--no-write", action="store_true", help="do not update benchmarks/RESULTS.md")
    args = parser.parse_args()
    started = time.perf_counter()
    text_crashes: list[str] = []
    byte_crashes: list[str] = []
    parts = {"score": (fuzz_score(args.examples, text_crashes), len(text_crashes)),
             "bytes": (fuzz_bytes(args.bytes_examples, byte_crashes), len(byte_crashes))}
    seconds = time.perf_counter() - started
    crashes = text_crashes + byte_crashes
    for crash in crashes[:10]:
        print(crash, file=sys.stderr)
    print(f"{sum(n for n, _ in parts.values())} generated inputs, {len(crashes)} crashes, {seconds:.0f} s")
    if not args.no_write:
        write_results(parts, seconds)
    return 1 if crashes else 0


if __name__ == "__main__":
    sys.exit(main())
