"""What each lexicon family may hold: its declared categories.

The loader rejects a family or a category not declared here (a misspelt
``hegde`` folder or ``categroy = "modal"`` would otherwise switch entries off
without a word), and the rule tables of the extractors are checked against
the same declarations when they are imported. ``lexicons/README.md``
describes every category.
"""
from __future__ import annotations

from .frames.ids import FRAME_IDS
from .techniques import TECHNIQUES

DISTRACTOR = "distractor"

LEXICON_CATEGORIES: dict[str, frozenset[str]] = {
    "abbreviation": frozenset({"title", "general", "initial"}),
    "attribution_cue": frozenset({"neutral", "distancing", "endorsing", DISTRACTOR}),
    "boilerplate": frozenset({"trailer_heading"}),
    "booster": frozenset({"certainty_adjective", "certainty_adverb", "intensifier"}),
    "factive": frozenset({"factive", "evidential"}),
    "frame": frozenset(FRAME_IDS) | {DISTRACTOR},  # the frame ids of the Policy Frames Codebook
    "grammar": frozenset({
        "ability_modal", "adverb_suffix", "channel_cue", "clause_boundary", "common_noun_suffix",
        "compound_exception", "compound_head", "compound_modifier", "condition_word", "copula",
        "deliberative_modal", "demonym_suffix", "determiner", "function_word", "government_noun", "group_member_noun",
        "heading_label", "imperfect_only_modal", "imperfect_prefix", "indefinite_article", "irony_marker",
        "irony_tag", "label_suffix", "mention_frame", "mention_gloss", "mention_head", "month",
        "name_introducer", "name_joiner", "name_particle", "naming_marker", "naming_participle",
        "number_word", "organisation_word", "participle", "participle_prefix", "participle_suffix",
        "past_suffix", "perfect_auxiliary", "perfect_verb", "person_noun", "person_title", "predicative_cue",
        "predicative_marker", "prepositional_cue", "pronoun", "quotation_cue", "relative_pronoun",
        "reporting_clause", "scale", "self_description", "sentence_cue", "separable_particle", "speech_frame",
        "subject_after_verb", "subject_boundary", "title_function_word", "unquoted_cue", "verb_marker",
        "weekday"
    }),
    "hedge": frozenset({"approximator", "conditional", "distancing", "doxastic_verb", "epistemic_adjective",
                        "epistemic_adverb", "modal", "reportative", "tentative_verb", "vague"}),
    "loaded": frozenset({"label", "subjective", DISTRACTOR}),
    "naming": frozenset({DISTRACTOR}),  # naming entries carry an axis and a position instead
    "negation": frozenset({"negator"}),
    "source_noun": frozenset({"anonymous", "document", "vague"}),
    # category = the SemEval-2023 technique (framing/techniques.py); a distractor is a word of another
    # family (loaded) that is no technique in its descriptive news sense ("regime").
    "persuasion": frozenset(TECHNIQUES) | {DISTRACTOR},
}

# Word-list names besides ``grammar.<category>`` that rules may ask a document for.
PLAIN_WORDLISTS = ("abbreviation", "negation", "boilerplate")


def check_categories(family: str, categories: set[str] | frozenset[str], where: str) -> None:
    """Raise ``ValueError`` unless every one of ``categories`` is declared for ``family``."""
    unknown = set(categories) - LEXICON_CATEGORIES.get(family, frozenset())
    if unknown:
        raise ValueError(f"{where}: categories {sorted(unknown)} are not declared for the lexicon family "
                         f"{family!r} (framing/lexicon_schema.py)")
