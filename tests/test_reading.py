import io
import json
import os

import pytest

from framing.decoding import decode_bytes
from framing.errors import InputError
from framing.reading import Article, ReadFailure, read_paths

TEXT = "Rabat invests in the Moroccan Sahara, officials said.\n"


def read(*paths, **kw):
    return list(read_paths([str(p) for p in paths], **kw))


@pytest.mark.parametrize("data, encoding", [
    (TEXT.encode("utf-8"), "utf-8"),
    (b"\xef\xbb\xbf" + TEXT.encode("utf-8"), "utf-8-sig"),
    (TEXT.encode("utf-16"), "utf-16"),
    (TEXT.encode("utf-16-le"), "utf-16-le"),
    (TEXT.encode("utf-16-be"), "utf-16-be"),
    (TEXT.encode("utf-32"), "utf-32"),
])
def test_supported_encodings_decode_to_the_same_text(data, encoding):
    decoded = decode_bytes(data, name="a.txt")
    assert decoded.text.lstrip("\ufeff") == TEXT
    assert decoded.encoding == encoding and not decoded.fallback


def test_cp1252_is_the_stated_fallback(tmp_path):
    path = tmp_path / "old.txt"
    path.write_bytes("Caf\u00e9 in the \u201cSahara\u201d".encode("cp1252"))
    (article,) = read(path)
    assert article.encoding == "cp1252"
    assert any("fallback" in note for note in article.notes)


@pytest.mark.parametrize("data, reason", [
    (b"", "empty"),
    (b"  \n\t\n", "empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary"),
    (b"text with a \x00 NUL byte", "NUL"),
    (b"\x81\x8d\x8f\x90\x9d" * 3, "not cp1252"),
    (bytes(range(1, 32)) * 20, "binary"),
])
def test_bad_bytes_are_refused_with_a_reason_naming_the_file(tmp_path, data, reason):
    path = tmp_path / "bad.txt"
    path.write_bytes(data)
    (failure,) = read(path)
    assert isinstance(failure, ReadFailure)
    assert str(path) in failure.error and reason in failure.error


def test_folder_is_read_recursively_in_order_with_relative_ids(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.txt").write_text(TEXT)
    (tmp_path / "1.txt").write_text(TEXT)
    (tmp_path / "notes.pdf").write_bytes(b"%PDF")
    assert [a.id for a in read(tmp_path)] == ["1.txt", "b/2.txt"]


def test_symlink_loops_do_not_recurse(tmp_path):
    (tmp_path / "a.txt").write_text(TEXT)
    os.symlink(tmp_path, tmp_path / "loop")
    assert [a.id for a in read(tmp_path)] == ["a.txt"]


def test_missing_path_is_a_failure_not_an_exception(tmp_path):
    (failure,) = read(tmp_path / "nope.txt")
    assert isinstance(failure, ReadFailure) and "no such file" in failure.error


def test_unreadable_file_is_reported(tmp_path):
    path = tmp_path / "secret.txt"
    path.write_text(TEXT)
    path.chmod(0)
    try:
        if os.access(path, os.R_OK):
            pytest.skip("running as a user who can read anything")
        (failure,) = read(path)
        assert isinstance(failure, ReadFailure)
    finally:
        path.chmod(0o644)


def test_jsonl_records_and_bad_lines(tmp_path):
    path = tmp_path / "batch.jsonl"
    lines = [
        json.dumps({"id": "a", "text": TEXT, "title": "T", "outlet": "O", "language": "en"}),
        "{not json",
        json.dumps({"id": "c", "text": 42}),
        json.dumps(["a", "list"]),
        "",
        json.dumps({"text": TEXT}),
    ]
    path.write_text("\n".join(lines) + "\n")
    items = read(path)
    assert [type(i).__name__ for i in items] == ["Article", "ReadFailure", "ReadFailure", "ReadFailure", "Article"]
    assert items[0].title == "T" and items[0].outlet == "O"
    assert "malformed JSON" in items[1].error and "batch.jsonl:2" in items[1].error
    assert "'text'" in items[2].error
    assert items[4].id.endswith("batch.jsonl:6")


def test_stdin_is_jsonl():
    stream = io.BytesIO((json.dumps({"id": "x", "text": TEXT}) + "\n").encode())
    (article,) = read_paths(["-"], stdin=stream)
    assert isinstance(article, Article) and article.id == "x"


def test_csv_with_embedded_newlines_and_a_wrong_header(tmp_path):
    good = tmp_path / "good.csv"
    good.write_text('id,text,outlet\na,"line one\nline two",Outlet\n', encoding="utf-8")
    (article,) = read(good)
    assert article.text == "line one\nline two" and article.outlet == "Outlet"
    bad = tmp_path / "bad.csv"
    bad.write_text("id,body\na,b\n")
    (failure,) = read(bad)
    assert "no 'text' column" in failure.error


def test_html_without_the_extra_says_how_to_enable_it(tmp_path, monkeypatch):
    import builtins

    real_import = builtins.__import__

    def no_trafilatura(name, *args, **kwargs):
        if name == "trafilatura":
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_trafilatura)
    page = tmp_path / "page.html"
    page.write_text("<html><body><script>alert(1)</script><p>Text</p></body></html>")
    (failure,) = read(page)
    assert "framing-analysis[html]" in failure.error


def test_bytes_are_refused_by_the_python_api():
    import framing

    with pytest.raises(InputError, match="decode bytes first"):
        framing.score(TEXT.encode(), language="en")


def test_html_main_text_is_extracted_with_the_extra(tmp_path):
    pytest.importorskip("trafilatura", reason="the html extra (trafilatura) is not installed")
    page = tmp_path / "page.html"
    page.write_text("<html><head><script>alert(1)</script></head><body><nav>Home | About</nav><article>"
                    "<h1>Algeria made secret deals</h1><p>Rabat invests in the Moroccan Sahara, officials said "
                    "on Monday, according to a very sensitive source.</p><p>A second paragraph about the story "
                    "and its consequences for the region.</p></article></body></html>")
    (article,) = read(page)
    assert isinstance(article, Article)
    assert "alert" not in article.text and "Home | About" not in article.text
    assert "Moroccan Sahara" in article.text
    assert any("trafilatura" in note for note in article.notes)
    import framing

    profile = framing.Scorer().score(article).to_dict()
    assert profile["naming"]["western_sahara"]["stance"] == 1.0


def test_reading_csv_leaves_the_process_wide_field_limit_as_it_was(tmp_path):
    import csv

    before = csv.field_size_limit()
    path = tmp_path / "a.csv"
    path.write_text('id,text\na,"' + "word " * 40_000 + '"\n', encoding="utf-8")
    (article,) = list(read_paths([path]))
    assert len(article.text) == 200_000 and csv.field_size_limit() == before
