"""Issue 17, output a reader understands: one glossary for the README, the HTML report and the
table; naming stances with their poles; no Python True/False/None in reports."""
import re
from pathlib import Path

import pytest

import framing
from framing.families import FAMILIES
from framing.glossary import END, START, glossary, html_glossary, markdown_glossary, readme_with_glossary
from framing.render.profiles import write_output
from framing.render.comparison import render

from .test_report_browser import CHROMIUM, dump_dom

ROOT = Path(__file__).resolve().parent.parent
PYTHON_LITERALS = re.compile(r"\b(?:True|False|None)\b")


@pytest.fixture(scope="module")
def story():
    articles = framing.corpus.load("belmokhtar-2013")
    scorer = framing.Scorer()
    profiles = [scorer.score(a).to_dict() for a in articles]
    return framing.compare(profiles, texts={a.id: a.text for a in articles}, lexicons=scorer.lexicons, resamples=50)


def test_readme_glossary_is_the_module_glossary():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert START in readme and END in readme
    assert readme_with_glossary(readme) == readme, "run: python -m framing.glossary README.md"


def test_every_family_is_explained_by_its_registry_label():
    terms = glossary()
    for family in FAMILIES.values():
        assert family.description in terms[family.label]
    assert all(line.strip() and "\n" not in line for line in terms.values())
    assert markdown_glossary().count("\n- **") == len(terms) - 1


def test_html_report_ends_with_the_glossary(story):
    page = render(story, "html")
    assert html_glossary() in page
    for term in glossary():
        assert f"<dt>{term}</dt>" in page


@pytest.mark.skipif(CHROMIUM is None, reason="headless Chromium is not installed (apt-get install chromium)")
def test_reader_sees_the_glossary_and_legend_in_a_browser(story, tmp_path):
    dom = dump_dom(tmp_path, render(story, "html"))
    assert "Glossary" in dom and "own-voice evidence per 1,000 body words" in dom
    assert "Sahrawi independence" in dom and "Moroccan sovereignty" in dom  # the naming axis's poles
    for family in FAMILIES.values():
        if family.highlighted:
            assert family.label in dom


@pytest.mark.parametrize("fmt", ["markdown", "html"])
def test_reports_never_show_python_literals(story, fmt):
    page = render(story, fmt)
    shown = re.sub(r"<svg.*?</svg>", "", page, flags=re.S) if fmt == "html" else page
    assert not PYTHON_LITERALS.findall(shown)


def table_of(profiles, poles=None):
    import io
    from contextlib import redirect_stdout

    out = io.StringIO()
    with redirect_stdout(out):
        write_output(profiles, "table", None, poles=poles)
    return out.getvalue()


def test_table_says_what_each_column_counts_and_what_stances_mean():
    long = framing.score("Officials probably met in Rabat to discuss the Moroccan Sahara. " * 8, language="en", id="a")
    short = framing.score("Allegedly.", language="en", id="b")
    table = table_of([long, short], {"western_sahara": ("Sahrawi independence", "Moroccan sovereignty\x1b[2J")})
    header, _, *rows = table.splitlines()
    assert "hedges/1k" in header and "quoted" in header
    (row_a,) = [r for r in rows if r.startswith("a ")]
    assert f"{long['features']['hedge']['per_1000_words']:.1f}" in row_a
    (row_b,) = [r for r in rows if r.startswith("b ")]
    assert " n/a " in row_b  # a rate of one word is not shown as 1,000 per 1,000
    assert "hedges/1k: own-voice hedges per 1,000 body words" in table
    assert "quoted: share of body characters inside quotation marks" in table
    assert "western_sahara: -1 = Sahrawi independence, +1 = Moroccan sovereignty\\x1b[2J" in table
    assert "\x1b" not in table
