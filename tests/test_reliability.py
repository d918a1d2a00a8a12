"""Issue 18: nothing lost, nothing injected, a clear error instead of a traceback."""
import codecs
import csv
import io
import json
import os
import sqlite3
import subprocess
import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st

import framing.reading as reading
from framing.cells import spreadsheet_cell
from framing.cli import EXIT_CLOSED_PIPE, EXIT_SKIPPED, EXIT_USAGE, main
from framing.errors import StoreError
from framing.render.profiles import write_output
from framing.reading import Article, ReadFailure, read_paths
from framing.render.comparison import render
from framing.store import SCHEMA_VERSION, ProfileStore
from framing.terminal import cut, safe_terminal

TEXT = "The minister said the plan was reportedly late, officials said on Monday."


def cli(*args, stdin=None, timeout=60):
    proc = subprocess.run([sys.executable, "-m", "framing.cli", *map(str, args)], input=stdin,
                          capture_output=True, timeout=timeout)
    return proc.returncode, proc.stdout.decode("utf-8"), proc.stderr.decode("utf-8")


def jsonl(path, *records):
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


# Data loss: outputs that would destroy or feed back into an input


def test_output_over_an_input_is_refused_and_the_input_kept(tmp_path):
    corpus = jsonl(tmp_path / "in.jsonl", {"id": "a", "text": TEXT})
    before = corpus.read_bytes()
    code, _, err = cli("score", corpus, "-o", corpus)
    assert code == EXIT_USAGE and "is an input" in err
    assert corpus.read_bytes() == before


def test_output_inside_an_input_folder_is_refused(tmp_path):
    (tmp_path / "a.txt").write_text(TEXT)
    code, _, err = cli("score", tmp_path, "-o", tmp_path / "sub" / ".." / "out.jsonl")
    assert code == EXIT_USAGE and "inside the input folder" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt"]


def test_store_and_output_may_not_be_one_file(tmp_path):
    corpus = jsonl(tmp_path / "in.jsonl", {"id": "a", "text": TEXT})
    out = tmp_path / "out" / "x.sqlite"
    out.parent.mkdir()
    with pytest.raises(SystemExit) as exit_:
        main(["score", str(corpus), "--db", str(out), "-o", str(out)])
    assert exit_.value.code == EXIT_USAGE


# CSV


def read_csv_text(tmp_path, text, name="in.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8", newline="")
    return list(read_paths([path]))


def test_an_unterminated_quote_is_reported_and_the_rows_after_it_read(tmp_path):
    items = read_csv_text(tmp_path, 'id,text\n1,"Officials said\n2,Second text.\n3,Third text.\n')
    assert isinstance(items[0], ReadFailure) and "line 2" in items[0].error
    assert [(a.id, a.text) for a in items[1:]] == [("2", "Second text."), ("3", "Third text.")]


def test_a_quoted_field_over_several_lines_is_one_article(tmp_path):
    (article, after) = read_csv_text(tmp_path, 'id,text\n1,"Line one.\nLine two."\n2,Next.\n')
    assert article.text == "Line one.\nLine two." and after.text == "Next."


def test_a_duplicate_text_column_is_refused_not_resolved_silently(tmp_path):
    (failure,) = read_csv_text(tmp_path, "id,text,text\n1,first,second\n")
    assert isinstance(failure, ReadFailure) and "more than once" in failure.error


def test_the_size_limit_is_per_csv_row_not_per_file(tmp_path, monkeypatch):
    monkeypatch.setattr(reading, "MAX_ARTICLE_BYTES", 200)
    rows = "".join(f"{i},Article number {i} says little.\n" for i in range(40))  # over 1 KB in all
    items = read_csv_text(tmp_path, "id,text\n" + rows + "big," + "x" * 300 + "\n")
    assert all(isinstance(a, Article) for a in items[:40]) and len(items) == 41
    assert isinstance(items[40], ReadFailure) and "limit" in items[40].error


@given(st.lists(st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), min_size=1,
                        max_size=30).filter(lambda t: t.strip()), min_size=1, max_size=5))
def test_csv_rows_written_by_the_csv_module_read_back_whole(texts):
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")  # quotes a lone CR, as framing's writers do
    writer.writerow(["id", "text"])
    writer.writerows([str(i), t] for i, t in enumerate(texts))
    items = list(reading._read_csv(buffer.getvalue(), "x.csv", "x.csv"))
    read = [a.text for a in items if isinstance(a, Article)]
    refused = [a for a in items if isinstance(a, ReadFailure)]
    assert len(read) + len(refused) == len(texts)
    assert all("malformed" not in r.error for r in refused)  # only refusals of the text itself
    assert read == [t for t in texts if t in read]


# HTML only when declared


def test_plain_jsonl_text_that_mentions_tags_is_not_extracted(tmp_path):
    text = ("Developers argued about markup today. " * 3 + "They wrote <p> and <div> and <span> and <a> and "
            "<br> tags by hand, the blog said, and the page still loaded fine for most readers.")
    (article,) = read_paths([jsonl(tmp_path / "a.jsonl", {"id": "a", "text": text})])
    assert isinstance(article, Article) and article.text == text and not article.notes


def test_a_record_declared_html_is_extracted(tmp_path):
    record = {"id": "a", "format": "html", "text": "<html><body><p>Officials said the plan was late.</p></body></html>"}
    (item,) = read_paths([jsonl(tmp_path / "a.jsonl", record)])
    if isinstance(item, ReadFailure):
        assert "framing-analysis[html]" in item.error  # without the extra: says how to get it
    else:
        assert "<p>" not in item.text and item.notes


def test_a_txt_file_is_text_even_if_it_holds_tags(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("<p>Officials</p> <div>said</div> <span>the</span> <a>plan</a> <br> was late.")
    (article,) = read_paths([path])
    assert article.text.startswith("<p>Officials")


# Special files and names


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_named_pipe_in_a_folder_is_skipped_and_reported(tmp_path):
    import threading
    (tmp_path / "a.txt").write_text(TEXT)
    os.mkfifo(tmp_path / "b.txt")
    items = []
    reader = threading.Thread(target=lambda: items.extend(read_paths([tmp_path])), daemon=True)
    reader.start()
    reader.join(timeout=30)
    assert not reader.is_alive(), "reading the folder blocked on the named pipe"
    assert [i.id for i in items] == ["a.txt", "b.txt"] and "named pipe" in items[1].error


@pytest.mark.skipif(sys.platform != "linux", reason="needs a file system that takes any bytes in names")
def test_file_names_that_are_not_utf8_are_scored_and_written(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / os.fsdecode(b"caf\xe9.txt")).write_text(TEXT)
    out = tmp_path / os.fsdecode(b"out\xff.jsonl")
    from framing import Scorer
    from framing.batch import score_stream
    write_output([s.record for s in score_stream(Scorer(), read_paths([folder]), language="en")], "jsonl", str(out))
    (record,) = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert record["id"] == "caf\\xe9.txt"
    code, out_text, _ = cli("score", folder, "--format", "table")
    assert code == 0 and "caf\\xe9.txt" in out_text


# JSONL that used to raise


def test_huge_numbers_deep_nesting_and_utf16_jsonl_are_read_or_reported(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_bytes(b'{"id": "n", "text": "x", "n": ' + b"1" * 5000 + b"}\n" + b"[" * 100000 + b"\n"
                     + json.dumps({"id": "ok", "text": TEXT}).encode() + b"\n")
    items = list(read_paths([path]))
    assert [type(i).__name__ for i in items] == ["ReadFailure", "ReadFailure", "Article"]
    assert "JSON" in items[0].error and "nested" in items[1].error
    wide = tmp_path / "wide.jsonl"
    wide.write_bytes(codecs.BOM_UTF16_LE + (json.dumps({"id": "w", "text": TEXT}) + "\n").encode("utf-16-le") * 2)
    items = list(read_paths([wide]))
    assert [i.text for i in items] == [TEXT, TEXT]


# Usage errors, exit 2, before any article is read


@pytest.mark.parametrize("args", [
    ["compare", "--resamples", "0"], ["compare", "--resamples", "-1"], ["compare", "--resamples", "1e8"],
    ["compare", "--resamples", "100000000"], ["compare", "--seed", "-1"],
    ["score", "x", "--jobs", "9" * 20], ["score", "x", "--jobs", "1000"], ["score", "x", "--jobs", "0"],
    ["score", "x", "--language", "xx"], ["score", "x", "--encoding", "bogus"],
])
def test_bad_options_are_usage_errors(args, capsys):
    with pytest.raises(SystemExit) as exit_:
        main(args)
    assert exit_.value.code == EXIT_USAGE
    assert "Traceback" not in capsys.readouterr().err


# Stores


def make_store(path, lexicon_version="v1", ids=("a",), source="s1", stored_at=None):
    with ProfileStore(path) as store:
        for article_id in ids:
            article = Article(article_id, TEXT, source=source)
            profile = {"schema": "framing.profile/1", "id": article_id, "source": source,
                       "lexicon_version": lexicon_version, "framing_version": "f"}
            store.put(f"{article_id}-{source}-{lexicon_version}", article, profile)


@pytest.mark.parametrize("content", [b"not a database at all" * 100, b"SQLite format 3\x00" + b"\x00" * 50])
def test_a_file_that_is_not_a_store_is_named_not_a_traceback(tmp_path, content):
    path = tmp_path / "bad.sqlite"
    path.write_bytes(content)
    for readonly in (False, True):
        with pytest.raises(StoreError, match="bad.sqlite"):
            ProfileStore(path, readonly=readonly)


def test_a_truncated_store_is_refused(tmp_path):
    path = tmp_path / "p.sqlite"
    make_store(path, ids=[f"a{i}" for i in range(300)])
    path.write_bytes(path.read_bytes()[:3000])
    code, _, err = cli("compare", "--db", path)
    assert code == EXIT_USAGE and "p.sqlite" in err and "Traceback" not in err


def test_a_folder_and_a_missing_store(tmp_path):
    with pytest.raises(StoreError, match="folder"):
        ProfileStore(tmp_path)
    code, _, err = cli("compare", "--db", tmp_path / "missing.sqlite")
    assert code == EXIT_USAGE and "no such store" in err
    assert not (tmp_path / "missing.sqlite").exists()


def test_a_newer_schema_is_refused(tmp_path):
    path = tmp_path / "p.sqlite"
    make_store(path)
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE meta SET value = ? WHERE name = 'schema_version'", (str(SCHEMA_VERSION + 1),))
    for readonly in (False, True):
        with pytest.raises(StoreError, match="schema version"):
            ProfileStore(path, readonly=readonly)


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root writes read-only files")
def test_a_read_only_store_can_be_compared(tmp_path):
    path = tmp_path / "p.sqlite"
    make_store(path)
    path.chmod(0o444)
    assert len(ProfileStore(path, readonly=True).for_comparison("v1").items) == 1


def test_a_read_only_store_is_opened_read_only(tmp_path):
    path = tmp_path / "p.sqlite"
    make_store(path)
    with ProfileStore(path, readonly=True) as store:
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            store._connection.execute("DELETE FROM profiles")


def test_a_comparison_from_a_store_uses_one_lexicon_version_and_keeps_shared_ids(tmp_path):
    path = tmp_path / "p.sqlite"
    make_store(path, "old", ids=("a", "b", "only-old"))
    make_store(path, "new", ids=("a", "b"))
    make_store(path, "new", ids=("a",), source="s2")  # the same id from another source
    with ProfileStore(path, readonly=True) as store:
        selection = store.for_comparison("new")
        assert {p["lexicon_version"] for p, _ in selection.items} == {"new"}
        assert sorted((p["id"], p["source"]) for p, _ in selection.items) == [("a", "s1"), ("a", "s2"), ("b", "s1")]
        assert selection.left_out == {"old": 1}
        assert store.for_comparison("absent").lexicon_version == "new"  # the newest stored
    from framing.cli import stored_articles
    articles, notes = stored_articles(selection)
    assert len({p["id"] for p, _ in articles}) == 3  # the id two sources share is made unique
    assert any("old (1)" in n for n in notes) and any("share an id" in n for n in notes)


# Injection


@given(st.text(max_size=20))
def test_no_text_cell_can_start_a_formula(value):
    cell = spreadsheet_cell(value)
    assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")) or reading.re.fullmatch(r"[+-][\d.eE+-]+", cell)
    assert cell.endswith(value)


def test_score_csv_neutralises_formulas_and_quotes_a_lone_cr(tmp_path):
    records = [{"schema": "framing.error/1", "id": "\r=1+1", "error": "=HYPERLINK(\"x\")"},
               {"schema": "framing.error/1", "id": "@SUM(A1)", "error": "+cmd"}]
    out = tmp_path / "out.csv"
    write_output(records, "csv", str(out))
    rows = list(csv.reader(out.open(encoding="utf-8", newline="")))
    assert len(rows) == 3  # the CR split no row
    assert rows[1][:2] == ["'\r=1+1", "'=HYPERLINK(\"x\")"] and rows[2][:2] == ["'@SUM(A1)", "'+cmd"]


def two_outlets(first, second):
    import framing
    long_text = " ".join([TEXT] * 5)  # long enough for rates (profile.MIN_RATE_WORDS)
    texts = {"a": long_text, "b": long_text.replace("reportedly", "certainly")}
    profiles = [dict(framing.score(texts[i], language="en", id=i), outlet=o) for i, o in (("a", first), ("b", second))]
    return framing.compare(profiles, texts=texts, resamples=50, align=False)


def test_compare_csv_neutralises_outlet_names_and_keeps_numbers():
    out = render(two_outlets("=cmd|' /C calc'!A0", "-Other"), "csv")
    rows = list(csv.DictReader(io.StringIO(out, newline="")))
    assert {r["group"] for r in rows} == {"'=cmd|' /C calc'!A0", "'-Other"}
    assert any(r["z"].startswith("-") for r in rows)  # a negative number stays a number


@given(st.text(max_size=60), st.integers(1, 40))
def test_terminal_text_has_no_control_characters_and_cuts_whole_escapes(text, width):
    safe = safe_terminal(text)
    assert not any(ord(c) < 32 and c not in "\t\n" or 0x7f <= ord(c) <= 0x9f for c in safe)
    short = cut(text, width)
    assert len(short) == width and not any(ord(c) < 32 or 0x7f <= ord(c) <= 0x9f for c in short)
    if "\\" not in text:  # no escape is cut in half
        assert not reading.re.search(r"\\(?:x[0-9a-f]?|u[0-9a-f]{0,3})$", short.rstrip(" "))


def test_table_and_stderr_escape_control_characters(tmp_path):
    hostile = "\x1b]0;owned\x07\x1b[2J\x9bid"
    corpus = jsonl(tmp_path / "in.jsonl", {"id": hostile, "text": TEXT}, {"id": hostile + "2", "text": ""})
    code, out, err = cli("score", corpus, "--format", "table")
    assert code == EXIT_SKIPPED
    for stream in (out, err):
        assert "\x1b" not in stream and "\x07" not in stream and "\x9b" not in stream
    assert "\\x1b]0;owned" in out and "\\x1b" in err


def test_markdown_escapes_raw_html_and_links():
    from framing.render.comparison import _md_cell
    cell = _md_cell("<script>alert(1)</script> [click](javascript:alert(1)) $x$")
    assert "<script>" not in cell and "](" not in cell and "[click]" not in cell


def test_an_outlet_with_dollars_renders_in_the_html_report():
    pytest.importorskip("matplotlib")
    page = render(two_outlets("$x^$", "$\\frac{"), "html")
    assert "$x^$" in page and "<svg" in page


# Closed pipes, full disks


def test_a_closed_pipe_ends_quietly():
    proc = subprocess.Popen([sys.executable, "-m", "framing.cli", "lexicons"], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, bufsize=0)
    proc.stdout.read(10)
    proc.stdout.close()
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=60) in (0, EXIT_CLOSED_PIPE) and err == ""


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full here")
def test_a_full_disk_names_the_output(tmp_path):
    corpus = jsonl(tmp_path / "in.jsonl", {"id": "a", "text": TEXT})
    with open("/dev/full", "w") as full:
        proc = subprocess.run([sys.executable, "-m", "framing.cli", "score", str(corpus)], stdout=full,
                              stderr=subprocess.PIPE, text=True, timeout=60)
    assert proc.returncode == EXIT_USAGE and "standard output" in proc.stderr and "None" not in proc.stderr


# Lexicons


def user_lexicon(tmp_path, family="hedge", term="maybe so"):
    path = tmp_path / "mine.toml"
    path.write_text(f'[meta]\nfamily = "{family}"\nlanguage = "en"\nversion = "1"\nsource = "me"\nlicense = "CC0"\n\n'
                    f'[[entry]]\nid = "x"\nterm = "{term}"\ncategory = "epistemic_adverb"\nsource = "me"\n')
    return path


def test_a_misspelt_family_is_refused_with_a_suggestion(tmp_path):
    from framing.errors import LexiconError
    from framing.lexicon import load_lexicons
    with pytest.raises(LexiconError, match="unknown family 'hedgee'; did you mean 'hedge'"):
        load_lexicons([user_lexicon(tmp_path, family="hedgee")])


@pytest.mark.parametrize("term", ["...", "--", "!?", "\u2026"])
def test_a_punctuation_only_term_is_refused(tmp_path, term):
    from framing.errors import LexiconError
    from framing.lexicon import load_lexicons
    with pytest.raises(LexiconError, match="no letter or digit"):
        load_lexicons([user_lexicon(tmp_path, term=term)])


# The on-disk cache


def test_the_cache_holds_no_pickle_and_ignores_files_of_other_users(tmp_path, monkeypatch):
    import pickle

    import framing.cache as cache
    import framing.lexicon as lexicon
    from framing.lexicon import default_lexicon_dir

    monkeypatch.setenv("FRAMING_CACHE_DIR", str(tmp_path))
    root = (str(default_lexicon_dir()),)
    built = lexicon._load(root)
    (entry,) = tmp_path.glob("lexicons-*.json")
    assert lexicon._load(root) == built  # served from JSON, the same set
    assert not list(tmp_path.glob("*.pickle"))

    class Planted:
        def __reduce__(self):
            return (os.system, ("touch " + str(tmp_path / "pwned"),))

    (tmp_path / entry.name.replace(".json", ".pickle")).write_bytes(pickle.dumps(Planted()))
    assert lexicon._load(root) == built and not (tmp_path / "pwned").exists()
    monkeypatch.setattr(os, "getuid", lambda: 12345)  # as if the file were another user's
    calls = []
    assert cache.cached_json(entry.stem, lambda: calls.append(1) or "rebuilt", str, str) == "rebuilt"
    assert calls == [1]


@given(st.text(max_size=20))
def test_jsonl_output_splits_into_records_on_any_line_separator(value):
    from framing.render.profiles import json_text
    line = json_text({"id": value, "text": value})
    assert len(line.splitlines()) == 1 and json.loads(line) == {"id": value, "text": value}


def test_a_full_disk_mid_batch_is_a_store_error_naming_the_store(tmp_path):
    path = tmp_path / "p.sqlite"
    store = ProfileStore(path, batch_size=1)

    class FullDisk:
        def __init__(self, connection):
            self.connection = connection

        def execute(self, sql, *args):
            if sql.startswith(("INSERT", "COMMIT")):
                raise sqlite3.OperationalError("database or disk is full")
            return self.connection.execute(sql, *args)

        def close(self):
            self.connection.close()

    store._connection = FullDisk(store._connection)
    with pytest.raises(StoreError, match="p.sqlite.*disk is full"):
        store.put("k", Article("a", TEXT), {"schema": "framing.profile/1", "id": "a"})
    store._connection.close()


@pytest.mark.skipif(sys.platform != "linux", reason="needs a file system that takes any bytes in names")
def test_a_store_and_a_report_under_names_that_are_not_utf8(tmp_path, capsys):
    corpus = jsonl(tmp_path / "in.jsonl", {"id": "a", "outlet": "A", "text": " ".join([TEXT] * 5)})
    db = tmp_path / os.fsdecode(b"st\xff.sqlite")
    report = tmp_path / os.fsdecode(b"rep\xfe.html")
    assert main(["score", str(corpus), "--db", str(db), "--quiet", "-o", os.devnull]) == 0
    assert main(["compare", "--db", str(db), "--format", "html", "--resamples", "20", "--quiet",
                 "-o", str(report)]) == 0
    assert report.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_a_tab_in_a_skipped_file_name_does_not_break_the_table():
    records = [{"schema": "framing.error/1", "id": "a\tb.txt", "error": "a\tb.txt: empty (no text to score)"}]
    buffer = io.StringIO()
    from framing.render.profiles import _write_table
    _write_table(records, buffer, {})
    assert "\t" not in buffer.getvalue() and "a\\x09b.txt: empty" in buffer.getvalue()
