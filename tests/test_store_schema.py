"""Store schema 2 (a ``source`` column and the selection index) against stores written by schema 1.

A schema 1 store is made here with the SQL framing wrote before schema 2, so that
these tests keep checking old files however the current schema moves on.
"""
from __future__ import annotations

import json
import sqlite3

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from framing.errors import StoreError
from framing.reading import Article
from framing.store import SCHEMA_1, SCHEMA_VERSION, ProfileStore
import framing.store as store_module


# (article id, source or None, lexicon version, time stored)
Row = tuple[str, "str | None", str, float]


def schema_1_store(path, rows: list[Row]) -> None:
    """A store as framing wrote it before schema 2 (WAL, the old table, no source column)."""
    connection = sqlite3.connect(path, isolation_level=None)
    connection.execute("PRAGMA journal_mode = WAL")
    connection.executescript(SCHEMA_1)
    for n, (article_id, source, version, stored_at) in enumerate(rows):
        profile = {"schema": "framing.profile/1", "id": article_id, "lexicon_version": version, "framing_version": "f"}
        if source is not None:
            profile["source"] = source
        connection.execute("INSERT INTO profiles VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                           (f"k{n}", article_id, "h", version, "f", f"text {n}", json.dumps(profile), stored_at))
    connection.close()


def chosen(path, version: str, readonly: bool = True) -> tuple:
    """What a comparison selects: the profiles (id, source, key order) and the counts beside them."""
    with ProfileStore(path, readonly=readonly) as store:
        selection = store.for_comparison(version)
        profiles = [(p["id"], p.get("source"), text) for p, text in selection.items]
        return profiles, selection.lexicon_version, selection.left_out, dict(selection.shared_ids), store.schema


def schema_of(path) -> int:
    with sqlite3.connect(path) as connection:
        return int(connection.execute("SELECT value FROM meta WHERE name = 'schema_version'").fetchone()[0])


def columns(path) -> list[str]:
    with sqlite3.connect(path) as connection:
        return [row[1] for row in connection.execute("PRAGMA table_info(profiles)")]


ROWS: list[Row] = [("a", "s1", "old", 1.0), ("a", "s1", "new", 2.0), ("a", "s2", "new", 3.0),
                   ("b", None, "new", 4.0), ("b", None, "new", 5.0), ("only-old", "s1", "old", 6.0)]


def test_an_old_store_is_read_as_it_is_without_being_changed(tmp_path):
    path = tmp_path / "old.sqlite"
    schema_1_store(path, ROWS)
    before = path.read_bytes()
    profiles, version, left_out, shared, schema = chosen(path, "new")
    assert schema == 1 and version == "new" and left_out == {"old": 1} and shared == {"a": 2}
    assert sorted(profiles) == [("a", "s1", "text 1"), ("a", "s2", "text 2"), ("b", None, "text 4")]
    assert path.read_bytes() == before and schema_of(path) == 1 and "source" not in columns(path)


def test_opening_an_old_store_to_write_migrates_it_and_keeps_every_profile(tmp_path):
    path = tmp_path / "old.sqlite"
    schema_1_store(path, ROWS)
    read_before = chosen(path, "new")
    with ProfileStore(path) as store:
        assert store.schema == SCHEMA_VERSION == 2
        store.put("new-key", Article("c", "text c", source="s3"),
                  {"schema": "framing.profile/1", "id": "c", "source": "s3", "lexicon_version": "new"})
    assert schema_of(path) == 2 and columns(path)[-1] == "source"
    with sqlite3.connect(path) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        pairs = connection.execute("SELECT source, json_extract(profile, '$.source') FROM profiles").fetchall()
        assert len(pairs) == len(ROWS) + 1 and all(column == inside for column, inside in pairs)
        indexes = {row[1] for row in connection.execute("PRAGMA index_list(profiles)")}
        assert "profiles_selection" in indexes
    profiles, *rest = chosen(path, "new")
    assert sorted(profiles) == sorted(read_before[0] + [("c", "s3", "text c")])
    assert rest[:3] == list(read_before[1:4]) and rest[3] == 2
    with ProfileStore(path) as store:  # opened again: nothing left to do
        assert store.schema == 2


def test_a_migration_that_fails_midway_leaves_the_old_store_whole(tmp_path, monkeypatch):
    path = tmp_path / "old.sqlite"
    schema_1_store(path, ROWS)
    read_before = chosen(path, "new")
    failing = (*store_module._MIGRATE_1_TO_2[:2], "SELECT no_such_column FROM profiles")
    monkeypatch.setattr(store_module, "_MIGRATE_1_TO_2", failing)
    with pytest.raises(StoreError, match="old.sqlite"):
        ProfileStore(path)
    assert schema_of(path) == 1 and "source" not in columns(path)
    assert chosen(path, "new") == read_before
    monkeypatch.undo()
    with ProfileStore(path) as store:  # the next writer migrates it
        assert store.schema == 2


def test_a_new_store_has_the_column_and_the_index_from_the_start(tmp_path):
    path = tmp_path / "new.sqlite"
    with ProfileStore(path) as store:
        store.put("k", Article("a", "text a", source="s"),
                  {"schema": "framing.profile/1", "id": "a", "source": "s", "lexicon_version": "v"})
    assert schema_of(path) == 2 and columns(path)[-1] == "source"
    with sqlite3.connect(path) as connection:
        assert connection.execute("SELECT source FROM profiles").fetchall() == [("s",)]
        plan = " ".join(row[-1] for row in connection.execute(
            "EXPLAIN QUERY PLAN " + store_module._SELECTION.format(source="source")))
        assert "COVERING INDEX profiles_selection" in plan  # the selection never reads a profile


_ids = st.sampled_from(["a", "b", "c"])
_sources = st.sampled_from(["s1", "s2", None])
_versions = st.sampled_from(["v1", "v2"])


@settings(max_examples=12, deadline=None)  # each example writes and migrates a store file
@given(st.lists(st.tuples(_ids, _sources, _versions, st.integers(0, 20).map(float)), min_size=1, max_size=12),
       _versions)
def test_a_migrated_store_selects_what_the_old_one_did(tmp_path_factory, rows, version):
    path = tmp_path_factory.mktemp("store") / "p.sqlite"
    schema_1_store(path, rows)
    old = chosen(path, version)
    ProfileStore(path).close()
    new = chosen(path, version)
    assert old[:4] == new[:4]
