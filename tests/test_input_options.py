"""Issue 17, input: plain text on standard input, other column names, files a folder scan
passes over, HTML metadata, and ``--by`` with a field no article has."""
import io
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from framing.cli import main
from framing.comparison.groups import missing_field
from framing.reading import STDIN_ID, Article, Fields, ReadFailure, read_paths

from .conftest import CORPUS


def read_stdin(data: bytes, **options):
    return list(read_paths(["-"], stdin=io.BytesIO(data), **options))


def test_plain_text_on_stdin_is_one_article_that_says_so():
    (article,) = read_stdin(b"Allegedly the minister resigned.\nHe said nothing.\n")
    assert isinstance(article, Article)
    assert article.id == STDIN_ID
    assert article.text == "Allegedly the minister resigned.\nHe said nothing.\n"
    assert any("plain-text article" in note for note in article.notes)


def test_jsonl_on_stdin_is_still_records_even_after_blank_lines():
    data = b"\n\n" + b"\n".join(json.dumps({"id": f"a{i}", "text": f"Text number {i}."}).encode() for i in range(3))
    items = read_stdin(data)
    assert [item.id for item in items] == ["a0", "a1", "a2"]
    assert all(not item.notes for item in items)


def test_stdin_format_option_says_which():
    text = b"The minister resigned on Monday."
    (failure,) = read_stdin(text, stdin_format="jsonl")
    assert isinstance(failure, ReadFailure) and "malformed JSON" in failure.error
    record = json.dumps({"id": "x", "text": "Hello there."}).encode()
    (article,) = read_stdin(record, stdin_format="text")
    assert article.id == STDIN_ID and article.text == record.decode()
    with pytest.raises(ValueError, match="stdin_format"):
        read_stdin(text, stdin_format="yaml")


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=200)
       .filter(lambda t: t.strip() and not t.lstrip().startswith("{")))
def test_any_text_not_starting_a_json_object_is_read_as_itself(text):
    (item,) = read_stdin(text.encode("utf-8"))
    assert isinstance(item, Article)
    assert item.text == text


def test_cli_plain_text_on_stdin(monkeypatch, capsys):
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(b"Officials probably met on Monday.\n")))
    assert main(["score", "-", "--format", "jsonl"]) == 0
    out, err = capsys.readouterr()
    assert json.loads(out)["id"] == STDIN_ID
    assert "standard input read as one plain-text article" in err


def test_csv_with_other_column_names(tmp_path):
    path = tmp_path / "export.csv"
    path.write_text("url,body,source,text\nhttps://a.example/1,The minister probably resigned.,Daily A,ignored\n",
                    encoding="utf-8")
    (article,) = read_paths([path], fields=Fields(text="body", id="url", outlet="source"))
    assert (article.id, article.text, article.outlet) == ("https://a.example/1", "The minister probably resigned.",
                                                         "Daily A")
    (failure,) = read_paths([tmp_path / "export.csv"], fields=Fields(text="content"))
    assert isinstance(failure, ReadFailure) and "'content'" in failure.error and "--text-field" in failure.error


def test_jsonl_with_other_key_names(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps({"guid": 7, "content": "Officials met.", "paper": "B"}) + "\n"
                    + json.dumps({"guid": 8, "paper": "B"}) + "\n", encoding="utf-8")
    first, second = read_paths([path], fields=Fields(text="content", id="guid", outlet="paper"))
    assert (first.id, first.text, first.outlet) == ("7", "Officials met.", "B")
    assert isinstance(second, ReadFailure) and "'content' is missing" in second.error


@given(st.dictionaries(st.sampled_from(["text", "id", "body", "url", "outlet", "paper", "x"]), st.text(max_size=5)))
def test_renaming_keeps_every_value_and_never_merges_two_columns(record):
    fields = Fields(text="body", id="url", outlet="paper")
    renamed = fields.rename(record)
    assert sorted(map(str, renamed.values())) == sorted(map(str, record.values()))
    for standard, column in (("text", "body"), ("id", "url"), ("outlet", "paper")):
        assert renamed.get(standard) == record.get(column)


def test_folder_scan_counts_what_it_passes_over(tmp_path, capsys):
    (tmp_path / "a.txt").write_text("Officials met on Monday in the capital.", encoding="utf-8")
    (tmp_path / "paper.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / "notes.md").write_text("# notes", encoding="utf-8")
    (tmp_path / ".hidden").write_text("x", encoding="utf-8")
    skipped: list[str] = []
    items = list(read_paths([tmp_path], skipped=skipped))
    assert [item.id for item in items] == ["a.txt"]
    assert sorted(name.rsplit("/", 1)[-1] for name in skipped) == ["notes.md", "paper.pdf"]
    assert main(["score", str(tmp_path), "--format", "jsonl"]) == 0
    err = capsys.readouterr().err
    assert "2 file(s) in folders passed over as not articles (.md 1, .pdf 1" in err


def test_html_keeps_its_title_and_date(tmp_path):
    pytest.importorskip("trafilatura", reason="the html extra is not installed")
    body = "<p>" + "The council voted on the new budget after a long debate in the chamber. " * 4 + "</p>"
    page = ("<html><head><title>Council passes budget</title>"
            "<meta property='article:published_time' content='2024-03-02'></head>"
            f"<body><article><h1>Council passes budget</h1>{body}</article></body></html>")
    (tmp_path / "page.html").write_text(page, encoding="utf-8")
    (article,) = read_paths([tmp_path / "page.html"])
    assert article.title == "Council passes budget"
    assert article.date == "2024-03-02"
    record = json.dumps({"id": "r", "text": page, "format": "html", "title": "Given title"})
    (tmp_path / "r.jsonl").write_text(record + "\n", encoding="utf-8")
    (from_record,) = read_paths([tmp_path / "r.jsonl"])
    assert from_record.title == "Given title" and from_record.date == "2024-03-02"


def test_by_a_field_no_article_has_is_an_error_naming_the_fields(capsys):
    assert main(["compare", str(CORPUS), "--by", "section", "--no-claims", "--resamples", "10"]) == 2
    err = capsys.readouterr().err
    assert "--by: no article has the field 'section' to group by" in err and "outlet" in err and "language" in err


def test_missing_field_accepts_a_field_some_article_has():
    profiles = [{"id": "a", "language": "en"}, {"id": "b"}]
    assert missing_field(profiles, "language") is None
    assert missing_field(profiles, "outlet") is None  # unknown outlets form a group each, documented
    assert missing_field(profiles, "desk").endswith("fields the articles have: language")
