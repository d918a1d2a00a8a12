"""What every number and term a reader sees means, written once.

The README's glossary (between the ``glossary`` markers), the HTML report's
glossary section and the legend of ``framing score --format table`` all come
from ``GLOSSARY`` and from the family registry (``framing.families``), so they
cannot drift apart. ``python -m framing.glossary README.md`` rewrites the
README's section.

>>> glossary()["rate"].startswith("own-voice evidence per 1,000 body words")
True
>>> "hedges" in glossary()
True
"""
from __future__ import annotations

import html
import sys
from pathlib import Path

from .families import FAMILIES
from .profile import MIN_RATE_WORDS

GLOSSARY: dict[str, str] = {
    "own voice": "words outside quotation marks: what the outlet writes itself (evidence with voice \"unquoted\")",
    "quoted": "words inside quotation marks: what the outlet reports others saying (voice \"quoted\")",
    "body words": ("words of the article as read, less what is not body: repeated lines and trailing link lists "
                   "(listed under excluded)"),
    "rate": (f"own-voice evidence per 1,000 body words (per_1000_words); null, shown n/a, for an article under "
             f"{MIN_RATE_WORDS} body words, where one word would weigh too much"),
    "quoted share": "share of body characters inside quotation marks (quoted_share; 25% = a quarter of the text)",
    "coverage": "share of body sentences with at least one attribution cue",
    "anonymous share": "share of typed sources that are anonymous; null when no source is found",
    "naming stance": ("mean position, from -1 to +1, of the own-voice names an article gives a contested place or "
                      "actor; each axis says what -1 and +1 stand for; null when the outlet never names it itself"),
    "95% interval": ("the range that holds the group's rate in 95% of bootstrap resamples (articles within the "
                     "group, sentences within each article)"),
    "z": "how far a group's rate lies from the mean of the groups of its language, in standard deviations",
    "rank": "1 = the highest rate among the groups of the same language",
    "q-value": ("the chance-adjusted p-value of a difference (Benjamini-Hochberg over all families and pairs); "
                "significant below 0.05"),
    "distinctive words": ("words a group uses more than the other groups of its language (log-odds with an "
                          "informative Dirichlet prior, Monroe et al. 2008), function words left out and word "
                          "forms counted together; a group alone in its language lists its most frequent words"),
    "frame share": ("a generic frame's share of a group's own-voice frame evidence, with a 95% interval from "
                    "the same bootstrap as rates; shares are compared between groups with q-values like rates"),
    "aligned claim": "two sentences of different outlets that tell the same fact of one story",
    "alignment score": ("how surely two sentences are the same claim, from shared anchors (numbers, dates, names, "
                        "quotations) and word similarity; higher is surer"),
}


def glossary() -> dict[str, str]:
    """Terms and families (their labels, from the registry) with one-line explanations, in order."""
    families = {family.label: f"{family.description} (family `{family.name}`)" for family in FAMILIES.values()}
    return GLOSSARY | families


def markdown_glossary() -> str:
    """The glossary as a Markdown list, as the README shows it."""
    return "\n".join(f"- **{term}**: {line}" for term, line in glossary().items())


def html_glossary() -> str:
    """The glossary as an HTML section (every piece escaped), as the comparison report shows it."""
    e = html.escape
    items = "".join(f"<dt>{e(term)}</dt><dd>{e(line.replace('`', ''))}</dd>" for term, line in glossary().items())
    return f"<h2 id='glossary'>Glossary</h2><dl class='glossary'>{items}</dl>"


START = "<!-- glossary: generated from framing/glossary.py (python -m framing.glossary README.md) -->"
END = "<!-- end glossary -->"


def readme_with_glossary(readme: str) -> str:
    """``readme`` with the text between the glossary markers replaced by the current glossary."""
    head, found, rest = readme.partition(START)
    if not found:
        raise ValueError(f"no glossary marker ({START}) in the README")
    _, _, tail = rest.partition(END)
    return f"{head}{START}\n{markdown_glossary()}\n{END}{tail}"


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "README.md")
    target.write_text(readme_with_glossary(target.read_text(encoding="utf-8")), encoding="utf-8")
