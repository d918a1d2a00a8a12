"""Words around a span, within its sentence: what the rules of the extractors look at.

The rules are small ("is the next word a number?", "is there a negator in
the three words before?"); they all need the neighbouring words of a match,
bounded by its sentence so that nothing leaks across a full stop.
"""
from __future__ import annotations

import re

from ..document import Document, Hit

WORD = re.compile(r"\w+(?:['\u2019]\w+)*(?:[.,]\d+)*")
_WINDOW = 120
_NEAR = 40
_SPACE = re.compile(r"\s")


def sentence_bounds(document: Document, index: int, offset: int) -> tuple[int, int]:
    """The sentence ``index`` of ``document``, or a window around ``offset`` outside sentences."""
    if 0 <= index < len(document.layout.sentences):
        return document.layout.sentences[index]
    return max(0, offset - _WINDOW), min(len(document.text), offset + _WINDOW)


def words_after(document: Document, hit: Hit, n: int) -> list[str]:
    """Up to ``n`` words following ``hit`` in its sentence."""
    return [m.group() for m in word_matches_after(document, hit, n)]


def word_matches_after(document: Document, hit: Hit, n: int) -> list[re.Match[str]]:
    """Up to ``n`` words following ``hit`` in its sentence, with their offsets."""
    _, stop = sentence_bounds(document, hit.sentence, hit.end)
    found = []
    for m in WORD.finditer(document.text, hit.end, min(stop, hit.end + _WINDOW)):
        found.append(m)
        if len(found) == n:
            break
    return found


def words_before(document: Document, hit: Hit, n: int) -> list[str]:
    """Up to ``n`` words preceding ``hit`` in its sentence, nearest last."""
    begin, _ = sentence_bounds(document, hit.sentence, hit.start)
    low, text = max(begin, hit.start - _WINDOW), document.text
    # Words never contain white space, so the words after any white space in
    # the window are the same whether scanning starts there or at ``low``:
    # look at the last few dozen characters first, and at all of them only
    # when those hold fewer than ``n`` words.
    near = hit.start - _NEAR
    if near > low:
        space = _SPACE.search(text, near, hit.start)
        if space is not None:
            words = WORD.findall(text, space.end(), hit.start)
            if len(words) >= n:
                return words[-n:]
    return WORD.findall(text, low, hit.start)[-n:]


def last_word_before(document: Document, hit: Hit) -> str | None:
    """The word right before ``hit`` in its sentence (``words_before(document, hit, 1)``), or None.

    Most words before a match are plain runs of letters after a space: those are
    cut out directly, and only the rest is left to the word pattern. About twenty
    rules per article ask this ("is the word before a determiner?").
    """
    text = document.text
    begin, _ = sentence_bounds(document, hit.sentence, hit.start)
    low = max(begin, hit.start - _WINDOW)
    end = hit.start
    while end > low and text[end - 1].isspace():
        end -= 1
    if end == low:
        return None
    word = text[text.rfind(" ", low, end) + 1 or low:end]
    if word.isalnum():  # a run of letters or digits with a space (or the window's edge) before it
        return word
    words = words_before(document, hit, 1)
    return words[0] if words else None


def is_number(word: str, number_words: frozenset[str]) -> bool:
    """Digits ("30,000", "1.5") or a number word of the language ("thirty", "hundreds")."""
    return word[:1].isdigit() or word.lower() in number_words


def is_sentence_initial(document: Document, hit: Hit) -> bool:
    """Whether ``hit`` is the first word of its sentence (quotes and brackets aside)."""
    begin, _ = sentence_bounds(document, hit.sentence, hit.start)
    return not WORD.search(document.text, begin, hit.start)
