"""What a measurement hands to the report (rows, headline, notes, errors) and how it is rendered."""
from __future__ import annotations

import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Sequence

from tables import fmt as figure

from .metrics import Tally

MATCHED = "true positives"


@dataclass
class Row:
    """One line of a results table: a Tally plus what it counts and over how many items."""

    label: str
    tally: Tally
    items: str
    kind: str = "prf"       # "prf", "recall" (gold-side only) or "precision" (prediction-side only)
    accuracy: bool = False


@dataclass(frozen=True)
class Headline:
    """One line of the summary table: framing's figure, its published-list baseline and the issue's target.

    ``baseline`` is None when the list is not represented in framing's
    lexicons; ``baseline_label`` then says why instead of showing a number.
    """

    measure: str
    tally: Tally
    target: float
    baseline: Tally | None
    baseline_label: str

    @property
    def met(self) -> str:
        """Whether this run's F1 reaches the target (computed, never typed in)."""
        f1 = self.tally.f1
        return "–" if f1 is None else ("yes" if f1 >= self.target else "no")


@dataclass
class Section:
    """What one measurement hands to the report: tables, notes and the most frequent errors."""

    title: str
    rows: list[Row] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    errors: dict[str, Counter] = field(default_factory=dict)
    headline: Headline | None = None
    extra: list[str] = field(default_factory=list)   # Markdown lines shown between the table and the notes
    extra_headlines: list[Headline] = field(default_factory=list)   # further summary lines (technique-blind)


class ErrorLog:
    """Counts and a few examples of misses and false positives, for curators and ``--show-errors``."""

    def __init__(self, name: str, show: int) -> None:
        self.name, self.show = name, show
        self.counts: dict[str, Counter] = defaultdict(Counter)
        self.examples: dict[str, list[str]] = defaultdict(list)

    def record(self, kind: str, key: str, item: str, text: str, span: tuple[int, int] | None) -> None:
        self.counts[kind][key.lower()] += 1
        if self.show and len(self.examples[kind]) < self.show:
            self.examples[kind].append(f"[{item}] {key!r}: {context(text, span)}")

    def error_counts(self) -> dict[str, Counter]:
        """Misses and false positives only; true positives are kept for ``--show-errors`` spot checks."""
        return {kind: c for kind, c in self.counts.items() if kind != MATCHED}

    def dump(self) -> None:
        """Print the kept examples to stderr (nothing unless ``--show-errors`` asked for some)."""
        for kind, lines in self.examples.items():
            print(f"--- {self.name}: {kind} ({len(lines)} examples)", file=sys.stderr)
            for line in lines:
                print("  " + line, file=sys.stderr)


def context(text: str, span: tuple[int, int] | None, width: int = 70) -> str:
    """The span in its text, marked with [[ ]], clipped to ``width`` characters each side."""
    if span is None:
        return " ".join(text.split())[: 2 * width]
    s, e = span
    left = " ".join(text[max(0, s - width):s].split())
    right = " ".join(text[e:e + width].split())
    return f"…{left} [[{text[s:e]}]] {right}…"


def fmt(x: float | None) -> str:
    return figure(x, 3)


def render_section(section: Section, top: int) -> str:
    """A Markdown table with counts next to every figure, then notes and top errors."""
    lines = [f"### {section.title}", "",
             "| measure | items | gold | pred | TP | P | R | F1 | acc |",
             "|---|---|---:|---:|---:|---:|---:|---:|---:|"]
    for row in section.rows:
        t = row.tally
        cells = [t.n_gold, t.n_pred, t.tp, fmt(t.precision), fmt(t.recall), fmt(t.f1),
                 fmt(t.accuracy) if row.accuracy else "–"]
        if row.kind == "recall":
            cells = [t.n_gold, "–", t.tp, "–", fmt(t.recall), "–", "–"]
        elif row.kind == "precision":
            cells = ["–", t.n_pred, t.tp, fmt(t.precision), "–", "–", "–"]
        lines.append(f"| {row.label} | {row.items} | " + " | ".join(str(c) for c in cells) + " |")
    lines.append("")
    if section.extra:
        lines += section.extra + [""]
    lines += [f"- {note}" for note in section.notes]
    for kind, counter in section.errors.items():
        common = ", ".join(f"{k!r} {v}" for k, v in counter.most_common(top))
        lines.append(f"- most frequent {kind} (of {sum(counter.values())}): {common or 'none'}")
    lines.append("")
    return "\n".join(lines)


def render_summary(headlines: Sequence[Headline]) -> list[str]:
    """The short table at the top of the section: each headline figure, its baseline and its target."""
    lines = ["| measure | framing P / R / F1 | published list baseline F1 (stem matching) | target F1 | met? |",
             "|---|---|---|---:|---|"]
    for h in headlines:
        t = h.tally
        base = f"{fmt(h.baseline.f1)} — {h.baseline_label}" if h.baseline is not None else h.baseline_label
        lines.append(f"| {h.measure} | {fmt(t.precision)} / {fmt(t.recall)} / **{fmt(t.f1)}** | {base} | "
                     f"≥ {h.target:.2f} | {h.met} |")
    return lines
