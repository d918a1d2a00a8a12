"""Bad, huge and hostile input: a clear message naming the input, the batch goes on."""
import json
import subprocess
import sys
from pathlib import Path

import pytest

import framing
from framing.cli import EXIT_SKIPPED
from framing.errors import InputError
from framing.lexicon import Entry
from framing.matcher import Matcher
from framing.normalize import normalize, normalize_term
from framing.reading import ReadFailure, read_paths

from .conftest import CORPUS

SEED = (CORPUS / "001_68f2744142ff802d.txt").read_text(encoding="utf-8")


def run_cli(*args, stdin=None):
    return subprocess.run([sys.executable, "-m", "framing.cli", *map(str, args)], input=stdin,
                          capture_output=True, text=True, timeout=300)


def test_oversized_file_is_refused_with_the_limit_named(tmp_path, monkeypatch):
    import framing.reading as reading

    monkeypatch.setattr(reading, "MAX_ARTICLE_BYTES", 1000)
    path = tmp_path / "huge.txt"
    path.write_text(SEED)
    (failure,) = read_paths([path])
    assert isinstance(failure, ReadFailure) and "limit" in failure.error and str(path) in failure.error


def test_a_long_single_line_article_is_scored(tmp_path):
    text = (SEED.replace("\n", " ") + " ") * 120  # about 290 KB on one line
    profile = framing.score(text, language="en")
    assert profile["words"] > 40000
    assert profile["naming"]["western_sahara"]["mentions"]["unquoted"] == 240


@pytest.mark.parametrize("text", [
    "Intro about the Moroccan Sahara. " + "\u201c" * 10000 + " end",
    "Intro. " + "\u201c\u201d" * 5000,
    "Intro. " + "'" * 10000,
    "He said \u00ab\u00ab\u00ab deep \u2018\u2018 nest \u201e\u201e open and never closed",
])
def test_pathological_quotation_marks(text):
    profile = framing.score(text, language="en")
    assert 0.0 <= profile["features"]["attribution"]["quoted_share"] <= 1.0
    for e in profile["evidence"]:
        assert text[e["start"]:e["end"]] == e["text"]


def test_mixed_scripts_bidi_combining_and_emoji():
    text = ("La ve\u0301rite\u0301 \u202eabc\u202c sur le Sahara marocain \U0001F600 et "
            "\u0627\u0644\u0635\u062d\u0631\u0627\u0621 \u0627\u0644\u0645\u063a\u0631\u0628\u064a\u0629 \u200f, selon un responsable.")
    profile = framing.score(text, language="fr")
    naming = [e["text"] for e in profile["evidence"] if e["family"] == "naming"]
    assert naming == ["Sahara marocain"]
    arabic = framing.score("\u0642\u0627\u0644 \u0645\u0633\u0624\u0648\u0644 \u0625\u0646 \u0627\u0644\u0635\u062d\u0631\u0627\u0621 "
                           "\u0627\u0644\u0645\u063a\u0631\u0628\u064a\u0629 \u0622\u0645\u0646\u0629.", language="ar")
    assert arabic["naming"]["western_sahara"]["stance"] == 1.0


def test_unsupported_and_undetectable_languages_are_reported_not_guessed():
    with pytest.raises(framing.UnsupportedLanguageError, match="'it'"):
        framing.score("Il governo italiano ha annunciato oggi nuove misure economiche per le famiglie.")
    with pytest.raises(framing.UnsupportedLanguageError, match="has no lexicons"):
        framing.score("Some text.", language="xx")


def test_unreadable_file_is_reported_and_the_batch_goes_on(tmp_path, monkeypatch):
    good, bad = tmp_path / "a.txt", tmp_path / "b.txt"
    good.write_text(SEED)
    bad.write_text(SEED)
    real_open = Path.open

    def guarded(self, *args, **kwargs):
        if self.name == "b.txt":
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", guarded)
    items = list(read_paths([tmp_path]))
    assert [type(i).__name__ for i in items] == ["Article", "ReadFailure"]
    assert "Permission denied" in items[1].error


def test_every_bad_input_in_one_batch_is_reported_by_name(tmp_path):
    folder = tmp_path / "mixed"
    folder.mkdir()
    (folder / "00_good.txt").write_text(SEED)
    (folder / "01_empty.txt").write_text("")
    (folder / "02_spaces.txt").write_text("   \n\t ")
    (folder / "03_binary.txt").write_bytes(bytes(range(256)) * 4)
    (folder / "04_bad.jsonl").write_text('{"id": "x", "text": 5}\n{broken\n' + json.dumps({"id": "ok", "text": SEED}) + "\n")
    (folder / "05_wrong.csv").write_text("identifier,body\n1,hello\n")
    (folder / "06_page.html").write_text("<html><body><script>alert(1)</script><article><p>Officials said on Monday "
                                         "that the talks in Rabat had stalled again, according to two diplomats."
                                         "</p></article></body></html>")
    (folder / "07_utf16.txt").write_bytes(SEED.encode("utf-16"))
    result = run_cli("score", folder, tmp_path / "missing.txt")
    records = [json.loads(line) for line in result.stdout.splitlines()]
    errors = {r["id"]: r["error"] for r in records if r["schema"] == "framing.error/1"}
    scored = [r["id"] for r in records if r["schema"] == "framing.profile/1"]
    assert result.returncode == EXIT_SKIPPED
    html_scored = "06_page.html" in scored  # with the html extra installed, the page is scored
    assert scored == ["00_good.txt", "ok"] + (["06_page.html"] if html_scored else []) + ["07_utf16.txt"]
    for name in ("01_empty.txt", "02_spaces.txt", "03_binary.txt", "05_wrong.csv"):
        assert name in errors and name in errors[name]
    assert any("malformed JSON" in e for e in errors.values())
    assert any("'text' is missing" in e for e in errors.values())
    assert html_scored or "framing-analysis[html]" in errors["06_page.html"]
    assert "no such file" in errors[str(tmp_path / "missing.txt")]
    assert result.stderr.count("framing: skipped") == len(errors)


def test_lexicon_terms_are_literal_so_the_matcher_cannot_backtrack():
    """Terms are matched by an Aho-Corasick automaton (linear in the text), never as
    regular expressions: a term that looks like a catastrophic pattern is a literal."""
    term = "(a+)+$"
    entry = Entry("evil", term, (normalize_term(term),), "loaded", "en", "test", "test")
    matcher = Matcher([entry])
    assert matcher.find(normalize("a" * 50000 + "!")) == []
    (match,) = matcher.find(normalize("a literal (a+)+$ here"))
    assert (match.start, match.end) == (10, 16)


def test_bytes_and_non_strings_are_refused_with_advice():
    with pytest.raises(InputError, match="decode bytes first"):
        framing.score(b"bytes")
    with pytest.raises(InputError, match="must be a str"):
        framing.score(42)  # type: ignore[arg-type]
