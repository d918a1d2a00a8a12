import re
from pathlib import Path

import pytest

from framing.errors import LexiconError
from framing.lexicon import default_lexicon_dir, load_lexicons

META = '[meta]\nfamily = "{family}"\nlanguage = "en"\nversion = "1"\nsource = "test"\nlicense = "CC0"\n'
AXES = ('[meta]\nfamily = "naming"\nlanguage = "mul"\nversion = "1"\nsource = "t"\nlicense = "CC0"\n'
        '[[axis]]\nid = "test_axis"\nnegative = "n"\npositive = "p"\nsource = "t"\n')


def write(folder: Path, body: str, family="hedge", name="en.toml") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(META.format(family=family) + body, encoding="utf-8")
    return path


def test_every_shipped_lexicon_loads_and_names_a_source():
    lex = load_lexicons()
    assert lex.entries
    for entry in lex.entries:
        assert entry.source.strip() and entry.forms
    for meta in lex.files:
        assert meta.source and meta.license and meta.version


def test_shipped_files_follow_the_layout():
    for path in default_lexicon_dir().rglob("*.toml"):
        if path.parent.name == "naming" and path.stem == "axes":
            continue
        text = path.read_text(encoding="utf-8")
        assert re.search(rf'family = "{path.parent.name}"', text), path
        assert re.search(rf'language = "{path.stem}"', text), path


@pytest.mark.parametrize("body, message", [
    ('[[entry]]\nid = "a"\nterm = "x"\nsource = "s"\nsorce = "typo"\n', "unknown keys"),
    ('[[entry]]\nid = "a"\nterm = "x"\nsource = "s"\n[[entry]]\nid = "a"\nterm = "y"\nsource = "s"\n', "duplicate id"),
    ('[[entry]]\nid = "a"\nterm = "  "\nsource = "s"\n', "'term'"),
    ('[[entry]]\nid = "a"\nterm = "x"\n', "'source'"),
    ('[[entry]]\nid = "Bad Id"\nterm = "x"\nsource = "s"\n', "id must"),
    ('[[entry]]\nid = "a"\nterm = "x"\nsource = "s"\nweight = 0.5\n', "unknown keys"),
    ('[[entry]]\nid = "a"\nterm = "x"\nvariants = "y"\nsource = "s"\n', "variants"),
    ('[[entry]]\nid = "a"\nterm = "Same"\nsource = "s"\n[[entry]]\nid = "b"\nterm = "same"\nsource = "s"\n', "twice"),
    ('[[entry\nid = "a"\n', "malformed TOML"),
])
def test_bad_entries_are_refused_naming_file_and_entry(tmp_path, body, message):
    path = write(tmp_path, body)
    with pytest.raises(LexiconError, match=re.escape(message)) as info:
        load_lexicons([path], include_default=False)
    assert str(path) in str(info.value)


@pytest.mark.parametrize("body, message", [
    ('[[entry]]\nid = "a"\nterm = "x"\naxis = "nope"\nposition = 1\nsource = "s"\n', "not declared"),
    ('[[entry]]\nid = "a"\nterm = "x"\naxis = "test_axis"\nposition = 1.5\nsource = "s"\n', "position"),
    ('[[entry]]\nid = "a"\nterm = "x"\naxis = "test_axis"\nsource = "s"\n', "position"),
])
def test_naming_entries_need_a_declared_axis_and_a_position(tmp_path, body, message):
    (tmp_path / "axes.toml").write_text(AXES)
    write(tmp_path, body, family="naming")
    with pytest.raises(LexiconError, match=message):
        load_lexicons([tmp_path], include_default=False)


def test_missing_meta_and_missing_path(tmp_path):
    path = tmp_path / "x.toml"
    path.write_text('[[entry]]\nid = "a"\nterm = "x"\nsource = "s"\n')
    with pytest.raises(LexiconError, match=r"missing \[meta\]"):
        load_lexicons([path], include_default=False)
    with pytest.raises(LexiconError, match="no such lexicon"):
        load_lexicons([tmp_path / "nope"], include_default=False)


def test_user_lexicons_add_to_the_shipped_ones_and_change_the_version(tmp_path):
    (tmp_path / "axes.toml").write_text(AXES)
    write(tmp_path, '[[entry]]\nid = "a"\nterm = "blue widget"\naxis = "test_axis"\nposition = 1\nsource = "s"\n',
          family="naming")
    base = load_lexicons()
    both = load_lexicons([tmp_path])
    assert len(both.entries) == len(base.entries) + 1
    assert both.version != base.version
    assert "test_axis" in both.axes


def test_huge_lexicon_file_is_refused(tmp_path, monkeypatch):
    import framing.lexicon as lexicon

    path = write(tmp_path, '[[entry]]\nid = "a"\nterm = "x"\nsource = "s"\n')
    monkeypatch.setattr(lexicon, "MAX_LEXICON_BYTES", 10)
    with pytest.raises(LexiconError, match="limit"):
        lexicon._load((str(path),))


def test_the_cache_serves_identical_sets_and_survives_damage(tmp_path, monkeypatch):
    import framing.lexicon as lexicon

    monkeypatch.setenv("FRAMING_CACHE_DIR", str(tmp_path / "cache"))
    root = (str(default_lexicon_dir()),)
    first = lexicon._load(root)
    (cached_file,) = (tmp_path / "cache").glob("lexicons-*.json")
    assert lexicon._load(root) == first
    cached_file.write_bytes(b"not JSON")
    assert lexicon._load(root) == first
    monkeypatch.setenv("FRAMING_CACHE_DIR", "off")
    assert lexicon._load(root) == first


def test_cached_arrays_are_mapped_on_a_hit_and_rebuilt_when_damaged(tmp_path, monkeypatch):
    import numpy as np

    from framing.cache import cached_arrays

    monkeypatch.setenv("FRAMING_CACHE_DIR", str(tmp_path))
    builds = []

    def build():
        builds.append(1)
        return {"a": np.arange(5, dtype=np.int32), "b": np.array(["en", "nl"])}

    first = cached_arrays("kind-1", build)
    second = cached_arrays("kind-1", build)
    assert len(builds) == 1
    assert isinstance(second["a"], np.memmap) and not second["a"].flags.writeable
    assert second["a"].tolist() == first["a"].tolist() and second["b"].tolist() == ["en", "nl"]
    (tmp_path / "kind-1" / "a.npy").write_bytes(b"damaged")
    assert cached_arrays("kind-1", build)["a"].tolist() == [0, 1, 2, 3, 4]
    assert len(builds) == 2
    monkeypatch.setenv("FRAMING_CACHE_DIR", "off")
    assert cached_arrays("kind-1", build)["a"].tolist() == [0, 1, 2, 3, 4]
    assert len(builds) == 3


def test_the_cache_keeps_only_the_most_recently_used_entries_of_a_kind(tmp_path, monkeypatch):
    import os

    import framing.cache as cache

    monkeypatch.setenv("FRAMING_CACHE_DIR", str(tmp_path))
    def cached(name, build):
        return cache.cached_json(name, build, lambda v: v, lambda v: v)

    for n in range(cache.KEEP_PER_KIND):
        cached(f"kind-{n}", lambda: n)
        os.utime(tmp_path / f"kind-{n}.json", (n, n))  # distinct ages, kind-0 the oldest
    assert cached("kind-0", lambda: "rebuilt") == 0  # served from the cache, so used now
    cached("other-1", lambda: 0)  # another kind does not count
    cached("kind-new", lambda: 0)
    kept = {p.name for p in tmp_path.iterdir() if p.name.startswith("kind-")}
    assert len(kept) == cache.KEEP_PER_KIND
    assert {"kind-0.json", "kind-new.json"} <= kept and "kind-1.json" not in kept
    assert (tmp_path / "other-1.json").exists()


def test_the_cache_keeps_more_lexicon_sets_than_other_entries(tmp_path, monkeypatch):
    # One set per checkout and per combination of user lexicons: three in use must not evict one another.
    import framing.cache as cache

    monkeypatch.setenv("FRAMING_CACHE_DIR", str(tmp_path))
    for n in range(cache.KEEP_LEXICON_SETS + 2):
        cache.cached_json(f"lexicons-{n}", lambda: n, lambda v: v, lambda v: v)
    kept = [p for p in tmp_path.iterdir() if p.name.startswith("lexicons-")]
    assert len(kept) == cache.KEEP_LEXICON_SETS > cache.KEEP_PER_KIND


def test_a_misspelt_family_or_an_undeclared_category_is_refused(tmp_path):
    path = write(tmp_path / "a", '[[entry]]\nid = "a"\nterm = "perhaps"\nsource = "s"\n', family="hegde")
    with pytest.raises(LexiconError, match=r"unknown family 'hegde'"):
        load_lexicons([path])
    path = write(tmp_path / "b", '[[entry]]\nid = "a"\nterm = "perhaps"\ncategory = "epistemic_advreb"\n'
                                 'source = "s"\n')
    with pytest.raises(LexiconError, match=r"entry 'a': category 'epistemic_advreb' is not declared"):
        load_lexicons([path])


def test_rule_tables_name_only_declared_categories():
    from framing.extractors import hedge
    from framing.lexicon_schema import LEXICON_CATEGORIES

    assert set(hedge._RULES) <= LEXICON_CATEGORIES["hedge"]


def test_a_misspelt_word_list_name_is_an_error_not_an_empty_list():
    import framing
    from framing.document import build_document
    from framing.language import identify
    from framing.reading import Article

    scorer = framing.Scorer()
    tables = scorer.tables("en")
    article = Article("a", "Officials met on Monday.")
    document = build_document(article, identify(article.text, scorer.supported, given="en"), tables.matcher,
                              tables.wordlists)
    assert "the" in document.wordlist("grammar.determiner")
    assert document.wordlist("grammar.perfect_verb") == frozenset()  # declared, Arabic only
    with pytest.raises(KeyError, match="grammar.determiners"):
        document.wordlist("grammar.determiners")


def test_a_month_entry_carries_its_number_as_data(tmp_path):
    body = '[[entry]]\nid = "m"\nterm = "Brumaire"\ncategory = "month"\nsource = "s"\n'
    with pytest.raises(LexiconError, match="needs 'value'"):
        load_lexicons([write(tmp_path / "a", body, family="grammar")])
    lex = load_lexicons([write(tmp_path / "b", body.replace('category', 'value = 11\ncategory'), family="grammar")])
    from framing.comparison.align import month_table
    assert month_table(lex, "en")["brumaire"] == 11


def test_a_users_entry_wins_over_a_shipped_one_for_the_same_form_and_says_so(tmp_path):
    import framing
    from framing.lexicon import LexiconOverrideWarning

    axes = write(tmp_path / "user", '[[axis]]\nid = "gulf_naming"\nnegative = "n"\npositive = "p"\nsource = "t"\n',
                 family="naming", name="axes.toml")
    user = write(tmp_path / "user", '[[entry]]\nid = "gulf.mexico"\nterm = "Gulf of Mexico"\naxis = "gulf_naming"\n'
                                    'position = -1.0\nsource = "my codebook"\n', family="naming")
    with pytest.warns(LexiconOverrideWarning, match=r"'gulf of mexico'.*gulf_of_mexico"):
        lexicons = load_lexicons([axes.parent])
    assert lexicons.overrides and str(user) in lexicons.overrides[0]
    profile = framing.Scorer(lexicons).score(framing.Article("a", "Ships crossed the Gulf of Mexico."),
                                             language="en").to_dict()
    naming = [e for e in profile["evidence"] if e["family"] == "naming"]
    assert [(e["axis"], e["lexicon"]) for e in naming] == [("gulf_naming", str(user))]


def test_every_lexicon_folder_has_its_licence_file_and_it_is_current():
    import importlib.util

    script = default_lexicon_dir() / "build" / "licences.py"
    spec = importlib.util.spec_from_file_location("licences", script)
    licences = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(licences)
    for folder in licences.folders():
        path = folder / licences.NAME
        assert path.exists(), f"{folder.name}: no {licences.NAME} beside the data"
        assert path.read_text(encoding="utf-8") == licences.licence_text(folder), \
            f"{path} is stale: run lexicons/build/licences.py"


def test_user_files_on_the_cached_shipped_set_equal_parsing_everything_at_once(tmp_path):
    """The shipped set comes whole from its cache entry when a user adds files: the result must
    be what validating every file together gives (entries, order, axes, overrides, version)."""
    import warnings

    import framing.lexicon as lexicon
    from framing.lexicon import _files_under, _parse, _read_source

    (tmp_path / "mine.toml").write_text(
        '[meta]\nfamily = "naming"\nlanguage = "en"\nversion = "1"\nsource = "s"\nlicense = "CC0-1.0"\n\n'
        '[[axis]]\nid = "my_axis"\nnegative = "a"\npositive = "b"\ndescription = "d"\nsource = "s"\n\n'
        '[[entry]]\nid = "mine"\nterm = "Moroccan Sahara"\naxis = "my_axis"\nposition = 0.5\nsource = "s"\n',
        encoding="utf-8")
    roots = (str(default_lexicon_dir()), str(tmp_path))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        layered = lexicon._load(roots, shipped=True)
    groups = [_files_under(root) for root in roots]
    everything = _parse([(p, _read_source(p)) for g in groups for p in g], layered.version,
                        frozenset(str(p) for p in groups[1]))
    assert layered == everything
    assert layered.overrides and "my_axis" in layered.axes
