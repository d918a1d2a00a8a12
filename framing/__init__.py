"""framing: media-bias and framing analysis with evidence for every score.

>>> import framing
>>> profile = framing.score("Rabat invests in the Moroccan Sahara.", language="en")
>>> profile["naming"]["western_sahara"]["stance"]
1.0
>>> [(e["text"], e["voice"]) for e in profile["evidence"] if e["family"] == "naming"]
[('Moroccan Sahara', 'unquoted')]
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable

from . import corpus
from .errors import FramingError, InputError, LanguageUndeterminedError, LexiconError, UnsupportedLanguageError
from .evidence import Evidence
from .dataframes import Comparison, ProfileRecord
from .lexicon import LexiconSet, load_lexicons
from .profile import Profile
from .reading import Article, ReadFailure, article_from_text, read_paths
from .scoring import FRAMING_VERSION, Scorer

__version__ = FRAMING_VERSION


def __getattr__(name: str) -> Any:
    """``framing.compare``, imported on first use: it loads numpy and the comparison modules,
    which scoring does not need (a third of the start-up of ``framing score``)."""
    if name == "compare":
        from .comparison.groups import compare
        return compare
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


@lru_cache(maxsize=4)
def _scorer(lexicons: tuple[str, ...], readability: bool) -> Scorer:
    return Scorer(load_lexicons(lexicons), readability=readability)


def score(text: str, *, language: str | None = None, title: str | None = None,
          lexicons: Iterable[str | Path] | None = None, id: str = "text",
          readability: bool = False) -> dict[str, Any]:
    """Score one article given as a string; returns the ``framing.profile/1`` dict.

    ``language`` overrides detection; ``lexicons`` adds lexicon files or folders
    to the shipped ones; ``readability`` adds Flesch reading ease.
    """
    article = article_from_text(text, id=id, title=title, language=language)
    scorer = _scorer(tuple(str(p) for p in (lexicons or ())), readability)
    return ProfileRecord(scorer.score(article).to_dict())


__all__ = [
    "Article", "Comparison", "Evidence", "ProfileRecord", "FramingError", "InputError", "LanguageUndeterminedError", "LexiconError", "LexiconSet", "Profile",
    "ReadFailure", "Scorer", "UnsupportedLanguageError", "compare", "corpus", "load_lexicons", "read_paths",
    "score",
    "__version__",
]
