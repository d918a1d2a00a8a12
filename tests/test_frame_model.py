"""The trainable frame classifier: labels, fit/predict, save/load, explanations, the CLI pair."""
import json

import numpy as np
import pytest
from sklearn.base import clone

from framing.cli import main
from framing.errors import FramingError
from framing.frames.ids import FRAME_IDS
from framing.frames.model import FrameClassifier, FrameLabelError, check_labels, load_model

SECURITY = ["The army fired missiles across the border and troops advanced.",
            "Soldiers attacked the base with drones and artillery overnight.",
            "Military commanders warned of a new offensive near the front line.",
            "Troops and tanks moved to the border as the war escalated."]
ECONOMY = ["Taxes and prices rose while the economy shrank and wages fell.",
           "Inflation hit consumers as the budget deficit grew again.",
           "The central bank raised interest rates to curb inflation.",
           "Companies cut jobs as energy prices and costs kept rising."]
TEXTS = SECURITY + ECONOMY
LABELS = [["security_and_defense"]] * 4 + [["economic", "political"], ["economic"], ["economic"], ["economic"]]


@pytest.fixture(scope="module")
def model():
    return FrameClassifier(language="en", min_df=1).fit(TEXTS, LABELS)


def test_fit_predict_shapes_and_classes(model):
    assert list(model.classes_) == ["economic", "security_and_defense", "political"]
    proba = model.predict_proba(["Missiles struck the army base.", "Prices and taxes went up."])
    assert proba.shape == (2, 3) and ((proba >= 0) & (proba <= 1)).all()
    assert model.predict_frames(["Missiles struck the army base near the front line."]) == [["security_and_defense"]]
    assert "economic" in model.predict_frames(["Inflation and taxes squeezed wages and prices."])[0]


def test_clone_keeps_parameters_only(model):
    fresh = clone(model)
    assert fresh.get_params() == model.get_params() and not hasattr(fresh, "coef_")
    with pytest.raises(FramingError, match="not fitted"):
        fresh.predict(["text"])


def test_save_load_round_trip(model, tmp_path):
    path = tmp_path / "frames.npz"
    model.save(path)
    loaded = load_model(path)
    probe = ["Troops fired artillery at the border.", "The budget deficit and interest rates grew."]
    np.testing.assert_allclose(loaded.predict_proba(probe), model.predict_proba(probe))
    assert list(loaded.classes_) == list(model.classes_) and loaded.get_params() == model.get_params()


def test_character_ngrams_round_trip_and_explain(tmp_path):
    fitted = FrameClassifier(language="en", min_df=1, char_weight=1.0).fit(TEXTS, LABELS)
    names = fitted.get_feature_names_out()
    assert any(n.startswith("char:") for n in names) and len(names) == fitted.coef_.shape[1]
    path = tmp_path / "chars.npz"
    fitted.save(path)
    loaded = load_model(path)
    probe = ["Artillery fire near the frontline.", "Prices of energy rose."]
    np.testing.assert_allclose(loaded.predict_proba(probe), fitted.predict_proba(probe))
    assert loaded.get_params() == fitted.get_params()
    text = "Missiles hit the army base as troops advanced."
    explained = fitted.explain(text, fitted.profiles([text])[0])
    assert all(e["weight"] > 0 for frame in explained.values() for e in frame["evidence"])


def test_load_refuses_other_files(tmp_path):
    path = tmp_path / "bad.npz"
    path.write_bytes(b"not a model")
    with pytest.raises(FramingError, match="not a framing frame model"):
        load_model(path)


def test_explanations_point_at_evidence(model):
    text = "Missiles hit the army base as troops advanced."
    profile = model.profiles([text])[0]
    explained = model.explain(text, profile)
    assert "security_and_defense" in explained
    spans = explained["security_and_defense"]["evidence"]
    assert spans and all(text[e["start"]:e["end"]] == e["text"] and e["weight"] > 0 for e in spans)
    assert all(e["frame"] == "security_and_defense" for e in spans)


@pytest.mark.parametrize("labels, message", [
    ([["economics"]] + [["economic"]] * 7, "unknown frames"),
    ([[]] + [["economic"]] * 7, "empty label list"),
    ([["economic"]] * 8, "single class"),
    ("economic", "single string"),
    ([["economic"]] * 3, "3 label lists for 8 documents"),
])
def test_bad_labels_are_refused(labels, message):
    with pytest.raises(FrameLabelError, match=message):
        FrameClassifier(language="en").fit(TEXTS, labels)


def test_label_errors_name_the_article():
    with pytest.raises(FrameLabelError, match="article 'b'"):
        check_labels([["economic"], ["nope"]], 2, ["a", "b"])


def test_a_frame_in_every_article_is_a_constant(model):
    labels = [frames + ["political"] if "political" not in frames else frames for frames in LABELS]
    fitted = FrameClassifier(language="en", min_df=1).fit(TEXTS, labels)
    assert all(fitted.predict_proba(["anything at all here"])[:, list(fitted.classes_).index("political")] > 0.99)


def test_cli_train_and_score_round_trip(tmp_path, capsys):
    labelled = tmp_path / "coded.jsonl"
    lines = [json.dumps({"id": f"a{i}", "text": t, "frames": f}) for i, (t, f) in enumerate(zip(TEXTS, LABELS))]
    labelled.write_text("\n".join(lines[:4] + ["{broken"] + lines[4:]) + "\n", encoding="utf-8")
    model_path = tmp_path / "m.npz"
    assert main(["train-frames", str(labelled), "-o", str(model_path), "--language", "en"]) == 1  # one line skipped
    assert "skipped" in capsys.readouterr().err and model_path.exists()
    article = tmp_path / "in.jsonl"
    article.write_text(json.dumps({"id": "x", "text": "Missiles hit the army base as troops advanced.",
                                   "language": "en"}) + "\n", encoding="utf-8")
    assert main(["score", str(article), "--frame-model", str(model_path), "--quiet"]) == 0
    record = json.loads(capsys.readouterr().out.splitlines()[0])
    assert "security_and_defense" in record["frames_predicted"]
    assert set(record["frames_predicted"]) <= set(FRAME_IDS)


def test_cli_refuses_bad_labels_and_bad_models(tmp_path, capsys):
    labelled = tmp_path / "coded.jsonl"
    labelled.write_text(json.dumps({"id": "z", "text": "Prices rose.", "frames": ["economy"]}) + "\n", encoding="utf-8")
    assert main(["train-frames", str(labelled), "-o", str(tmp_path / "m.npz")]) == 2
    assert "article 'z'" in capsys.readouterr().err
    bad = tmp_path / "bad.npz"
    bad.write_text("x", encoding="utf-8")
    assert main(["score", str(labelled), "--frame-model", str(bad)]) == 2
    assert "not a framing frame model" in capsys.readouterr().err
