import csv
import io
import json
import subprocess
import sys

import pytest

from framing.cli import EXIT_SKIPPED, build_parser, main

from .conftest import CORPUS


def run(*args, stdin=None):
    proc = subprocess.run([sys.executable, "-m", "framing.cli", *map(str, args)], input=stdin,
                          capture_output=True, text=True, timeout=120)
    return proc.returncode, proc.stdout, proc.stderr


def test_every_command_has_help_with_an_example():
    parser = build_parser()
    for name, sub in parser._subparsers._group_actions[0].choices.items():
        assert "example" in sub.format_help(), name


@pytest.mark.parametrize("fmt", ["json", "jsonl", "csv", "table"])
def test_formats_cover_every_article(fmt):
    code, out, err = run("score", CORPUS, "--format", fmt)
    assert code == 0, err
    ids = [p.name for p in sorted(CORPUS.glob("*.txt"))]
    if fmt == "json":
        assert [p["id"] for p in json.loads(out)] == ids
    elif fmt == "jsonl":
        assert [json.loads(line)["id"] for line in out.splitlines()] == ids
    elif fmt == "csv":
        assert [row["id"] for row in csv.DictReader(io.StringIO(out))] == ids
    else:
        assert all(i[:32] in out for i in ids)


def test_one_bad_article_is_reported_and_skipped(tmp_path):
    (tmp_path / "a.txt").write_text("Rabat invests in the Moroccan Sahara, officials said.")
    (tmp_path / "b.txt").write_bytes(b"\x00\x01\x02\x03binary")
    (tmp_path / "c.txt").write_text("Le Maroc investit au Sahara marocain, selon des responsables.")
    code, out, err = run("score", tmp_path)
    records = [json.loads(line) for line in out.splitlines()]
    assert code == EXIT_SKIPPED
    assert [r["id"] for r in records] == ["a.txt", "b.txt", "c.txt"]
    assert records[1]["schema"] == "framing.error/1" and "binary" in records[1]["error"]
    assert "b.txt" in err and "2 scored, 0 from the store, 1 could not be scored" in err


def test_unsupported_language_is_reported_not_scored_as_english(tmp_path):
    path = tmp_path / "it.txt"
    path.write_text("Il governo italiano ha annunciato oggi nuove misure economiche per le famiglie e le imprese.")
    code, out, err = run("score", path)
    (record,) = [json.loads(line) for line in out.splitlines()]
    assert code == EXIT_SKIPPED and record["schema"] == "framing.error/1" and "'it'" in record["error"]


def test_duplicate_ids_in_jsonl_are_reported(tmp_path):
    lines = [json.dumps({"id": "same", "text": "The Moroccan Sahara again, he said."})] * 2
    code, out, _ = run("score", "-", stdin="\n".join(lines) + "\n")
    records = [json.loads(line) for line in out.splitlines()]
    assert code == EXIT_SKIPPED and "duplicate id" in records[1]["error"]


def test_output_file_is_written_atomically(tmp_path, monkeypatch):
    target = tmp_path / "out.jsonl"
    assert main(["score", str(CORPUS), "-o", str(target)]) == 0
    assert len(target.read_text().splitlines()) == 5
    import framing.render.profiles as output

    def explode(items, stream):
        stream.write("partial")
        raise OSError(28, "No space left on device")

    monkeypatch.setitem(output._WRITERS, "jsonl", explode)
    assert main(["score", str(CORPUS), "-o", str(target)]) == 2
    assert len(target.read_text().splitlines()) == 5
    assert [p.name for p in tmp_path.iterdir()] == ["out.jsonl"]


def test_broken_user_lexicon_is_a_usage_error(tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text("[meta\n")
    code, _, err = run("score", CORPUS, "--lexicon", bad)
    assert code == 2 and str(bad) in err


def test_devices_and_pipes_are_written_in_place_not_replaced(tmp_path):
    import os
    import stat

    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    reader = subprocess.Popen(["cat", str(fifo)], stdout=subprocess.PIPE, text=True)
    status = None
    try:
        status = main(["score", str(CORPUS / "001_68f2744142ff802d.txt"), "-o", str(fifo), "--quiet"])
    finally:
        if status != 0:
            reader.kill()  # main() may never have opened the pipe: do not leave the reader waiting
    assert status == 0
    out, _ = reader.communicate(timeout=60)
    assert json.loads(out)["id"] == "001_68f2744142ff802d.txt"
    assert stat.S_ISFIFO(os.stat(fifo).st_mode), "the pipe must still be a pipe"
    assert main(["score", str(CORPUS / "001_68f2744142ff802d.txt"), "-o", os.devnull, "--quiet"]) == 0
    assert stat.S_ISCHR(os.stat(os.devnull).st_mode), "/dev/null must still be a device"


def test_lexicons_command_lists_and_validates(tmp_path):
    code, out, _ = run("lexicons")
    assert code == 0 and "naming" in out and "western_sahara" in out
    bad = tmp_path / "bad.toml"
    bad.write_text('[meta]\nfamily = "hedge"\nlanguage = "en"\nversion = "1"\nsource = "s"\nlicense = "x"\n'
                   '[[entry]]\nid = "a"\nterm = "x"\nsorce = "typo"\n')
    code, _, err = run("lexicons", "--lexicon", bad)
    assert code == 2 and str(bad) in err and "unknown keys" in err


def test_each_skipped_line_is_named_once_with_its_reason(tmp_path, capsys):
    lines = tmp_path / "in.jsonl"
    lines.write_text('{"id": "short", "text": "Hi"}\n{"text": 5}\nnot json\n', encoding="utf-8")
    assert main(["score", str(lines), "--format", "jsonl", "-o", str(tmp_path / "out.jsonl")]) == EXIT_SKIPPED
    skipped = [line for line in capsys.readouterr().err.splitlines() if line.startswith("framing: skipped ")]
    where = ["short", f"{lines}:2", f"{lines}:3"]
    assert len(skipped) == 3
    for line, name in zip(skipped, where):
        assert line.startswith(f"framing: skipped {name}: ") and line.count(f"{name}:") == 1, line
