"""Generic frames: the lexicons, the extractor, the profile section and its present rule.

Sentence cases are data, in ``tests/cases/frame.toml`` (written for these tests, one
set per shipped language); properties check what must hold for any text.
"""
import tomllib
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

import framing
from framing.errors import FramingError, LexiconError
from framing.evidence import Evidence
from framing.frames.ids import FRAME_IDS
from framing.frames.profile import PresentRule, Threshold, frame_summary, shipped_rule
from framing.lexicon import default_lexicon_dir, load_lexicons

CASES = tomllib.loads((Path(__file__).resolve().parent / "cases" / "frame.toml").read_text(encoding="utf-8"))["case"]
LANGUAGES = ("en", "fr", "nl", "es", "de", "ar")
KEYS = frozenset({"language", "text", "find", "voice", "absent", "primary", "comment", "expect"})


def case_params():
    seen: Counter = Counter()
    params = []
    for case in CASES:
        seen[case["language"]] += 1
        marks = [pytest.mark.xfail(strict=True, reason=case["comment"])] if case["expect"] == "fail" else []
        params.append(pytest.param(case, id=f"{case['language']}-{seen[case['language']]}", marks=marks))
    return params


def frame_evidence(profile):
    return [e for e in profile["evidence"] if e["family"] == "frame"]


# ------------------------------------------------------------------ cases

def test_cases_are_well_formed_and_cover_every_language():
    for case in CASES:
        assert set(case) <= KEYS and {"language", "text", "find", "comment", "expect"} <= set(case), case
        assert all(frame in FRAME_IDS for _, frame in case["find"]), case
    assert {case["language"] for case in CASES} == set(LANGUAGES)


@pytest.mark.parametrize("case", case_params())
def test_case(case):
    profile = framing.score(case["text"], language=case["language"])
    found = frame_evidence(profile)
    pairs = {(e["text"], e["frame"]) for e in found}
    for surface, frame in case["find"]:
        assert (surface, frame) in pairs, f"{surface!r} as {frame}: found {sorted(pairs)}"
    if "voice" in case:
        wanted = {surface for surface, _ in case["find"]}
        assert all(e["voice"] == case["voice"] for e in found if e["text"] in wanted)
    for surface in case.get("absent", []):
        assert surface not in {e["text"] for e in found}, f"{surface!r} must not be frame evidence"
    if "primary" in case:
        assert profile["frames"]["primary_frame"] == case["primary"]


# --------------------------------------------------------------- lexicons

def test_every_language_has_every_frame():
    lexicons = load_lexicons()
    for language in LANGUAGES:
        frames = {e.category for e in lexicons.select(language, ["frame"]) if e.language == language}
        assert set(FRAME_IDS) <= frames, (language, set(FRAME_IDS) - frames)


def write_lexicon(tmp_path, category_line):
    path = tmp_path / "frame" / "en.toml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text('[meta]\nfamily = "frame"\nlanguage = "en"\nversion = "1"\nsource = "test"\nlicense = "MIT"\n\n'
                    f'[[entry]]\nid = "x"\nterm = "tariff"\n{category_line}source = "test"\n', encoding="utf-8")
    return path


def test_validator_rejects_an_unknown_frame(tmp_path):
    with pytest.raises(LexiconError, match="economics.*not declared for the family .frame."):
        load_lexicons([write_lexicon(tmp_path, 'category = "economics"\n')], include_default=False)


def test_validator_rejects_a_frame_entry_without_category(tmp_path):
    with pytest.raises(LexiconError, match="frame entry needs a category"):
        load_lexicons([write_lexicon(tmp_path, "")], include_default=False)


def test_validator_accepts_frame_ids_and_distractors(tmp_path):
    lexicons = load_lexicons([write_lexicon(tmp_path, 'category = "economic"\n')], include_default=False)
    assert [e.category for e in lexicons.entries] == ["economic"]


def test_shipped_frame_files_parse_with_sources():
    for path in sorted((default_lexicon_dir() / "frame").glob("*.toml")):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        assert data["meta"]["family"] == "frame" and data["meta"]["language"] == path.stem
        assert all(entry["source"].strip() for entry in data["entry"])


# ------------------------------------------------------------ present rule

def test_shipped_rule_is_fitted_and_complete():
    rule = shipped_rule()
    assert set(rule.default) == set(FRAME_IDS)
    assert all(t.min_count >= 1 for t in rule.default.values())
    import json
    from framing.frames.profile import RULE_PATH
    fitted = json.loads(RULE_PATH.read_text(encoding="utf-8"))["fitted"]
    assert fitted["command"].startswith(".venv/bin/python benchmarks/fit_frame_rule.py") and fitted["date"]


def test_rule_rejects_unknown_frames():
    table = {frame: {"min_count": 1} for frame in FRAME_IDS}
    with pytest.raises(FramingError, match="unknown frames"):
        PresentRule.from_dict({"default": {**table, "economy": {"min_count": 1}}})
    with pytest.raises(FramingError, match="missing"):
        PresentRule.from_dict({"default": {"economic": {"min_count": 1}}})


def test_present_never_without_evidence():
    rule = PresentRule({frame: Threshold(0, 0.0, 0.0) for frame in FRAME_IDS}, {})
    section = frame_summary([], 50, rule)
    assert not any(section[frame]["present"] for frame in FRAME_IDS) and section["primary_frame"] is None


# --------------------------------------------------------------- properties

def evidence_item(frame, voice, start):
    return Evidence("frame", "e", "x", start, start + 1, voice, 0, category=frame, frame=frame)


@given(st.lists(st.tuples(st.sampled_from(FRAME_IDS), st.sampled_from(["quoted", "unquoted"])), max_size=40),
       st.integers(min_value=0, max_value=5000))
def test_summary_counts_shares_and_primary(items, words):
    evidence = [evidence_item(frame, voice, i) for i, (frame, voice) in enumerate(items)]
    evidence.append(Evidence("hedge", "may", "may", 0, 3, "unquoted", 0))  # other families never count
    section = frame_summary(evidence, words)
    tally = Counter(items)
    for frame in FRAME_IDS:
        assert section[frame]["unquoted"] == tally[(frame, "unquoted")]
        assert section[frame]["quoted"] == tally[(frame, "quoted")]
        assert 0.0 <= section[frame]["share"] <= 1.0
        if section[frame]["present"]:
            assert tally[(frame, "unquoted")] + tally[(frame, "quoted")] >= 1
    own = sum(n for (_, voice), n in tally.items() if voice == "unquoted")
    shares = sum(section[frame]["share"] for frame in FRAME_IDS)
    assert shares == pytest.approx(1.0) if own else shares == 0.0
    assert (section["primary_frame"] is None) == (not items)
    if own:
        best = max(section[frame]["unquoted"] for frame in FRAME_IDS)
        assert section[section["primary_frame"]]["unquoted"] == best


CUES = ["inflation", "taxes", "police", "arrested", "troops", "missiles", "vaccine", "hospital", "election",
        "parliament", "sanctions", "protesters", "culture", "court", "right now", "policy", "refugees"]
FILLER = ["the", "on", "Monday", "said", "and", "a", "new", "report", "of", "city"]


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(CUES + FILLER), min_size=1, max_size=40), st.booleans())
def test_scored_offsets_and_counts(words, quote):
    text = " ".join(words) + "."
    if quote:
        text = f'The mayor said: "{text}" Officials agreed.'
    profile = framing.score(text, language="en")
    found = frame_evidence(profile)
    for e in found:
        assert text[e["start"]:e["end"]] == e["text"] and e["frame"] in FRAME_IDS
    tally = Counter((e["frame"], e["voice"]) for e in found)
    for frame in FRAME_IDS:
        assert profile["frames"][frame]["unquoted"] == tally[(frame, "unquoted")]
        assert profile["frames"][frame]["quoted"] == tally[(frame, "quoted")]
    own = sum(profile["frames"][f]["unquoted"] for f in FRAME_IDS)
    if own:
        assert sum(profile["frames"][f]["share"] for f in FRAME_IDS) == pytest.approx(1.0)


# ------------------------------------------------------------- comparisons

@settings(max_examples=30, deadline=None)
@given(st.lists(st.lists(st.integers(min_value=0, max_value=5), min_size=len(FRAME_IDS), max_size=len(FRAME_IDS)),
                min_size=1, max_size=6))
def test_group_frame_shares(rows):
    from framing.comparison.frame_shares import frame_share_samples, frame_shares

    def profile(row):  # the frame evidence of one article, each frame's cues in a sentence of their own
        evidence = [{"family": "frame", "frame": f, "voice": "unquoted", "sentence": k, "text": f}
                    for k, (f, n) in enumerate(zip(FRAME_IDS, row)) for _ in range(n)]
        return {"frames": {f: {"unquoted": n, "quoted": 0, "present": n > 2} for f, n in zip(FRAME_IDS, row)},
                "evidence": evidence, "sentence_spans": [[k, k + 1, 10] for k in range(len(FRAME_IDS))]}

    profiles = [profile(row) for row in rows]
    result = frame_shares(profiles, frame_share_samples(profiles, resamples=50))
    total = sum(map(sum, rows))
    if not total:
        assert result["primary_frame"] is None and all(v["share"] is None for v in result["frames"].values())
        return
    assert sum(v["share"] for v in result["frames"].values()) == pytest.approx(1.0)
    for k, frame in enumerate(FRAME_IDS):
        entry = result["frames"][frame]
        assert entry["share"] == pytest.approx(sum(row[k] for row in rows) / total)
        assert entry["present"] == sum(row[k] > 2 for row in rows)
        assert 0.0 <= entry["ci"][0] <= entry["ci"][1] <= 1.0
        if entry["share"] in (0.0, 1.0):  # no resample can move a share that is all or nothing
            assert entry["ci"] == [pytest.approx(entry["share"])] * 2
    if len(rows) == 1 and sum(1 for n in rows[0] if n) > 1:  # one article: its sentences still vary
        assert any(v["ci"][0] < v["ci"][1] for v in result["frames"].values())
