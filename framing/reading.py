"""Read articles from files, folders, JSONL, CSV and standard input, one at a time.

Reading streams: a batch of any size is read lazily, and a bad record becomes
a ``ReadFailure`` in the stream instead of an exception, so one unreadable
article never stops the others.
"""
from __future__ import annotations

import csv
import io
import json
import os
import re
import sys
import tomllib
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
_HTML_START = re.compile(r"\s*(?:<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>])", re.I)
_HTML_TAG = re.compile(r"</?(?:p|div|span|a|br|article|section|script|h[1-6])\b[^>]*>", re.I)


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


def read_paths(paths: Iterable[str | Path], *, encoding: str | None = None,
               stdin: BinaryIO | None = None) -> Iterator[Article | ReadFailure]:
    """Every article under ``paths`` (files, folders recursively, ``-`` for JSONL on stdin)."""
    for raw in paths:
        name = str(raw)
        if name == "-":
            stream = stdin if stdin is not None else sys.stdin.buffer
            yield from _read_jsonl_stream(stream, "<stdin>", encoding)
            continue
        path = Path(name)
        if path.is_dir():
            yield from _read_folder(path, encoding)
        elif path.exists():
            yield from _read_file(path, path.name, encoding)
        else:
            yield ReadFailure(name, name, f"{name}: no such file or folder")


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
        raise InputError(f"{path}: unreadable manifest: {exc}") from None
    out = {}
    for record in data.get("article", []):
        if isinstance(record, dict) and isinstance(record.get("id"), str):
            out[record["id"]] = {k: str(record[k]) for k in MANIFEST_FIELDS if record.get(k)}
    return out


def _read_folder(root: Path, encoding: str | None) -> Iterator[Article | ReadFailure]:
    # Symbolic links to folders are not followed, so link loops cannot recurse.
    try:
        manifest = read_manifest(root)
    except InputError as exc:
        yield ReadFailure(str(root / MANIFEST), str(root), str(exc))
        manifest = {}
    def on_error(exc: OSError) -> None:
        failures.append(ReadFailure(str(exc.filename), str(exc.filename), f"{exc.filename}: {exc.strerror}"))

    failures: list[ReadFailure] = []
    for folder, subfolders, files in os.walk(root, onerror=on_error):
        subfolders[:] = sorted(d for d in subfolders if not d.startswith("."))
        yield from failures
        failures.clear()
        for file_name in sorted(files):
            path = Path(folder) / file_name
            if file_name.startswith(".") or path.suffix.lower() not in ARTICLE_SUFFIXES:
                continue
            for item in _read_file(path, path.relative_to(root).as_posix(), encoding):
                meta = manifest.get(item.id) if isinstance(item, Article) else None
                yield replace(item, **meta) if meta and isinstance(item, Article) else item
    yield from failures


def _read_file(path: Path, article_id: str, encoding: str | None) -> Iterator[Article | ReadFailure]:
    suffix = path.suffix.lower()
    try:
        if suffix in JSONL_SUFFIXES:
            with path.open("rb") as stream:
                yield from _read_jsonl_stream(stream, str(path), encoding)
            return
        data = _read_bounded(path)
        if suffix in CSV_SUFFIXES:
            yield from _read_csv(decode_bytes(data, name=str(path), encoding=encoding).text, str(path), article_id)
            return
        decoded = decode_bytes(data, name=str(path), encoding=encoding)
        notes: tuple[str, ...] = (f"decoded with the fallback encoding {decoded.encoding}",) if decoded.fallback else ()
        text = decoded.text
        if suffix in HTML_SUFFIXES or looks_like_html(text):
            text = extract_html(text, name=str(path))
            notes += ("main text extracted from HTML with trafilatura; offsets index the extracted text",)
        yield Article(id=article_id, text=text, source=str(path), encoding=decoded.encoding, notes=notes)
    except InputError as exc:
        yield ReadFailure(article_id, str(path), str(exc))
    except OSError as exc:
        yield ReadFailure(article_id, str(path), f"{path}: {exc.strerror or exc}")


def _read_bounded(path: Path) -> bytes:
    with path.open("rb") as stream:
        data = stream.read(MAX_ARTICLE_BYTES + 1)
    if len(data) > MAX_ARTICLE_BYTES:
        raise InputError(f"{path}: larger than the {MAX_ARTICLE_BYTES // (1024 * 1024)} MB limit for one article; "
                         "split it into articles (JSONL) first")
    return data


def looks_like_html(text: str) -> bool:
    """True for a document that starts as HTML or is dense with HTML tags."""
    head = text[:4096]
    return bool(_HTML_START.match(head)) or len(_HTML_TAG.findall(head)) >= 5


def extract_html(html: str, *, name: str) -> str:
    """Main text of an HTML page through trafilatura (optional extra ``framing-analysis[html]``)."""
    try:
        import trafilatura
    except ImportError:
        raise InputError(f"{name}: looks like HTML; install the extra `pip install 'framing-analysis[html]'` "
                         "to extract its main text, or pass plain text") from None
    text = trafilatura.extract(html, include_comments=False, include_tables=False)
    if not text or not text.strip():
        raise InputError(f"{name}: HTML with no main text that trafilatura could find")
    return text


def _read_jsonl_stream(stream: BinaryIO, name: str, encoding: str | None) -> Iterator[Article | ReadFailure]:
    for number, raw_line in enumerate(stream, start=1):
        where = f"{name}:{number}"
        if not raw_line.strip():
            continue
        try:
            line = decode_bytes(raw_line, name=where, encoding=encoding).text
            record = json.loads(line)
        except InputError as exc:
            yield ReadFailure(where, name, str(exc))
            continue
        except json.JSONDecodeError as exc:
            yield ReadFailure(where, name, f"{where}: malformed JSON ({exc.msg} at column {exc.colno})")
            continue
        yield record_to_article(record, where, name)


def _read_csv(text: str, name: str, file_id: str) -> Iterator[Article | ReadFailure]:
    csv.field_size_limit(MAX_ARTICLE_BYTES)
    reader = csv.DictReader(io.StringIO(text, newline=""))
    header = reader.fieldnames or []
    if "text" not in header:
        yield ReadFailure(file_id, name, f"{name}: CSV header {header} has no 'text' column "
                                      f"(expected some of {list(RECORD_FIELDS)})")
        return
    try:
        for number, row in enumerate(reader, start=2):
            where = f"{name}:{number}"
            if None in row:
                yield ReadFailure(where, name, f"{where}: more fields than the header has")
                continue
            yield record_to_article({k: v for k, v in row.items() if v not in (None, "")} | {"text": row["text"]},
                                     where, name)
    except csv.Error as exc:
        yield ReadFailure(file_id, name, f"{name}: malformed CSV near line {reader.line_num}: {exc}")


def record_to_article(record: Any, where: str, name: str) -> Article | ReadFailure:
    """An ``Article`` from one JSONL/CSV-style record (``where`` names it in messages), or why not."""
    if not isinstance(record, dict):
        return ReadFailure(where, name, f"{where}: a record must be a JSON object, not {type(record).__name__}")
    article_id = record.get("id", where)
    if not isinstance(article_id, (str, int)) or isinstance(article_id, bool):
        return ReadFailure(where, name, f"{where}: 'id' must be a string or an integer")
    article_id = str(article_id)
    text = record.get("text")
    if not isinstance(text, str):
        return ReadFailure(article_id, name, f"{where}: 'text' is missing or not a string")
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
        if looks_like_html(text):
            text = extract_html(text, name=where)
            notes = ("main text extracted from HTML with trafilatura; offsets index the extracted text",)
    except InputError as exc:
        return ReadFailure(article_id, name, str(exc))
    return Article(id=article_id, text=text, source=name, notes=notes, **meta)
