"""Bundled corpora: stories told by several outlets, with a manifest of who told them.

>>> [a.id for a in load("belmokhtar-2013")][:2]
['000_c967e3c42e9d52e7.txt', '001_68f2744142ff802d.txt']
>>> load("belmokhtar-2013")[0].outlet
'The Moroccan Times'
"""
from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from .errors import InputError
from .reading import Article, ReadFailure, read_paths


def corpus_dir() -> Path:
    """The bundled corpora: inside the wheel, or at the top of a source checkout."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "_corpus", here.parent / "corpus"):
        if candidate.is_dir():
            return candidate
    raise InputError("framing's bundled corpus is missing; reinstall the package")


def names() -> list[str]:
    """Names of the bundled stories."""
    return sorted(p.name for p in corpus_dir().iterdir() if (p / "manifest.toml").is_file())


def path(name: str) -> Path:
    """The folder of one bundled story."""
    folder = corpus_dir() / name
    if not (folder / "manifest.toml").is_file():
        raise InputError(f"no bundled corpus {name!r} (available: {', '.join(names())})")
    return folder


def manifest(name: str) -> dict[str, Any]:
    """The manifest of one bundled story: story metadata and one record per article."""
    return tomllib.loads((path(name) / "manifest.toml").read_text(encoding="utf-8"))


def load(name: str) -> list[Article]:
    """The articles of a bundled story, with outlet and date from its manifest."""
    articles = []
    for item in read_paths([path(name)]):
        if isinstance(item, ReadFailure):
            raise InputError(f"bundled corpus {name!r} is damaged: {item.error}")
        articles.append(item)
    return articles
