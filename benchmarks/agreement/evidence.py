"""framing's evidence for one annotated text, and how many texts it refused."""
from __future__ import annotations

import re
from collections import Counter
from typing import Iterable

from live_framing import Framing

WORD_RE = re.compile(r"\w+(?:['’-]\w+)*")


def evidence_of(fw: Framing, item_id: str, text: str, failures: Counter) -> list[dict] | None:
    """Framing's evidence for one text, or None (counted by error class) if framing refuses it."""
    try:
        profile = fw.scorer.score(fw.article(id=item_id, text=text), language="en").to_dict()
    except fw.error as exc:
        failures[type(exc).__name__] += 1
        return None
    return profile["evidence"]


def spans_of(evidence: Iterable[dict], family: str, text: str, bad: Counter) -> list[dict]:
    """Evidence of one family, one per distinct (start, end); offsets checked against the text."""
    seen: dict[tuple[int, int], dict] = {}
    for ev in evidence:
        if ev["family"] != family:
            continue
        if text[ev["start"]:ev["end"]] != ev["text"]:
            bad["offset mismatch"] += 1
        seen.setdefault((ev["start"], ev["end"]), ev)
    return list(seen.values())


def failure_note(failures: Counter, n: int, unit: str) -> str:
    """One sentence saying how many items framing refused, so no figure silently drops items."""
    if not failures:
        return f"framing scored all {n} {unit}."
    return f"framing refused {sum(failures.values())} of {n} {unit}: " + \
        ", ".join(f"{k} {v}" for k, v in failures.most_common()) + " (counted as no predictions)."
