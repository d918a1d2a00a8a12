"""Read articles from files, folders, JSONL, CSV and standard input, one at a time.

Reading streams: a batch of any size is read lazily, and a bad record becomes
a ``ReadFailure`` in the stream instead of an exception, so one unreadable
article never stops the others.
"""
from __future__ import annotations

import codecs
import csv
import io
import json
import os
import re
import stat
import sys
import tomllib
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, BinaryIO, Iterable, Iterator

from .decoding import check_text, decode_bytes
from .errors import InputError

MAX_ARTICLE_BYTES = 10 * 1024 * 1024
TEXT_SUFFIXES = frozenset({".txt", ".text"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
CSV_SUFFIXES = frozenset({".csv"})
ARTICLE_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES | CSV_SUFFIXES
RECORD_FIELDS = ("id", "text", "title", "outlet", "date", "language", "url")
STDIN_FORMATS = ("auto", "jsonl", "text")
STDIN_ID = "<stdin>"


@dataclass(frozen=True)
class Article:
    """One article as read: its text exactly as decoded, and what is known about it."""

    id: str
    text: str
    title: str | None = None
    outlet: str | None = None
    date: str | None = None
    language: str | None = None
    url: str | None = None
    source: str | None = None
    encoding: str | None = None
    notes: tuple[str, ...] = field(default=())


@dataclass(frozen=True)
class ReadFailure:
    """An input that could not be read, with the reason; the batch goes on without it."""

    id: str
    source: str
    error: str

    def to_dict(self) -> dict[str, Any]:
        return {"schema": "framing.error/1", "id": self.id, "source": self.source, "error": self.error}


def article_from_text(text: str, *, id: str = "text", title: str | None = None,
                      language: str | None = None, **meta: Any) -> Article:
    """An ``Article`` from a Python string (HTML is refused here unless extracted first)."""
    if not isinstance(text, str):
        raise InputError(f"{id}: text must be a str, not {type(text).__name__}"
                         + ("; decode bytes first or use read_paths()" if isinstance(text, bytes) else ""))
    check_text(text, name=id)
    return Article(id=id, text=text, title=title, language=language, **meta)


@dataclass(frozen=True)
class Fields:
    """Which column or key of a CSV or JSONL input holds each record field: ``Fields(text="body",
    id="url")`` reads ``body`` as the text and ``url`` as the id. A standard name whose role
    another column took (``text`` when ``text="body"``) is set aside, not read twice."""

    text: str = "text"
    id: str = "id"
    outlet: str = "outlet"
    title: str = "title"
    date: str = "date"

    def canonical(self, column: str) -> str:
        """The record field ``column`` stands for (its own name when it plays no role)."""
        for standard, given in vars(self).items():
            if column == given:
                return standard
        if column in vars(self) and vars(self)[column] != column:
            return f"{column} (not read: --{column}-field names another)"
        return column

    def rename(self, record: dict[str, Any]) -> dict[str, Any]:
        """``record`` with its keys under the names framing reads."""
        if self == DEFAULT_FIELDS:
            return record
        return {self.canonical(key): value for key, value in record.items()}


DEFAULT_FIELDS = Fields()


def read_paths(paths: Iterable[str | Path], *, encoding: str | None = None, stdin: BinaryIO | None = None,
               fields: Fields = DEFAULT_FIELDS, stdin_format: str = "auto",
               skipped: list[str] | None = None) -> Iterator[Article | ReadFailure]:
    """Every article under ``paths`` (files, folders recursively, ``-`` for standard input).

    Standard input is read as JSONL when its first line is a JSON object and as
    one plain-text article otherwise (``stdin_format="auto"``; ``"jsonl"`` or
    ``"text"`` say which); the article read as text says so in its ``notes``.
    ``fields`` names the columns of CSV and JSONL records. Files a folder scan
    passes over (not an article type: ``.pdf``, ``.md``...) are appended to
    ``skipped`` when a list is given, so a caller can say how many there were.
    """
    if stdin_format not in STDIN_FORMATS:
        raise ValueError(f"stdin_format must be one of {STDIN_FORMATS}, not {stdin_format!r}")
    for raw in paths:
        name = text_name(raw)
        if name == "-":
            stream = stdin if stdin is not None else sys.stdin.buffer
            yield from _read_stdin(stream, encoding, fields, stdin_format)
            continue
        path = Path(raw)
        if path.is_dir():
            yield from _read_folder(path, encoding, fields, skipped)
        elif path.exists():
            yield from _read_file(path, text_name(path.name), encoding, fields)
        else:
            yield ReadFailure(name, name, f"{name}: no such file or folder")


_JSON_OBJECT_START = re.compile(rb"\s*(?:\xef\xbb\xbf)?\s*\{")


def _read_stdin(stream: BinaryIO, encoding: str | None, fields: Fields,
                stdin_format: str) -> Iterator[Article | ReadFailure]:
    """Standard input as JSONL or as one plain-text article (see ``read_paths``)."""
    if stdin_format == "jsonl":
        yield from _read_jsonl_stream(stream, STDIN_ID, encoding, fields)
        return
    head: list[bytes] = []
    wide = False
    if stdin_format == "auto":
        for line in iter(stream.readline, b""):
            head.append(line)
            wide = line.startswith(_WIDE_BOMS) or (encoding is not None and _is_wide(encoding))
            if wide or line.strip():
                break
        if not wide and head and _JSON_OBJECT_START.match(head[-1]):
            yield from _read_jsonl_stream(_Replay(head, stream), STDIN_ID, encoding, fields)
            return
    data = b"".join(head) + stream.read(MAX_ARTICLE_BYTES + 1 - sum(map(len, head)))
    try:
        if len(data) > MAX_ARTICLE_BYTES:
            raise InputError(f"{STDIN_ID}: larger than the {MAX_ARTICLE_BYTES // (1024 * 1024)} MB limit for one "
                             "article; pipe JSONL records (one article a line) instead")
        decoded = decode_bytes(data, name=STDIN_ID, encoding=encoding)
        if wide and stdin_format == "auto" and decoded.text.lstrip("\ufeff \t\r\n").startswith("{"):
            yield from _read_jsonl_stream(io.BytesIO(data), STDIN_ID, encoding, fields)
            return
        check_text(decoded.text, name=STDIN_ID)
    except InputError as exc:
        yield ReadFailure(STDIN_ID, STDIN_ID, str(exc))
        return
    notes: tuple[str, ...] = ("standard input read as one plain-text article"
             + (" (its first line is not a JSON object; --stdin-format jsonl reads it as JSONL)"
                if stdin_format == "auto" else ""),)
    if decoded.fallback:
        notes += (f"decoded with the fallback encoding {decoded.encoding}",)
    yield Article(id=STDIN_ID, text=decoded.text, source=STDIN_ID, encoding=decoded.encoding, notes=notes)


class _Replay:
    """A byte stream whose first lines were already read (to sniff its format), replayed first."""

    def __init__(self, head: list[bytes], rest: BinaryIO):
        self._head = list(head)
        self._rest = rest

    def readline(self) -> bytes:
        return self._head.pop(0) if self._head else self._rest.readline()

    def read(self, size: int = -1) -> bytes:
        head, self._head = b"".join(self._head), []
        return head + self._rest.read(size)

    def __iter__(self) -> Iterator[bytes]:
        while self._head:
            yield self._head.pop(0)
        yield from self._rest


MANIFEST = "manifest.toml"
MANIFEST_FIELDS = ("outlet", "date", "url")


def read_manifest(root: Path) -> dict[str, dict[str, Any]]:
    """``manifest.toml`` of a corpus folder: per article id, outlet, date and url.

    The language is deliberately not taken from it: framing identifies it.
    """
    path = root / MANIFEST
    if not path.is_file():
        return {}
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise InputError(f"{text_name(path)}: unreadable manifest: {exc}") from None
    out = {}
    for record in data.get("article", []):
        if isinstance(record, dict) and isinstance(record.get("id"), str):
            out[record["id"]] = {k: str(record[k]) for k in MANIFEST_FIELDS if record.get(k)}
    return out


def _read_folder(root: Path, encoding: str | None, fields: Fields = DEFAULT_FIELDS,
                 skipped: list[str] | None = None) -> Iterator[Article | ReadFailure]:
    # Symbolic links to folders are not followed, so link loops cannot recurse.
    try:
        manifest = read_manifest(root)
    except InputError as exc:
        yield ReadFailure(text_name(root / MANIFEST), text_name(root), str(exc))
        manifest = {}
    def on_error(exc: OSError) -> None:
        failures.append(ReadFailure(text_name(exc.filename), text_name(exc.filename),
                                    f"{text_name(exc.filename)}: {exc.strerror}"))

    failures: list[ReadFailure] = []
    for folder, subfolders, files in os.walk(root, onerror=on_error):
        subfolders[:] = sorted(d for d in subfolders if not d.startswith("."))
        yield from failures
        failures.clear()
        for file_name in sorted(files):
            path = Path(folder) / file_name
            if file_name.startswith("."):
                continue
            if path.suffix.lower() not in ARTICLE_SUFFIXES:
                if skipped is not None and not (folder == str(root) and file_name == MANIFEST):
                    skipped.append(text_name(path))
                continue
            special = _special_file(path)
            if special:  # a named pipe would block the batch forever, a device never end
                yield ReadFailure(text_name(path.relative_to(root).as_posix()), text_name(path),
                                  f"{text_name(path)}: {special}, not a regular file: skipped")
                continue
            for item in _read_file(path, text_name(path.relative_to(root).as_posix()), encoding, fields):
                meta = manifest.get(item.id) if isinstance(item, Article) else None
                yield replace(item, **meta) if meta and isinstance(item, Article) else item
    yield from failures


def text_name(path: str | Path) -> str:
    """A file name as text that any UTF-8 stream can write: bytes that are not UTF-8 (which
    Python keeps as lone surrogates) become ``\\xff`` escapes, the same every run."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def _special_file(path: Path) -> str | None:
    """What ``path`` is when it is not a regular file (a FIFO, a device, a socket), else None."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return None  # reading it reports why
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "a special file"


def _read_file(path: Path, article_id: str, encoding: str | None,
               fields: Fields = DEFAULT_FIELDS) -> Iterator[Article | ReadFailure]:
    suffix = path.suffix.lower()
    name = text_name(path)
    try:
        if suffix in JSONL_SUFFIXES:
            with path.open("rb") as stream:
                yield from _read_jsonl_stream(stream, name, encoding, fields)
            return
        if suffix in CSV_SUFFIXES:
            # The limit is per article (per row), not per file: a CSV is a batch.
            with path.open("rb") as stream:
                data = stream.read()
            yield from _read_csv(decode_bytes(data, name=name, encoding=encoding).text, name, article_id, fields)
            return
        data = _read_bounded(path)
        decoded = decode_bytes(data, name=name, encoding=encoding)
        notes: tuple[str, ...] = (f"decoded with the fallback encoding {decoded.encoding}",) if decoded.fallback else ()
        text = decoded.text
        meta: dict[str, str] = {}
        # Only a file that says it is HTML is extracted: text that mentions a few tags
        # stays text (sniffing gutted articles about web pages).
        if suffix in HTML_SUFFIXES:
            text, meta = extract_html_page(text, name=name)
            notes += (HTML_NOTE,)
        yield Article(id=article_id, text=text, source=name, encoding=decoded.encoding, notes=notes, **meta)
    except InputError as exc:
        yield ReadFailure(article_id, name, str(exc))
    except OSError as exc:
        yield ReadFailure(article_id, name, f"{name}: {exc.strerror or exc}")


def _read_bounded(path: Path) -> bytes:
    with path.open("rb") as stream:
        data = stream.read(MAX_ARTICLE_BYTES + 1)
    if len(data) > MAX_ARTICLE_BYTES:
        raise InputError(f"{text_name(path)}: larger than the {MAX_ARTICLE_BYTES // (1024 * 1024)} MB limit for one article; "
                         "split it into articles (JSONL) first")
    return data


HTML_NOTE = "main text extracted from HTML with trafilatura; offsets index the extracted text"
HTML_META_FIELDS = ("title", "date", "url")


def extract_html_page(html: str, *, name: str) -> tuple[str, dict[str, str]]:
    """Main text of an HTML page and what its metadata says (``title``, i.e. the headline,
    ``date``, ``url``), through trafilatura (optional extra ``framing-analysis[html]``).
    The title is kept apart from the text because trafilatura's text leaves it out."""
    try:
        import trafilatura
    except ImportError:
        raise InputError(f"{name}: looks like HTML; install the extra `pip install 'framing-analysis[html]'` "
                         "to extract its main text, or pass plain text") from None
    text = trafilatura.extract(html, include_comments=False, include_tables=False)
    if not text or not text.strip():
        raise InputError(f"{name}: HTML with no main text that trafilatura could find")
    metadata = trafilatura.extract_metadata(html)
    meta = {}
    for key in HTML_META_FIELDS:
        value = getattr(metadata, key, None) if metadata is not None else None
        if isinstance(value, str) and value.strip():
            meta[key] = value.strip()
    return text, meta


def _read_jsonl_stream(stream: Any, name: str, encoding: str | None,
                       fields: Fields = DEFAULT_FIELDS) -> Iterator[Article | ReadFailure]:
    for number, line in enumerate(_jsonl_lines(stream, name, encoding), start=1):
        where = f"{name}:{number}"
        if isinstance(line, InputError):
            yield ReadFailure(where, name, str(line))
            return
        if not line.strip():
            continue
        try:
            if isinstance(line, bytes):
                line = decode_bytes(line, name=where, encoding=encoding).text
            else:
                check_text(line, name=where)
            record = json.loads(line)
        except InputError as exc:
            yield ReadFailure(where, name, str(exc))
            continue
        except json.JSONDecodeError as exc:
            yield ReadFailure(where, name, f"{where}: malformed JSON ({exc.msg} at column {exc.colno})")
            continue
        except ValueError as exc:  # an integer of thousands of digits
            yield ReadFailure(where, name, f"{where}: unreadable JSON value ({exc})")
            continue
        except RecursionError:
            yield ReadFailure(where, name, f"{where}: JSON nested too deeply to read")
            continue
        yield record_to_article(fields.rename(record) if isinstance(record, dict) else record, where, name,
                                fields=fields)


_LINE_END = re.compile(r"\r\n|\r|\n")
_WIDE_BOMS = (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


def _jsonl_lines(stream: Any, name: str, encoding: str | None) -> Iterator[bytes | str | InputError]:
    """The lines of a JSONL stream: bytes, decoded one by one; or, for UTF-16 and UTF-32
    (whose newlines are more than one byte, so splitting the bytes on b"\\n" breaks
    characters), str lines of the whole stream decoded at once."""
    first = stream.readline()
    wide = first.startswith(_WIDE_BOMS) or (encoding is not None and _is_wide(encoding))
    if not wide:
        if first:
            yield first
        yield from stream
        return
    try:
        text = decode_bytes(first + stream.read(), name=name, encoding=encoding).text
    except InputError as exc:
        yield exc
        return
    # Split on line ends only: JSON strings may hold U+2028 and the like, never a raw CR or LF.
    yield from _LINE_END.split(text)


def _is_wide(encoding: str) -> bool:
    try:
        return codecs.lookup(encoding).name.startswith(("utf-16", "utf-32"))
    except LookupError:
        return False


def _read_csv(text: str, name: str, file_id: str,
              fields: Fields = DEFAULT_FIELDS) -> Iterator[Article | ReadFailure]:
    """The rows of a CSV as articles. A row that cannot be read (an unterminated quotation
    mark that would swallow the rows after it) is reported by its line, and reading goes on
    from the next line, so no row is merged into another or lost unseen."""
    rows = _csv_rows(text)
    first = next(rows, None)
    given = first[1] if first is not None and isinstance(first[1], list) else []
    header = [fields.canonical(column) for column in given]
    if "text" not in header:
        yield ReadFailure(file_id, name, f"{name}: CSV header {given} has no {fields.text!r} column "
                                      f"(expected some of {list(RECORD_FIELDS)}; --text-field names the "
                                      "column that holds the text)")
        return
    twice = sorted({column for column in header if header.count(column) > 1})
    if twice:
        yield ReadFailure(file_id, name, f"{name}: CSV header names {twice} more than once: "
                                      "which column to read is ambiguous")
        return
    for number, (line, row) in enumerate(((line, row) for line, row in rows if row != []), start=2):
        where = f"{name}:{number}"
        if isinstance(row, csv.Error):
            yield ReadFailure(where, name, f"{name}: malformed CSV in the record starting on line {line} ({row}); "
                                           "an unterminated quotation mark? the rows after it are read on")
            continue
        if len(row) > len(header):
            yield ReadFailure(where, name, f"{where}: more fields than the header has")
            continue
        record = {k: v for k, v in zip(header, row) if v != ""}
        yield record_to_article(record | {"text": row[header.index("text")] if len(row) > header.index("text")
                                          else None}, where, name)


_NEWLINE = re.compile(r"\r\n|\r|\n")


@contextmanager
def _field_limit(limit: int) -> Iterator[None]:
    """The csv module's field size limit raised only while a row is read: the limit is the
    whole process's, and a library must not leave it changed for its caller."""
    previous = csv.field_size_limit(limit)
    try:
        yield
    finally:
        csv.field_size_limit(previous)


def _csv_rows(text: str) -> Iterator[tuple[int, list[str] | csv.Error]]:
    """``(line where the record starts, fields or the error)`` for each CSV record, strict
    about quotation marks; after an error, reading resumes on the line after the bad
    record's first line."""
    stream = io.StringIO(text, newline="")
    line_starts: list[int] | None = None
    line = 1
    while True:
        reader = csv.reader(stream, strict=True)
        done = 0
        try:
            while True:
                with _field_limit(MAX_ARTICLE_BYTES + 1):
                    row = next(reader, None)
                if row is None:
                    return
                yield line + done, row
                done = reader.line_num
        except csv.Error as exc:
            bad = line + done
            yield bad, exc
            if line_starts is None:
                line_starts = [0] + [m.end() for m in _NEWLINE.finditer(text)]
            if bad >= len(line_starts):
                return
            line = bad + 1
            stream.seek(line_starts[bad])


def record_to_article(record: Any, where: str, name: str, *, fields: Fields = DEFAULT_FIELDS) -> Article | ReadFailure:
    """An ``Article`` from one JSONL/CSV-style record (``where`` names it in messages), or why not.
    ``record`` has framing's field names already; ``fields`` only words the messages."""
    if not isinstance(record, dict):
        return ReadFailure(where, name, f"{where}: a record must be a JSON object, not {type(record).__name__}")
    article_id = record.get("id", where)
    if not isinstance(article_id, (str, int)) or isinstance(article_id, bool):
        return ReadFailure(where, name, f"{where}: {fields.id!r} must be a string or an integer")
    article_id = str(article_id)
    text = record.get("text")
    if not isinstance(text, str):
        return ReadFailure(article_id, name, f"{where}: {fields.text!r} is missing or not a string"
                           + ("" if fields.text != "text" else
                              f" (fields here: {sorted(record)[:8]}; --text-field names the one to read)"))
    meta = {}
    for key in ("title", "outlet", "date", "language", "url"):
        value = record.get(key)
        if value is not None and not isinstance(value, str):
            return ReadFailure(article_id, name, f"{where}: {key!r} must be a string")
        meta[key] = value or None
    try:
        check_text(text, name=where)
        if len(text) > MAX_ARTICLE_BYTES:
            raise InputError(f"{where}: text longer than the limit of {MAX_ARTICLE_BYTES} characters")
        notes: tuple[str, ...] = ()
        if record.get("format") == "html":  # declared: a record's text is never sniffed
            text, page = extract_html_page(text, name=where)
            meta.update({key: value for key, value in page.items() if not meta.get(key)})
            notes = (HTML_NOTE,)
    except InputError as exc:
        return ReadFailure(article_id, name, str(exc))
    return Article(id=article_id, text=text, source=name, notes=notes, **meta)
