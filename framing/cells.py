"""CSV that a spreadsheet opens as data: no formulas from article data, no rows split by a CR.

Ids, titles, outlets and error messages come from the input. A cell that
starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is run as a
formula by spreadsheet programs (CSV injection): such a text cell gets a
leading ``'``, as OWASP advises, unless it is a plain number. Numbers stay
numbers. A carriage return inside a field is quoted (Python's writer quotes
only the characters of its line terminator, ``\\n`` here), so that a reader
never takes it for the end of a row.
"""
from __future__ import annotations

import csv
import re
from typing import IO, Any, Iterable, Mapping

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")


def spreadsheet_cell(value: Any) -> Any:
    """``value`` unchanged, or a text that would start a formula prefixed with ``'``.

    >>> spreadsheet_cell("=HYPERLINK(1)"), spreadsheet_cell("-0.5"), spreadsheet_cell(-0.5)
    ("'=HYPERLINK(1)", '-0.5', -0.5)
    """
    if isinstance(value, str) and value.startswith(_FORMULA_START) and not _PLAIN_NUMBER.fullmatch(value):
        return "'" + value
    return value


class _NewlineRows:
    """A stream for ``csv.writer`` with a ``\\r\\n`` terminator, so that CRs in fields are
    quoted, that writes each row ending in ``\\n`` as framing's CSV always has."""

    def __init__(self, stream: IO[str]):
        self._stream = stream

    def write(self, row: str) -> int:
        return self._stream.write(row[:-2] + "\n" if row.endswith("\r\n") else row)


def dict_writer(stream: IO[str], fieldnames: Iterable[str]) -> "SafeDictWriter":
    """A ``csv.DictWriter`` whose rows are made safe by ``spreadsheet_cell``."""
    return SafeDictWriter(_NewlineRows(stream), fieldnames=list(fieldnames), lineterminator="\r\n")


class SafeDictWriter(csv.DictWriter):
    def writerow(self, rowdict: Mapping[Any, Any]) -> Any:
        return super().writerow({key: spreadsheet_cell(value) for key, value in rowdict.items()})

    def writerows(self, rowdicts: Iterable[Mapping[Any, Any]]) -> None:
        for row in rowdicts:
            self.writerow(row)
