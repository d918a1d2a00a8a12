"""The generic frames of the Policy Frames Codebook (Boydstun et al. 2014), named as
SemEval-2023 Task 3 names them, lower-cased: the one list every part of framing that
handles frames (lexicon validation, the extractor, the profile, the classifier) reads.
"""
from __future__ import annotations

FRAME_IDS: tuple[str, ...] = (
    "economic",
    "capacity_and_resources",
    "morality",
    "fairness_and_equality",
    "legality_constitutionality_and_jurisprudence",
    "policy_prescription_and_evaluation",
    "crime_and_punishment",
    "security_and_defense",
    "health_and_safety",
    "quality_of_life",
    "cultural_identity",
    "public_opinion",
    "political",
    "external_regulation_and_reputation",
)
FRAME_FAMILY = "frame"
