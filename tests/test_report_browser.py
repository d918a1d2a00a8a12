"""The HTML report as a reader sees it, in headless Chromium (Debian's chromium package)."""
import shutil
import subprocess

import pytest

import framing
from framing.report import render

from .test_compare import hostile_comparison

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
