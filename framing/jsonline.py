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
from typing import Any

try:
    import orjson
except ImportError:  # the extra is not installed: the pure path
    orjson = None  # type: ignore[assignment]

SEPARATORS = (",", ":")


def dumps_line(record: Any) -> str:
    """``record`` as JSON text without line breaks (orjson if installed).

    >>> dumps_line({"text": "Kyiv – Київ", "start": 0, "share": 0.5})
    '{"text":"Kyiv – Київ","start":0,"share":0.5}'
    """
    if orjson is not None:
        try:
            return orjson.dumps(record).decode("utf-8")
        except orjson.JSONEncodeError:
            pass  # what orjson refuses (integers beyond 64 bits, lone surrogates): the standard library decides
    return dumps_line_pure(record)


def dumps_line_pure(record: Any) -> str:
    """``record`` as the standard library writes it in the same compact form."""
    return json.dumps(record, ensure_ascii=False, separators=SEPARATORS)
