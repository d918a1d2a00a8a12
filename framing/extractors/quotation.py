"""Quotations as evidence: the spans behind ``quoted_share`` and every quoted/unquoted voice."""
from __future__ import annotations

from ..document import QUOTED, Document, span_index
from ..evidence import Evidence


def extract_quotations(document: Document) -> list[Evidence]:
    """Each outermost quotation in the body (marks included); unclosed ones are marked so."""
    sentences = document.layout.sentences
    starts = tuple(s for s, _ in sentences)
    return [
        Evidence("quotation", "quotation.closed" if q.closed else "quotation.unclosed", q.text, q.start, q.end,
                 QUOTED, span_index(sentences, starts, q.start),
                 category="closed" if q.closed else "unclosed_to_paragraph_end")
        for q in document.quotations
        if q.depth == 1
    ]
