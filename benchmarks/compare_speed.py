"""Cost of ``framing compare`` on real corpora, against ``framing score`` of the same articles.

What the outlet-comparison issue asks, in one run on one machine:

1. ``framing compare`` (JSON, so stories and claim alignment run) of N
   articles costs at most 3x ``framing score`` of the same articles, at
   N = 1,600 and 10,000;
2. doubling the articles at most 2.3x the time of compare (no square growth);
3. peak RSS at most 1 GB;
4. ``framing compare --db`` of 100,000 stored profiles (CSV: rates only) in
   minutes, with memory that does not grow with the store (``--full`` only):
   the 100,000 articles are stored once with ``framing score --jobs 2 --db``
   (or ``--db PATH`` reuses a store that command made), and stores of the
   first 10,000, 30,000 and 50,000 of its rows are copied from it, so that the
   memory curve shows on one set of profiles.

Articles: the distinct real articles of ``../shared/eval`` (PolNeAR train and
dev with publisher and date, BASIL with outlet and date, SemEval-2023 English
under the collection's name as outlet, FactBank news documents), read in
place and never copied into the repository. Beyond their number, articles
are built from them as the news cycle repeated: copy k of an article keeps its
outlet, leaves out its k-th paragraph (so every text is distinct) and, when
dated, appears k x 100 days later, so that stories keep their real sizes
(undated copies of one article share a story, and an outlet: no claims).

Each command runs in its own process; wall time, CPU time (user + system) and
that process's peak RSS (``os.wait4``) are recorded. On a shared machine the
wall time grows with the load of others; CPU time does not. One untimed compare of
one article runs first, so that no timed command builds framing's caches (the
lexicons' cache alone is 2 to 5 CPU seconds when cold; other processes sharing the
cache folder can evict it: ``FRAMING_CACHE_DIR`` gives a run its own). Only this
script's section of ``benchmarks/RESULTS.md`` is replaced.

Reproduce from the repository root with::

    .venv/bin/python benchmarks/compare_speed.py          # 1,600 / 3,200 / 10,000 / 20,000 articles
    .venv/bin/python benchmarks/compare_speed.py --full   # adds 10,000 to 100,000 profiles from a stored --db
    .venv/bin/python benchmarks/compare_speed.py --full --sizes 1600,3200,10000 --db /tmp/profiles.sqlite
"""
from __future__ import annotations

import datetime as dt
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Iterator, NamedTuple, Sequence

from eval_sets import Record, real_articles
from options import add_eval_option, benchmark_parser
from places import REPO_ROOT, RESULTS, command
from results import publish
from run_facts import repo_state

COMMAND = command("compare_speed.py")
FRAMING = str(REPO_ROOT / ".venv" / "bin" / "framing")
SIZES = (1_600, 3_200, 10_000, 20_000)
FULL_DB_SIZE = 100_000
DB_SIZES = (10_000, 30_000, 50_000, 100_000)
TARGET_RATIO = 3.0
TARGET_DOUBLING = 2.3
TARGET_RSS_MB = 1024
_PARAGRAPHS = re.compile(r"\n\s*\n")
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
COPY_DAYS = 100  # copy k of a dated article appears k x 100 days later: the news cycle repeated


def built(records: Sequence[Record], n: int) -> Iterator[Record]:
    """``n`` articles: the real ones, then syndicated copies (copy k leaves out paragraph k)."""
    for i in range(n):
        source = records[i % len(records)]
        copy = i // len(records)
        if copy == 0:
            yield source
            continue
        paragraphs = [p for p in _PARAGRAPHS.split(source.text) if p.strip()]
        if len(paragraphs) > 1:
            del paragraphs[copy % len(paragraphs)]
        date = source.date
        day = _ISO_DAY.match(date or "")
        if day:
            date = (dt.date.fromisoformat(day.group()) + dt.timedelta(days=COPY_DAYS * copy)).isoformat()
        yield source._replace(id=f"{source.id}~{copy}", text="\n\n".join(paragraphs), date=date)


def write_jsonl(records: Iterator[Record], path: Path) -> int:
    count = 0
    with path.open("w", encoding="utf-8") as out:
        for r in records:
            row = {"id": r.id, "text": r.text, "outlet": r.outlet, "language": "en"}
            if r.date:
                row["date"] = r.date
            if r.title:
                row["title"] = r.title
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
            count += 1
    return count


class Run(NamedTuple):
    seconds: float
    peak_mb: float
    status: int
    cpu: float = 0.0  # user + system CPU seconds: what a shared machine's load does not inflate


def timed(args: Sequence[str]) -> Run:
    """Wall time and peak RSS of one command in its own process."""
    started = time.monotonic()
    process = subprocess.Popen(list(args), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.monotonic() - started
    stderr = process.stderr.read().decode("utf-8", "replace") if process.stderr else ""
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode not in (0, 1):
        print(stderr[-2000:], file=sys.stderr)
    return Run(seconds, usage.ru_maxrss / 1024.0, process.returncode, usage.ru_utime + usage.ru_stime)


def store_of(big: Path, rows: int, path: Path) -> None:
    """A store of the first ``rows`` rows of ``big`` (same schema; profiles copied, not rescored)."""
    import sqlite3

    path.unlink(missing_ok=True)
    connection = sqlite3.connect(path)
    try:
        connection.execute("ATTACH DATABASE ? AS big", (f"{big.resolve().as_uri()}?mode=ro",))
    except sqlite3.OperationalError:
        connection.execute("ATTACH DATABASE ? AS big", (str(big),))
    for (sql,) in connection.execute("SELECT sql FROM big.sqlite_master WHERE sql IS NOT NULL").fetchall():
        connection.execute(sql)
    connection.execute("INSERT INTO meta SELECT * FROM big.meta")
    connection.execute("INSERT INTO profiles SELECT * FROM big.profiles ORDER BY rowid LIMIT ?", (rows,))
    connection.commit()
    connection.close()


def main(argv: Sequence[str] | None = None) -> int:
    parser = benchmark_parser(__doc__)
    add_eval_option(parser)
    parser.add_argument("--sizes", default=",".join(map(str, SIZES)), help="comma-separated article counts")
    parser.add_argument("--full", action="store_true", help=f"also compare {FULL_DB_SIZE:,} profiles from --db")
    parser.add_argument("--db", type=Path, help=f"with --full: a store of the {FULL_DB_SIZE:,} articles made by "
                        "`framing score --jobs 2 --db` (else it is made, which takes long)")
    parser.add_argument("--db-sizes", default=",".join(map(str, DB_SIZES)), help="with --full: stored profiles "
                        "compared, comma-separated")
    parser.add_argument("--no-write", action="store_true", help="print the section, leave RESULTS.md alone")
    args = parser.parse_args(argv)
    records = real_articles(args.eval)
    sizes = [int(s) for s in args.sizes.split(",") if s]
    rows, lines = [], []
    with tempfile.TemporaryDirectory(prefix="compare-speed-") as tmp:
        warm = Path(tmp) / "warm.jsonl"
        write_jsonl(built(records, 1), warm)
        timed([FRAMING, "compare", str(warm), "--quiet", "--format", "json", "-o", os.devnull])  # caches filled
        for n in sizes:
            path = Path(tmp) / f"articles-{n}.jsonl"
            write_jsonl(built(records, n), path)
            score = timed([FRAMING, "score", str(path), "--quiet", "-o", os.devnull])
            compare = timed([FRAMING, "compare", str(path), "--quiet", "--format", "json", "-o",
                             str(Path(tmp) / "comparison.json")])
            facts = json.loads((Path(tmp) / "comparison.json").read_text(encoding="utf-8"))
            rows.append((n, score, compare, len(facts.get("stories", [])), len(facts.get("alignments", []))))
            print(f"{n}: score {score.seconds:.1f} s ({score.cpu:.1f} CPU s) {score.peak_mb:.0f} MB, compare "
                  f"{compare.seconds:.1f} s ({compare.cpu:.1f} CPU s) {compare.peak_mb:.0f} MB", file=sys.stderr)
        full = None
        if args.full:
            store = None
            db = args.db
            if db is None:
                path = Path(tmp) / "articles-db.jsonl"
                write_jsonl(built(records, FULL_DB_SIZE), path)
                db = Path(tmp) / "profiles.sqlite"
                store = timed([FRAMING, "score", str(path), "--quiet", "--jobs", "2", "--db", str(db), "-o",
                               os.devnull])
                path.unlink()
            runs = []
            for n in (int(s) for s in args.db_sizes.split(",")):
                small = db
                if n < FULL_DB_SIZE:
                    small = Path(tmp) / f"profiles-{n}.sqlite"
                    store_of(db, n, small)
                run = timed([FRAMING, "compare", "--db", str(small), "--quiet", "--format", "csv", "-o", os.devnull])
                runs.append((n, run))
                print(f"--db {n}: compare {run.seconds:.1f} s ({run.cpu:.1f} CPU s) {run.peak_mb:.0f} MB",
                      file=sys.stderr)
                if small != db:
                    small.unlink()
            full = (store, runs)
    lines += [f"Real articles available: {len(records):,} distinct (PolNeAR, BASIL, SemEval-2023 English, FactBank); "
              "beyond that, copies (copy k of an article leaves out its k-th paragraph and, when dated, is k x 100 days "
              "later).", "",
              "| articles | score s | score CPU s | score MB | compare s | compare CPU s | compare MB | compare / score "
              "(CPU) | compare x on doubling (CPU) | stories | aligned claims |",
              "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    previous = {}
    for n, score, compare, stories, claims in rows:
        growth = (f"{compare.seconds / previous[n // 2][0]:.2f}x ({compare.cpu / previous[n // 2][1]:.2f}x)"
                  if n // 2 in previous else "–")
        previous[n] = (compare.seconds, compare.cpu)
        lines.append(f"| {n:,} | {score.seconds:.1f} | {score.cpu:.1f} | {score.peak_mb:.0f} | {compare.seconds:.1f} | "
                     f"{compare.cpu:.1f} | {compare.peak_mb:.0f} | {compare.seconds / score.seconds:.2f}x "
                     f"({compare.cpu / score.cpu:.2f}x) | {growth} | {stories:,} | {claims:,} |")
    lines += ["", f"Targets: compare / score <= {TARGET_RATIO}x, doubling <= {TARGET_DOUBLING}x, peak RSS <= "
              f"{TARGET_RSS_MB} MB."]
    if full is not None:
        store, runs = full
        lines += ["", f"From a store of {FULL_DB_SIZE:,} of these articles, made with `framing score --jobs 2 --db`"
                  + (f" ({store.seconds:.0f} s)" if store else " (made beforehand, `--db`)")
                  + "; smaller stores are its first rows, copied: `framing compare --db STORE --format csv`",
                  "(statistics and distinctive words; CSV shows no claims, so no stories or alignment):", "",
                  "| stored articles | compare s | compare CPU s | compare MB | CPU s per 1,000 articles |",
                  "|---:|---:|---:|---:|---:|"]
        for n, run in runs:
            lines.append(f"| {n:,} | {run.seconds:.1f} | {run.cpu:.1f} | {run.peak_mb:.0f} | "
                         f"{1000 * run.cpu / n:.2f} |")
    section = ["## Outlet comparison: cost at scale", "",
               f"Command: `{' '.join([COMMAND, *(sys.argv[1:] if argv is None else argv)])}` (code at {repo_state()})",
               "", *lines]
    publish("compare-speed", "\n".join(section), RESULTS, write=not args.no_write)
    return 0


if __name__ == "__main__":
    sys.exit(main())
