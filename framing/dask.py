"""Score many articles on a Dask cluster: bags, DataFrames, and files streamed to a scheduler.

Why: scoring is pure Python, a few milliseconds per news article on one
core, so an archive of tens of millions of articles keeps a core busy for
hours. Dask spreads it over the cores of one machine or of a cluster, and
fits framing into pipelines that already hold their articles in a
``dask.bag`` or a ``dask.dataframe``; ``framing score --scheduler ADDRESS``
uses it to send files read on the client to a running cluster.

Dask is an optional extra: ``pip install 'framing-analysis[dask]'``. This
module imports it only inside its functions, so ``import framing.dask`` works
without it, and each function raises an ``ImportError`` saying how to install
it. Every worker needs framing installed, in the same version as the client.
``score_dataframe`` needs dask 2025.5.0 or later (earlier dask-expr releases
did not resolve ``dask.delayed`` arguments of ``map_partitions``).

How workers get the scorer, once. A ``Scorer`` is built once on the client
(so a broken lexicon fails there, before anything is sent), and goes into
the task graph as a single key: a ``dask.delayed`` object for bags and
DataFrames, the result of one submitted task for ``score_articles_on_cluster``.
Dask moves that key to each worker once and hands every task on the worker
the same object. Each process then resolves it through a small per-process
registry keyed by the lexicon version and the readability flag: the first
copy seen is kept, and its per-language tables (the Aho-Corasick matcher and
the word lists) are built once per process and language, under a lock,
however many partitions or threads use it, and even when a scheduler
unpickles the scorer again for each task (the local multiprocessing
scheduler does; a distributed worker does after spilling it to disk).

Failures never fail the batch: an article that cannot be read or scored
becomes a ``framing.error/1`` record in its place, so the output has one
record per input, in input order.
"""
from __future__ import annotations

import importlib
import json
import os
import threading
import uuid
from collections import Counter, OrderedDict, deque
from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable, Iterator

from .batch import chunks, deduplicated, score_articles
from .errors import FramingError
from .flat import flat_columns, flat_row
from .profile import Profile
from .reading import Article, ReadFailure, record_to_article, read_paths
from .scoring import BATCH_SIZE, Scorer

if TYPE_CHECKING:  # pragma: no cover
    import dask.bag
    import dask.dataframe
    import distributed

INSTALL_HINT = "pip install 'framing-analysis[dask]'"
# Article fields a DataFrame column can supply, besides the id and the text.
FRAME_FIELDS = ("title", "outlet", "date", "language", "url")
RESIDENT_SCORERS = 4


def _require(module: str):
    """Import ``module`` or say how to install the extra that provides it."""
    try:
        return importlib.import_module(module)
    except ImportError as exc:
        raise ImportError(f"framing.dask needs {module.split('.')[0]} ({exc}); "
                          f"install the extra: {INSTALL_HINT}") from exc


# --- one scorer per process ------------------------------------------------------------------

_registry_lock = threading.Lock()
_resident_scorers: OrderedDict[tuple[str, bool], "_ResidentScorer"] = OrderedDict()
_counts: Counter[str] = Counter()
_counts_lock = threading.Lock()


def _count(name: str) -> None:
    with _counts_lock:
        _counts[name] += 1


def scorer_key(scorer: Scorer) -> tuple[str, bool]:
    """What identifies a scorer's behaviour: its lexicon version (a digest of every file) and readability."""
    return (scorer.lexicons.version, bool(scorer.readability))


class _ResidentScorer(Scorer):
    """The copy of a scorer a process keeps: builds each language's tables once, under a lock."""

    _key: tuple[str, bool]
    _lock: threading.Lock

    def tables(self, language: str):
        cached = self._tables.get(language)
        if cached is not None:
            return cached
        with self._lock:
            cached = self._tables.get(language)
            if cached is None:
                cached = super().tables(language)
                _count(f"tables:{_key_name(self._key)}:{language}")
            return cached


def _key_name(key: tuple[str, bool]) -> str:
    return key[0] + ("+readability" if key[1] else "")


def _resident(scorer: Scorer) -> Scorer:
    """This process's copy of ``scorer``, registered on first sight (at most a few are kept)."""
    key = scorer_key(scorer)
    with _registry_lock:
        found = _resident_scorers.get(key)
        if found is not None:
            _resident_scorers.move_to_end(key)
            return found
        state = scorer.__getstate__()
        state["_tables"] = dict(getattr(scorer, "_tables", {}))  # tables already built here are kept
        found = _ResidentScorer.__new__(_ResidentScorer)
        found.__setstate__(state)
        found._key, found._lock = key, threading.Lock()
        _resident_scorers[key] = found
        while len(_resident_scorers) > RESIDENT_SCORERS:
            _resident_scorers.popitem(last=False)
        _count(f"scorers:{_key_name(key)}")
        return found


def _process_counts() -> dict[str, Any]:
    """Test and diagnostic hook: what this process built and scored.

    ``scorers:KEY`` counts scorers registered, ``tables:KEY:LANG`` table builds,
    ``partitions:KEY`` partitions scored. Run it on every worker with
    ``client.run(framing.dask._process_counts)``.
    """
    with _counts_lock:
        return {"pid": os.getpid(), "counts": dict(_counts)}


# --- one article -----------------------------------------------------------------------------

def _to_article(item: Any, default_id: str, where: str, source: str) -> Article | ReadFailure:
    """An ``Article`` from an Article, a record dict (framing's JSONL fields) or a plain string."""
    if isinstance(item, (Article, ReadFailure)):
        return item
    if isinstance(item, str):
        record: dict[str, Any] = {"id": default_id, "text": item}
    elif isinstance(item, Mapping):
        record = dict(item)
        record.setdefault("id", default_id)
    else:
        return ReadFailure(default_id, source, f"{where}: a record must be a dict with 'text' or a string, "
                                               f"not {type(item).__name__}")
    article = record_to_article(record, where, source)
    # A record read from memory has no source file: keep the profile as Scorer.score gives it.
    return replace(article, source=None) if isinstance(article, Article) else article


def _score(scorer: Scorer, article: Article | ReadFailure, language: str | None,
           source: str) -> Profile | ReadFailure:
    """The profile, or the error record that stands in for it; never raises for one article."""
    if isinstance(article, ReadFailure):
        return article
    try:
        return scorer.score(article, language=language)
    except FramingError as exc:  # refused, or framing's own failure on this article (InternalError)
        return ReadFailure(article.id, article.source or source, f"{article.id}: {exc}")


def _make_scorer(scorer: Scorer | None, lexicons: Iterable[str | Path] | None, readability: bool) -> Scorer:
    if scorer is not None:
        if lexicons or readability:
            raise ValueError("pass either scorer= or lexicons=/readability=, not both")
        return scorer
    return Scorer(extra_lexicons=tuple(str(p) for p in lexicons or ()), readability=readability)


def _delayed_scorer(scorer: Scorer):
    """The scorer as one key of the graph, named by what it does, so it is sent once per worker."""
    dask = _require("dask")
    return dask.delayed(scorer, name=f"framing-scorer-{_key_name(scorer_key(scorer))}")


# --- dask.bag --------------------------------------------------------------------------------

def score_bag(bag: "dask.bag.Bag", *, language: str | None = None, lexicons: Iterable[str | Path] | None = None,
              readability: bool = False, scorer: Scorer | None = None) -> "dask.bag.Bag":
    """A bag of ``framing.profile/1`` dicts and ``framing.error/1`` records, one per item, same order.

    Items are record dicts with framing's JSONL fields (``id``, ``text``, and
    optionally ``title``, ``outlet``, ``date``, ``language``, ``url``), plain
    strings, or ``Article`` objects. An item without an id gets
    ``"PARTITION:INDEX"`` (``"3:17"``: the 18th item of partition 3).
    ``language`` overrides every record's language; ``lexicons`` adds lexicon
    files or folders to the shipped ones; ``scorer`` passes a ready ``Scorer``
    instead. Ids are not checked for duplicates across partitions.

    The scorer is built here, on the client, and enters the graph once as a
    ``dask.delayed`` key; each worker process keeps one copy in a per-process
    registry and builds each language's matcher once (see the module doc).
    Partitions are scored with ``map_partitions``, one call per partition.
    """
    bag_module = _require("dask.bag")
    if not isinstance(bag, bag_module.Bag):
        raise TypeError(f"score_bag takes a dask.bag.Bag, not {type(bag).__name__}")
    scorer = _make_scorer(scorer, lexicons, readability)
    numbers = bag_module.range(bag.npartitions, npartitions=bag.npartitions)  # one partition number each
    return bag.map_partitions(_score_bag_partition, numbers, _delayed_scorer(scorer), language)


def _score_bag_partition(items: Iterable[Any], numbers: Iterable[int], scorer: Scorer,
                         language: str | None) -> list[dict[str, Any]]:
    (number,) = numbers
    scorer = _resident(scorer)
    source = f"dask.bag partition {number}"
    out = [_score(scorer, _to_article(item, f"{number}:{index}", f"{source} item {index}", source),
                  language, source).to_dict()
           for index, item in enumerate(items)]
    _count(f"partitions:{_key_name(scorer_key(scorer))}")
    return out


# --- dask.dataframe --------------------------------------------------------------------------

def frame_dtypes(axes: Iterable[str] = (), *, readability: bool = False) -> dict[str, str]:
    """Columns of ``score_dataframe``'s result and their pandas dtypes, in order.

    Text columns are ``object`` (``None`` when missing), counts nullable
    ``Int64`` (missing on error rows), rates and shares ``float64``.
    """
    return {**flat_columns(axes, readability=readability), "profile_json": "object"}


def score_dataframe(ddf: "dask.dataframe.DataFrame", *, text_column: str = "text", id_column: str | None = None,
                    language: str | None = None, columns: Mapping[str, str] | None = None,
                    lexicons: Iterable[str | Path] | None = None, readability: bool = False,
                    scorer: Scorer | None = None) -> "dask.dataframe.DataFrame":
    """One row per article, with the input's index (so ``ddf.join(result)`` lines the two up).

    Columns (``frame_dtypes`` gives them with their dtypes) are the flat row of
    every tabular output (``framing.flat``: ``<family>_unquoted``,
    ``<axis>_stance``, ...; every naming axis of the lexicons), then
    ``profile_json``, the whole ``framing.profile/1`` record as JSON (the
    ``framing.error/1`` record on an error row).

    ``id_column`` names the ids (default ``"PARTITION:ROW"``). ``columns``
    maps Article fields (title, outlet, date, language, url) to columns; by
    default, columns with those names are used, as framing's CSV reader does.
    ``language`` overrides any language column. The scorer reaches each
    worker once, as in ``score_bag``.
    """
    _require("dask.dataframe")
    pd = _require("pandas")
    _check_dask_version()
    present = list(ddf.columns)
    if text_column not in present:
        raise KeyError(f"no text column {text_column!r} (columns: {present})")
    if id_column is not None and id_column not in present:
        raise KeyError(f"no id column {id_column!r} (columns: {present})")
    if columns is None:
        fields = {name: name for name in FRAME_FIELDS if name in present}
    else:
        fields = dict(columns)
        unknown = set(fields) - set(FRAME_FIELDS)
        if unknown:
            raise ValueError(f"columns= maps Article fields {list(FRAME_FIELDS)}, not {sorted(unknown)}")
        missing = [c for c in fields.values() if c not in present]
        if missing:
            raise KeyError(f"no columns {missing} (columns: {present})")
    scorer = _make_scorer(scorer, lexicons, readability)
    axes = tuple(sorted(scorer.lexicons.axes))
    dtypes = frame_dtypes(axes, readability=scorer.readability)
    meta = pd.DataFrame({name: pd.Series(dtype=dtype) for name, dtype in dtypes.items()},
                        index=ddf._meta.index[:0])
    used = list(dict.fromkeys([text_column, *([id_column] if id_column else []), *fields.values()]))
    spec = (text_column, id_column, tuple(fields.items()), language, axes)
    return ddf[used].map_partitions(_score_frame_partition, _delayed_scorer(scorer), spec, meta=meta)


def _score_frame_partition(part, scorer: Scorer, spec: tuple, partition_info: dict | None = None):
    pd = importlib.import_module("pandas")
    text_column, id_column, fields, language, axes = spec
    number = partition_info["number"] if partition_info else 0
    scorer = _resident(scorer)
    dtypes = frame_dtypes(axes, readability=scorer.readability)
    source = f"dask.dataframe partition {number}"
    texts = part[text_column].tolist()
    ids = part[id_column].tolist() if id_column else [None] * len(texts)
    values = {name: part[column].tolist() for name, column in fields}
    rows = []
    for row, text in enumerate(texts):
        record: dict[str, Any] = {"text": _missing_to_none(pd, text)}
        given_id = _missing_to_none(pd, ids[row])
        if given_id is not None:
            record["id"] = given_id if isinstance(given_id, str) else _as_text(given_id)
        for name, column_values in values.items():
            value = _missing_to_none(pd, column_values[row])
            if value is not None:
                record[name] = value if isinstance(value, str) else _as_text(value)
        article = _to_article(record, f"{number}:{row}", f"{source} row {row}", source)
        rows.append(_flat_row(_score(scorer, article, language, source), axes))
    _count(f"partitions:{_key_name(scorer_key(scorer))}")
    # Column by column with the declared dtype: pandas would infer its own (a str dtype with NaN for None).
    return pd.DataFrame({name: pd.Series([row.get(name) for row in rows], dtype=dtype, index=part.index)
                         for name, dtype in dtypes.items()}, index=part.index)


# dask 2024.3 to 2025.4 (dask-expr) handed Delayed arguments of map_partitions to the function
# unresolved; 2025.5.0 resolves them again (dask/dask#11907).
MIN_DASK_FOR_DATAFRAMES = (2025, 5)


def _check_dask_version() -> None:
    dask = _require("dask")
    try:
        found = tuple(int(part) for part in dask.__version__.split(".")[:2])
    except ValueError:  # a version string we cannot read: let it try
        return
    if found < MIN_DASK_FOR_DATAFRAMES:
        raise ImportError(f"score_dataframe needs dask>={'.'.join(map(str, MIN_DASK_FOR_DATAFRAMES))}.0 "
                          f"(found {dask.__version__}, whose map_partitions does not resolve the scorer); "
                          f"upgrade: {INSTALL_HINT.replace('pip install', 'pip install -U')}")


def _missing_to_none(pd, value: Any) -> Any:
    try:
        return None if value is None or pd.isna(value) is True else value
    except (TypeError, ValueError):
        return value


def _as_text(value: Any) -> str:
    """A non-string cell as a string: dates as ISO dates, other values through ``str``."""
    if hasattr(value, "isoformat"):
        text = value.isoformat()
        return text[:-9] if text.endswith("T00:00:00") else text
    if hasattr(value, "item"):  # numpy scalars: 7, not np.int64(7)
        value = value.item()
    return str(value)


def _flat_row(item: Profile | ReadFailure, axes: tuple[str, ...]) -> dict[str, Any]:
    """The flat row of ``framing.flat`` plus the whole record as JSON."""
    record = item.to_dict()
    return {**flat_row(record, axes), "profile_json": json.dumps(record, ensure_ascii=False)}


# --- files to a distributed scheduler --------------------------------------------------------

def score_articles_on_cluster(items: Iterable[Article | ReadFailure], scheduler: "str | distributed.Client", *,
                              scorer: Scorer | None = None, language: str | None = None,
                              lexicons: Iterable[str | Path] = (), readability: bool = False,
                              partition_size: int = 200,
                              max_in_flight: int | None = None) -> Iterator[dict[str, Any]]:
    """Score ``items`` (as ``read_paths`` yields them) on a cluster: one record per item, in input order.

    Records are ``framing.profile/1`` dicts and ``framing.error/1`` records,
    as ``framing.batch.score_stream`` gives them locally: a ``ReadFailure``
    passes through, an article whose id was seen before becomes a
    duplicate-id error record, one that cannot be scored an error record
    with the reason.

    ``scheduler`` is an address (``tcp://host:8786``) or a connected
    ``distributed.Client``. Articles are read lazily on the client, cut into
    partitions of ``partition_size`` and submitted with at most
    ``max_in_flight`` partitions (default: twice the cluster's threads, at
    least 4) submitted and not yet yielded, so memory stays bounded whatever
    the input size; results are yielded in input order as partitions finish.

    Connecting and building the scorer happen at the call, so a wrong
    address (``OSError``, after distributed's connect timeout), a missing
    extra (``ImportError``) or a broken lexicon (``LexiconError``) raises
    here; the returned generator cancels what it left on the cluster and
    closes the connection it opened when it is exhausted or closed.
    """
    distributed = _require("distributed")
    if partition_size < 1:
        raise ValueError("partition_size must be at least 1")
    if max_in_flight is not None and max_in_flight < 1:
        raise ValueError("max_in_flight must be at least 1")
    scorer = _make_scorer(scorer, lexicons, readability)
    own = not isinstance(scheduler, distributed.Client)
    client: Any = distributed.Client(scheduler, set_as_default=False) if own else scheduler
    try:
        limit = max_in_flight or max(4, 2 * sum(client.nthreads().values()))
    except BaseException:
        if own:
            client.close()
        raise
    return _stream(client, own, scorer, items, language, partition_size, limit)


def _stream(client, own: bool, scorer: Scorer, items: Iterable[Article | ReadFailure], language: str | None,
            partition_size: int, limit: int) -> Iterator[dict[str, Any]]:
    window: deque = deque()
    scorer_future = None
    try:
        # One task whose result is the scorer: workers copy it from each other, once each, and the
        # scheduler can recompute it if the worker holding it dies (scattered data would be lost).
        scorer_future = client.submit(_keep, scorer, key=f"framing-scorer-{uuid.uuid4().hex}", pure=False)
        for chunk in chunks(deduplicated(items), partition_size):
            articles = [item for item in chunk if isinstance(item, Article)]
            future = (client.submit(_score_partition, scorer_future, articles, language, pure=False)
                      if articles else None)
            window.append((chunk, future))
            if len(window) >= limit:  # wait for the oldest before reading further
                yield from _drain(*window.popleft())
        while window:
            yield from _drain(*window.popleft())
    finally:
        # Release what is still on the cluster: partitions in flight (closed early) and the scorer.
        pending = [future for _, future in window if future is not None]
        if scorer_future is not None:
            pending.append(scorer_future)
        window.clear()
        try:
            if pending and client.status == "running":
                client.cancel(pending)
        finally:
            if own:
                client.close()


def _keep(value: Any) -> Any:
    return value


def _drain(chunk: list[Article | ReadFailure], future) -> Iterator[dict[str, Any]]:
    results = iter(future.result() if future is not None else ())
    future = None  # release the results on the cluster before the consumer handles them
    for item in chunk:
        yield next(results) if isinstance(item, Article) else item.to_dict()


def _score_partition(scorer: Scorer, articles: list[Article], language: str | None) -> list[dict[str, Any]]:
    """Records of a partition's articles, scored in batches as ``framing score`` scores them."""
    scorer = _resident(scorer)
    out = [record for first in range(0, len(articles), BATCH_SIZE)
           for record in score_articles(scorer, articles[first:first + BATCH_SIZE], language)]
    _count(f"partitions:{_key_name(scorer_key(scorer))}")
    return out


def score_paths_on_cluster(paths: Iterable[str | Path], scheduler_address: "str | distributed.Client", *,
                           language: str | None = None, lexicons: Iterable[str | Path] = (),
                           encoding: str | None = None, partition_size: int = 200, readability: bool = False,
                           scorer: Scorer | None = None,
                           max_in_flight: int | None = None) -> Iterator[dict[str, Any]]:
    """Read ``paths`` with ``read_paths`` on the client, score them on the cluster at ``scheduler_address``,
    and yield ``framing.profile/1`` dicts and ``framing.error/1`` records in input order, streaming.

    This is what ``framing score --scheduler ADDRESS`` calls (pass it the
    command's ``Scorer`` as ``scorer=``, or ``lexicons``/``readability``).
    See ``score_articles_on_cluster`` for the partitions in flight and for
    what raises at the call.
    """
    return score_articles_on_cluster(read_paths(paths, encoding=encoding), scheduler_address, scorer=scorer,
                                     language=language, lexicons=lexicons, readability=readability,
                                     partition_size=partition_size, max_in_flight=max_in_flight)


__all__ = ["INSTALL_HINT", "frame_dtypes", "score_articles_on_cluster", "score_bag",
           "score_dataframe", "score_paths_on_cluster", "scorer_key"]
