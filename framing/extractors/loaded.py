"""Loaded language: contested labels for actors ("regime" where others write
"government") and strongly subjective words, from the ``loaded`` lexicon."""
from __future__ import annotations

from ..document import Document
from ..evidence import Evidence
from ._hits import hits_of, to_evidence


def extract_loaded(document: Document) -> list[Evidence]:
    """Every ``loaded`` lexicon hit, with its category (``label`` or ``subjective``)."""
    return [to_evidence(document, hit) for hit in hits_of(document, "loaded")]
