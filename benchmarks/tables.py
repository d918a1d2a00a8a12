"""Markdown pieces the benchmark sections are made of."""
from __future__ import annotations

from typing import Any, Iterable, Sequence


def fmt(x: float | None, digits: int = 2) -> str:
    """A figure to ``digits`` decimals, or a dash when there is none."""
    return "–" if x is None else f"{x:.{digits}f}"


def table(header: Sequence[str], rows: Iterable[Sequence[Any]], right_from: int = 1) -> list[str]:
    """A Markdown table; columns from ``right_from`` on are right-aligned."""
    lines = ["| " + " | ".join(header) + " |",
             "|" + "|".join("---" if i < right_from else "---:" for i in range(len(header))) + "|"]
    lines += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return lines
