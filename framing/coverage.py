"""How deep each language's lexicons are, measured against English.

framing's lexicons were written for English first; other languages have
fewer entries in some families, so their counts understate what an English
article of the same style would show. The rule for calling a family thin is
here and nowhere else: fewer than ``THIN_FRACTION`` of English's entries.
Profiles of an article in such a language say so in their notes, and the
README's table of entries per family and language is generated from the same
counts (``markdown_table``).
"""
from __future__ import annotations

from typing import Iterable, Mapping

from .families import FAMILIES
from .lexicon import Entry

REFERENCE_LANGUAGE = "en"
THIN_FRACTION = 0.5


def coverage_families() -> tuple[str, ...]:
    """The lexicon families behind counted evidence (``framing.families``), naming aside: it
    names places and actors, so its size says nothing about how well a style is measured."""
    return tuple(dict.fromkeys(family.lexicon for family in FAMILIES.values()
                               if family.counted and family.lexicon and family.lexicon != "naming"))

Counts = Mapping[str, Mapping[str, int]]


def entry_counts(entries: Iterable[Entry]) -> dict[str, dict[str, int]]:
    """Entries per family and language, for every family."""
    counts: dict[str, dict[str, int]] = {}
    for entry in entries:
        by_language = counts.setdefault(entry.family, {})
        by_language[entry.language] = by_language.get(entry.language, 0) + 1
    return counts


def thin_families(counts: Counts, language: str) -> tuple[str, ...]:
    """The coverage families with fewer than ``THIN_FRACTION`` of the reference language's entries."""
    if language == REFERENCE_LANGUAGE:
        return ()
    return tuple(family for family in coverage_families()
                 if counts.get(family, {}).get(language, 0)
                 < THIN_FRACTION * counts.get(family, {}).get(REFERENCE_LANGUAGE, 0))


def coverage_note(counts: Counts, language: str) -> str | None:
    """A profile note naming the thin families of ``language``, or None."""
    thin = thin_families(counts, language)
    if not thin:
        return None
    listed = ", ".join(f"{family} ({counts.get(family, {}).get(language, 0)} entries; "
                       f"{REFERENCE_LANGUAGE} {counts[family][REFERENCE_LANGUAGE]})" for family in thin)
    return (f"thin lexicons for {language}: {listed}; under {THIN_FRACTION:.0%} of {REFERENCE_LANGUAGE}'s "
            "entries, so these counts understate")


def markdown_table(counts: Counts) -> str:
    """Entries per family and language as a Markdown table; thin families marked with *."""
    languages = sorted({language for by_language in counts.values() for language in by_language} - {"mul"})
    lines = ["| family | " + " | ".join(languages) + " |", "|---|" + "---:|" * len(languages)]
    for family in sorted(counts):
        cells = []
        for language in languages:
            number = counts[family].get(language, 0)
            thin = family in thin_families(counts, language)
            cells.append(f"{number}*" if thin else str(number))
        lines.append(f"| `{family}` | " + " | ".join(cells) + " |")
    return "\n".join(lines)
