"""Load and validate lexicon files (TOML, one per family and language).

Lexicons are data, not code: every term framing matches comes from a file
under ``lexicons/`` or from a file or folder the user passes. Validation is
strict, because a typo in a key silently disables an entry otherwise; every
error names the file and the entry.
"""
from __future__ import annotations

import difflib
import hashlib
import math
import re
import tomllib
import warnings
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable

from .cache import cached_json
from .errors import LexiconError
from .lexicon_schema import DISTRACTOR, LEXICON_CATEGORIES
from .normalize import normalize, normalize_term

MAX_LEXICON_BYTES = 20 * 1024 * 1024
# Cached lexicon sets are keyed on this module's code too: a changed Entry never loads stale.
_CODE_DIGEST = hashlib.sha256(b"".join(Path(__file__).with_name(name).read_bytes()
                                       for name in ("lexicon.py", "lexicon_schema.py"))).digest()
_ID = re.compile(r"[a-z0-9][a-z0-9_.:-]*\Z")
_LANGUAGE = re.compile(r"(?:[a-z]{2,3}|mul)\Z")
_META_REQUIRED = ("family", "language", "version", "source", "license")
_META_KEYS = frozenset(_META_REQUIRED) | {"description"}
_ENTRY_KEYS = frozenset({"id", "term", "variants", "category", "source", "note", "case_sensitive"})
_NAMING_KEYS = _ENTRY_KEYS | {"axis", "position"}
_GRAMMAR_KEYS = _ENTRY_KEYS | {"value"}
# Families whose entries mean nothing without a category, and what the category is there.
_CATEGORY_REQUIRED = {"grammar": "the word list it belongs to", "persuasion": "its technique, framing/techniques.py",
                      "frame": "its frame id, framing/frame_ids.py, or distractor"}
_AXIS_KEYS = frozenset({"id", "negative", "positive", "description", "source"})


@dataclass(frozen=True, slots=True)
class Entry:
    """One lexicon entry: a canonical term, its surface forms, and where it comes from."""

    id: str
    term: str
    forms: tuple[str, ...]
    family: str
    language: str
    source: str
    lexicon: str
    category: str | None = None
    axis: str | None = None
    position: float | None = None
    case_sensitive: bool = False
    cased_forms: tuple[str, ...] = ()
    value: float | None = None  # grammar entries: the number a word stands for (a month's number)

    def __reduce__(self):
        """Pickle as a constructor call: dataclasses restore a slotted class field by field
        through ``fields()``, which took a sixth of ``framing score``'s start-up for the
        4,000-odd shipped entries read from the cache."""
        return (Entry, tuple(getattr(self, name) for name in self.__slots__))


@dataclass(frozen=True, slots=True)
class Axis:
    """A naming axis: what its negative and positive poles mean."""

    id: str
    negative: str
    positive: str
    description: str
    source: str


@dataclass(frozen=True, slots=True)
class LexiconFile:
    """Where a set of entries came from, for provenance in the output."""

    path: str
    family: str
    language: str
    version: str
    source: str
    license: str


@dataclass(frozen=True)
class LexiconSet:
    """Every loaded entry and axis, with a version that changes when any file does."""

    entries: tuple[Entry, ...]
    axes: dict[str, Axis]
    files: tuple[LexiconFile, ...]
    version: str
    overrides: tuple[str, ...] = ()  # forms a user's file took from a shipped entry, one line each

    def select(self, language: str, families: Iterable[str] | None = None) -> tuple[Entry, ...]:
        """Entries for ``language`` (and language-independent ones), optionally of some families."""
        wanted = None if families is None else frozenset(families)
        return tuple(e for e in self.entries
                     if e.language in (language, "mul") and (wanted is None or e.family in wanted))


def default_lexicon_dir() -> Path:
    """The shipped lexicons: inside the wheel, or at the top of a source checkout."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "_lexicons", here.parent / "lexicons"):
        if candidate.is_dir():
            return candidate
    raise LexiconError(f"framing's lexicons are missing (looked in {here / '_lexicons'} and "
                       f"{here.parent / 'lexicons'}); reinstall the package")


@lru_cache(maxsize=8)
def _load_cached(paths: tuple[str, ...], shipped: bool) -> LexiconSet:
    return _load(paths, shipped)


def load_lexicons(extra: Iterable[str | Path] = (), *, include_default: bool = True) -> LexiconSet:
    """Load the shipped lexicons plus any extra files or folders (``*.toml``, recursively).

    >>> lex = load_lexicons()
    >>> "western_sahara" in lex.axes
    True
    """
    roots = ([str(default_lexicon_dir())] if include_default else []) + [str(Path(p)) for p in extra]
    if not roots:
        raise LexiconError("no lexicons to load: pass a file or folder, or keep the defaults")
    lexicons = _load_cached(tuple(roots), include_default)
    for override in lexicons.overrides:
        warnings.warn(override, LexiconOverrideWarning, stacklevel=2)
    return lexicons


class LexiconOverrideWarning(UserWarning):
    """A user's lexicon entry took a form that a shipped entry of its family also had."""


def _load(roots: tuple[str, ...], shipped: bool = False) -> LexiconSet:
    """Read every file, then parse and validate them, or take the result from the cache
    when exactly these files (by path and content) were validated before. With
    ``shipped``, the first root is the shipped set and the others are the user's: the
    shipped set is then taken whole from its own cache entry and only the user's files are
    parsed, so adding one small file of one's own does not re-read 12,000 shipped entries."""
    groups = [[(path, _read_source(path)) for path in _files_under(root)] for root in roots]
    return _load_read(groups, shipped)


def _load_read(groups: list[list[tuple[Path, str]]], shipped: bool) -> LexiconSet:
    """``_load`` of files already read: ``(path, text)`` per file, one list per root."""
    sources = [source for group in groups for source in group]
    user_files = frozenset(str(path) for group in groups[1 if shipped else 0:] for path, _ in group)
    digest = hashlib.sha256()
    for path, source_text in sources:
        digest.update(path.name.encode() + b"\0" + source_text.encode() + b"\0")
    version = digest.hexdigest()[:16]
    key = hashlib.sha256(repr([str(p) for p, _ in sources]).encode() + repr(sorted(user_files)).encode()
                         + digest.digest() + _CODE_DIGEST).hexdigest()
    if shipped and user_files:
        base = _load_read(groups[:1], shipped=True)
        build = lambda: _parse(sources[len(groups[0]):], version, user_files, base)  # noqa: E731
    else:
        build = lambda: _parse(sources, version, user_files)  # noqa: E731
    return cached_json(f"lexicons-{key[:32]}", build, _to_plain, _from_plain)


def _to_plain(lexicons: LexiconSet) -> dict[str, Any]:
    """A ``LexiconSet`` as JSON-ready data (for the cache: JSON cannot run code when read)."""
    return {"version": lexicons.version,
            "entries": [[getattr(e, name) for name in Entry.__slots__] for e in lexicons.entries],
            "axes": [[a.id, a.negative, a.positive, a.description, a.source] for a in lexicons.axes.values()],
            "files": [[f.path, f.family, f.language, f.version, f.source, f.license] for f in lexicons.files],
            "overrides": list(lexicons.overrides)}


def _from_plain(data: dict[str, Any]) -> LexiconSet:
    """The ``LexiconSet`` that ``_to_plain`` wrote."""
    forms_at, cased_at = Entry.__slots__.index("forms"), Entry.__slots__.index("cased_forms")

    def entry(row: list[Any]) -> Entry:
        # Positional, in field order as ``_to_plain`` wrote it: keyword arguments took twice as
        # long for the 12,000-odd shipped entries, a tenth of the start-up of ``framing score``.
        row[forms_at], row[cased_at] = tuple(row[forms_at]), tuple(row[cased_at])
        return Entry(*row)

    entries = tuple(entry(row) for row in data["entries"])
    axes = {row[0]: Axis(*row) for row in data["axes"]}
    return LexiconSet(entries, axes, tuple(LexiconFile(*row) for row in data["files"]), data["version"],
                      tuple(data["overrides"]))


def _files_under(root: str) -> list[Path]:
    """The lexicon files of a root: a file, or every ``*.toml`` under a folder, sorted."""
    path = Path(root)
    if path.is_dir():
        return sorted(p for p in path.rglob("*.toml") if p.is_file())
    if path.is_file():
        return [path]
    raise LexiconError(f"{root}: no such lexicon file or folder")


def _parse(sources: list[tuple[Path, str]], version: str, user_files: frozenset[str] = frozenset(),
           base: LexiconSet | None = None) -> LexiconSet:
    """Parse and validate ``sources``, after the already validated ``base`` set when one is given
    (its axes are declared for them, its entries and files come first)."""
    entries: list[Entry] = list(base.entries) if base else []
    axes: dict[str, Axis] = dict(base.axes) if base else {}
    metas: list[LexiconFile] = list(base.files) if base else []
    raw_entries: list[tuple[Path, dict[str, Any], dict[str, Any]]] = []
    for path, source_text in sources:
        data = _parse_toml(path, source_text)
        meta = _check_meta(path, data)
        metas.append(LexiconFile(str(path), meta["family"], meta["language"], meta["version"],
                                 meta["source"], meta["license"]))
        for axis in _check_axes(path, data):
            if axis.id in axes:
                raise LexiconError(f"{path}: axis {axis.id!r} is declared twice")
            axes[axis.id] = axis
        raw_entries.extend((path, meta, raw) for raw in _entry_tables(path, data))
    seen: dict[tuple[str, str], set] = {}
    for path, meta, raw in raw_entries:
        entry = _check_entry(path, meta, raw, axes, str(path) if str(path) in user_files else None)
        ids = seen.setdefault((str(path), "ids"), set())
        if entry.id in ids:
            raise LexiconError(f"{path}: entry {entry.id!r}: duplicate id")
        ids.add(entry.id)
        forms_seen = seen.setdefault((str(path), "forms"), set())
        for form in entry.forms:
            if (form, entry.category) in forms_seen:
                raise LexiconError(f"{path}: entry {entry.id!r}: the form {form!r} appears twice in this file"
                                   + (f" (category {entry.category!r})" if entry.category else ""))
            forms_seen.add((form, entry.category))
        entries.append(entry)
    kept, overrides = _user_entries_win(entries, user_files)
    return LexiconSet(tuple(kept), axes, tuple(metas), version, tuple(overrides))


def _user_entries_win(entries: list[Entry], user_files: frozenset[str]) -> tuple[list[Entry], list[str]]:
    """Where a user's entry and a shipped entry of the same family and language share a
    form, the shipped entry gives the form up (an entry left without forms is dropped), so
    the user's axis or category is the one matched; each such form is reported."""
    if not user_files:
        return entries, []
    taken: dict[tuple[str, str, str], Entry] = {}
    for entry in entries:
        if entry.lexicon in user_files:
            for form in entry.forms:
                taken.setdefault((entry.family, entry.language, form), entry)
    kept, overrides = [], []
    for entry in entries:
        lost = [] if entry.lexicon in user_files else [
            f for f in entry.forms if (entry.family, entry.language, f) in taken]
        for form in lost:
            user = taken[(entry.family, entry.language, form)]
            overrides.append(f"{user.lexicon}: entry {user.id!r} takes {form!r} from the shipped entry "
                             f"{entry.id!r} ({entry.lexicon}); the shipped entry no longer matches it")
        if not lost:
            kept.append(entry)
        elif len(lost) < len(entry.forms):
            kept.append(replace(entry, forms=tuple(f for f in entry.forms if f not in lost),
                                cased_forms=tuple(c for c in entry.cased_forms if normalize_term(c) not in lost)))
    return kept, overrides


def _read_source(path: Path) -> str:
    size = path.stat().st_size
    if size > MAX_LEXICON_BYTES:
        raise LexiconError(f"{path}: {size} bytes is over the {MAX_LEXICON_BYTES}-byte limit for a lexicon file")
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise LexiconError(f"{path}: not UTF-8 ({exc.reason} at byte {exc.start})") from None


def _parse_toml(path: Path, source_text: str) -> dict[str, Any]:
    try:
        return tomllib.loads(source_text)
    except tomllib.TOMLDecodeError as exc:
        raise LexiconError(f"{path}: malformed TOML: {exc}") from None


def _check_meta(path: Path, data: dict[str, Any]) -> dict[str, Any]:
    meta = data.get("meta")
    if not isinstance(meta, dict):
        raise LexiconError(f"{path}: missing [meta] table")
    unknown = set(meta) - _META_KEYS
    if unknown:
        raise LexiconError(f"{path}: [meta]: unknown keys {sorted(unknown)}")
    for key in _META_REQUIRED:
        if not isinstance(meta.get(key), str) or not meta[key].strip():
            raise LexiconError(f"{path}: [meta]: {key!r} must be a non-empty string")
    if meta["family"] not in LEXICON_CATEGORIES:  # a misspelling: its entries would never be used
        close = difflib.get_close_matches(meta["family"], sorted(LEXICON_CATEGORIES), n=1)
        raise LexiconError(f"{path}: [meta]: unknown family {meta['family']!r}"
                           + (f"; did you mean {close[0]!r}?" if close else "")
                           + f" (families: {', '.join(sorted(LEXICON_CATEGORIES))})")
    if not _LANGUAGE.match(meta["language"]):
        raise LexiconError(f"{path}: [meta]: language {meta['language']!r} is not an ISO 639 code or 'mul'")
    unknown_tables = set(data) - {"meta", "entry", "axis"}
    if unknown_tables:
        raise LexiconError(f"{path}: unknown top-level keys {sorted(unknown_tables)}")
    return meta


def _entry_tables(path: Path, data: dict[str, Any]) -> list[dict[str, Any]]:
    tables = data.get("entry", [])
    if not isinstance(tables, list) or not all(isinstance(t, dict) for t in tables):
        raise LexiconError(f"{path}: 'entry' must be an array of tables ([[entry]])")
    return tables


def _check_axes(path: Path, data: dict[str, Any]) -> list[Axis]:
    tables = data.get("axis", [])
    if not isinstance(tables, list) or not all(isinstance(t, dict) for t in tables):
        raise LexiconError(f"{path}: 'axis' must be an array of tables ([[axis]])")
    axes = []
    for raw in tables:
        name = raw.get("id", "?")
        unknown = set(raw) - _AXIS_KEYS
        if unknown:
            raise LexiconError(f"{path}: axis {name!r}: unknown keys {sorted(unknown)}")
        for key in ("id", "negative", "positive", "source"):
            if not isinstance(raw.get(key), str) or not raw[key].strip():
                raise LexiconError(f"{path}: axis {name!r}: {key!r} must be a non-empty string")
        if not _ID.match(raw["id"]):
            raise LexiconError(f"{path}: axis {name!r}: id must match {_ID.pattern}")
        axes.append(Axis(raw["id"], raw["negative"], raw["positive"], raw.get("description", ""), raw["source"]))
    return axes


def _check_entry(path: Path, meta: dict[str, Any], raw: dict[str, Any], axes: dict[str, Axis],
                 user_file: str | None = None) -> Entry:
    """A validated entry; ``lexicon`` names its file: ``family/language`` for a shipped
    file, the path for a user's."""
    family = meta["family"]
    name = raw.get("id", "?")
    where = f"{path}: entry {name!r}"
    allowed = {"naming": _NAMING_KEYS, "grammar": _GRAMMAR_KEYS}.get(family, _ENTRY_KEYS)
    unknown = set(raw) - allowed
    if unknown:
        raise LexiconError(f"{where}: unknown keys {sorted(unknown)} (allowed: {sorted(allowed)})")
    if not isinstance(raw.get("id"), str) or not _ID.match(raw["id"]):
        raise LexiconError(f"{where}: id must be a string matching {_ID.pattern}")
    for key in ("term", "source"):
        if not isinstance(raw.get(key), str) or not raw[key].strip():
            raise LexiconError(f"{where}: {key!r} must be a non-empty string")
    variants = raw.get("variants", [])
    if not isinstance(variants, list) or not all(isinstance(v, str) and v.strip() for v in variants):
        raise LexiconError(f"{where}: 'variants' must be a list of non-empty strings")
    forms = tuple(dict.fromkeys(normalize_term(t) for t in [raw["term"], *variants]))
    if not all(forms):
        raise LexiconError(f"{where}: a term is empty once normalised")
    if not all(any(ch.isalnum() for ch in form) for form in forms):
        raise LexiconError(f"{where}: a term with no letter or digit ({', '.join(repr(f) for f in forms)}) "
                           "would match punctuation, not words")
    category = raw.get("category")
    if category is not None and (not isinstance(category, str) or not category.strip()):
        raise LexiconError(f"{where}: 'category' must be a non-empty string")
    if category is None and family in _CATEGORY_REQUIRED:
        raise LexiconError(f"{where}: a {family} entry needs a category ({_CATEGORY_REQUIRED[family]})")
    if category is not None and category not in LEXICON_CATEGORIES[family]:
        raise LexiconError(f"{where}: category {category!r} is not declared for the family {family!r} "
                           f"(declared: {', '.join(sorted(LEXICON_CATEGORIES[family]))})")
    case_sensitive = raw.get("case_sensitive", False)
    if not isinstance(case_sensitive, bool):
        raise LexiconError(f"{where}: 'case_sensitive' must be true or false")
    if not isinstance(raw.get("note", ""), str):  # the curator's comment: read by people, not rules
        raise LexiconError(f"{where}: 'note' must be a string")
    axis, position = None, None
    if family == "naming":
        axis = raw.get("axis")
        if axis not in axes:
            raise LexiconError(f"{where}: axis {axis!r} is not declared in any [[axis]] table")
        position = _number(where, raw, "position")
        if category == DISTRACTOR:
            if position is not None:
                raise LexiconError(f"{where}: a distractor has no position")
        elif position is None or not -1.0 <= position <= 1.0:
            raise LexiconError(f"{where}: 'position' must be a number in [-1, 1]")
    value = _number(where, raw, "value")
    if category == "month" and (value is None or value not in range(1, 13)):
        raise LexiconError(f"{where}: a month entry needs 'value', its number from 1 to 12")
    if category == "scale" and (value is None or value not in range(1, 31)):
        raise LexiconError(f"{where}: a scale entry needs 'value', the exponent of ten it multiplies by")
    lexicon = user_file or f"{family}/{meta['language']}"
    cased = tuple(normalize(t).text.strip() for t in [raw["term"], *variants]) if case_sensitive else ()
    return Entry(raw["id"], raw["term"], forms, family, meta["language"], raw["source"], lexicon,
                 category, axis, position, case_sensitive, cased, value)


def _number(where: str, raw: dict[str, Any], key: str) -> float | None:
    value = raw.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise LexiconError(f"{where}: {key!r} must be a finite number")
    return float(value)
