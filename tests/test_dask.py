"""framing.dask on a real two-process LocalCluster: order, error records, equality with local scoring,
and one scorer (and one set of tables per language) per worker process."""
import json
import logging
import pickle
import time

import pytest

dask = pytest.importorskip("dask")
distributed = pytest.importorskip("distributed")
db = pytest.importorskip("dask.bag")

from framing import Scorer  # noqa: E402
from framing import dask as framing_dask  # noqa: E402
from framing.families import counted_families  # noqa: E402
from framing.reading import Article, ReadFailure, read_paths  # noqa: E402

from .conftest import CORPUS  # noqa: E402

ITALIAN = ("Il governo italiano ha annunciato ieri una nuova legge sull'immigrazione. Secondo il ministro, "
           "la riforma entrerà in vigore il prossimo anno e riguarderà soprattutto i lavoratori stagionali. "
           "I sindacati hanno criticato duramente la proposta, definendola insufficiente e confusa.")
COPIES = 8  # 5 seed articles x 8 = 40 good records


@pytest.fixture(scope="module")
def cluster():
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                                       silence_logs=logging.ERROR)
    yield cluster
    cluster.close()


@pytest.fixture(scope="module")
def client(cluster):
    with distributed.Client(cluster, set_as_default=False) as client:
        yield client


@pytest.fixture(scope="module")
def seeds():
    return [(p.name, p.read_text(encoding="utf-8")) for p in sorted(CORPUS.glob("*.txt"))]


@pytest.fixture(scope="module")
def local(seeds):
    """Each seed article scored locally, keyed by its text (ids differ between copies)."""
    scorer = Scorer()
    return {text: scorer.score(Article(id=name, text=text)).to_dict() for name, text in seeds}


def records(seeds):
    out = []
    for copy in range(COPIES):
        for n, (name, text) in enumerate(seeds):
            record = {"id": f"{copy}-{name}", "text": text}
            if n == 4:
                record["outlet"] = "Menas Associates"
            out.append(record)
    out.insert(7, {"id": "empty", "text": ""})
    out.insert(23, {"id": "italian", "text": ITALIAN})
    return out


def released(client, within=10.0):
    """True once neither the client nor the scheduler holds anything (releases go through event loops)."""
    def tasks_on_scheduler(dask_scheduler=None):
        return len(dask_scheduler.tasks)

    deadline = time.monotonic() + within
    while (client.futures or client.run_on_scheduler(tasks_on_scheduler)) and time.monotonic() < deadline:
        time.sleep(0.05)
    return not client.futures and not client.run_on_scheduler(tasks_on_scheduler)


def counts(client):
    """Per worker process: what framing.dask built and scored there so far."""
    return {worker: info["counts"] for worker, info in client.run(framing_dask._process_counts).items()}


def test_score_bag_keeps_order_turns_bad_articles_into_error_records_and_matches_local(client, seeds):
    items = records(seeds)
    before = counts(client)
    bag = db.from_sequence(items, npartitions=8)
    out = framing_dask.score_bag(bag).compute(scheduler=client)
    after = counts(client)

    assert [r["id"] for r in out] == [r["id"] for r in items]
    by_id = {r["id"]: r for r in out}
    assert by_id["empty"]["schema"] == by_id["italian"]["schema"] == "framing.error/1"
    assert set(by_id["empty"]) == set(by_id["italian"]) == {"schema", "id", "source", "error"}
    assert "empty" in by_id["empty"]["error"]
    assert "'it'" in by_id["italian"]["error"] and "no lexicons" in by_id["italian"]["error"]
    scorer = Scorer()
    for item, result in zip(items, out):
        if item["id"] not in ("empty", "italian"):
            # Equal to scoring the same Article locally: evidence, offsets, counts, meta, key order.
            expected = scorer.score(Article(id=item["id"], text=item["text"], outlet=item.get("outlet"))).to_dict()
            assert result == expected and list(result) == list(expected)
    assert out[4]["outlet"] == "Menas Associates"
    # Every partition was scored on the cluster, at least one worker scored several of them,
    # and no worker built a scorer or a language's tables more than once.
    scored = {w: after[w].get(k, 0) - before.get(w, {}).get(k, 0)
              for w in after for k in after[w] if k.startswith("partitions:")}
    assert sum(scored.values()) == bag.npartitions >= 6
    assert max(scored.values()) >= 2
    built = [{k: v for k, v in c.items() if k.startswith(("scorers:", "tables:"))} for c in after.values()]
    assert any(built) and all(v == 1 for b in built for v in b.values()), built
    assert {k.rsplit(":", 1)[1] for c in after.values() for k in c if k.startswith("tables:")} == {"en", "nl"}


def test_score_bag_names_plain_strings_by_partition_and_index(client):
    texts = ["Officials met in the Moroccan Sahara on Monday.", "Officials met in Western Sahara on Monday.",
             "", "Rabat invests in the Moroccan Sahara."]
    out = framing_dask.score_bag(db.from_sequence(texts, npartitions=2), language="en").compute(scheduler=client)
    assert [r["id"] for r in out] == ["0:0", "0:1", "1:0", "1:1"]
    assert [r["schema"] for r in out] == ["framing.profile/1", "framing.profile/1", "framing.error/1",
                                          "framing.profile/1"]
    assert [out[i]["naming"]["western_sahara"]["stance"] for i in (0, 1, 3)] == [1.0, 0.0, 1.0]
    assert out[2]["source"] == "dask.bag partition 1"


def test_score_dataframe_columns_dtypes_and_values_match_local(client, seeds, local):
    pd = pytest.importorskip("pandas")
    dd = pytest.importorskip("dask.dataframe")
    frame = pd.DataFrame({"doc": [name for name, _ in seeds] + ["empty", "italian"],
                          "body": [text for _, text in seeds] + ["", ITALIAN]},
                         index=pd.Index(range(100, 107), name="row"))
    result = framing_dask.score_dataframe(dd.from_pandas(frame, npartitions=3), text_column="body",
                                          id_column="doc")
    scorer = Scorer()
    expected_dtypes = framing_dask.frame_dtypes(sorted(scorer.lexicons.axes))
    assert list(result.columns) == list(expected_dtypes)
    for column in ["id", "language", "words", "sentences", "headline", "attribution_quoted_share",
                   "attribution_anonymous_share", "error", "profile_json"] + [f"{f}_{p}" for f in counted_families()
                                                for p in ("unquoted", "quoted", "per_1000_words")]:
        assert column in result.columns
    assert {c: str(t) for c, t in result.dtypes.items()} == expected_dtypes  # meta as declared

    computed = result.compute(scheduler=client)
    assert {c: str(t) for c, t in computed.dtypes.items()} == expected_dtypes  # partitions as declared
    assert list(computed.index) == list(frame.index)
    assert list(computed["id"]) == list(frame["doc"])
    for name, text in seeds:
        row = computed.set_index("id").loc[name]
        profile = dict(local[text], id=name)
        assert row["error"] is None
        assert json.loads(row["profile_json"]) == profile
        stance = profile["naming"].get("western_sahara", {}).get("stance")
        assert pd.isna(row["western_sahara_stance"]) if stance is None else row["western_sahara_stance"] == stance
        for family in counted_families():
            assert row[f"{family}_unquoted"] == profile["features"][family]["unquoted"]
            assert row[f"{family}_quoted"] == profile["features"][family]["quoted"]
        assert row["hedge_per_1000_words"] == profile["features"]["hedge"]["per_1000_words"]
        assert (row["language"], row["words"], row["sentences"]) == (profile["language"], profile["words"],
                                                                     profile["sentences"])
    stances = computed.set_index("id")["western_sahara_stance"]
    assert stances.loc["000_c967e3c42e9d52e7.txt"] == 1.0  # "Moroccan Sahara" in the outlet's own voice
    for bad in ("empty", "italian"):
        row = computed.set_index("id").loc[bad]
        assert row["error"] and pd.isna(row["words"]) and row["language"] is None
        assert json.loads(row["profile_json"])["schema"] == "framing.error/1"


def test_score_paths_on_cluster_streams_the_corpus_in_order_equal_to_local(cluster):
    scorer = Scorer()
    expected = [scorer.score(item).to_dict() for item in read_paths([CORPUS])]
    out = list(framing_dask.score_paths_on_cluster([CORPUS], cluster.scheduler_address, partition_size=2,
                                                   max_in_flight=2))
    assert len(out) == 5
    assert [p["id"] for p in out] == sorted(p.name for p in CORPUS.glob("*.txt"))
    assert out == expected


def test_cluster_stream_passes_failures_through_and_flags_duplicate_ids(client, seeds):
    name, text = seeds[0]
    items = [Article(name, text, source="a.txt"), ReadFailure("gone", "gone.txt", "gone.txt: no such file"),
             Article(name, text, source="b.txt"), Article("it", ITALIAN, source="it.txt")]
    out = list(framing_dask.score_articles_on_cluster(iter(items), client, partition_size=3))
    assert [r["schema"] for r in out] == ["framing.profile/1"] + ["framing.error/1"] * 3
    assert out[0] == Scorer().score(items[0]).to_dict()
    assert out[1] == items[1].to_dict()  # read failures pass through
    assert out[2] == {"schema": "framing.error/1", "id": name, "source": "b.txt",
                      "error": f"{name}: duplicate id {name!r} in this batch"}
    assert out[3]["source"] == "it.txt" and out[3]["error"].startswith("it: detected language 'it'")
    assert released(client)  # nothing left on the cluster once the stream is done


def test_closing_the_stream_early_cancels_what_is_in_flight(client, seeds):
    articles = (Article(f"{n}", text) for n in range(50) for text in [seeds[n % 5][1]])
    stream = framing_dask.score_articles_on_cluster(articles, client, partition_size=1, max_in_flight=3)
    first = next(stream)
    assert first["id"] == "0" and first["schema"] == "framing.profile/1"
    stream.close()
    assert released(client)


def test_scorer_and_matcher_pickle_without_their_tables(seeds):
    scorer = Scorer()
    name, text = seeds[0]
    profile = scorer.score(Article(name, text))
    tables = scorer.tables("en")
    copy = pickle.loads(pickle.dumps(scorer))
    assert copy._tables == {} and copy.lexicons.version == scorer.lexicons.version
    assert copy.score(Article(name, text)).to_dict() == profile.to_dict()
    from framing.normalize import normalize

    matcher = pickle.loads(pickle.dumps(tables.matcher))
    view = normalize(text)
    assert [(m.start, m.end, m.entry.id) for m in matcher.find(view)] == \
        [(m.start, m.end, m.entry.id) for m in tables.matcher.find(view)]
    assert pickle.loads(pickle.dumps(profile)) == profile  # what a worker sends back


def test_resident_scorer_is_shared_per_process_and_builds_tables_once(seeds):
    scorer = Scorer()
    key = framing_dask._key_name(framing_dask.scorer_key(scorer))
    resident = framing_dask._resident(pickle.loads(pickle.dumps(scorer)))
    assert framing_dask._resident(pickle.loads(pickle.dumps(scorer))) is resident
    assert framing_dask._resident(scorer) is resident
    resident.score(Article("x", seeds[0][1]))
    resident.score(Article("y", seeds[1][1]))
    assert framing_dask._process_counts()["counts"][f"tables:{key}:en"] == 1
    other = framing_dask._resident(Scorer(readability=True))
    assert other is not resident and other.readability


def test_missing_extra_says_how_to_install_it():
    with pytest.raises(ImportError, match=r"pip install 'framing-analysis\[dask\]'"):
        framing_dask._require("framing_no_such_module")


def test_score_dataframe_refuses_a_dask_that_would_not_resolve_the_scorer(monkeypatch):
    pd = pytest.importorskip("pandas")
    dd = pytest.importorskip("dask.dataframe")
    frame = dd.from_pandas(pd.DataFrame({"text": ["Officials met in the Moroccan Sahara."]}), npartitions=1)
    monkeypatch.setattr(dask, "__version__", "2025.4.1")
    with pytest.raises(ImportError, match=r"dask>=2025\.5\.0 .*pip install -U 'framing-analysis\[dask\]'"):
        framing_dask.score_dataframe(frame)


def test_cli_score_with_scheduler_writes_what_the_local_command_writes(cluster, tmp_path):
    from framing.cli import main

    on_cluster, local_out = tmp_path / "cluster.jsonl", tmp_path / "local.jsonl"
    assert main(["score", str(CORPUS), "--quiet", "-o", str(local_out)]) == 0
    assert main(["score", str(CORPUS), "--quiet", "-o", str(on_cluster),
                 "--scheduler", cluster.scheduler_address]) == 0
    assert on_cluster.read_text(encoding="utf-8") == local_out.read_text(encoding="utf-8")
    assert len(on_cluster.read_text(encoding="utf-8").splitlines()) == 5


def test_cli_scheduler_reads_with_the_same_options_as_local(cluster, tmp_path):
    """--text-field and the other reading options reach the cluster path too (issue 17)."""
    from framing.cli import main

    source = tmp_path / "in"
    source.mkdir()
    (source / "export.csv").write_text("url,body\nu1,The minister probably resigned on Monday.\n", encoding="utf-8")
    on_cluster, local_out = tmp_path / "cluster.jsonl", tmp_path / "local.jsonl"
    options = ["--text-field", "body", "--id-field", "url", "--quiet"]
    assert main(["score", str(source), *options, "-o", str(local_out)]) == 0
    assert main(["score", str(source), *options, "-o", str(on_cluster), "--scheduler", cluster.scheduler_address]) == 0
    assert on_cluster.read_text(encoding="utf-8") == local_out.read_text(encoding="utf-8")
    assert json.loads(local_out.read_text(encoding="utf-8"))["id"] == "u1"
