"""Text from the input made safe to print on a terminal.

Ids, titles and messages come from the articles: an ESC or OSC sequence in one
would move the cursor, retitle the window or hide what follows when printed.
Control characters are shown escaped (``\\x1b``), so nothing is lost and no
sequence can be left open, even in a cut-off id.
"""
from __future__ import annotations

import os
import re
from pathlib import Path

# C0 controls but tab and newline, DEL, C1 controls, and the bidirectional overrides
# and isolates that reorder what follows them on screen.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_LINE_BREAKS = re.compile("[\t\n\r\u2028\u2029]")  # and tabs, which break a table's columns
_ESCAPE_SPLIT = re.compile(r"(\\x[0-9a-f]{2}|\\u[0-9a-f]{4})")


def safe_terminal(text: str, *, one_line: bool = False) -> str:
    """``text`` with control characters written as escapes; with ``one_line``, line breaks and tabs too.

    >>> safe_terminal("id\\x1b[2J\\x9b31m")
    'id\\\\x1b[2J\\\\x9b31m'
    """
    if one_line:
        text = _LINE_BREAKS.sub(_escape, text)
    return _CONTROL.sub(_escape, text)


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def cut(text: str, width: int) -> str:
    """The first ``width`` characters of ``text`` made safe, padded: escapes are made before
    cutting and an escape is never cut in half.

    >>> cut("ab\\x1bcd", 4)
    'ab  '
    """
    out, used = [], 0
    for piece in _ESCAPE_SPLIT.split(safe_terminal(text, one_line=True).replace("\t", "\\x09")):
        if used + len(piece) > width:
            if piece.startswith("\\"):
                break
            piece = piece[:width - used]
        out.append(piece)
        used += len(piece)
    return "".join(out).ljust(width)


def display_path(path: str | Path) -> str:
    """A path as text that prints: bytes that are not UTF-8 (kept by Python as lone surrogates,
    which no UTF-8 stream accepts) shown as ``\\xff`` escapes, and control characters escaped."""
    raw = os.fsencode(path)
    return safe_terminal(raw.decode("utf-8", "backslashreplace"), one_line=True)
