"""An embedded store of profiles (SQLite, standard library): score once, read many times.

Profiles are keyed by a hash of everything that determines them: the
article's id, text and metadata, the scoring options, the lexicon version and
the framing version. Re-scoring an unchanged article costs a lookup; a new
lexicon or framing version misses the cache by construction.

Durability: WAL journal, one transaction per batch of records, so a run
killed at any point leaves a consistent database and the rerun scores only
what is missing. Several processes may write the same file: SQLite
serialises writers, and a busy writer waits (``busy_timeout``) rather than
failing. All SQL is parameterised.

Schema 2 stores each profile's ``source`` (the input it was read from) in a
column of its own, with an index holding what a comparison selects by (id,
source, lexicon version, time stored), so that choosing the profiles of a
large store reads the index rather than every stored profile. A store of
schema 1 is still read as it is (its sources taken from the profiles); the
first process that opens it to write adds the column and fills it, in one
transaction, so that an interruption leaves schema 1 intact. That rewrites
every row once (36 s for 20,000 profiles, 770 MB) and needs about as much
free disk for the journal; other writers wait for it (retrying past the busy
timeout), readers go on reading schema 1.
"""
from __future__ import annotations

import hashlib
import json
import sqlite3
import time
from array import array
from pathlib import Path
from typing import Any, Iterable, Iterator, Mapping, NamedTuple, Sequence

from .errors import StoreError
from .reading import Article
from .terminal import display_path

SCHEMA_VERSION = 2
READABLE_SCHEMAS = (1, 2)  # schema 1: no source column, sources read from the profiles
BUSY_TIMEOUT_MS = 60_000
SETUP_ATTEMPTS = 10
# The layout of schema 1 (before the source column), which this store still reads and migrates:
# kept here as the one statement of it, for the migration tests and the fault benchmark.
SCHEMA_1 = """
CREATE TABLE profiles (
    key TEXT PRIMARY KEY, article_id TEXT NOT NULL, content_hash TEXT NOT NULL, lexicon_version TEXT NOT NULL,
    framing_version TEXT NOT NULL, text TEXT NOT NULL, profile TEXT NOT NULL, stored_at REAL NOT NULL
);
CREATE INDEX profiles_article ON profiles (article_id);
CREATE TABLE meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);
INSERT INTO meta VALUES ('schema_version', '1');
"""
_CREATE = """
CREATE TABLE IF NOT EXISTS profiles (
    key TEXT PRIMARY KEY,
    article_id TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    lexicon_version TEXT NOT NULL,
    framing_version TEXT NOT NULL,
    text TEXT NOT NULL,
    profile TEXT NOT NULL,
    stored_at REAL NOT NULL,
    source TEXT
);
CREATE INDEX IF NOT EXISTS profiles_article ON profiles (article_id);
CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);
"""
# Everything the selection of a comparison reads, so that it never reads a row of the table.
_SELECTION_INDEX = ("CREATE INDEX IF NOT EXISTS profiles_selection "
                    "ON profiles (article_id, source, lexicon_version, stored_at)")
# Schema 1 to 2: the column (last, as in a new store), its values from the profiles, the index.
_MIGRATE_1_TO_2 = ("ALTER TABLE profiles ADD COLUMN source TEXT",
                   "UPDATE profiles SET source = json_extract(profile, '$.source')",
                   _SELECTION_INDEX,
                   "UPDATE meta SET value = '2' WHERE name = 'schema_version'")
# The newest profile per article, source and lexicon version (of two stored at the same time, the
# later row); where the source comes from differs by schema.
_SELECTION = ("SELECT article_id, source, lexicon_version, row FROM "
              "(SELECT rowid AS row, article_id, {source} AS source, lexicon_version, stored_at, "
              "ROW_NUMBER() OVER (PARTITION BY article_id, {source}, lexicon_version "
              "ORDER BY stored_at DESC, rowid DESC) AS n FROM profiles) WHERE n = 1 ORDER BY stored_at DESC, row DESC")
_SOURCE_OF = {1: "json_extract(profile, '$.source')", 2: "source"}


def content_hash(article: Article) -> str:
    """Hash of the article as read: id, text and every metadata field."""
    fields = [article.id, article.text, article.title, article.outlet, article.date, article.language,
              article.url, article.source]
    return hashlib.sha256(json.dumps(fields, ensure_ascii=False).encode("utf-8")).hexdigest()


def store_key(article: Article, *, lexicon_version: str, framing_version: str, options: dict[str, Any]) -> str:
    """The key of a profile: content, options (language override, readability) and versions."""
    payload = json.dumps([content_hash(article), lexicon_version, framing_version, sorted(options.items())])
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


class Selection(NamedTuple):
    """What ``ProfileStore.for_comparison`` read: ``(profile, text)`` pairs (a list, or with
    ``lazy=True`` an iterator reading one row at a time), the lexicon version they share, how
    many articles other versions had that were left out, how many pairs there are (``size``), and the
    ids that more than one of them has (articles of different sources), with how many have each."""

    items: Iterable[tuple[dict[str, Any], str]]
    lexicon_version: str
    left_out: dict[str, int]
    size: int = 0
    shared_ids: Mapping[str, int] = {}


class ProfileStore:
    """A SQLite file of profiles. Use as a context manager; ``put`` batches, ``flush`` commits.

    >>> import tempfile, os
    >>> from framing.reading import Article
    >>> path = os.path.join(tempfile.mkdtemp(), "p.sqlite")
    >>> with ProfileStore(path) as store:
    ...     key = store_key(Article("a", "text"), lexicon_version="l", framing_version="f", options={})
    ...     store.put(key, Article("a", "text"), {"schema": "framing.profile/1", "id": "a",
    ...               "lexicon_version": "l", "framing_version": "f"})
    >>> with ProfileStore(path) as store:
    ...     store.get(key)["id"]
    'a'
    """

    def __init__(self, path: str | Path, *, batch_size: int = 50, readonly: bool = False):
        self.path = Path(path)
        self.batch_size = batch_size
        self.readonly = readonly
        self._pending = 0
        name = display_path(self.path)
        if self.path.is_dir():
            raise StoreError(f"--db {name} is a folder, not a store file")
        if readonly and not self.path.is_file():
            raise StoreError(f"--db {name}: no such store (reading one never creates it)")
        try:
            if readonly:
                uri = f"{self.path.resolve().as_uri()}?mode=ro"
                self._connection = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_MS / 1000,
                                                   isolation_level=None)
            else:
                self._connection = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_MS / 1000,
                                                   isolation_level=None)
            self._connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            if readonly:
                self._check_schema()
            else:
                self._set_up()
        except sqlite3.DatabaseError as exc:
            connection = getattr(self, "_connection", None)
            if connection is not None:
                connection.close()
            raise StoreError(f"--db {name}: not a usable framing store ({exc}); "
                             "is it a SQLite file written by framing, complete and writable?") from None

    def _check_schema(self, readable: tuple[int, ...] = READABLE_SCHEMAS) -> int:
        """The store's schema version; a store of a newer schema (written by a newer framing),
        or of none at all, is refused."""
        tables = {row[0] for row in self._connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if not {"profiles", "meta"} <= tables:
            raise StoreError(f"--db {display_path(self.path)}: a SQLite file but not a framing store "
                             f"(tables {sorted(tables)})")
        row = self._connection.execute("SELECT value FROM meta WHERE name = 'schema_version'").fetchone()
        version = int(row[0]) if row and str(row[0]).isdigit() else None
        if version not in readable:
            raise StoreError(f"--db {display_path(self.path)}: store schema version {row[0] if row else 'unknown'}, "
                             f"this framing reads versions {READABLE_SCHEMAS[0]} to {SCHEMA_VERSION}; use the framing that wrote it")
        self.schema = version
        return version

    def _set_up(self) -> None:
        """WAL mode and the tables, an older schema brought up to date. Switching to WAL needs a
        moment alone with the file, and SQLite may answer "locked" at once instead of waiting
        while another process opens the same store: that answer is retried, a few times, with a
        growing pause."""
        for attempt in range(SETUP_ATTEMPTS):
            try:
                self._connection.execute("PRAGMA journal_mode = WAL")
                self._connection.execute("PRAGMA synchronous = NORMAL")
                self._connection.executescript(_CREATE)
                self._connection.execute("INSERT OR IGNORE INTO meta (name, value) VALUES (?, ?)",
                                         ("schema_version", str(SCHEMA_VERSION)))
                if self._check_schema() < SCHEMA_VERSION:
                    self._migrate()
                self._connection.execute(_SELECTION_INDEX)
                self._check_schema((SCHEMA_VERSION,))
                return
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc) or attempt == SETUP_ATTEMPTS - 1:
                    raise
                time.sleep(0.1 * (attempt + 1))

    def _migrate(self) -> None:
        """Schema 1 to 2 in one transaction: all of it or, killed midway, none of it. Another
        process may have migrated the store since it was read: the version is read again
        inside the transaction."""
        self._connection.execute("BEGIN IMMEDIATE")
        try:
            if self._check_schema() == 1:
                for statement in _MIGRATE_1_TO_2:
                    self._connection.execute(statement)
            self._connection.execute("COMMIT")
        except BaseException:
            self._connection.execute("ROLLBACK")
            raise

    def __enter__(self) -> "ProfileStore":
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def get(self, key: str) -> dict[str, Any] | None:
        """The stored profile under ``key``, or None."""
        row = self._connection.execute("SELECT profile FROM profiles WHERE key = ?", (key,)).fetchone()
        return json.loads(row[0]) if row else None

    def put(self, key: str, article: Article, profile: dict[str, Any]) -> None:
        """Store one profile; committed with its batch (``batch_size``) or on ``flush``."""
        try:
            self._put(key, article, profile)
        except sqlite3.OperationalError as exc:  # a full disk, a store made read-only meanwhile
            raise StoreError(f"--db {display_path(self.path)}: cannot store profiles: {exc}; "
                             "what was committed before is kept") from None

    def _put(self, key: str, article: Article, profile: dict[str, Any]) -> None:
        if self._pending == 0:
            self._connection.execute("BEGIN IMMEDIATE")
        self._connection.execute(
            "INSERT OR REPLACE INTO profiles (key, article_id, content_hash, lexicon_version, framing_version, "
            "text, profile, stored_at, source) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (key, article.id, content_hash(article), profile.get("lexicon_version", ""),
             profile.get("framing_version", ""), article.text, json.dumps(profile, ensure_ascii=False), time.time(),
             profile.get("source")))
        self._pending += 1
        if self._pending >= self.batch_size:
            self.flush()

    def flush(self) -> None:
        """Commit the open batch."""
        if self._pending:
            try:
                self._connection.execute("COMMIT")
            except sqlite3.OperationalError as exc:
                raise StoreError(f"--db {display_path(self.path)}: cannot commit profiles: {exc}; "
                                 "what was committed before is kept") from None
            self._pending = 0

    def close(self) -> None:
        """Commit what is pending and close the file."""
        try:
            self.flush()
        finally:
            self._connection.close()

    def __len__(self) -> int:
        return self._connection.execute("SELECT COUNT(*) FROM profiles").fetchone()[0]

    def for_comparison(self, lexicon_version: str, *, lazy: bool = False) -> "Selection":
        """The profiles a comparison reads: per article (its id and source, so that articles
        sharing an id across sources are all kept) the newest profile made with one lexicon
        version, ``lexicon_version`` when the store holds it, else the newest stored; never
        profiles of several versions mixed (their rates differ by construction).
        ``left_out`` counts the articles that have a profile of another version only.
        With ``lazy``, profiles and texts are read one row at a time as the items are
        iterated, so that a comparison of a large store never holds them all. The choice
        itself reads the selection index only (schema 2; a schema 1 store read-only: every
        profile, for its source)."""
        rows = self._connection.execute(_SELECTION.format(source=_SOURCE_OF[self.schema]))
        newest: dict[tuple[str, str | None], dict[str, int]] = {}
        order: list[str] = []
        for article_id, source, version, rowid in rows:
            newest.setdefault((article_id, source), {})[version] = rowid
            if version not in order:
                order.append(version)
        chosen = lexicon_version if lexicon_version in order else (order[0] if order else lexicon_version)
        picked = array("q")
        ids: dict[str, int] = {}
        left_out: dict[str, int] = {}
        for key in sorted(newest, key=lambda k: (k[0], k[1] or "")):
            versions = newest[key]
            if chosen in versions:
                picked.append(versions[chosen])
                ids[key[0]] = ids.get(key[0], 0) + 1
            else:
                for version in versions:
                    left_out[version] = left_out.get(version, 0) + 1
        del newest
        shared = {article_id: n for article_id, n in ids.items() if n > 1}
        items = self._rows(picked)
        return Selection(items if lazy else list(items), chosen, left_out, len(picked), shared)

    def _rows(self, rowids: Sequence[int]) -> Iterator[tuple[dict[str, Any], str]]:
        """``(profile, text)`` of each row, in the order given, one row at a time."""
        for rowid in rowids:
            profile, text = self._connection.execute("SELECT profile, text FROM profiles WHERE rowid = ?",
                                                     (rowid,)).fetchone()
            yield json.loads(profile), text
