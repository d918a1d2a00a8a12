"""Fault injection on the profile store: kill -9, Ctrl-C and two writers, with figures.

The test suite checks the same behaviour on small batches; this script runs
it on a larger batch and records what happened in benchmarks/RESULTS.md:

    .venv/bin/python benchmarks/faults.py --articles 2000

1. ``framing score batch.jsonl --db store.sqlite`` is killed with SIGKILL once
   a share of the batch is stored; the database must pass SQLite's integrity
   check, and the rerun must score exactly the articles that were not stored.
2. The same with SIGINT (Ctrl-C): exit status 130, what was stored is kept.
3. Two processes write one store at once: nothing is lost.
4. A store of schema 1 (written before the ``source`` column) is migrated by
   the first writer that opens it, in one transaction: killed with SIGKILL
   while migrating, the store must still be a whole schema 1 store, and the
   rerun migrates it and finds every profile; two writers opening it at once
   both finish, nothing lost, every ``source`` equal to its profile's.
"""
from __future__ import annotations

import json
import os
import re
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from options import benchmark_parser
from places import REPO_ROOT as ROOT, command
from results import update_section
from run_facts import python_version, today

from framing.store import SCHEMA_1

SEEDS = ROOT / "corpus" / "belmokhtar-2013"


def write_batch(path: Path, n: int, prefix: str) -> None:
    """``n`` JSONL records made from the bundled seed articles, each text made unique."""
    seeds = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    with path.open("w", encoding="utf-8") as out:
        for i in range(n):
            out.write(json.dumps({"id": f"{prefix}{i}", "text": f"{seeds[i % len(seeds)]}\n\nNote {i}."}) + "\n")


def stored(db: Path) -> int:
    """Rows in the store after SQLite's integrity check (raises if the file is damaged)."""
    with sqlite3.connect(db) as connection:
        check = connection.execute("PRAGMA integrity_check").fetchone()[0]
        if check != "ok":
            raise RuntimeError(f"integrity check failed: {check}")
        return connection.execute("SELECT COUNT(*) FROM profiles").fetchone()[0]


def framing_cmd(*args: str) -> list[str]:
    return [sys.executable, "-m", "framing.cli", "score", *args]


def interrupt(batch: Path, db: Path, sig: signal.Signals, at: int) -> dict:
    """Start a scoring run, send ``sig`` once ``at`` profiles are stored, rerun, report."""
    # A shell started in the background (nohup, &) ignores SIGINT, and so would the child:
    # restore the default so that Python turns SIGINT into KeyboardInterrupt, as at a terminal.
    proc = subprocess.Popen(framing_cmd(str(batch), "--db", str(db), "--quiet", "-o", os.devnull),
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    deadline = time.time() + 600
    while time.time() < deadline:
        time.sleep(0.1)
        try:
            if db.exists() and stored(db) >= at:
                break
        except sqlite3.OperationalError:
            continue
    proc.send_signal(sig)
    _, err = proc.communicate(timeout=120)
    before = stored(db)
    rerun = subprocess.run(framing_cmd(str(batch), "--db", str(db), "-o", os.devnull), capture_output=True,
                           text=True, timeout=1800)
    summary = re.search(r"(\d+) scored, (\d+) from the store, (\d+) could not be scored", rerun.stderr)
    scored, from_store, failed = (int(x) for x in summary.groups()) if summary else (-1, -1, -1)
    return {"signal": sig.name, "exit": proc.returncode, "stored_at_signal": before, "rerun_scored": scored,
            "rerun_from_store": from_store, "rerun_failed": failed, "after_rerun": stored(db),
            "message": err.strip().splitlines()[-1] if err.strip() else ""}


def verdict(r: dict, n: int) -> str:
    """"yes" when the rerun scored exactly what was missing and nothing was lost; "not
    interrupted" when the run had finished before the signal (then nothing was tested)."""
    if r["stored_at_signal"] >= n:
        return "not interrupted: the run ended before the signal"
    whole = r["rerun_scored"] + r["rerun_from_store"] == n and r["after_rerun"] == n
    return "yes" if whole and r["rerun_scored"] == n - r["stored_at_signal"] else "NO"


def write_at_once(folder: Path, db: Path, names: tuple[str, str], n: int) -> list[int]:
    """Exit codes of two ``framing score --db`` processes started together on one store,
    each with ``n`` new articles of its own (ids prefixed by its name)."""
    batches = []
    for name in names:
        batch = folder / f"{name}.jsonl"
        write_batch(batch, n, f"{name}:")
        batches.append(batch)
    procs = [subprocess.Popen(framing_cmd(str(b), "--db", str(db), "--quiet", "-o", os.devnull)) for b in batches]
    return [p.wait(timeout=1800) for p in procs]


def two_writers(folder: Path, n: int) -> dict:
    db = folder / "shared.sqlite"
    codes = write_at_once(folder, db, ("one", "two"), n)
    return {"articles": 2 * n, "exit": codes, "stored": stored(db)}


KILL_AT_JOURNAL = (1 << 20, 8 << 20)  # bytes of write-ahead log when a migrating writer is killed


def schema_1_copy(source: Path, target: Path) -> None:
    """``source``'s profiles in a store of schema 1, as framing wrote it before the source column."""
    connection = sqlite3.connect(target, isolation_level=None)
    connection.execute("PRAGMA journal_mode = WAL")
    connection.executescript(SCHEMA_1)
    connection.execute("ATTACH DATABASE ? AS new", (str(source),))
    connection.execute("INSERT INTO profiles SELECT key, article_id, content_hash, lexicon_version, framing_version, "
                       "text, profile, stored_at FROM new.profiles ORDER BY rowid")
    connection.execute("DETACH DATABASE new")
    connection.close()


def schema_state(db: Path) -> dict:
    """Schema version, rows, and whether every ``source`` equals its profile's (schema 2), after an integrity check."""
    rows = stored(db)
    with sqlite3.connect(db) as connection:
        version = int(connection.execute("SELECT value FROM meta WHERE name = 'schema_version'").fetchone()[0])
        columns = [row[1] for row in connection.execute("PRAGMA table_info(profiles)")]
        wrong = (connection.execute("SELECT COUNT(*) FROM profiles WHERE source IS NOT "
                                    "json_extract(profile, '$.source')").fetchone()[0] if "source" in columns else None)
    return {"schema": version, "rows": rows, "source_column": "source" in columns, "sources_wrong": wrong}


def kill_migration(batch: Path, old: Path, db: Path, n: int, journal: int) -> dict:
    """SIGKILL a writer while it migrates a schema 1 copy of ``old`` (once its journal holds
    ``journal`` bytes), then rerun."""
    db.unlink(missing_ok=True)
    schema_1_copy(old, db)
    wal = db.with_name(db.name + "-wal")
    proc = subprocess.Popen(framing_cmd(str(batch), "--db", str(db), "--quiet", "-o", os.devnull),
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 600
    while time.time() < deadline and proc.poll() is None:
        time.sleep(0.005)
        if wal.exists() and wal.stat().st_size >= journal:
            break
    journal_at_kill = wal.stat().st_size if wal.exists() else 0
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=120)
    killed = schema_state(db)
    rerun = subprocess.run(framing_cmd(str(batch), "--db", str(db), "-o", os.devnull), capture_output=True,
                           text=True, timeout=1800)
    summary = re.search(r"(\d+) scored, (\d+) from the store", rerun.stderr)
    scored, from_store = (int(x) for x in summary.groups()) if summary else (-1, -1)
    after = schema_state(db)
    whole = (killed["rows"] == n and (killed["schema"] == 1 and not killed["source_column"]
                                       or killed["schema"] == 2 and killed["sources_wrong"] == 0))
    ok = whole and scored == 0 and from_store == n and after["schema"] == 2 and after["sources_wrong"] == 0
    return {"journal_at_kill": journal_at_kill, "killed": killed, "rerun_scored": scored, "rerun_from_store": from_store, "after": after,
            "verdict": "yes" if ok else "NO"}


def two_writers_migrating(folder: Path, old: Path, n: int) -> dict:
    """Two writers open a schema 1 copy of ``old`` at once, each with ``n`` new articles."""
    db = folder / "old-shared.sqlite"
    schema_1_copy(old, db)
    before = stored(db)
    codes = write_at_once(folder, db, ("three", "four"), n)
    return {"articles": before + 2 * n, "exit": codes, **schema_state(db)}


def write_results(n: int, runs: list[dict], writers: dict, seconds: float, migrations: list[dict],
                  migrating_writers: dict) -> None:
    rows = [f"| {r['signal']} | {r['exit']} | {r['stored_at_signal']} | {r['rerun_scored']} | "
            f"{r['rerun_from_store']} | {r['after_rerun']} | "
            f"{verdict(r, n)} |"
            for r in runs]
    section = "\n".join([
        "## Faults: kill -9, Ctrl-C, two writers", "",
        f"Command: `{command('faults.py')} --articles {n}`; run {today()}, "
        f"Python {python_version()}, {seconds:.0f} s.", "",
        f"A batch of {n} articles scored with `--db`, interrupted once part of it was stored, then rerun:", "",
        "| signal | exit status | stored when interrupted | rerun scored | rerun from the store | stored after rerun "
        "| only the missing ones rescored, nothing lost |", "|---|---:|---:|---:|---:|---:|---|", *rows, "",
        f"Two processes writing one store at once: {writers['articles']} articles, exit statuses {writers['exit']}, "
        f"{writers['stored']} stored ({'nothing lost' if writers['stored'] == writers['articles'] else 'LOST SOME'}).",
        "", f"A store of schema 1 (before the `source` column) of those {migrations[0]['killed']['rows']} profiles, "
        "opened by `framing score --db` (the same batch), which migrates it in one transaction, killed once its "
        "journal held the bytes given, then rerun:", "",
        "| journal at SIGKILL | schema after kill | rows | source column | rerun scored | rerun from the store "
        "| schema after rerun | sources unlike their profile's | nothing lost |", "|---:|---:|---:|---|---:|---:|---:|---:|---|",
        *[f"| {m['journal_at_kill']:,} | {m['killed']['schema']} | {m['killed']['rows']} | "
          f"{'yes' if m['killed']['source_column'] else 'no'} | {m['rerun_scored']} | {m['rerun_from_store']} | "
          f"{m['after']['schema']} | {m['after']['sources_wrong']} | {m['verdict']} |" for m in migrations],
        "", f"Two processes opening a schema 1 store at once to write: exit statuses {migrating_writers['exit']}, "
        f"{migrating_writers['rows']} of {migrating_writers['articles']} stored, schema "
        f"{migrating_writers['schema']}, {migrating_writers['sources_wrong']} sources unlike their profile's.",
        "", "Every database passed `PRAGMA integrity_check` after each interruption."])
    update_section("faults", section)


def main() -> int:
    parser = benchmark_parser(__doc__)
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args()
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="framing-faults-") as tmp:
        folder = Path(tmp)
        batch = folder / "batch.jsonl"
        write_batch(batch, args.articles, "a:")
        runs = [interrupt(batch, folder / f"{sig.name}.sqlite", sig, args.articles // 3)
                for sig in (signal.SIGKILL, signal.SIGINT)]
        writers = two_writers(folder, args.articles // 2)
        old = folder / f"{signal.SIGKILL.name}.sqlite"
        migrations = [kill_migration(batch, old, folder / "old.sqlite", args.articles, journal)
                      for journal in KILL_AT_JOURNAL]
        migrating_writers = two_writers_migrating(folder, old, args.articles // 2)
    seconds = time.perf_counter() - started
    print(json.dumps({"runs": runs, "two_writers": writers, "migration_killed": migrations,
                      "two_writers_migrating": migrating_writers}, indent=2))
    ok = (all(verdict(r, args.articles) == "yes" for r in runs) and writers["stored"] == writers["articles"]
          and all(m["verdict"] == "yes" for m in migrations) and migrating_writers["exit"] == [0, 0]
          and migrating_writers["rows"] == migrating_writers["articles"] and migrating_writers["schema"] == 2
          and migrating_writers["sources_wrong"] == 0)
    if not args.no_write:
        write_results(args.articles, runs, writers, seconds, migrations, migrating_writers)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
