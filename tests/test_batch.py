"""Batches: order, processes, the store, interruption and concurrent writers."""
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

from framing import Scorer
from framing.batch import score_stream
from framing.reading import Article, read_paths
from framing.store import ProfileStore

from .conftest import CORPUS

SEEDS = sorted(p.read_text(encoding="utf-8") for p in CORPUS.glob("*.txt"))


def batch_file(tmp_path, n, name="batch.jsonl", bad_every=0):
    path = tmp_path / name
    with path.open("w", encoding="utf-8") as out:
        for i in range(n):
            text = "" if bad_every and i % bad_every == 3 else SEEDS[i % len(SEEDS)] + f"\n\nNote {i}."
            out.write(json.dumps({"id": f"{name}:{i}", "text": text, "outlet": f"o{i % 3}"}) + "\n")
    return path


def run_cli(*args, timeout=300):
    return subprocess.run([sys.executable, "-m", "framing.cli", *map(str, args)], capture_output=True, text=True,
                          timeout=timeout)


def test_jobs_keep_input_order_and_agree_with_one_process(scorer, tmp_path):
    path = batch_file(tmp_path, 60, bad_every=17)
    one = [s.record for s in score_stream(scorer, read_paths([path]), jobs=1)]
    two = [s.record for s in score_stream(scorer, read_paths([path]), jobs=2)]
    assert [r["id"] for r in two] == [f"batch.jsonl:{i}" for i in range(60)]
    assert one == two
    assert sum(r["schema"] == "framing.error/1" for r in two) == 4


def test_jobs_leave_the_callers_heap_unfrozen_and_a_frozen_one_frozen(scorer, tmp_path):
    import gc
    path = batch_file(tmp_path, 6)
    assert gc.get_freeze_count() == 0
    stream = score_stream(scorer, read_paths([path]), jobs=2)
    first = next(stream)
    assert gc.get_freeze_count() > 0  # the pool runs with the pre-fork heap frozen
    rest = list(stream)
    assert [s.record["id"] for s in [first, *rest]] == [f"batch.jsonl:{i}" for i in range(6)]
    assert gc.get_freeze_count() == 0
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        assert len(list(score_stream(scorer, read_paths([path]), jobs=2))) == 6
        assert gc.get_freeze_count() == frozen
    finally:
        gc.unfreeze()


def test_store_serves_unchanged_articles_and_scores_only_what_changed(tmp_path):
    db = tmp_path / "p.sqlite"
    articles = [Article(f"a{i}", SEEDS[i % 5]) for i in range(8)]
    calls = []

    class CountingScorer(Scorer):
        def score_many(self, articles, *, language=None):
            calls.extend(article.id for article in articles)
            return super().score_many(articles, language=language)

    scorer = CountingScorer()
    with ProfileStore(db) as store:
        first = [s.record for s in score_stream(scorer, articles, store=store)]
    assert len(calls) == 8
    changed = articles[:7] + [Article("a7", SEEDS[0] + " Changed."), Article("a8", SEEDS[1])]
    calls.clear()
    with ProfileStore(db) as store:
        second = list(score_stream(scorer, changed, store=store))
        assert len(store) == 10  # the old a7 stays under its old key
    assert calls == ["a7", "a8"]
    assert [s.record for s in second[:7]] == first[:7]
    assert [s.from_store for s in second] == [True] * 7 + [False, False]


def test_a_new_lexicon_version_misses_the_store(tmp_path):
    db = tmp_path / "p.sqlite"
    (tmp_path / "lex").mkdir()
    (tmp_path / "lex" / "extra.toml").write_text(
        '[meta]\nfamily = "loaded"\nlanguage = "en"\nversion = "1"\nsource = "t"\nlicense = "CC0"\n'
        '[[entry]]\nid = "x"\nterm = "widget"\ncategory = "label"\nsource = "test"\n')
    article = [Article("a", SEEDS[1])]
    with ProfileStore(db) as store:
        list(score_stream(Scorer(), article, store=store))
        again = list(score_stream(Scorer(extra_lexicons=[tmp_path / "lex"]), article, store=store))
    assert not again[0].from_store


def test_compare_reads_what_the_store_holds(tmp_path):
    db = tmp_path / "p.sqlite"
    assert run_cli("score", CORPUS, "--db", db, "--quiet").returncode == 0
    result = run_cli("compare", "--db", db, "--resamples", "100")
    assert result.returncode == 0, result.stderr
    comparison = json.loads(result.stdout)
    assert sorted(a for g in comparison["groups"].values() for a in g["articles"]) == sorted(
        p.name for p in CORPUS.glob("*.txt"))


def integrity(db):
    with sqlite3.connect(db) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        return connection.execute("SELECT COUNT(*) FROM profiles").fetchone()[0]


def test_kill_9_mid_batch_loses_nothing_stored_and_the_rerun_completes(tmp_path):
    path = batch_file(tmp_path, 400)
    db = tmp_path / "p.sqlite"
    proc = subprocess.Popen([sys.executable, "-m", "framing.cli", "score", str(path), "--db", str(db), "--quiet",
                             "-o", str(tmp_path / "out.jsonl")], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.time() + 120
    stored = 0
    while time.time() < deadline:
        time.sleep(0.2)
        if db.exists():
            try:
                stored = integrity(db)
            except sqlite3.OperationalError:
                continue
            if stored >= 40:
                break
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    before = integrity(db)
    assert 40 <= before < 400, "the kill must land mid-batch"
    assert not (tmp_path / "out.jsonl").exists(), "no half-written output file"
    rerun = run_cli("score", path, "--db", db, "-o", tmp_path / "out.jsonl")
    assert rerun.returncode == 0, rerun.stderr
    assert f"{400 - before} scored, {before} from the store" in rerun.stderr
    assert integrity(db) == 400
    assert len((tmp_path / "out.jsonl").read_text().splitlines()) == 400


def test_two_processes_writing_one_store_lose_nothing(tmp_path):
    db = tmp_path / "p.sqlite"
    first, second = batch_file(tmp_path, 120, "one.jsonl"), batch_file(tmp_path, 120, "two.jsonl")
    procs = [subprocess.Popen([sys.executable, "-m", "framing.cli", "score", str(p), "--db", str(db), "--quiet",
                               "-o", os.devnull]) for p in (first, second)]
    assert [p.wait(timeout=300) for p in procs] == [0, 0]
    assert integrity(db) == 240


def records(n, start=0):
    return "".join(json.dumps({"id": f"r{i}", "text": SEEDS[i % len(SEEDS)] + f"\n\nNote {i}."}) + "\n"
                   for i in range(start, start + n))


def wait_for(condition, seconds=60):
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            if condition():
                return True
        except sqlite3.OperationalError:
            pass  # the store is being created
        time.sleep(0.05)
    return False


@pytest.mark.parametrize("jobs, sig", [("1", signal.SIGINT), ("2", signal.SIGTERM)])
def test_interrupt_keeps_what_was_stored(tmp_path, jobs, sig):
    # Deterministic: the batch reads standard input, which is held open, so the signal
    # always arrives mid-batch (a file of 400 articles could finish before it did).
    db = tmp_path / "p.sqlite"
    out = tmp_path / "out" / "x.jsonl"
    out.parent.mkdir()
    proc = subprocess.Popen([sys.executable, "-m", "framing.cli", "score", "-", "--db", str(db), "--jobs", jobs,
                             "-o", str(out)], stdin=subprocess.PIPE, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, text=True)
    # Two chunks of 32 stored before the next one is read: one process stores each chunk as it
    # is scored; two keep 8 chunks in flight and store the oldest when a ninth comes in.
    proc.stdin.write(records(64 if jobs == "1" else 32 * 9))
    proc.stdin.flush()
    assert wait_for(lambda: db.exists() and integrity(db) >= 64), "the first chunks were not stored"
    children = _children(proc.pid)
    proc.send_signal(sig)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130 and "interrupted" in err and "64 profiles" in err
    assert integrity(db) == 64
    assert list(out.parent.iterdir()) == []  # no temporary file left, no half output
    assert wait_for(lambda: not any(os.path.exists(f"/proc/{pid}") and _alive(pid) for pid in children), 10)


def _children(pid):
    """Child process ids (Linux /proc; empty elsewhere)."""
    path = f"/proc/{pid}/task/{pid}/children"
    return [int(c) for c in open(path).read().split()] if os.path.exists(path) else []


def _alive(pid):
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().split(") ")[1][0] != "Z"
    except OSError:
        return False


@pytest.mark.skipif(not os.path.exists("/proc/self/task"), reason="finds workers through Linux /proc")
def test_killing_a_worker_from_outside_ends_the_batch(tmp_path):
    for attempt in range(1):  # the old pool hung in about 1 run of 10 (benchmarks/faults.py runs more)
        proc = subprocess.Popen([sys.executable, "-m", "framing.cli", "score", "-", "--jobs", "2", "--quiet"],
                                stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        proc.stdin.write(records(64))
        proc.stdin.flush()
        assert wait_for(lambda: len(_children(proc.pid)) == 2)
        time.sleep(0.05 * attempt)
        os.kill(_children(proc.pid)[0], signal.SIGKILL)
        _, err = proc.communicate(records(200, start=64), timeout=60)  # more work: the dead worker is found out
        assert proc.returncode == 2 and "worker process died" in err


def test_encoded_lines_equal_the_records(scorer, tmp_path):
    path = batch_file(tmp_path, 20, bad_every=7)
    plain = [s.record for s in score_stream(scorer, read_paths([path]), jobs=1)]
    for jobs in (1, 2):
        encoded = list(score_stream(scorer, read_paths([path]), jobs=jobs, encode=True))
        assert [json.loads(s.line) if s.line else s.record for s in encoded] == plain
        assert all((s.line is None) == (s.record["schema"] == "framing.error/1") for s in encoded)
    with pytest.raises(ValueError, match="store"), ProfileStore(tmp_path / "p.sqlite") as store:
        next(score_stream(scorer, read_paths([path]), store=store, encode=True))


def test_a_worker_that_dies_breaks_the_batch_instead_of_hanging_it(tmp_path):
    import threading
    from concurrent.futures.process import BrokenProcessPool

    class DyingScorer(Scorer):
        """Kills its own process on one article, as the out-of-memory killer would."""

        def score_many(self, articles, *, language=None):
            if any(article.id == "batch.jsonl:40" for article in articles):
                os.kill(os.getpid(), signal.SIGKILL)
            return super().score_many(articles, language=language)

    path = batch_file(tmp_path, 200)
    outcome = []

    def consume():
        try:
            outcome.append(sum(1 for _ in score_stream(DyingScorer(), read_paths([path]), jobs=2)))
        except BrokenProcessPool as exc:
            outcome.append(exc)

    reader = threading.Thread(target=consume, daemon=True)
    reader.start()
    reader.join(timeout=120)
    assert not reader.is_alive(), "the batch waited for a dead worker"
    assert len(outcome) == 1 and isinstance(outcome[0], BrokenProcessPool)


def test_the_command_reports_a_dead_worker_and_exits_2(tmp_path, monkeypatch, capsys):
    from concurrent.futures.process import BrokenProcessPool

    from framing import cli

    def broken(*args, **kwargs):
        raise BrokenProcessPool("a process in the process pool was terminated abruptly")
        yield

    monkeypatch.setattr(cli, "score_stream", broken)
    path = batch_file(tmp_path, 3)
    assert cli.main(["score", str(path), "--jobs", "2", "--quiet", "-o", str(tmp_path / "out.jsonl")]) == 2
    assert "worker process died" in capsys.readouterr().err
    assert not (tmp_path / "out.jsonl").exists()


def _fail_on_boom(document):
    """An extractor with a bug that only one odd article triggers."""
    if "BOOM" in document.text:
        raise ZeroDivisionError("a bug")
    return []


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_bug_on_one_article_becomes_its_error_record_and_the_batch_goes_on(monkeypatch, jobs):
    from framing.extractors import EXTRACTORS

    monkeypatch.setitem(EXTRACTORS, "buggy", _fail_on_boom)
    articles = [Article(f"a{i}", f"Officials met on Monday, number {i}, the ministry said.") for i in range(40)]
    articles[17] = Article("odd", "Officials met on Monday. BOOM, the ministry said.")
    results = list(score_stream(Scorer(), articles, language="en", jobs=jobs))
    assert [r.record["id"] for r in results] == [a.id for a in articles]
    failed = [r.record for r in results if r.record["schema"] == "framing.error/1"]
    assert len(failed) == 1 and failed[0]["id"] == "odd"
    assert "internal error" in failed[0]["error"] and "ZeroDivisionError: a bug" in failed[0]["error"]


def test_the_api_raises_framings_own_failure_with_its_cause(monkeypatch):
    from framing.errors import InternalError
    from framing.extractors import EXTRACTORS

    monkeypatch.setitem(EXTRACTORS, "buggy", _fail_on_boom)
    with pytest.raises(InternalError) as caught:
        Scorer().score(Article("odd", "Officials met. BOOM."), language="en")
    assert isinstance(caught.value.__cause__, ZeroDivisionError)
