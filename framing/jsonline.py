"""A profile as one JSON line: orjson when it is installed, the standard library otherwise.

Both write the same compact form (no spaces after ``,`` and ``:``, non-ASCII
characters as themselves), so a JSONL file does not depend on which one ran;
compact, because orjson can write no other. orjson (the extra ``fast``)
encodes a profile of about a hundred evidence items roughly ten times faster,
which the figures of issue 16 in ``benchmarks/RESULTS.md`` measure.

The one difference left: a float under 1e-4 or from 1e16 up is written by
the standard library in exponent form (``1e-05``) and by orjson in full
(``0.00001``); both read back as the same number.
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
# JSON allows these raw in strings, yet readers that split lines on them (Python's
# ``str.splitlines``, JavaScript before ES2019) would cut a JSONL record in two.
_LINE_SEPARATORS = {0x2028: "\\u2028", 0x2029: "\\u2029", 0x85: "\\u0085"}
_HAS_LINE_SEPARATOR = re.compile("[\u2028\u2029\x85]")


def escape_line_separators(text: str) -> str:
    """``text`` (JSON) with U+2028, U+2029 and U+0085 escaped, so it stays one line for every reader."""
    return text.translate(_LINE_SEPARATORS) if _HAS_LINE_SEPARATOR.search(text) else text


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
