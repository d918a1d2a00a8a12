"""Scoring pauses the cyclic garbage collector and must leave it as it found it, even when scoring fails.

A library caller's process is not framing's to change: whether the collector runs is global
state, so every way out of ``Scorer.score_many`` and of a stream's batches puts it back.
"""
import gc

import pytest

import framing
from framing import batch, scoring

TEXT = ("The minister said on Monday that the reform would probably cost jobs, "
        "and a union leader told reporters it was a disaster for families.")


class Boom(BaseException):
    """Stands for an interruption (KeyboardInterrupt, SystemExit) that scoring must not swallow."""


@pytest.fixture(params=[True, False], ids=["enabled", "disabled"])
def collector_was(request):
    was = gc.isenabled()
    gc.enable() if request.param else gc.disable()
    yield request.param
    gc.enable() if was else gc.disable()


def _raising(exc):
    def stages(self, articles, language):
        assert not gc.isenabled()  # the pause is in force while the stages run
        raise exc
    return stages


def test_a_failing_batch_restores_the_collector(monkeypatch, collector_was):
    monkeypatch.setattr(scoring.Scorer, "_score_stages", _raising(RuntimeError("a bug")))
    results = framing.Scorer().score_many([framing.Article("a", TEXT), framing.Article("b", TEXT)])
    assert all(isinstance(r, framing.FramingError) for r in results)
    assert gc.isenabled() is collector_was


def test_an_interruption_escapes_and_restores_the_collector(monkeypatch, collector_was):
    monkeypatch.setattr(scoring.Scorer, "_score_stages", _raising(Boom()))
    with pytest.raises(Boom):
        framing.Scorer().score_many([framing.Article("a", TEXT)])
    assert gc.isenabled() is collector_was


def test_a_stream_interrupted_or_left_unfinished_restores_the_collector(monkeypatch, collector_was):
    articles = [framing.Article(str(i), TEXT) for i in range(3)]
    stream = batch.score_stream(framing.Scorer(), articles)
    next(stream)
    stream.close()  # a caller who stops reading early
    assert gc.isenabled() is collector_was
    monkeypatch.setattr(scoring.Scorer, "_score_stages", _raising(Boom()))
    with pytest.raises(Boom):
        list(batch.score_stream(framing.Scorer(), articles))
    assert gc.isenabled() is collector_was


def test_scoring_normally_restores_the_collector(collector_was):
    assert framing.score(TEXT)["language"] == "en"
    framing.Scorer().score_many([framing.Article("a", TEXT)])
    assert gc.isenabled() is collector_was
