"""4. Persuasion techniques against SemEval-2023 Task 3 technique spans (``semeval23/<lang>/``)."""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Mapping, NamedTuple, Sequence

from live_framing import Framing

from .evidence import failure_note
from .metrics import Tally
from .sections import ErrorLog, Headline, Row, Section

PERSUASION_TARGETS = {"en": 0.30, "fr": 0.25, "de": 0.25}
PERSUASION_BLIND_TARGET = {"en": 0.45}
# The gold techniques the ``loaded`` family is compared with (the loaded-language measure).
LOADED_GOLD = ("Loaded_Language", "Name_Calling-Labeling")
# Span widths compared in the width study: the same width for every technique, then framing's own.
WIDTH_STUDY = ("cue", "phrase", "clause", "sentence")


@dataclass
class OverlapTally(Tally):
    """SemEval-style overlap counts, as ``../shared/tools/evalcheck.py`` computes them: a
    prediction is right when it overlaps a gold span (of its technique), a gold span is found
    when a prediction overlaps it. Several predictions may overlap one gold span and the
    reverse, so ``tp`` (right predictions) and ``found`` (found gold spans) differ."""

    found: int = 0
    gold: int = 0

    def add(self, other: "Tally") -> None:
        super().add(other)
        if isinstance(other, OverlapTally):
            self.found += other.found
            self.gold += other.gold

    @property
    def n_gold(self) -> int:
        return self.gold

    @property
    def recall(self) -> float | None:
        return self.found / self.gold if self.gold else None


class TechniqueSpan(NamedTuple):
    start: int
    end: int
    technique: str


def overlap_tally(gold: Sequence[TechniqueSpan], pred: Sequence[TechniqueSpan], *, blind: bool) -> OverlapTally:
    """Overlap counts of one article; ``blind`` ignores the technique."""
    def hit(a: TechniqueSpan, b: TechniqueSpan) -> bool:
        return a.start < b.end and b.start < a.end and (blind or a.technique == b.technique)
    right = sum(any(hit(p, g) for g in gold) for p in pred)
    found = sum(any(hit(g, p) for p in pred) for g in gold)
    return OverlapTally(tp=right, fp=len(pred) - right, found=found, gold=len(gold))


def load_semeval(folder: Path) -> list[tuple[str, str, list[TechniqueSpan]]]:
    """(id, text, gold technique spans) per article; texts read with ``newline=''`` (offsets count CRLF)."""
    gold: dict[str, list[TechniqueSpan]] = defaultdict(list)
    for line in (folder / "techniques.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip():
            article, technique, start, end = line.split("\t")
            gold[article].append(TechniqueSpan(int(start), int(end), technique))
    articles = []
    for path in sorted((folder / "articles").glob("*.txt")):
        with open(path, encoding="utf-8", newline="") as f:
            articles.append((path.stem, f.read(), gold.get(path.stem, [])))
    return articles


def persuasion_at_widths(fw: Framing, article_id: str, text: str, language: str,
                         widths: Sequence[Mapping[str, str]]) -> tuple[list[TechniqueSpan], list[list[TechniqueSpan]]]:
    """The ``loaded`` family's spans, and the persuasion spans at each width setting, of one
    article: the document and the earlier families' evidence are built once, as the scorer
    does, and the extractor rerun per setting."""
    from framing.document import build_document
    from framing.extractors import EXTRACTORS
    from framing.extractors.persuasion import extract_persuasion
    from framing.language import identify

    scorer = fw.scorer
    guess = identify(text, scorer.supported, given=language)
    tables = scorer.tables(guess.code)
    document = build_document(fw.article(id=article_id, text=text), guess, tables.matcher, tables.wordlists)
    earlier = [e for extract in EXTRACTORS.values() for e in extract(document)]
    loaded = [TechniqueSpan(e.start, e.end, LOADED_GOLD[0]) for e in earlier if e.family == "loaded"]
    return loaded, [[TechniqueSpan(e.start, e.end, e.technique or "")
                     for e in extract_persuasion(document, earlier, widths=w)] for w in widths]


def evaluate_persuasion(fw: Framing, folder: Path, language: str, show: int) -> Section:
    """Persuasion-technique spans against SemEval-2023 Task 3 (one language)."""
    from framing.extractors.persuasion import WIDTHS
    from framing.techniques import TECHNIQUES

    articles = load_semeval(folder)
    same, blind = OverlapTally(), OverlapTally()
    per_technique: dict[str, OverlapTally] = defaultdict(OverlapTally)
    study = {w: (OverlapTally(), OverlapTally()) for w in WIDTH_STUDY}
    loaded_tally = OverlapTally()
    failures: Counter = Counter()
    log = ErrorLog(f"persuasion-{language}", show)
    settings = [WIDTHS] + [{t: w for t in TECHNIQUES} for w in WIDTH_STUDY]
    for article_id, text, gold in articles:
        try:
            loaded, (pred, *at_width) = persuasion_at_widths(fw, article_id, text, language, settings)
        except fw.error as exc:
            failures[type(exc).__name__] += 1
            loaded, pred, at_width = [], [], [[] for _ in WIDTH_STUDY]
        loaded_tally.add(overlap_tally([TechniqueSpan(g.start, g.end, LOADED_GOLD[0]) for g in gold
                                        if g.technique in LOADED_GOLD], loaded, blind=True))
        same.add(overlap_tally(gold, pred, blind=False))
        blind.add(overlap_tally(gold, pred, blind=True))
        for technique in {g.technique for g in gold} | {p.technique for p in pred}:
            per_technique[technique].add(overlap_tally([g for g in gold if g.technique == technique],
                                                       [p for p in pred if p.technique == technique], blind=False))
        for w, spans in zip(WIDTH_STUDY, at_width):
            study[w][0].add(overlap_tally(gold, spans, blind=False))
            study[w][1].add(overlap_tally(gold, spans, blind=True))
        for p in pred:
            if not any(p.start < g.end and g.start < p.end and p.technique == g.technique for g in gold):
                log.record("false positives", p.technique, article_id, text, (p.start, p.end))
    log.dump()
    n = f"{len(articles)} articles"
    rows = [Row("**same technique** (micro over techniques)", same, n),
            Row("technique-blind span", blind, n)]
    rows += [Row(f"{technique}{'' if technique in TECHNIQUES else ' (not detected)'}", per_technique[technique], n)
             for technique in sorted(per_technique, key=lambda t: (-per_technique[t].gold, t))]
    rows += [Row(f"width study: every technique at `{w}`, same technique", study[w][0], n) for w in WIDTH_STUDY]
    rows += [Row(f"width study: every technique at `{w}`, technique-blind", study[w][1], n) for w in WIDTH_STUDY]
    rows.append(Row("`loaded` family vs Loaded_Language + Name_Calling-Labeling spans (evalcheck `loaded-"
                    f"{language}`)", loaded_tally, n))
    section = Section(f"4. Persuasion techniques ({language}) vs SemEval-2023 Task 3 spans", rows)
    section.notes = [
        "Overlap matching as `../shared/tools/evalcheck.py persuasion-" + language + "` computes it: P = "
        "predictions overlapping a gold span of their technique / predictions (TP column), R = gold spans "
        "overlapped by a prediction of their technique / gold spans; *technique-blind* ignores the technique.",
        "Span widths: framing's own in the first rows (`framing.extractors.persuasion.WIDTHS`: "
        + "; ".join(f"`{w}` for {', '.join(sorted(t for t in WIDTHS if WIDTHS[t] == w))}"
                    for w in WIDTH_STUDY if w in WIDTHS.values())
        + "; spans of one technique in one sentence and voice are merged); the width study reruns the extractor "
        "with one width for every technique (`cue` = the matched words, `phrase` = up to two words either side "
        "within the clause, `clause` = out to the nearest , ; : ( ) or dash, `sentence` = the whole sentence, "
        "up to 60 words).",
        "Techniques marked *not detected* are annotated in the data but outside framing's declared set.",
        failure_note(failures, len(articles), "articles"),
        "data: SemEval-2023 Task 3 (Piskorski et al. 2023), training part as given in `../shared/eval/semeval23`.",
    ]
    section.errors = log.error_counts()
    target = PERSUASION_TARGETS[language]
    section.headline = Headline(f"(d) persuasion {language}: span overlap, same technique", same, target, None,
                                "no published list (lexicon and rules written from the guidelines)")
    section.extra_headlines = ([Headline(f"(d) persuasion {language}: technique-blind span", blind,
                                         PERSUASION_BLIND_TARGET[language], None, "–")]
                               if language in PERSUASION_BLIND_TARGET else [])
    return section
