"""Claims that differ: aligned sentences of different outlets of one story, ranked by framing.

A comparison of outlets is about how they tell the same event differently,
so claims are aligned only inside a story (``stories``) and only between
articles of different outlets. Each aligned pair then says how differently
the two outlets frame the claim: hedged against asserted, who it is
attributed to and by which cue, quoted against paraphrased, which naming
variant, loaded against neutral wording. Pairs are ranked by the number of
those differences, then by similarity; the same words framed the same way
("Bullies don't win." quoted by three outlets) are counted, not listed first.
"""
from __future__ import annotations

import pickle
import re
import sys
from bisect import bisect_left
from typing import Any, Mapping, Sequence

from .align import (THRESHOLD, Sentence, StorySentence, divergences, fold, month_table, one_to_one, scored_pairs,
                    sentences_of, story_sentences)
from ..families import highlighted_families
from ..lexicon import LexiconSet
from .quantities import link_words, scale_table
from .stories import FeatureTable, Story, article_features, group_stories, publication_day

# Framing differences an aligned pair can show, in the order reports name them.
DIFFERENCES = ("hedged vs asserted", "attribution", "quoted vs paraphrased", "naming variant", "loaded wording",
               "scare quotes", "boosted vs plain")
_SPACE = re.compile(r"\W+")
# Pairs scoring this much may show a divergence (which must also share its slot), though
# below the aligner's THRESHOLD for listing them as one claim.
DIVERGENCE_SCORE = 0.15
KNOWN_WORDS = 200_000  # distinct words whose anchors a reader keeps per language


class SentenceReader:
    """Each article's body sentences with their anchors, worked out when asked: in full
    (``align.sentences_of``) for claim alignment, or only what stories need
    (``story_sentences``) for every article as it streams by. Lexicon tables and the anchors of
    words met are kept per language (at most ``KNOWN_WORDS`` words)."""

    def __init__(self, lexicons: LexiconSet):
        self.lexicons = lexicons
        self.tables: dict[str, tuple[dict[str, int], frozenset[str], dict[str, int], frozenset[str]]] = {}
        self.known: dict[str, dict[str, Any]] = {}  # per language, each word's anchors (align.word_anchors)

    def _tables(self, language: str) -> tuple[dict[str, int], frozenset[str], dict[str, int], frozenset[str]]:
        if language not in self.tables:
            lexicons = self.lexicons
            calendar = frozenset(f for e in lexicons.select(language, ["grammar"])
                                 if e.category in ("month", "weekday") for f in e.forms)
            self.tables[language] = (month_table(lexicons, language), calendar, scale_table(lexicons, language),
                                     link_words(lexicons, language))
        return self.tables[language]

    def _known(self, language: str) -> dict[str, Any]:
        known = self.known.setdefault(language, {})
        if len(known) > KNOWN_WORDS:
            known.clear()
        return known

    def __call__(self, profile: Mapping[str, Any], text: str) -> list[Sentence]:
        language = profile["language"]
        return sentences_of(profile, text, *self._tables(language), known=self._known(language))

    def for_stories(self, profile: Mapping[str, Any], text: str) -> list[StorySentence]:
        language = profile["language"]
        return story_sentences(profile, text, *self._tables(language), known=self._known(language))


class KeptArticles:
    """Profiles and texts kept for claim alignment, in memory: ``put`` and ``get`` by id (the
    last put of an id wins). ``SpilledArticles`` keeps them on disk instead."""

    def __init__(self) -> None:
        self._kept: dict[str, tuple[Mapping[str, Any], str]] = {}

    def put(self, profile: Mapping[str, Any], text: str) -> None:
        self._kept[profile["id"]] = (profile, text)

    def get(self, article_id: str) -> tuple[Mapping[str, Any], str]:
        return self._kept[article_id]

    def close(self) -> None:
        self._kept.clear()


class SpilledArticles(KeptArticles):
    """Profiles and texts kept for claim alignment in a temporary file, read back one story at a
    time: a comparison of many articles holds only their offsets. Pickled (several times faster
    than JSON both ways): the file is this process's own, unnamed, and read only by it."""

    def __init__(self) -> None:
        import tempfile

        self._file = tempfile.TemporaryFile()
        self._where: dict[str, tuple[int, int]] = {}

    def put(self, profile: Mapping[str, Any], text: str) -> None:
        line = pickle.dumps((profile, text), protocol=pickle.HIGHEST_PROTOCOL)
        self._file.seek(0, 2)
        self._where[profile["id"]] = (self._file.tell(), len(line))
        self._file.write(line)

    def get(self, article_id: str) -> tuple[Mapping[str, Any], str]:
        offset, size = self._where[article_id]
        self._file.seek(offset)
        profile, text = pickle.loads(self._file.read(size))
        return profile, text

    def close(self) -> None:
        self._file.close()


class ClaimCollector:
    """Stories, their aligned claims (ranked within each story) and divergences, from articles
    streamed one at a time (``add``): each article's story features are counted as it passes and
    its profile and text kept aside (``KeptArticles`` or ``SpilledArticles``) until its story is
    aligned, so that memory holds one story's articles at a time.

    Claims are aligned only between different outlets: ``add`` takes each article's outlet (or
    the group it is compared in).
    """

    def __init__(self, lexicons: LexiconSet, kept: KeptArticles | None = None):
        self.sentences = SentenceReader(lexicons)
        self.kept = KeptArticles() if kept is None else kept
        self.features = FeatureTable()
        self.ids: list[str] = []
        self.days: list[Any] = []
        self.languages: list[str] = []
        self.outlets: dict[str, str] = {}

    def add(self, profile: Mapping[str, Any], text: str, outlet: str) -> None:
        self.features.add(article_features(self.sentences.for_stories(profile, text)))
        self.ids.append(profile["id"])
        self.days.append(publication_day(profile.get("date")))
        self.languages.append(sys.intern(profile["language"]))
        self.outlets[profile["id"]] = outlet
        self.kept.put(profile, text)

    def result(self) -> dict[str, Any]:
        stories = group_stories(self.ids, self.features, self.days, self.languages)
        self.features = FeatureTable()
        outlets = self.outlets
        story_rows, alignments, found = [], [], []
        for story in stories:
            row = dict(story.to_dict(), outlets=sorted({outlets[a] for a in story.articles}), aligned_claims=0,
                       identical_claims=0, differing_claims=0)
            if len(row["outlets"]) > 1:
                articles = {a: self.kept.get(a) for a in story.articles}
                claims, divergent = story_claims(story, self.sentences, articles, outlets)
                row["aligned_claims"] = len(claims)
                row["identical_claims"] = sum(c["identical"] for c in claims)
                row["differing_claims"] = sum(bool(c["differences"]) for c in claims)
                alignments.extend(claims)
                found.extend(divergent)
            story_rows.append(row)
        self.kept.close()
        return {"stories": story_rows, "alignments": alignments, "divergences": found}


def claim_framing(sentence: Sentence, profile: Mapping[str, Any],
                  evidence: "EvidenceIndex | None" = None) -> dict[str, Any]:
    """How one article framed an aligned claim: hedged or asserted, attributed to whom, quoted, naming
    (``evidence``: the profile's ``EvidenceIndex``, made once for all its claims)."""
    evidence = EvidenceIndex(profile.get("evidence", [])) if evidence is None else evidence
    inside = evidence.inside(sentence.start, sentence.end)

    def texts(family: str, voice: str | None = None) -> list[str]:
        return [e["text"] for e in inside if e["family"] == family and (voice is None or e["voice"] == voice)]

    hedges = texts("hedge", "unquoted")
    highlighted = highlighted_families()
    return {"hedged": bool(hedges), "hedges": hedges, "boosters": texts("booster", "unquoted"),
            "factives": texts("factive", "unquoted"),
            "attributed_to": [e["text"] for e in inside if e["family"] == "source"],
            "cues": texts("attribution_cue"),
            "quoted": evidence.quoted(sentence.start, sentence.end),
            "naming": [{"text": e["text"], "axis": e.get("axis"), "voice": e["voice"]}
                       for e in inside if e["family"] == "naming"],
            "loaded": texts("loaded", "unquoted"), "scare_quotes": texts("scare_quote"),
            "evidence": [{k: e[k] for k in ("family", "start", "end", "text", "voice")} for e in inside
                         if e["family"] in highlighted]}


class EvidenceIndex:
    """An article's evidence by where it starts, so that each aligned sentence finds its own by
    bisection rather than by reading all of it."""

    def __init__(self, evidence: Sequence[Mapping[str, Any]]):
        self.evidence = evidence
        self.order = sorted(range(len(evidence)), key=lambda k: evidence[k].get("start", -1))
        self.starts = [evidence[k].get("start", -1) for k in self.order]
        self.quotations = [(e["start"], e["end"]) for e in evidence if e["family"] == "quotation"]

    def inside(self, start: int, end: int) -> list[Mapping[str, Any]]:
        """The evidence starting in ``[start, end)``, in the profile's order."""
        first, last = bisect_left(self.starts, start), bisect_left(self.starts, end)
        return [self.evidence[k] for k in sorted(self.order[first:last])]

    def quoted(self, start: int, end: int) -> bool:
        """Whether a quotation overlaps ``[start, end)``."""
        return any(a < end and start < b for a, b in self.quotations)


def framing_differences(a: Mapping[str, Any], b: Mapping[str, Any]) -> list[str]:
    """Which ways two framings of one claim differ (names from ``DIFFERENCES``).

    >>> plain = {"hedged": False, "attributed_to": [], "cues": ["said"], "quoted": False, "naming": [],
    ...          "loaded": [], "scare_quotes": [], "boosters": []}
    >>> framing_differences(plain, dict(plain, hedged=True, quoted=True))
    ['hedged vs asserted', 'quoted vs paraphrased']
    """
    def words(values: Sequence[str]) -> set[str]:
        return {fold(v) for v in values}

    found = []
    if a["hedged"] != b["hedged"]:
        found.append("hedged vs asserted")
    if words(a["attributed_to"]) != words(b["attributed_to"]) or bool(a["cues"]) != bool(b["cues"]):
        found.append("attribution")
    if a["quoted"] != b["quoted"]:
        found.append("quoted vs paraphrased")
    if {(n["axis"], fold(n["text"])) for n in a["naming"]} != {(n["axis"], fold(n["text"])) for n in b["naming"]}:
        found.append("naming variant")
    if words(a["loaded"]) != words(b["loaded"]):
        found.append("loaded wording")
    if bool(a["scare_quotes"]) != bool(b["scare_quotes"]):
        found.append("scare quotes")
    if bool(a["boosters"]) != bool(b["boosters"]):
        found.append("boosted vs plain")
    return found


def same_words(a: str, b: str) -> bool:
    """Whether two sentences are the same words (case, punctuation and spacing aside)."""
    return _SPACE.sub(" ", fold(a)).strip() == _SPACE.sub(" ", fold(b)).strip()


def story_claims(story: Story, sentences: SentenceReader, articles: Mapping[str, tuple[Mapping[str, Any], str]],
                 outlets: Mapping[str, str]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Aligned claims of one story between its different outlets, ranked, and their divergences
    (``articles``: the story's profiles and texts by id).

    Claims are matched one to one; divergences are read off every pair of
    sentences that scores as the same claim (a sentence may restate a date
    another outlet gave in a sentence aligned elsewhere), once per pair of
    articles and values, from the best-scoring pair.
    """
    by_id = {article: profile for article, (profile, _) in articles.items()}
    pooled = [s for article in story.articles for s in sentences(*articles[article])]
    scored = scored_pairs(pooled, outlets=outlets, threshold=min(DIVERGENCE_SCORE, THRESHOLD))
    found, seen = [], set()
    per_pair: dict[tuple[str, int, str, int], int] = {}
    for score, a, b in scored:
        for d in divergences(a, b, score):
            key = (a.article, b.article, d["kind"], repr(d["values"]))
            if key in seen:
                continue
            seen.add(key)
            per_pair[(a.article, a.index, b.article, b.index)] = per_pair.get((a.article, a.index, b.article,
                                                                               b.index), 0) + 1
            found.append(dict(d, a={"id": a.article, "start": a.start, "end": a.end},
                              b={"id": b.article, "start": b.start, "end": b.end}, story=story.id))
    claims: list[dict[str, Any]] = []
    indexes: dict[str, EvidenceIndex] = {}

    def framing_of(sentence: Sentence) -> dict[str, Any]:
        profile = by_id[sentence.article]
        if sentence.article not in indexes:
            indexes[sentence.article] = EvidenceIndex(profile.get("evidence", []))
        return claim_framing(sentence, profile, indexes[sentence.article])

    for a, b, score in one_to_one([t for t in scored if t[0] >= THRESHOLD]):
        framing = {"a": framing_of(a), "b": framing_of(b)}
        differences = framing_differences(framing["a"], framing["b"])
        claims.append({"story": story.id, "a": _side(a, by_id[a.article]), "b": _side(b, by_id[b.article]),
                       "score": score, "differences": differences,
                       "identical": not differences and same_words(a.text, b.text),
                       "divergences": per_pair.get((a.article, a.index, b.article, b.index), 0),
                       "framing": framing})
    claims.sort(key=lambda c: (c["identical"], -len(c["differences"]) - c["divergences"], -c["score"],
                               c["a"]["id"], c["a"]["start"], c["b"]["id"], c["b"]["start"]))
    return claims, found


def _side(sentence: Sentence, profile: Mapping[str, Any]) -> dict[str, Any]:
    return {"id": sentence.article, "start": sentence.start, "end": sentence.end, "text": sentence.text,
            "outlet": profile.get("outlet")}
