"""A small on-disk cache for what is slow to build and never changes: start-up speed.

Two things dominate the start-up of ``framing score``: decompressing
py3langid's LZMA model (about 0.4 s) and parsing and validating the TOML
lexicons (about 0.15 s). Both are cached under ``$FRAMING_CACHE_DIR``, or
``$XDG_CACHE_HOME/framing``, or ``~/.cache/framing``, keyed by the content
they were built from, so a changed lexicon or model is never served stale.
Writes are atomic; an unwritable cache directory only costs the speed-up.
Set ``FRAMING_CACHE_DIR=off`` to disable the cache.
"""
from __future__ import annotations

import os
import pickle
import tempfile
from pathlib import Path
from typing import Any, Callable


def cache_dir() -> Path | None:
    """The cache folder, or None when caching is switched off."""
    configured = os.environ.get("FRAMING_CACHE_DIR")
    if configured == "off":
        return None
    if configured:
        return Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "framing"


def cached(name: str, build: Callable[[], Any]) -> Any:
    """The object cached under ``name`` (a content key), building and storing it on a miss.

    Only framing writes these files, in the user's own cache folder; a file that
    does not unpickle cleanly is rebuilt.
    """
    folder = cache_dir()
    path = folder / f"{name}.pickle" if folder else None
    if path is not None and path.is_file():
        try:
            with path.open("rb") as stream:
                return pickle.load(stream)
        except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError, TypeError, ValueError):
            pass  # stale or damaged: rebuilt below
    value = build()
    if path is not None:
        _write(path, value)
    return value


def _write(path: Path, value: Any) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        with os.fdopen(handle, "wb") as stream:
            pickle.dump(value, stream, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temp, path)
    except OSError:
        return  # read-only home or full disk: run without the cache
