"""A frame classifier users train on their own coded articles (multi-label).

``FrameClassifier`` learns which generic frames of the Policy Frames Codebook an
article uses from labelled examples. Its features are framing's own frame evidence,
counted per frame and voice (log-scaled), beside TF-IDF word and character n-grams; one logistic
regression per frame. It follows scikit-learn's conventions (``__init__`` only
stores its arguments, fitted state ends in ``_``), so ``clone``, ``cross_val_predict``
and grid searches work, and every predicted frame comes with the evidence spans that
weigh most for it.

Models are saved as ``.npz`` arrays plus JSON metadata, read back with
``allow_pickle=False``: loading a model file never executes code.

>>> texts = ["The army fired missiles at the border.", "Taxes and prices rose, the economy shrank."] * 4
>>> labels = [["security_and_defense"], ["economic"]] * 4
>>> model = FrameClassifier(language="en", min_df=1).fit(texts, labels)
>>> model.predict_frames(["Missiles hit the army base."])
[['security_and_defense']]
"""
from __future__ import annotations

import io
import json
import math
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable, Mapping, Sequence

import numpy as np
from scipy import sparse
from sklearn.base import BaseEstimator, ClassifierMixin
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression

from .._version import __version__
from ..document import QUOTED, UNQUOTED
from ..errors import FramingError
from .ids import FRAME_FAMILY, FRAME_IDS
from ..lexicon import load_lexicons
from ..reading import article_from_text
from ..scoring import BATCH_SIZE, Scorer

MODEL_FORMAT = "framing.frame-model/1"
VOICES = (UNQUOTED, QUOTED)
# Per frame: log(1 + count) in each voice, then its share of the article's frame evidence (both voices).
EVIDENCE_FEATURES = tuple(f"frame:{frame}:{kind}" for frame in FRAME_IDS for kind in (*VOICES, "share"))


class FrameLabelError(FramingError, ValueError):
    """Training labels the classifier cannot learn from: unknown frames, empty lists, one class."""


@lru_cache(maxsize=4)
def _scorer(lexicons: tuple[str, ...]) -> Scorer:
    return Scorer(load_lexicons(lexicons))


def check_labels(y: Any, n_documents: int, ids: Sequence[str] | None = None) -> np.ndarray:
    """Label lists as a documents x ``FRAME_IDS`` indicator matrix, or a clear error naming
    the document (by its id in ``ids``, else by its index).

    >>> check_labels([["economic"], ["political", "economic"]], 2).sum(axis=0)[:1]
    array([2])
    """
    if isinstance(y, (str, bytes)):
        raise FrameLabelError("labels must be one list of frame ids per document, not a single string")
    rows = list(y)
    if len(rows) != n_documents:
        raise FrameLabelError(f"{len(rows)} label lists for {n_documents} documents")
    matrix = np.zeros((len(rows), len(FRAME_IDS)), dtype=int)
    for index, labels in enumerate(rows):
        name = f"article {ids[index]!r}" if ids is not None else f"document {index}"
        if isinstance(labels, str) or not isinstance(labels, Iterable):
            raise FrameLabelError(f"{name}: labels must be a list of frame ids, not {labels!r}")
        labels = list(labels)
        if not labels:
            raise FrameLabelError(f"{name}: empty label list (every training article needs at least "
                                  "one frame; leave unlabelled articles out)")
        unknown = sorted({str(label) for label in labels} - set(FRAME_IDS))
        if unknown:
            raise FrameLabelError(f"{name}: unknown frames {unknown}; frames are {', '.join(FRAME_IDS)}")
        for label in labels:
            matrix[index, FRAME_IDS.index(label)] = 1
    used = np.flatnonzero(matrix.sum(axis=0))
    if len(used) < 2:
        raise FrameLabelError("the labels name a single class "
                              f"({FRAME_IDS[used[0]] if len(used) else 'none'}); a classifier needs at least two frames")
    return matrix


def evidence_row(profile: Mapping[str, Any]) -> list[float]:
    """Per frame: log(1 + count) of its evidence in each voice and its share of all frame evidence
    (both voices), from a profile's ``frames`` section; in ``EVIDENCE_FEATURES`` order."""
    frames = profile.get("frames") or {}
    counts = {frame: [float(frames.get(frame, {}).get(voice, 0)) for voice in VOICES] for frame in FRAME_IDS}
    total = sum(sum(c) for c in counts.values())
    row: list[float] = []
    for frame in FRAME_IDS:
        row += [math.log1p(c) for c in counts[frame]] + [sum(counts[frame]) / total if total else 0.0]
    return row


class FrameClassifier(ClassifierMixin, BaseEstimator):
    """Multi-label frame classifier: framing's frame evidence per voice plus word n-grams.

    Parameters
    ----------
    language : the language of every document, or None to identify it per document.
    lexicons : extra lexicon files or folders (their frame entries add evidence).
    ngram_range, min_df, max_features : the word n-gram TF-IDF features.
    char_weight : scale of character n-gram TF-IDF features (``char_ngram_range``, within
        word boundaries, sublinear tf); 0 leaves them out. They share evidence between
        inflected forms, which helps most where coded articles are few.
    C : inverse regularisation strength of each frame's logistic regression.
    evidence_weight : scale of the frame evidence features relative to the n-grams.
    threshold : probability from which a frame is predicted.
    class_weight : passed to each logistic regression (None or "balanced").

    The defaults were chosen by 5-fold cross-validation on SemEval-2023 development
    articles (see ``benchmarks/frames_accuracy.py``): unigrams, C = 10, evidence weight 0.25,
    threshold 0.3, unweighted classes did best among the few settings tried; a threshold
    (global or per frame) chosen by inner cross-validation, balanced class weights, C = 1
    or 100 and evidence weight 1 did no better in nested cross-validation, character
    2-5-grams at weight 1 did (in English, French and German alike).
    """

    def __init__(self, *, language: str | None = None, lexicons: tuple[str, ...] = (),
                 ngram_range: tuple[int, int] = (1, 1), min_df: int = 2, max_features: int | None = 50000,
                 C: float = 10.0, evidence_weight: float = 0.25, threshold: float = 0.3,
                 class_weight: str | None = None, char_weight: float = 1.0,
                 char_ngram_range: tuple[int, int] = (2, 5)):
        self.language = language
        self.lexicons = lexicons
        self.ngram_range = ngram_range
        self.min_df = min_df
        self.max_features = max_features
        self.C = C
        self.evidence_weight = evidence_weight
        self.threshold = threshold
        self.class_weight = class_weight
        self.char_weight = char_weight
        self.char_ngram_range = char_ngram_range

    # ------------------------------------------------------------------ training
    def fit(self, X: Iterable[str], y: Any) -> "FrameClassifier":
        """Learn one logistic regression per frame that occurs in ``y`` (lists of frame ids)."""
        texts = _texts(X)
        labels = check_labels(y, len(texts))
        profiles = self.profiles(texts)
        self.vectorizer_ = TfidfVectorizer(ngram_range=tuple(self.ngram_range), min_df=self.min_df,
                                           max_features=self.max_features, sublinear_tf=True)
        self.vectorizer_.fit(texts)
        self.char_vectorizer_ = None
        if self.char_weight:
            self.char_vectorizer_ = TfidfVectorizer(analyzer="char_wb", ngram_range=tuple(self.char_ngram_range),
                                                    min_df=self.min_df, max_features=self.max_features,
                                                    sublinear_tf=True).fit(texts)
        features = self._features(texts, profiles)
        used = [k for k in range(len(FRAME_IDS)) if labels[:, k].any()]
        self.classes_ = np.asarray([FRAME_IDS[k] for k in used], dtype=object)
        coef, intercept = [], []
        for k in used:
            column = labels[:, k]
            if column.all():  # present in every training article: a constant, no regression to fit
                coef.append(np.zeros(features.shape[1]))
                intercept.append(10.0)
                continue
            # The dual problem has one variable per article, not per n-gram: with a few hundred coded
            # articles and ~100,000 n-gram features it is solved several times faster, to the same optimum.
            model = LogisticRegression(C=self.C, class_weight=self.class_weight, max_iter=5000, solver="liblinear",
                                       dual=True)
            model.fit(features, column)
            coef.append(model.coef_[0])
            intercept.append(float(model.intercept_[0]))
        self.coef_ = np.vstack(coef)
        self.intercept_ = np.asarray(intercept)
        self.n_features_in_ = 1
        return self

    # ---------------------------------------------------------------- prediction
    def predict_proba(self, X: Iterable[str]) -> np.ndarray:
        """Probability of each frame in ``classes_`` per document (documents x classes)."""
        texts = _texts(X)
        return self.proba_from(texts, self.profiles(texts))

    def predict(self, X: Iterable[str]) -> np.ndarray:
        """Indicator matrix (documents x ``classes_``): 1 where the probability reaches ``threshold``."""
        return (self.predict_proba(X) >= self.threshold).astype(int)

    def predict_frames(self, X: Iterable[str]) -> list[list[str]]:
        """The predicted frame ids per document."""
        return [[str(c) for c, hit in zip(self.classes_, row) if hit] for row in self.predict(X)]

    def proba_from(self, texts: Sequence[str], profiles: Sequence[Mapping[str, Any]]) -> np.ndarray:
        """Probabilities from texts already scored (their framing profiles as dicts)."""
        self._check_fitted()
        scores = np.asarray(self._features(texts, profiles) @ self.coef_.T) + self.intercept_
        return 1.0 / (1.0 + np.exp(-scores))

    def explain(self, text: str, profile: Mapping[str, Any], *, top: int = 5) -> dict[str, Any]:
        """``frames_predicted`` for one scored article: per predicted frame its probability, the
        frame evidence spans that weigh most for it (weight = the coefficient of the span's
        frame and voice feature, shared among that feature's spans) and the n-grams that do."""
        probabilities = self.proba_from([text], [profile])[0]
        words = self._ngrams([text]).tocoo()
        names = self._ngram_names()
        evidence = [e for e in profile.get("evidence", []) if e.get("family") == FRAME_FAMILY]
        counts: dict[tuple[str, str], int] = {}
        for e in evidence:
            counts[(e["frame"], e["voice"])] = counts.get((e["frame"], e["voice"]), 0) + 1
        offset = len(names)
        out: dict[str, Any] = {}
        for k, frame in enumerate(self.classes_):
            if probabilities[k] < self.threshold:
                continue
            coef = self.coef_[k]
            weighed = []
            for e in evidence:
                column = offset + EVIDENCE_FEATURES.index(f"frame:{e['frame']}:{e['voice']}")
                n = counts[(e["frame"], e["voice"])]
                weight = float(coef[column]) * self.evidence_weight * math.log1p(n) / n
                if weight > 0:
                    weighed.append((weight, e))
            weighed.sort(key=lambda pair: -pair[0])
            terms = sorted(((float(coef[j] * v), str(names[j])) for j, v in zip(words.col, words.data)
                            if coef[j] * v > 0),
                           reverse=True)[:top]
            out[str(frame)] = {
                "probability": float(probabilities[k]),
                "evidence": [dict(e, weight=round(w, 6)) for w, e in weighed[:top]],
                "ngrams": [{"text": t, "weight": round(w, 6)} for w, t in terms],
            }
        return out

    # ---------------------------------------------------------------- features
    def profiles(self, texts: Sequence[str]) -> list[dict[str, Any]]:
        """framing profiles (dicts) of ``texts``; an article framing cannot score raises its error."""
        scorer = _scorer(tuple(map(str, self.lexicons)))
        out: list[dict[str, Any]] = []
        for first in range(0, len(texts), BATCH_SIZE):
            batch = [article_from_text(t, id=f"doc{first + i}") for i, t in enumerate(texts[first:first + BATCH_SIZE])]
            for result in scorer.score_many(batch, language=self.language):
                if isinstance(result, FramingError):
                    raise result
                out.append(result.to_dict())
        return out

    def _ngrams(self, texts: Sequence[str]) -> sparse.csr_matrix:
        """Word n-gram TF-IDF, then character n-gram TF-IDF scaled by ``char_weight`` if used."""
        words = self.vectorizer_.transform(texts)
        chars = getattr(self, "char_vectorizer_", None)
        if chars is None:
            return words.tocsr()
        return sparse.hstack([words, chars.transform(texts) * self.char_weight], format="csr")

    def _ngram_names(self) -> np.ndarray:
        names = self.vectorizer_.get_feature_names_out().astype(object)
        chars = getattr(self, "char_vectorizer_", None)
        if chars is None:
            return names
        return np.concatenate([names, np.asarray([f"char:{c}" for c in chars.get_feature_names_out()], dtype=object)])

    def _features(self, texts: Sequence[str], profiles: Sequence[Mapping[str, Any]]) -> sparse.csr_matrix:
        words = self._ngrams(texts)
        evidence = sparse.csr_matrix(np.asarray([evidence_row(p) for p in profiles], dtype=float)
                                     .reshape(len(profiles), len(EVIDENCE_FEATURES)) * self.evidence_weight)
        return sparse.hstack([words, evidence], format="csr")

    def get_feature_names_out(self, input_features: Any = None) -> np.ndarray:
        self._check_fitted()
        return np.concatenate([self._ngram_names(), np.asarray(EVIDENCE_FEATURES, dtype=object)])

    def _check_fitted(self) -> None:
        if not hasattr(self, "coef_"):
            raise FramingError("this FrameClassifier is not fitted yet: call fit() or load_model() first")

    def __sklearn_tags__(self):
        tags = super().__sklearn_tags__()
        tags.input_tags.string = True
        tags.input_tags.two_d_array = False
        tags.target_tags.multi_output = True
        return tags

    # --------------------------------------------------------------- save/load
    def save(self, path: str | Path) -> None:
        """Write the fitted model as ``.npz`` (arrays and JSON metadata; nothing pickled)."""
        self._check_fitted()
        vocabulary = self.vectorizer_.get_feature_names_out()
        meta = {"format": MODEL_FORMAT, "framing_version": __version__,
                "params": {**self.get_params(), "lexicons": list(map(str, self.lexicons)),
                           "ngram_range": list(self.ngram_range), "char_ngram_range": list(self.char_ngram_range)},
                "classes": [str(c) for c in self.classes_]}
        buffer = io.BytesIO()
        chars = getattr(self, "char_vectorizer_", None)
        extra = {} if chars is None else {"char_vocabulary": chars.get_feature_names_out().astype(str),
                                          "char_idf": chars.idf_}
        np.savez_compressed(buffer, meta=np.asarray(json.dumps(meta)), vocabulary=vocabulary.astype(str),
                            idf=self.vectorizer_.idf_, coef=self.coef_, intercept=self.intercept_, **extra)
        Path(path).write_bytes(buffer.getvalue())


def load_model(path: str | Path) -> FrameClassifier:
    """A ``FrameClassifier`` saved by ``save``; arrays are read with ``allow_pickle=False``."""
    try:
        with np.load(Path(path), allow_pickle=False) as data:
            meta = json.loads(str(data["meta"]))
            vocabulary, idf = [str(t) for t in data["vocabulary"]], data["idf"]
            coef, intercept = data["coef"], data["intercept"]
            char_vocabulary = [str(t) for t in data["char_vocabulary"]] if "char_vocabulary" in data else None
            char_idf = data["char_idf"] if char_vocabulary is not None else None
    except (OSError, ValueError, KeyError, json.JSONDecodeError) as exc:
        raise FramingError(f"{path}: not a framing frame model ({exc})") from None
    if meta.get("format") != MODEL_FORMAT:
        raise FramingError(f"{path}: model format {meta.get('format')!r}, expected {MODEL_FORMAT!r}")
    params = dict(meta["params"])
    params["lexicons"] = tuple(params["lexicons"])
    params["ngram_range"] = tuple(params["ngram_range"])
    params["char_ngram_range"] = tuple(params.get("char_ngram_range", (2, 5)))
    params.setdefault("char_weight", 0.0)  # models saved before character n-grams existed
    unknown = sorted(set(meta["classes"]) - set(FRAME_IDS))
    if unknown:
        raise FramingError(f"{path}: the model names unknown frames {unknown}")
    model = FrameClassifier(**params)
    model.vectorizer_ = _restored(vocabulary, idf, ngram_range=params["ngram_range"])
    model.char_vectorizer_ = None
    if char_vocabulary is not None and char_idf is not None:
        model.char_vectorizer_ = _restored(char_vocabulary, char_idf, analyzer="char_wb",
                                           ngram_range=params["char_ngram_range"])
    model.classes_ = np.asarray(meta["classes"], dtype=object)
    model.coef_ = np.asarray(coef, dtype=float)
    model.intercept_ = np.asarray(intercept, dtype=float)
    model.n_features_in_ = 1
    return model


def _restored(vocabulary: list[str], idf: np.ndarray, **options: Any) -> TfidfVectorizer:
    """A fitted ``TfidfVectorizer`` rebuilt from its saved vocabulary and idf weights."""
    vectorizer = TfidfVectorizer(sublinear_tf=True, vocabulary={term: i for i, term in enumerate(vocabulary)},
                                 **options)
    vectorizer.fit([" ".join(vocabulary[:1])])  # fixes the vocabulary; idf_ is then restored as saved
    vectorizer.idf_ = np.asarray(idf, dtype=float)
    return vectorizer


def _texts(X: Any) -> list[str]:
    if isinstance(X, (str, bytes)):
        raise ValueError("FrameClassifier expects an iterable of documents (e.g. a list of strings), "
                         "not a single string")
    texts = list(X)
    if not all(isinstance(t, str) for t in texts):
        raise ValueError("FrameClassifier expects documents as str")
    return texts
