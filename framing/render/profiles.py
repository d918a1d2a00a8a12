"""Write profiles as JSON, JSONL, CSV or a text table, streaming, to stdout or a file.

A file is written atomically: to a temporary file beside it, renamed into
place only when everything was written, so a failure never leaves half a file.
"""
from __future__ import annotations

import csv
import json
import os
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any, Callable, Iterable, Iterator, Mapping

from ..cells import dict_writer
from ..jsonline import dumps_indented, dumps_line, escape_line_separators
from ..flat import ERROR_SCHEMA, flat_columns, flat_row
from ..glossary import GLOSSARY
from ..terminal import cut, safe_terminal

FORMATS = ("json", "jsonl", "csv", "table")


Record = dict[str, Any]


def is_error(record: Record) -> bool:
    return record.get("schema") == ERROR_SCHEMA


def write_output(items: Iterable[Record | str], fmt: str, path: str | None, *, axes: Iterable[str] = (),
                 readability: bool = False, poles: Mapping[str, tuple[str, str]] | None = None) -> None:
    """Write ``items`` in ``fmt`` to ``path`` (atomically) or to stdout. An item may arrive
    as its JSON line (a str) only for ``jsonl``. CSV columns are fixed before the first row:
    ``axes`` are the naming axes that get columns, ``readability`` adds Flesch reading ease.
    ``poles`` (axis: what -1 and +1 stand for) lets the table say what its stances mean."""
    columns = list(flat_columns(axes, readability=readability))

    def writer(stream: IO[str]) -> None:
        if fmt == "csv":
            _write_csv(items, stream, columns, tuple(axes))
        elif fmt == "table":
            _write_table(items, stream, poles or {})
        else:
            _WRITERS[fmt](items, stream)

    if path is None or path == "-":
        writer(sys.stdout)
        sys.stdout.flush()
        return
    with atomic_file(Path(path)) as stream:
        writer(stream)


@contextmanager
def atomic_file(path: Path) -> Iterator[IO[str]]:
    """A text stream whose content replaces ``path`` only if the block completes.

    A path that exists and is not a regular file (``/dev/null``, a named pipe,
    ``/dev/stdout``) is written in place: renaming over it would replace the
    device or pipe with a file, and there is no half-written file to fear.
    """
    if path.exists() and not path.is_file():
        with path.open("w", encoding="utf-8", newline="") as stream:
            yield stream
        return
    handle, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent or ".")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as stream:
            yield stream
            stream.flush()
            os.fsync(stream.fileno())
        # mkstemp creates the file private; give it the mode an ordinary write would.
        os.chmod(temp, path.stat().st_mode & 0o777 if path.exists() else 0o644)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def json_text(record: Any, *, indent: int | None = None) -> str:
    """``record`` as JSON, non-ASCII kept as text but the line and paragraph separators
    (U+2028, U+2029, U+0085) escaped: JSON allows them raw in strings, yet readers that
    split lines on them (Python's ``str.splitlines``, JavaScript before ES2019) would cut a
    JSONL record in two."""
    if indent is None:
        return dumps_line(record)  # compact, through orjson when installed (see jsonline)
    if indent == 2:
        return escape_line_separators(dumps_indented(record))  # orjson when installed, the same bytes
    return escape_line_separators(json.dumps(record, ensure_ascii=False, indent=indent))


def _write_jsonl(items: Iterable[Record | str], stream: IO[str]) -> None:
    """One record a line; a record that arrives already encoded (a str) is written as it is."""
    for item in items:
        stream.write((item if isinstance(item, str) else json_text(item)) + "\n")


def _write_json(items: Iterable[Record], stream: IO[str]) -> None:
    stream.write("[")
    for n, item in enumerate(items):
        stream.write(",\n" if n else "\n")
        stream.write(json_text(item, indent=2))
    stream.write("\n]\n")


def _write_csv(items: Iterable[Any], stream: IO[str], columns: list[str], axes: tuple[str, ...]) -> None:
    """One flat row (``framing.flat``) per record, under a header of ``columns``; cells are
    formula-safe and lone CRs quoted (``framing.cells``)."""
    writer = dict_writer(stream, columns)
    writer.writeheader()
    for item in items:
        writer.writerow(flat_row(item, axes))


TABLE_LEGEND = (
    ("words", GLOSSARY["body words"]),
    ("hedges/1k", "own-voice hedges per 1,000 body words (" + GLOSSARY["rate"].split("(", 1)[1]),
    ("quoted", GLOSSARY["quoted share"]),
    ("naming stance", GLOSSARY["naming stance"] + "; in brackets own-voice/quoted mentions"),
)


def _write_table(items: Iterable[Any], stream: IO[str], poles: Mapping[str, tuple[str, str]]) -> None:
    """A line per article, then a legend saying what each column counts and what -1 and +1
    mean on each naming axis that appeared."""
    header = (f"{'id':<32} {'lang':<4} {'words':>6} {'hedges/1k':>9} {'quoted':>7}  "
              "naming stance (own-voice/quoted mentions)")
    stream.write(header + "\n" + "-" * len(header) + "\n")
    seen: dict[str, None] = {}
    for item in items:
        if is_error(item):
            stream.write(f"{cut(item['id'], 32)} ERROR {safe_terminal(item['error'], one_line=True)}\n")
            continue
        seen.update(dict.fromkeys(item["naming"]))
        stances = ", ".join(
            f"{axis} {'n/a' if v['stance'] is None else format(v['stance'], '+.2f')}"
            f" ({v['mentions']['unquoted']}/{v['mentions']['quoted']})"
            for axis, v in item["naming"].items()) or "-"
        share = item["features"]["attribution"]["quoted_share"]
        rate = item["features"]["hedge"]["per_1000_words"]
        hedges = "n/a" if rate is None else format(rate, ".1f")
        stream.write(f"{cut(item['id'], 32)} {item['language']:<4} {item['words']:>6} {hedges:>9} {share:>7.1%}  "
                     f"{stances}\n")
    stream.write("\n" + "".join(f"{column}: {line}\n" for column, line in TABLE_LEGEND))
    for axis in seen:
        if axis in poles:
            negative, positive = poles[axis]
            stream.write(safe_terminal(f"  {axis}: -1 = {negative}, +1 = {positive}", one_line=True) + "\n")


_WRITERS: dict[str, Callable[[Iterable[Any], IO[str]], None]] = {"json": _write_json, "jsonl": _write_jsonl}
