"""framing as a scikit-learn transformer: articles in, a dense matrix of framing rates out.

``FramingVectorizer`` is stateless, like ``HashingVectorizer``: ``__init__``
only stores its arguments, ``fit`` validates them and returns ``self``, and
``transform`` scores each document. It pickles (the scorer is rebuilt from
the lexicon paths), so it works inside a ``Pipeline`` with a classifier, in
``GridSearchCV`` and across processes.

>>> from framing.sklearn import FramingVectorizer
>>> vectorizer = FramingVectorizer(language="en")
>>> X = vectorizer.fit_transform(["Rabat probably invests in the Moroccan Sahara.", "Officials said so."])
>>> X.shape == (2, len(vectorizer.get_feature_names_out()))
True
"""
from __future__ import annotations

from functools import lru_cache
from typing import Any, Iterable

import numpy as np
from sklearn.base import BaseEstimator, TransformerMixin

from .errors import FramingError
from .families import counted_families
from .flat import flat_row
from .lexicon import load_lexicons
from .reading import article_from_text
from .scoring import BATCH_SIZE, Scorer

ATTRIBUTION_FEATURES = ("coverage", "quoted_share", "anonymous_share")


@lru_cache(maxsize=4)
def _scorer(lexicons: tuple[str, ...]) -> Scorer:
    return Scorer(load_lexicons(lexicons))


class FramingVectorizer(TransformerMixin, BaseEstimator):
    """Own-voice rates per 1,000 words of every family, attribution shares, naming stances.

    Parameters
    ----------
    language : the language of every document, or None to identify it per document.
    lexicons : extra lexicon files or folders.
    axes : naming axes whose own-voice stance becomes a column (missing evidence is 0.0 and a
        ``<axis>_mentions`` column of 0 tells it apart from a neutral stance); None (the
        default) for every axis of the lexicons.
    on_error : "raise" (default) or "zeros": what to do with a document framing cannot score.
    """

    def __init__(self, *, language: str | None = None, lexicons: tuple[str, ...] = (),
                 axes: tuple[str, ...] | None = None, on_error: str = "raise"):
        self.language = language
        self.lexicons = lexicons
        self.axes = axes
        self.on_error = on_error

    def fit(self, X: Iterable[str], y: Any = None) -> "FramingVectorizer":
        """Validate the parameters and the input; nothing is learned."""
        self._validate_input(X)
        if self.on_error not in ("raise", "zeros"):
            raise ValueError(f"on_error must be 'raise' or 'zeros', not {self.on_error!r}")
        unknown = set(self.axes or ()) - set(_scorer(tuple(map(str, self.lexicons))).lexicons.axes)
        if unknown:
            raise ValueError(f"unknown naming axes {sorted(unknown)}")
        return self

    def transform(self, X: Iterable[str]) -> np.ndarray:
        """One row of floats per document, columns as ``get_feature_names_out()``."""
        self._validate_input(X)
        scorer = _scorer(tuple(map(str, self.lexicons)))
        names, axes = self.get_feature_names_out(), self._axes()
        rows = []
        texts = list(X)
        for first in range(0, len(texts), BATCH_SIZE):
            for result in self._score_batch(scorer, texts[first:first + BATCH_SIZE], first):
                if isinstance(result, FramingError):
                    if self.on_error == "raise":
                        raise result
                    rows.append([0.0] * len(names))
                else:
                    flat = flat_row(result.to_dict(), axes)
                    rows.append([float(flat[name] or 0.0) for name in names])
        return np.asarray(rows, dtype=float).reshape(len(rows), len(names))

    def _score_batch(self, scorer: Scorer, texts: list[str], offset: int) -> list[Any]:
        """Profiles or ``FramingError``s of ``texts`` in order, scored together (``Scorer.score_many``)."""
        results: list[Any] = [None] * len(texts)
        articles = []
        for index, text in enumerate(texts):
            try:
                articles.append((index, article_from_text(text, id=f"doc{offset + index}")))
            except FramingError as exc:
                results[index] = exc
        scored = scorer.score_many([article for _, article in articles], language=self.language)
        for (index, _), result in zip(articles, scored):
            results[index] = result
        return results

    def get_feature_names_out(self, input_features: Any = None) -> np.ndarray:
        """Columns of ``framing.flat`` rows: rates per counted family, attribution shares,
        stance and own-voice mentions per axis."""
        names = [f"{family}_per_1000_words" for family in counted_families()]
        names += [f"attribution_{name}" for name in ATTRIBUTION_FEATURES]
        for axis in self._axes():
            names += [f"{axis}_stance", f"{axis}_mentions"]
        return np.asarray(names, dtype=object)

    def _axes(self) -> tuple[str, ...]:
        if self.axes is not None:
            return tuple(self.axes)
        return tuple(sorted(_scorer(tuple(map(str, self.lexicons))).lexicons.axes))


    @staticmethod
    def _validate_input(X: Any) -> None:
        if isinstance(X, (str, bytes)):
            raise ValueError("FramingVectorizer expects an iterable of documents (e.g. a list of strings), "
                             "not a single string")

    def __sklearn_tags__(self):
        tags = super().__sklearn_tags__()
        tags.input_tags.string = True
        tags.input_tags.two_d_array = False
        tags.requires_fit = False
        return tags
