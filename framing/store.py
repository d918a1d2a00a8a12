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
"""
from __future__ import annotations

import hashlib
import json
import sqlite3
import time
from pathlib import Path
from typing import Any, Iterator

from .reading import Article

SCHEMA_VERSION = 1
BUSY_TIMEOUT_MS = 60_000
SETUP_ATTEMPTS = 10
_CREATE = """
CREATE TABLE IF NOT EXISTS profiles (
    key TEXT PRIMARY KEY,
    article_id TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    lexicon_version TEXT NOT NULL,
    framing_version TEXT NOT NULL,
    text TEXT NOT NULL,
    profile TEXT NOT NULL,
    stored_at REAL NOT NULL
);
CREATE INDEX IF NOT EXISTS profiles_article ON profiles (article_id);
CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);
"""


def content_hash(article: Article) -> str:
    """Hash of the article as read: id, text and every metadata field."""
    fields = [article.id, article.text, article.title, article.outlet, article.date, article.language,
              article.url, article.source]
    return hashlib.sha256(json.dumps(fields, ensure_ascii=False).encode("utf-8")).hexdigest()


def store_key(article: Article, *, lexicon_version: str, framing_version: str, options: dict[str, Any]) -> str:
    """The key of a profile: content, options (language override, readability) and versions."""
    payload = json.dumps([content_hash(article), lexicon_version, framing_version, sorted(options.items())])
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


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

    def __init__(self, path: str | Path, *, batch_size: int = 50):
        self.path = Path(path)
        self.batch_size = batch_size
        self._pending = 0
        self._connection = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
        self._connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        self._set_up()

    def _set_up(self) -> None:
        """WAL mode and the tables. Switching to WAL needs a moment alone with the file, and
        SQLite may answer "locked" at once instead of waiting while another process opens the
        same store: that answer is retried, a few times, with a growing pause."""
        for attempt in range(SETUP_ATTEMPTS):
            try:
                self._connection.execute("PRAGMA journal_mode = WAL")
                self._connection.execute("PRAGMA synchronous = NORMAL")
                self._connection.executescript(_CREATE)
                self._connection.execute("INSERT OR IGNORE INTO meta (name, value) VALUES (?, ?)",
                                         ("schema_version", str(SCHEMA_VERSION)))
                return
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc) or attempt == SETUP_ATTEMPTS - 1:
                    raise
                time.sleep(0.1 * (attempt + 1))

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
        if self._pending == 0:
            self._connection.execute("BEGIN IMMEDIATE")
        self._connection.execute(
            "INSERT OR REPLACE INTO profiles (key, article_id, content_hash, lexicon_version, framing_version, "
            "text, profile, stored_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (key, article.id, content_hash(article), profile.get("lexicon_version", ""),
             profile.get("framing_version", ""), article.text, json.dumps(profile, ensure_ascii=False), time.time()))
        self._pending += 1
        if self._pending >= self.batch_size:
            self.flush()

    def flush(self) -> None:
        """Commit the open batch."""
        if self._pending:
            self._connection.execute("COMMIT")
            self._pending = 0

    def close(self) -> None:
        """Commit what is pending and close the file."""
        try:
            self.flush()
        finally:
            self._connection.close()

    def __len__(self) -> int:
        return self._connection.execute("SELECT COUNT(*) FROM profiles").fetchone()[0]

    def latest(self) -> Iterator[tuple[dict[str, Any], str]]:
        """``(profile, text)`` of the newest stored profile of each article id, by id."""
        rows = self._connection.execute(
            "SELECT profile, text FROM profiles AS p WHERE stored_at = "
            "(SELECT MAX(stored_at) FROM profiles WHERE article_id = p.article_id) ORDER BY article_id")
        for profile, text in rows:
            yield json.loads(profile), text
