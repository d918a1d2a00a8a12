"""A small on-disk cache for what is slow to build and never changes: start-up speed.

Two things dominate the start-up of ``framing score``: decompressing
py3langid's LZMA model (about 0.4 s) and parsing and validating the TOML
lexicons (about 0.15 s). Both are cached under ``$FRAMING_CACHE_DIR``, or
``$XDG_CACHE_HOME/framing``, or ``~/.cache/framing``, keyed by the content
they were built from, so a changed lexicon or model is never served stale.
The language model's tables are kept as ``.npy`` arrays and memory-mapped,
so that processes share them; the lexicons as JSON. Neither format can run
code when read (pickle could: a file planted in a shared cache folder would
have run as the user), and a file not owned by the user is not read at all.
Writes are atomic; only the most recently used entries of each kind are
kept (six lexicon sets, two of the rest); an unwritable cache directory only
costs the speed-up. Set ``FRAMING_CACHE_DIR=off`` to disable the cache.
"""
from __future__ import annotations

import json
import os
import shutil
import stat
import tempfile
from pathlib import Path
from typing import Any, Callable

import numpy as np

try:  # orjson (the extra ``fast``) reads the lexicons' cache entry in a third of the time
    from orjson import loads as _json_loads
except ImportError:  # pragma: no cover - the standard library reads the same data
    _json_loads = json.loads  # type: ignore[assignment]

# Entries kept per kind ("lexicons", "py3langid"): every lexicon edit and every
# reinstall of py3langid makes a new key, and old entries would pile up.
KEEP_PER_KIND = 2
# Lexicon sets keep more: there is one per checkout or environment and per combination
# of user lexicons (about 5 MB each), and a miss costs 2 to 5 CPU seconds of parsing;
# with two, a third variant in use made each run evict the next one's entry.
KEEP_LEXICON_SETS = 6


def cache_dir() -> Path | None:
    """The cache folder, or None when caching is switched off."""
    configured = os.environ.get("FRAMING_CACHE_DIR")
    if configured == "off":
        return None
    if configured:
        return Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "framing"


def cached_json(name: str, build: Callable[[], Any], encode: Callable[[Any], Any],
                decode: Callable[[Any], Any]) -> Any:
    """The object cached under ``name`` (a content key), building and storing it on a miss.

    It is stored as JSON (``encode`` makes plain data of it, ``decode`` the object
    again), which cannot execute code when read; a file that is not the user's own,
    or that does not decode cleanly, is not used.
    """
    folder = cache_dir()
    path = folder / f"{name}.json" if folder else None
    if path is not None and _owned(path):
        try:
            value = decode(_json_loads(path.read_bytes()))
            _touch(path)
            return value
        except (OSError, UnicodeDecodeError, ValueError, KeyError, TypeError):
            pass  # stale or damaged: rebuilt below
    value = build()
    if path is not None:
        _write(path, json.dumps(encode(value), ensure_ascii=False, separators=(",", ":")))
        _prune(path.parent, name)
    return value


def _owned(path: Path) -> bool:
    """Whether ``path`` is a regular file of the current user (others' files in a shared
    cache folder are not read)."""
    try:
        info = path.lstat()
    except OSError:
        return False
    owner = getattr(os, "getuid", None)
    return stat.S_ISREG(info.st_mode) and (owner is None or info.st_uid == owner())


def cached_arrays(name: str, build: Callable[[], dict[str, np.ndarray]]) -> dict[str, np.ndarray]:
    """The arrays cached under ``name``, memory-mapped read-only; built and stored on a miss.

    Mapped arrays load in no time and live in the page cache, so every process
    that maps them (``--jobs`` workers, a Dask worker's processes) shares one
    copy in memory, and in the CPU cache, instead of unpickling its own.
    The folder is written under a temporary name and renamed when complete.
    """
    folder = cache_dir()
    if folder is None:
        return build()
    target = folder / name
    if target.is_dir() and _owned_folder(target):
        try:
            arrays = {p.stem: np.load(p, mmap_mode="r", allow_pickle=False) for p in sorted(target.glob("*.npy"))}
            if arrays:
                _touch(target)
                return arrays
        except (OSError, ValueError, EOFError):
            pass  # damaged: rebuilt below
    arrays = build()
    _write_arrays(target, arrays)
    _prune(folder, name)
    return arrays


def _owned_folder(path: Path) -> bool:
    """Whether ``path`` is a folder of the current user, as are the arrays in it."""
    try:
        info = path.lstat()
    except OSError:
        return False
    owner = getattr(os, "getuid", None)
    return stat.S_ISDIR(info.st_mode) and (owner is None or (
        info.st_uid == owner() and all(_owned(p) for p in path.glob("*.npy"))))


def _write(path: Path, text: str) -> None:
    temp = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
        os.replace(temp, path)
    except OSError:
        if temp is not None:
            Path(temp).unlink(missing_ok=True)
        return  # read-only home or full disk: run without the cache


def _write_arrays(target: Path, arrays: dict[str, np.ndarray]) -> None:
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        temp = Path(tempfile.mkdtemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp"))
    except OSError:
        return  # read-only home or full disk: run without the cache
    try:
        for key, array in arrays.items():
            np.save(temp / f"{key}.npy", np.ascontiguousarray(array), allow_pickle=False)
        shutil.rmtree(target, ignore_errors=True)  # a damaged copy
        os.replace(temp, target)
    except OSError:
        shutil.rmtree(temp, ignore_errors=True)  # full disk, or another process renamed first


def _touch(path: Path) -> None:
    """Mark an entry as used now, so that pruning keeps what is in use (least recently used goes)."""
    try:
        os.utime(path)
    except OSError:
        return  # read-only cache: pruning order only


def _prune(folder: Path, name: str) -> None:
    """Keep the ``KEEP_PER_KIND`` (lexicon sets: ``KEEP_LEXICON_SETS``) most recently used
    entries of ``name``'s kind (the part before the first '-')."""
    kind = name.split("-", 1)[0] + "-"
    keep = KEEP_LEXICON_SETS if kind == "lexicons-" else KEEP_PER_KIND
    try:
        entries = [p for p in folder.iterdir() if p.name.startswith(kind)]
        entries.sort(key=lambda p: p.stat().st_mtime, reverse=True)
        for old in entries[keep:]:
            if old.is_dir():
                shutil.rmtree(old, ignore_errors=True)
            else:
                old.unlink(missing_ok=True)
    except OSError:
        return  # another process pruned first, or the folder is read-only
