"""Language identifiers compared among framing's six languages: accuracy on full, short and
mixed texts, and CPU time per 400-character sample (issue 16).

framing uses py3langid (pure Python with numpy). A compiled identifier is adopted only if it
wins on both speed and accuracy. Candidates are imported when installed (not framing
dependencies): ``pycld2`` and ``lingua-language-detector`` (restricted to the six languages);
gcld3 ships no wheel for CPython 3.11 and is not measured.

Texts: the first 80 SemEval-2023 articles in en, fr and de from ``../shared/eval`` (read at
run time, never copied), cut to 400 characters as framing samples them, and the sentences of
``tests/cases/languages.toml`` (written for framing's tests, all six languages); short sets
take their first words; mixed sets add a third as many words of another language's sentence
(truth: the majority language). "Right" means the identifier's best guess among the six is
the true language; py3langid is run through ``framing.language.identify`` without its
20-letter minimum, to compare the guesses themselves.

Reproduce from the repository root with::

    .venv/bin/pip install pycld2 lingua-language-detector   # into a scratch environment
    .venv/bin/python benchmarks/langid_compare.py --shared /work/shared
"""
from __future__ import annotations

import argparse
import random
import re
import time
import tomllib
from pathlib import Path
from typing import Callable

from options import add_shared_option
from places import REPO_ROOT, command
from results import publish
from run_facts import repo_state

import framing.language as language
from framing.errors import UnsupportedLanguageError

COMMAND = command("langid_compare.py") + " --shared /work/shared"
SUPPORTED = frozenset("ar de en es fr nl".split())
WORD = re.compile(r"\S+")


def first_words(text: str, n: int) -> str:
    return " ".join(WORD.findall(text)[:n])


def text_sets(shared: Path) -> dict[str, list[tuple[str, str]]]:
    semeval = shared / "eval" / "semeval23"
    articles = [(lang, p.read_text(encoding="utf-8")) for lang in ("en", "fr", "de")
                for p in sorted((semeval / lang / "articles").glob("*.txt"))[:80]]
    cases = tomllib.loads((REPO_ROOT / "tests" / "cases" / "languages.toml").read_text(encoding="utf-8"))["case"]
    sentences = [(c["language"], c["text"]) for c in cases]
    rng = random.Random(0)
    mixed = [(l1, t1 + " " + first_words(t2, max(1, len(WORD.findall(t1)) // 3)))
             for (l1, t1), (l2, t2) in zip(sentences, rng.sample(sentences, len(sentences))) if l1 != l2]
    return {
        "articles, first 400 characters (en, fr, de)": [(l, t[:400]) for l, t in articles],
        "test sentences (six languages)": sentences,
        "first 6 words": [(l, first_words(t, 6)) for l, t in articles + sentences],
        "first 3 words": [(l, first_words(t, 3)) for l, t in articles + sentences],
        "first word of the sentences": [(l, first_words(t, 1)) for l, t in sentences],
        "sentence + a third as many words of another language": mixed,
    }


def py3langid_guess(text: str) -> str | None:
    saved = language._ENOUGH_LETTERS
    language._ENOUGH_LETTERS = re.compile("")  # the guess itself, without framing's minimum
    try:
        return language.identify(text, SUPPORTED).code
    except UnsupportedLanguageError:
        return None
    finally:
        language._ENOUGH_LETTERS = saved


def identifiers() -> dict[str, Callable[[str], str | None]]:
    tools: dict[str, Callable[[str], str | None]] = {"py3langid (framing)": py3langid_guess}
    try:
        import pycld2
    except ImportError:
        pass
    else:
        def cld2(text: str) -> str | None:
            try:
                details = pycld2.detect(text)[2]
            except pycld2.error:
                return None
            return next((code for _, code, _, _ in details if code in SUPPORTED), None)
        tools["pycld2"] = cld2
    try:
        from lingua import Language, LanguageDetectorBuilder
    except ImportError:
        pass
    else:
        codes = {Language.ENGLISH: "en", Language.FRENCH: "fr", Language.GERMAN: "de", Language.DUTCH: "nl",
                 Language.SPANISH: "es", Language.ARABIC: "ar"}
        for name, builder in (("lingua, six languages", LanguageDetectorBuilder.from_languages(*codes)),
                              ("lingua, low-accuracy mode",
                               LanguageDetectorBuilder.from_languages(*codes).with_low_accuracy_mode())):
            start = time.perf_counter()
            detector = builder.build()
            detector.detect_language_of("warm up")
            print(f"{name}: built in {time.perf_counter() - start:.2f} s")
            tools[name] = lambda text, d=detector: codes.get(d.detect_language_of(text))  # type: ignore[misc]
    return tools


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    add_shared_option(parser, help="the shared folder holding eval/")
    sets = text_sets(parser.parse_args().shared)
    if not sets["articles, first 400 characters (en, fr, de)"]:
        raise SystemExit(f"langid_compare.py: no SemEval articles under {parser.parse_args().shared} (use --shared DIR)")
    tools = identifiers()
    lines = ["## Language identifiers compared (issue 16)", "", f"Command: `{COMMAND}` (code {repo_state()}). Share of texts whose best guess among "
             "framing's six languages is right, and CPU time per 400-character article sample "
             "(three passes over 240 samples).", "",
             "| texts | n | " + " | ".join(tools) + " |", "|---|---|" + "---|" * len(tools)]
    accuracy: dict[str, list[float]] = {tool: [] for tool in tools}
    for name, data in sets.items():
        for tool, guess in tools.items():
            accuracy[tool].append(sum(guess(t) == l for l, t in data) / len(data))
        lines.append(f"| {name} | {len(data)} | " + " | ".join(f"{accuracy[tool][-1]:.2f}" for tool in tools) + " |")
    samples = [t for _, t in sets["articles, first 400 characters (en, fr, de)"]] * 3
    times: list[str] = []
    cpu: dict[str, float] = {}
    for tool, guess in tools.items():
        guess(samples[0])
        start = time.process_time()
        for text in samples:
            guess(text)
        cpu[tool] = 1e6 * (time.process_time() - start) / len(samples)
        times.append(f"{cpu[tool]:.0f}")
    lines.append("| CPU us per 400-character sample | | " + " | ".join(times) + " |")
    base = "py3langid (framing)"
    winners = [tool for tool in tools if tool != base and cpu[tool] < cpu[base]
               and all(a >= b for a, b in zip(accuracy[tool], accuracy[base]))]
    lines += ["", "Faster and at least as accurate on every set: " + (", ".join(winners) if winners else
              "none, so framing keeps py3langid (a compiled identifier would be adopted only if it won on both)."),
              "Texts under 20 letters are not identified by framing at all (`LanguageUndeterminedError`)."]
    publish("Language identifiers compared (issue 16)", "\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
