"""framing inside scikit-learn and pandas."""
import pickle

import numpy as np
import pytest
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import Pipeline

import framing
from framing.sklearn import FramingVectorizer

from .conftest import CORPUS

DOCS = [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt"))]


def test_transform_is_dense_named_and_stateless():
    vectorizer = FramingVectorizer()
    assert vectorizer.fit(DOCS) is vectorizer
    X = vectorizer.transform(DOCS)
    names = list(vectorizer.get_feature_names_out())
    assert isinstance(X, np.ndarray) and X.shape == (5, len(names))
    assert np.isfinite(X).all()
    assert X[1, names.index("western_sahara_stance")] == 1.0
    assert X[4, names.index("western_sahara_mentions")] == 0.0
    assert np.array_equal(FramingVectorizer().transform(DOCS), X)  # no fitted state


def test_pipeline_with_a_classifier_and_pickling():
    pipeline = Pipeline([("framing", FramingVectorizer()), ("model", LogisticRegression(max_iter=500))])
    labels = [1, 1, 0, 1, 0]
    pipeline.fit(DOCS, labels)
    clone = pickle.loads(pickle.dumps(pipeline))
    assert list(clone.predict(DOCS)) == list(pipeline.predict(DOCS))


def test_a_bare_string_is_refused_clearly():
    with pytest.raises(ValueError, match="iterable of documents"):
        FramingVectorizer().fit_transform("one article as a string")


def test_unscorable_documents_raise_or_become_zeros():
    with pytest.raises(framing.FramingError):
        FramingVectorizer().transform(["   "])
    X = FramingVectorizer(on_error="zeros").transform(["   ", DOCS[0]])
    assert not X[0].any() and X[1].any()


def test_to_frame_on_profiles_and_comparisons():
    pytest.importorskip("pandas")
    profile = framing.score(DOCS[1], id="001")
    frame = profile.to_frame()
    assert frame.loc["001", "western_sahara_stance"] == 1.0
    assert len(profile.evidence_frame()) == len(profile["evidence"])
    scorer = framing.Scorer()
    profiles = [scorer.score(a).to_dict() for a in framing.corpus.load("belmokhtar-2013")]
    table = framing.compare(profiles, resamples=100).to_frame()
    assert table.loc[("Menas Associates", "hedge"), "articles"] == 1
