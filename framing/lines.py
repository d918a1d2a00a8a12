"""Where the lines of a text are: the paragraphs that layout and quotation finding both walk.

A line is a maximal run of characters other than the line breaks ``\\n``, ``\\r``, U+2028 and
U+2029 (``[^\\n\\r\\u2028\\u2029]+``). Split on ``\\n`` in C when the text has no other break
(nearly all text), which takes a third of the time of the regex's scan.
"""
from __future__ import annotations

import re

LINE = re.compile(r"[^\n\r\u2028\u2029]+")


def line_spans(text: str) -> list[tuple[int, int]]:
    """``[m.span() for m in LINE.finditer(text)]``: each non-empty line's start and end."""
    if "\r" in text or "\u2028" in text or "\u2029" in text:
        return [m.span() for m in LINE.finditer(text)]
    spans = []
    start = 0
    for piece in text.split("\n"):
        end = start + len(piece)
        if end > start:
            spans.append((start, end))
        start = end + 1
    return spans
