"""Find quotations: which characters are the outlet's words and which are someone else's.

Works on the original text, one paragraph (line) at a time. The hard cases:

- ``’`` is both a closing quote and an apostrophe (Clinton’s, MBM’s,
  Associates’). Between two letters or digits it is always an apostrophe; it
  closes a quotation only when a single quotation is open.
- Quotations nest (‘... the group ‘Signatories blood’, sending ...’).
- An opening double mark (“ " « „) left unclosed runs to the end of its
  paragraph (a garbled transcript). An unclosed single mark (‘ ') is too
  ambiguous with apostrophes and abbreviations ('90s) and is dropped.

>>> [q.text for q in find_quotations("He said: \u2018the group \u2018Signatories blood\u2019, sending a message\u2019.")]
['\u2018the group \u2018Signatories blood\u2019, sending a message\u2019', '\u2018Signatories blood\u2019']
"""
from __future__ import annotations

import re
from bisect import bisect_right
from typing import NamedTuple

from .lines import line_spans

# Characters after which a mark may open a quotation (besides white space).
_OPEN_CONTEXT = frozenset("([{<\u2014\u2013-/:;\u201c\u201e\u2018\u201a\u00ab\u2039\"'")
_MAX_DEPTH = 16
_MARK = re.compile("[\"'\u201c\u201d\u201e\u2018\u2019\u201a\u00ab\u00bb\u2039\u203a]")

DOUBLE, SINGLE, GUILLEMET = "double", "single", "guillemet"


class Quotation(NamedTuple):
    """A quotation from its opening mark to its closing mark (both included)."""

    start: int
    end: int
    depth: int
    closed: bool
    text: str


def find_quotations(text: str) -> list[Quotation]:
    """All quotations in ``text``, outermost first within each paragraph, by start."""
    found: list[Quotation] = []
    for start, end in line_spans(text):
        if _MARK.search(text, start, end):  # most paragraphs quote no one
            found.extend(_quotations_in_line(text, start, end))
    found.sort(key=lambda q: (q.start, -q.end))
    return found


def introducing_colon(text: str, start: int) -> int:
    """Offset of a colon right before ``start`` (spaces and tabs aside), or -1: a quotation
    introduced by a colon ("It says: ‘...’") is the source's words, presented as such."""
    i = start - 1
    while i >= 0 and text[i] in " \t":
        i -= 1
    return i if i >= 0 and text[i] == ":" else -1


def quoted_intervals(quotations: list[Quotation]) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """The outermost quotations as sorted, disjoint ``(starts, ends)``."""
    starts: list[int] = []
    ends: list[int] = []
    for q in quotations:
        if q.depth == 1:
            starts.append(q.start)
            ends.append(q.end)
    return tuple(starts), tuple(ends)


def is_quoted(intervals: tuple[tuple[int, ...], tuple[int, ...]], start: int, end: int) -> bool:
    """Whether the span ``[start, end)`` lies inside a quotation (its first character decides)."""
    starts, ends = intervals
    k = bisect_right(starts, start) - 1
    return k >= 0 and start < ends[k]


def _quotations_in_line(text: str, begin: int, stop: int) -> list[Quotation]:
    stack: list[tuple[int, str, str]] = []  # (offset, kind, opening mark)
    out: list[Quotation] = []

    def close(k: int, end: int) -> None:
        offset, kind, _ = stack[k]
        del stack[k:]
        if kind == SINGLE and end - offset <= 3:
            return  # 'n' in rock 'n' roll: too short to be a quotation
        out.append(Quotation(offset, end, k + 1, True, text[offset:end]))

    def find(kinds: tuple[str, ...]) -> int:
        for k in range(len(stack) - 1, -1, -1):
            if stack[k][1] in kinds:
                return k
        return -1

    def push(i: int, kind: str, mark: str) -> None:
        if len(stack) < _MAX_DEPTH:
            stack.append((i, kind, mark))

    for mark in _MARK.finditer(text, begin, stop):
        i = mark.start()
        ch = text[i]
        prev = text[i - 1] if i > begin else " "
        nxt = text[i + 1] if i + 1 < stop else " "
        if (ch == "\u2019" or ch == "'") and prev.isalnum() and nxt.isalnum():
            continue  # an apostrophe inside a word (Clinton’s), the commonest mark: settled first
        opens = (prev.isspace() or prev in _OPEN_CONTEXT) and not nxt.isspace()
        after_word = not prev.isspace()
        if ch == "\u00ab" or ch == "\u2039":
            push(i, GUILLEMET, ch)
        elif ch == "\u00bb" or ch == "\u203a":
            k = find((GUILLEMET,))
            if k >= 0:
                close(k, i + 1)
            elif opens:  # German style: »…«
                push(i, GUILLEMET, ch)
        elif ch == "\u201e":
            push(i, DOUBLE, ch)
        elif ch == "\u201c":
            k = find((DOUBLE,))
            if k >= 0 and stack[k][2] == "\u201e" and after_word:
                close(k, i + 1)
            elif opens or not after_word:
                push(i, DOUBLE, ch)
            elif k >= 0:
                close(k, i + 1)
        elif ch == "\u201d":
            k = find((DOUBLE,))
            if k >= 0 and not (opens and stack[k][2] == "\u201d"):
                close(k, i + 1)
            elif opens:
                push(i, DOUBLE, ch)
        elif ch == '"':
            k = find((DOUBLE,))
            if k >= 0 and after_word:
                close(k, i + 1)
            elif opens:
                push(i, DOUBLE, ch)
            elif k >= 0 and not nxt.isalnum():
                close(k, i + 1)
        elif ch in "\u2018\u201a":
            if opens:
                push(i, SINGLE, ch)
        else:  # ’ or ', not inside a word
            if ch == "'" and opens:
                push(i, SINGLE, ch)
            elif after_word and (k := find((SINGLE,))) >= 0:
                close(k, i + 1)
    # Unclosed: the outermost open double mark runs to the end of the paragraph.
    end = stop
    while end > begin and text[end - 1].isspace():
        end -= 1
    for k, (offset, kind, _) in enumerate(stack):
        if kind != SINGLE:
            depth = sum(1 for q in stack[:k] if q[1] != SINGLE) + 1
            out.append(Quotation(offset, end, depth, False, text[offset:end]))
            break
    return _fix_depths(out)


def _fix_depths(quotations: list[Quotation]) -> list[Quotation]:
    """Recompute depth from containment, since dropped single marks leave gaps."""
    if len(quotations) == 1 and quotations[0].depth == 1:
        return quotations  # a line's only quotation (the common case) is outermost as it stands
    ordered = sorted(quotations, key=lambda q: (q.start, -q.end))
    result: list[Quotation] = []
    open_ends: list[int] = []
    for q in ordered:
        while open_ends and open_ends[-1] <= q.start:
            open_ends.pop()
        depth = len(open_ends) + 1
        result.append(q if q.depth == depth else q._replace(depth=depth))
        open_ends.append(q.end)
    return result
