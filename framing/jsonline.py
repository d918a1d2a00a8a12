"""A profile as one JSON line: orjson when it is installed, the standard library otherwise.

Both write the same compact form (no spaces after ``,`` and ``:``, non-ASCII
characters as themselves), so a JSONL file does not depend on which one ran;
compact, because orjson can write no other. orjson (the extra ``fast``)
encodes a profile of about a hundred evidence items roughly ten times faster,
which the figures of issue 16 in ``benchmarks/RESULTS.md`` measure.

The one difference left: a float under 1e-4 or from 1e16 up is written by
the standard library in exponent form (``1e-05``) and by orjson in full
(``0.00001``); both read back as the same number.

Indented JSON (``dumps_indented``: ``framing compare --format json``,
``framing score --format json``) is the same bytes either way: orjson's
two-space indentation matches the standard library's ``indent=2``, and the
floats it writes otherwise (from 1e-9 to under 1e-4: ``0.00001``, ``1.5e-7``
for the standard library's ``1e-05``, ``1.5e-07``) are rewritten in the
standard library's form; each is the last thing on its line, where no string
can be. Not the same: NaN and infinities, which the standard library writes as
``NaN`` and ``Infinity`` (not JSON at all) and orjson as ``null``; what orjson
refuses (keys that are not strings, integers beyond 64 bits, numpy scalars,
lone surrogates) goes to the standard library whole.
"""
from __future__ import annotations

import json
import re
from typing import Any

try:
    import orjson
except ImportError:  # the extra is not installed: the pure path
    orjson = None  # type: ignore[assignment]

SEPARATORS = (",", ":")
# Floats orjson writes unlike the standard library, each closing its line of indented JSON.
_ORJSON_ONLY_FLOATS = (re.compile(r"0\.0000[0-9]*(?=,?\n|,?\Z)"), re.compile(r"e-[0-9](?=,?\n|,?\Z)"))
_NUMBER_CHARACTERS = frozenset("0123456789.-+e")
# JSON allows these raw in strings, yet readers that split lines on them (Python's
# ``str.splitlines``, JavaScript before ES2019) would cut a JSONL record in two.
_LINE_SEPARATORS = {0x2028: "\\u2028", 0x2029: "\\u2029", 0x85: "\\u0085"}


def escape_line_separators(text: str) -> str:
    """``text`` (JSON) with U+2028, U+2029 and U+0085 escaped, so it stays one line for every reader.

    Looked for with ``in``, one character at a time, not with a character class: the
    regex engine tried the class at each of a profile's some 20,000 characters (80 us
    per profile, 3% of ``framing score``), where ``in`` searches in C at memory speed,
    and at once knows that a string of narrower characters cannot hold U+2028."""
    if "\u2028" in text or "\u2029" in text or "\x85" in text:
        return text.translate(_LINE_SEPARATORS)
    return text


def dumps_line(record: Any) -> str:
    """``record`` as JSON text without line breaks (orjson if installed).

    >>> dumps_line({"text": "Kyiv – Київ", "start": 0, "share": 0.5})
    '{"text":"Kyiv – Київ","start":0,"share":0.5}'
    """
    if orjson is not None:
        try:
            return escape_line_separators(orjson.dumps(record).decode("utf-8"))
        except orjson.JSONEncodeError:
            pass  # what orjson refuses (integers beyond 64 bits, lone surrogates): the standard library decides
    return dumps_line_pure(record)


def dumps_line_pure(record: Any) -> str:
    """``record`` as the standard library writes it in the same compact form."""
    return escape_line_separators(json.dumps(record, ensure_ascii=False, separators=SEPARATORS))


def dumps_indented(record: Any) -> str:
    """``record`` as JSON indented by two spaces, non-ASCII kept: the bytes of
    ``json.dumps(record, ensure_ascii=False, indent=2)``, written by orjson when installed.

    >>> dumps_indented({"share": 0.00002, "n": [1]}) == dumps_indented_pure({"share": 0.00002, "n": [1]})
    True
    """
    if orjson is not None:
        try:
            text = orjson.dumps(record, option=orjson.OPT_INDENT_2).decode("utf-8")
        except orjson.JSONEncodeError:
            pass  # what orjson refuses: the standard library decides
        else:
            return _standard_floats(text)
    return dumps_indented_pure(record)


def dumps_indented_pure(record: Any) -> str:
    """``record`` as the standard library indents it (two spaces, non-ASCII kept)."""
    return json.dumps(record, ensure_ascii=False, indent=2)


def _standard_floats(text: str) -> str:
    """orjson's indented ``text`` with each float it writes its own way (1e-9 to under 1e-4)
    written as the standard library does. Such a float ends its line (no string can: a string
    ends with a quote) and starts after a space or at the very start (a value, not a key)."""
    fixes: dict[int, tuple[int, str]] = {}
    for pattern in _ORJSON_ONLY_FLOATS:
        for match in pattern.finditer(text):
            start = match.start()
            while start > 0 and text[start - 1] in _NUMBER_CHARACTERS:
                start -= 1
            if start == 0 or text[start - 1] == " ":
                fixes[start] = (match.end(), repr(float(text[start:match.end()])))
    if not fixes:
        return text
    pieces, at = [], 0
    for start in sorted(fixes):
        end, number = fixes[start]
        pieces += [text[at:start], number]
        at = end
    pieces.append(text[at:])
    return "".join(pieces)
