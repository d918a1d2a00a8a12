"""Scare quotes: a word or two set in quotation marks inside the outlet's own sentence.

Short quotations (one to three words) at the outer level signal distance
("Algeria ‘Encouraged’ attacks", "the terrorist “betrayed” the government").
Not scare quotes: names and titles ("Signed in Blood", «Sid»), quoted source
descriptions ("a very sensitive source"), and quotations introduced by a
colon, which are the source's words.
"""
from __future__ import annotations

import re

from ..document import UNQUOTED, Document
from ..evidence import Evidence
from ._hits import hits_of

MAX_WORDS = 3
_WORD = re.compile(r"\w+(?:['\u2019\-]\w+)*")


def extract_scare_quotes(document: Document) -> list[Evidence]:
    """Short outer quotations that are neither names, source descriptions, nor colon quotes."""
    text = document.text
    particles = document.wordlist("grammar.name_particle") | document.wordlist("grammar.title_function_word")
    source_spans = [(h.start, h.end) for h in hits_of(document, "source_noun")]
    found = []
    for q in document.quotations:
        words = _WORD.findall(q.text)
        if q.depth != 1 or not 1 <= len(words) <= MAX_WORDS:
            continue
        if _is_name(words, text, particles):
            continue
        if any(q.start <= s and e <= q.end for s, e in source_spans):
            continue
        if text[:q.start].rstrip(" \t").endswith(":"):
            continue
        found.append(Evidence("scare_quote", "scare_quote", q.text, q.start, q.end, UNQUOTED,
                              document.sentence_at(q.start), category="scare_quote"))
    return found


def _is_name(words: list[str], text: str, particles: frozenset[str]) -> bool:
    """Capitalised words throughout (particles and small title words aside): a name or a title. A single
    capitalised word that the text also writes in lower case ("Encouraged" /
    "encouraged") is an ordinary word capitalised by a headline."""
    content = [w for w in words if w.lower() not in particles]
    if not content or not all(w[:1].isupper() for w in content):
        return False
    if len(content) == 1:
        word = content[0].lower()
        return not re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text)
    return True
