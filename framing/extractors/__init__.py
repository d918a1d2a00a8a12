"""Extractors: one pure function per feature family, ``(document) -> list[Evidence]``.

``EXTRACTORS`` is the registry the scorer runs, in order; a new family adds a
module here and one line to the dict.
"""
from __future__ import annotations

from typing import Callable

from ..document import Document
from ..evidence import Evidence
from .naming import extract_naming
from .quotation import extract_quotations

Extractor = Callable[[Document], list[Evidence]]

EXTRACTORS: dict[str, Extractor] = {
    "naming": extract_naming,
    "quotation": extract_quotations,
}

__all__ = ["EXTRACTORS", "Extractor", "extract_naming", "extract_quotations"]
