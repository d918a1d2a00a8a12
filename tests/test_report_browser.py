"""The HTML report as a reader sees it, in headless Chromium (Debian's chromium package)."""
import html
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

import framing
from framing.families import FAMILIES
from framing.glossary import glossary
from framing.render.comparison import render

from .test_compare import hostile_comparison

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="headless Chromium is not installed "
                                                          "(apt-get install chromium) to check the report")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def dump_dom(tmp_path, page: str) -> str:
    path = tmp_path / "report.html"
    path.write_text(page, encoding="utf-8")
    run = subprocess.run([CHROMIUM, *FLAGS, f"--user-data-dir={tmp_path / 'profile'}", "--virtual-time-budget=3000",
                          "--dump-dom", path.as_uri()], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr[-2000:]
    return run.stdout


def test_reader_sees_heatmap_naming_and_aligned_claims(tmp_path):
    articles = framing.corpus.load("belmokhtar-2013")
    scorer = framing.Scorer()
    profiles = [scorer.score(a).to_dict() for a in articles]
    comparison = framing.compare(profiles, texts={a.id: a.text for a in articles}, lexicons=scorer.lexicons,
                                 resamples=200)
    dom = dump_dom(tmp_path, render(comparison, "html"))
    for heading in ("Own-voice rates per 1,000 words", "Naming stance", "Aligned claims", "Divergences"):
        assert heading in dom
    assert "The Moroccan Times" in dom and "Menas Associates" in dom
    assert "<mark class=\"hedge\"" in dom  # "would have reportedly asked" highlighted in 002
    assert "no own-voice evidence" in dom  # Menas Associates never names the territory itself


def test_hostile_text_stays_inert(tmp_path):
    """Outlet, title and text carry <script>, <img onerror> and javascript: payloads that
    would set the page title if they ran."""
    page = render(hostile_comparison(), "html")
    dom = dump_dom(tmp_path, page)
    assert "<title>framing comparison" in dom and "pwned</title>" not in dom
    assert "<script>document" not in dom
    assert "&lt;script&gt;" in dom


# ../shared beside the checkout (one more level up from a worktree under wt/)
BASIL = next((base / "shared" / "eval" / "basil" / "articles" for base in (ROOT.parent, ROOT.parent.parent)
              if (base / "shared" / "eval" / "basil" / "articles").is_dir()), ROOT.parent / "shared")


def basil_triplets(count: int, must_contain: str) -> list[framing.Article]:
    """The first ``count`` BASIL triplets one of whose articles uses ``must_contain`` (read in place)."""
    by_triplet: dict[str, list[framing.Article]] = {}
    for path in sorted(BASIL.glob("*/*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        body = "\n\n".join(" ".join(paragraph) for paragraph in data["body-paragraphs"] if paragraph)
        by_triplet.setdefault(data["triplet-uuid"], []).append(framing.Article(
            id=path.stem, text=f"{data['title']}\n\n{body}", title=data["title"], outlet=data["source"].lower(),
            date=data["date"], language="en"))
    chosen = [t for t in by_triplet.values() if any(must_contain in a.text for a in t)][:count]
    return [a for triplet in chosen for a in triplet]


@pytest.mark.skipif(not BASIL.is_dir(), reason="BASIL is not in ../shared/eval")
def test_reader_sees_titles_intervals_legend_and_axis_poles_on_basil(tmp_path):
    articles = basil_triplets(1, "illegal immigrant")
    scorer = framing.Scorer()
    profiles = [scorer.score(a).to_dict() for a in articles]
    comparison = framing.compare(profiles, texts={a.id: a.text for a in articles}, lexicons=scorer.lexicons,
                                 resamples=200)
    dom = dump_dom(tmp_path, render(comparison, "html"))
    text = re.sub(r"<[^>]+>", " ", dom)
    for article in articles:
        assert html.escape(article.title, quote=False) in dom
    fox = comparison["groups"]["fox"]["features"]["hedge"]
    assert f"[{fox['ci'][0]:.1f}, {fox['ci'][1]:.1f}]" in text  # the interval on the page, not in a tooltip
    assert "id=\"legend\"" in dom and FAMILIES["hedge"].description in text
    assert "id=\"glossary\"" in dom  # what every number counts, written once (framing.glossary)
    for term, line in glossary().items():
        assert html.escape(term, quote=False) in dom, term
    assert "Restrictionist framing" in text and "Immigrant-rights framing" in text  # immigrant_status poles
    assert "significant" in text and "Benjamini-Hochberg" in text
    assert text.index("Divergences") < text.index("Aligned claims")
    assert "more aligned claims of this story in the JSON" in text or all(
        s["aligned_claims"] <= 5 for s in comparison["stories"])
