"""Aggregate evidence into a profile: plain data, schema ``framing.profile/1``."""
from __future__ import annotations

from dataclasses import dataclass, field
from operator import itemgetter
from typing import Any

from .document import QUOTED, UNQUOTED, Document
from .evidence import Evidence
from .families import counted_families
from .frames.profile import frame_summary
from .rates import MIN_RATE_WORDS, rate_per_1000

SCHEMA = "framing.profile/1"
SOURCE_TYPES = ("named_person", "named_organisation", "place", "government", "nationality", "document", "anonymous",
                "vague", "pronoun")
# Evidence in text order: (start, end, family), read by index (an Evidence is a named tuple
# of family, entry, text, start, end, ...), which is faster than by attribute name.
_TEXT_ORDER = itemgetter(3, 4, 0)


@dataclass(frozen=True)
class Profile:
    """What framing found in one article, and the evidence for each figure."""

    id: str
    language: str
    language_confidence: float
    language_given: bool
    words: int
    sentences: int
    headline: str
    excluded: tuple[dict[str, Any], ...]
    naming: dict[str, Any]
    features: dict[str, Any]
    evidence: tuple[Evidence, ...]
    lexicon_version: str
    framing_version: str
    meta: dict[str, Any] = field(default_factory=dict)
    headline_framing: dict[str, Any] = field(default_factory=dict)
    readability: dict[str, Any] | None = None
    sentence_spans: tuple[tuple[int, int, int], ...] = ()
    frames: dict[str, Any] | None = None

    def to_frame(self):
        """One-row pandas DataFrame of the profile (needs pandas)."""
        from .dataframes import ProfileRecord

        return ProfileRecord(self.to_dict()).to_frame()

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready data; ``evidence`` offsets index the article's original text."""
        return {
            "schema": SCHEMA,
            "id": self.id,
            **self.meta,
            "language": self.language,
            "language_confidence": self.language_confidence,
            "language_given": self.language_given,
            "words": self.words,
            "sentences": self.sentences,
            "headline": self.headline,
            "headline_framing": self.headline_framing,
            "excluded": list(self.excluded),
            "naming": self.naming,
            "features": self.features,
            **({"readability": self.readability} if self.readability is not None else {}),
            **({"frames": self.frames} if self.frames is not None else {}),
            "evidence": [e.to_dict() for e in self.evidence],
            "sentence_spans": [list(span) for span in self.sentence_spans],
            "lexicon_version": self.lexicon_version,
            "framing_version": self.framing_version,
        }


def build_profile(document: Document, evidence: list[Evidence], *, lexicon_version: str,
                  framing_version: str, readability: dict[str, Any] | None = None,
                  lexicon_notes: tuple[str, ...] = ()) -> Profile:
    """Counts, rates and naming stances from ``evidence`` found in ``document``; ``lexicon_notes``
    (such as thin lexicons for the language, see ``coverage``) join the article's own notes."""
    article = document.article
    by_family = group_by_family(evidence)  # each summary reads its own families, not every item

    def of(*families: str) -> list[Evidence]:
        return [e for family in families for e in by_family.get(family, ())]

    features: dict[str, Any] = voice_counts(evidence, document.words, by_family=by_family)
    notes = list(article.notes)
    if document.words < MIN_RATE_WORDS:
        notes.append(f"rates need at least {MIN_RATE_WORDS} body words and this article has {document.words}: "
                     "per_1000_words is null")
    features["attribution"] = attribution_summary(document, of("attribution_cue", "source", "quotation"))
    meta: dict[str, Any] = {key: value for key, value in (("title", article.title), ("outlet", article.outlet),
                                          ("date", article.date), ("url", article.url),
                                          ("source", article.source), ("encoding", article.encoding))
            if value is not None}
    notes.extend(lexicon_notes)
    if notes:
        meta["notes"] = notes
    excluded = tuple(dict(x.to_dict(), text=document.text[x.start:x.end]) for x in document.layout.excluded)
    return Profile(
        id=article.id, language=document.language.code, language_confidence=document.language.confidence,
        language_given=document.language.given, words=document.words,
        sentences=len(document.layout.sentences), headline=document.layout.headline, excluded=excluded,
        naming=naming_summary(by_family.get("naming", [])), features=features,
        evidence=tuple(sorted(evidence, key=_TEXT_ORDER)),
        lexicon_version=lexicon_version, framing_version=framing_version, meta=meta,
        headline_framing=headline_summary(document, of(*_HEADLINE_FAMILIES)), readability=readability,
        sentence_spans=tuple((start, end, words) for (start, end), words
                             in zip(document.layout.sentences, document.layout.sentence_words)),
        frames=frame_summary(by_family.get("frame", []), document.words, language=document.language.code))


def group_by_family(evidence: list[Evidence]) -> dict[str, list[Evidence]]:
    """Evidence per family, each in the order given."""
    grouped: dict[str, list[Evidence]] = {}
    for e in evidence:
        family = grouped.get(e.family)
        if family is None:
            grouped[e.family] = [e]
        else:
            family.append(e)
    return grouped


def voice_counts(evidence: list[Evidence], words: int, *,
                 by_family: dict[str, list[Evidence]] | None = None) -> dict[str, Any]:
    """Per counted family: unquoted and quoted counts, the unquoted rate per 1,000 words
    (null under ``MIN_RATE_WORDS`` words), and unquoted counts by category. ``by_family``
    is ``evidence`` grouped by ``group_by_family`` when the caller has it already."""
    grouped = group_by_family(evidence) if by_family is None else by_family
    counts: dict[str, Any] = {}
    for family in counted_families():
        items = grouped.get(family, ())
        quoted = 0
        categories: dict[str, int] = {}
        for e in items:  # one pass: the voice, and the category of own-voice items
            voice = e.voice
            if voice == QUOTED:
                quoted += 1
            elif voice == UNQUOTED:
                category = e.category
                if category:
                    categories[category] = categories.get(category, 0) + 1
        counts[family] = {"unquoted": len(items) - quoted, "quoted": quoted,
                          "per_1000_words": rate_per_1000(len(items) - quoted, words),
                          "categories": dict(sorted(categories.items())) if len(categories) > 1 else categories}
    return counts


def naming_summary(evidence: list[Evidence]) -> dict[str, Any]:
    """Per axis mentioned: counts per variant and voice, and the own-voice stance.

    ``stance`` is the mean position of unquoted mentions and ``None`` when the
    outlet never names the thing itself: no evidence is not neutral.
    """
    axes: dict[str, Any] = {}
    for e in evidence:
        if e.family != "naming" or e.axis is None:
            continue
        axis = axes.setdefault(e.axis, {"stance": None, "mentions": {UNQUOTED: 0, QUOTED: 0},
                                        "variants": {}, "_positions": []})
        variant = axis["variants"].setdefault(e.term or e.entry, {UNQUOTED: 0, QUOTED: 0, "position": e.position})
        variant[e.voice] += 1
        axis["mentions"][e.voice] += 1
        if e.voice == UNQUOTED and e.position is not None:
            axis["_positions"].append(e.position)
    for axis in axes.values():
        positions = axis.pop("_positions")
        axis["stance"] = sum(positions) / len(positions) if positions else None
    return dict(sorted(axes.items()))


def quoted_share(document: Document) -> float:
    """Share of body characters (white space aside) that stand inside quotation marks."""
    text = document.text
    total = sum(end - start - text.count(" ", start, end) for start, end in document.layout.body)
    if not total:
        return 0.0
    inside = sum(q.end - q.start - text.count(" ", q.start, q.end)
                 for q in document.quotations if q.depth == 1)
    return min(1.0, inside / total)


def attribution_summary(document: Document, evidence: list[Evidence]) -> dict[str, Any]:
    """Coverage, sources by type, direct and indirect quotation, quoted and anonymous shares.

    ``coverage``: share of body sentences carrying an attribution cue.
    ``direct``: quotations in a sentence with a cue; ``indirect``: cues in
    sentences without a quotation (reported speech). ``anonymous_share`` is
    ``None`` when the article names no source at all.
    """
    cue_sentences: set[int] = set()  # body sentences holding a cue
    cues_in: list[int] = []  # the sentence of every cue
    quote_sentences: set[int] = set()
    direct = 0
    sources = {kind: 0 for kind in SOURCE_TYPES}
    for e in evidence:  # one pass over the three families, not one per figure
        family = e.family
        if family == "attribution_cue":
            cues_in.append(e.sentence)
            if e.sentence >= 0:
                cue_sentences.add(e.sentence)
        elif family == "quotation":
            quote_sentences.add(e.sentence)
            if e.category == "direct":
                direct += 1
        elif family == "source" and e.category in sources:
            sources[e.category] += 1
    total_sources = sum(sources.values())
    sentences = len(document.layout.sentences)
    return {
        "coverage": len(cue_sentences) / sentences if sentences else 0.0,
        "sources": sources,
        "direct": direct,
        "indirect": sum(1 for sentence in cues_in if sentence not in quote_sentences),
        "quoted_share": quoted_share(document),
        "anonymous_share": sources["anonymous"] / total_sources if total_sources else None,
    }


_HEADLINE_FAMILIES = ("hedge", "scare_quote", "factive", "loaded", "naming")


def headline_summary(document: Document, evidence: list[Evidence]) -> dict[str, Any]:
    """How the headline frames the story: hedged or not, scare quotes, factive verbs, labels."""
    span = document.layout.headline_span
    if span is None:
        return {"present": bool(document.layout.headline), "hedged": None, "hedges": [], "scare_quotes": [],
                "factives": [], "labels": [], "naming": []}
    inside = [e for e in evidence if span[0] <= e.start < span[1]]

    def texts(family: str) -> list[str]:
        return [e.text for e in inside if e.family == family]

    return {"present": True, "hedged": bool(texts("hedge")), "hedges": texts("hedge"),
            "scare_quotes": texts("scare_quote"), "factives": texts("factive"), "labels": texts("loaded"),
            "naming": texts("naming")}
