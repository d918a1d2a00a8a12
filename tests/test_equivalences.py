"""Fast rewrites keep the meaning of the plain formulations they replaced.

Several hot paths were rewritten for speed (see ``benchmarks/speed.py``);
each property here checks a rewrite against the obvious, slower version on
arbitrary text, so that a speed-up can never change a result.
"""
import re

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from framing.extractors.attribution import _words, sources
from framing.normalize import _ONE_TO_ONE, _SPACE_OR_FORMAT, _space_edits, _unify_marks

# Text rich in the characters the rewrites care about: white space of every
# kind, format characters, quote marks, capitals of several scripts, joiners.
TRICKY = st.text(st.sampled_from(list("aZé É\u0130ß_1'\u2019.-\t\n\r\u00a0\u2028\u200b\u00ad\ufeff\u201c\u00ab`Ωω\u0644")
                                 + [chr(c) for c in range(0x2000, 0x200c)]), max_size=60)
ANY = st.one_of(st.text(max_size=60), TRICKY)


@given(ANY)
def test_mark_unification_equals_translate(text):
    assert _unify_marks(text) == text.translate(_ONE_TO_ONE)


@given(ANY)
def test_space_edits_equal_the_combined_pattern(text):
    expected = []
    for m in _SPACE_OR_FORMAT.finditer(text):
        replacement = " " if any(not ("\u00ad" == ch or "\u200b" <= ch <= "\u200f" or "\u202a" <= ch <= "\u202e"
                                      or "\u2060" <= ch <= "\u2064" or ch == "\ufeff") for ch in m.group()) else ""
        if m.group() != replacement:
            expected.append((m.start(), m.end(), replacement))
    assert _space_edits(text) == expected


@given(ANY)
def test_split_join_equals_collapsing_white_space_runs(text):
    assert " ".join(text.split()) == re.sub(r"\s+", " ", text).strip()


_PLAIN_CAPITAL_WORD = re.compile(rf"(?<!\w)[{re.escape(_words.UPPERCASE)}][\w'\u2019.\-]*")


@given(ANY, st.integers(0, 60), st.integers(0, 60))
def test_capital_word_pattern_equals_a_leading_lookbehind(text, pos, length):
    spans = [m.span() for m in sources._CAPITAL_WORD.finditer(text, pos, pos + length)]
    assert spans == [m.span() for m in _PLAIN_CAPITAL_WORD.finditer(text, pos, pos + length)]


_LOOKBEHIND_FIRST_SENTENCE_END = re.compile(r"(?<![.!?\u2026\u061f\u06d4])([.!?\u2026\u061f\u06d4]++[\"'\u201d\u2019\u00bb)\]]*+)\s+")
SENTENCE_ENDS = st.text(st.sampled_from(list("a .!?\u2026\u061f\u06d4\"'\u201d\u2019\u00bb)]\n\u00a0")), max_size=60)


@given(st.one_of(ANY, SENTENCE_ENDS), st.integers(0, 60), st.integers(0, 60))
def test_sentence_end_pattern_equals_a_leading_lookbehind(text, pos, length):
    from framing.segment import _SENTENCE_END

    found = [(m.span(1), m.span()) for m in _SENTENCE_END.finditer(text, pos, pos + length)]
    assert found == [(m.span(1), m.span()) for m in _LOOKBEHIND_FIRST_SENTENCE_END.finditer(text, pos, pos + length)]


@settings(deadline=None)  # the first call unpacks py3langid's model
@given(ANY)
def test_top_languages_are_the_head_of_py3langid_rank(text):
    from framing.language import _identifier, _top_languages

    identifier = _identifier()
    assert _top_languages(identifier, text, 4) == identifier.rank(text)[:4]


@given(st.text(st.sampled_from(list("ab1'\u2019.,- \n\u00a0")), max_size=200), st.integers(0, 200), st.integers(1, 4))
def test_words_before_equals_scanning_the_whole_window(text, start, n):
    from types import SimpleNamespace

    from framing.extractors.context import WORD, _WINDOW, words_before

    start = min(start, len(text))
    layout = SimpleNamespace(sentences=((0, len(text)),))
    document = SimpleNamespace(text=text, layout=layout)
    hit = SimpleNamespace(start=start, end=start, sentence=0)
    assert words_before(document, hit, n) == WORD.findall(text, max(0, start - _WINDOW), start)[-n:]


@given(st.one_of(ANY, st.text(st.sampled_from(list("ab_1'\u2019- .\U0001d400")), max_size=40)),
       st.lists(st.tuples(st.integers(0, 60), st.integers(0, 60)), max_size=5))
def test_word_counts_equal_counting_regex_words(text, pairs):
    from framing.segment import _WORD, word_counts

    spans = tuple((min(a, b, len(text)), min(max(a, b), len(text))) for a, b in pairs)
    assert word_counts(text, spans) == tuple(len(_WORD.findall(text, s, e)) for s, e in spans)


@pytest.fixture(scope="module")
def py3langid_own_identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


@settings(deadline=None, max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(ANY)
def test_identifier_on_mapped_tables_scores_as_py3langid_loads_it(py3langid_own_identifier, text):
    from framing.language import _identifier

    mapped = _identifier()
    assert isinstance(mapped.tk_nextmove, memoryview)  # the cached, memory-mapped tables are in use
    assert mapped.rank(text) == py3langid_own_identifier.rank(text)


def test_hits_by_family_partition_the_hits_in_text_order(scorer, seed_texts):
    from framing.document import build_document
    from framing.language import identify
    from framing.reading import Article

    for name, text in seed_texts.items():
        guess = identify(text, scorer.supported)
        tables = scorer.tables(guess.code)
        document = build_document(Article(name, text), guess, tables.matcher, tables.wordlists)
        for family, hits in document.hits_by_family.items():
            assert hits == tuple(h for h in document.hits if h.entry.family == family)
        assert sum(map(len, document.hits_by_family.values())) == len(document.hits)
        union = document.wordlist_union("grammar.month", "grammar.weekday")
        assert union == document.wordlist("grammar.month") | document.wordlist("grammar.weekday")


_PLAIN_SENTENCE_END = re.compile(r"[.!?\u2026\u061f\u06d4]+[\"'\u201d\u2019\u00bb)\]]*(?=\s)")


def _plain_sentences(text, start, end, abbreviations):
    from framing.segment import _ends_with_abbreviation

    spans, begin = [], start
    for m in _PLAIN_SENTENCE_END.finditer(text, start, end):
        cut = rest = m.end()
        while rest < end and text[rest].isspace():
            rest += 1
        if rest >= end:
            break
        if text[rest].islower() or (m.group()[0] == "." and _ends_with_abbreviation(text, begin, m.start(), abbreviations)):
            continue
        spans.append((begin, cut))
        begin = rest
    spans.append((begin, end))
    return spans


@given(st.text(st.sampled_from(list("ab A.!?\"'\u201d) \n\u00a0\u2026")), max_size=80))
def test_sentence_split_equals_scanning_white_space_by_hand(text):
    from framing.segment import _sentences

    abbreviations = frozenset({"a."})
    assert _sentences(text, 0, len(text), abbreviations) == _plain_sentences(text, 0, len(text), abbreviations)


@given(st.text(st.sampled_from(list("ab \n\t\u00a0\u200be\u0301\u2019\u201c")), max_size=40), st.data())
def test_to_original_equals_mapping_each_end_by_point(text, data):
    from framing.normalize import normalize

    view = normalize(text)
    start = data.draw(st.integers(0, len(view.text)))
    end = data.draw(st.integers(start, len(view.text)))
    expected = (view._point(start, as_end=False), view._point(end - 1, as_end=True)) if start < end else \
        (view._point(start, as_end=False),) * 2
    assert view.to_original(start, end) == expected


@given(st.text(st.sampled_from(list("ab1'\u2019.,- \n\u00a0_\u0301")), max_size=200), st.integers(0, 200),
       st.integers(0, 200))
def test_last_word_before_equals_the_last_of_words_before(text, start, begin):
    from types import SimpleNamespace

    from framing.extractors.context import last_word_before, words_before

    start = min(start, len(text))
    begin = min(begin, start)
    layout = SimpleNamespace(sentences=((begin, len(text)),))
    document = SimpleNamespace(text=text, layout=layout)
    hit = SimpleNamespace(start=start, end=start, sentence=0)
    expected = words_before(document, hit, 1)
    assert last_word_before(document, hit) == (expected[0] if expected else None)


@given(st.text(st.one_of(st.sampled_from(list("aB \t\u00a0\u2003\x1c\x85\u2028\u0130\u00df")), st.characters()),
               max_size=30))
def test_line_key_equals_joining_the_split_words(text):
    from framing.segment import _line_key

    line = text.strip()
    assert _line_key(line) == " ".join(line.split()).casefold()


def _plain_initial_word_pattern(words):
    forms = {f for w in words for f in (w, w[:1].upper() + w[1:], w.upper())}
    initials = "".join(sorted({f[0] for f in forms}))
    alternation = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
    return re.compile(rf"(?=[{re.escape(initials)}])(?<![\w'\u2019])(?:{alternation})(?![\w'\u2019])")


@given(st.frozensets(st.text(st.sampled_from(list("sSeén'")), min_size=1, max_size=4), min_size=1, max_size=5),
       st.text(st.sampled_from(list("sSeén' .\n\u2019")), max_size=40))
def test_initial_word_pattern_equals_one_alternation_behind_a_look_ahead(words, text):
    from framing.extractors.attribution._words import initial_word_pattern

    fast, plain = initial_word_pattern(words), _plain_initial_word_pattern(words)
    assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)]


@given(ANY)
def test_line_separator_escaping_equals_the_character_class_search(text):
    from framing.jsonline import _LINE_SEPARATORS, escape_line_separators

    expected = text.translate(_LINE_SEPARATORS) if re.search("[\u2028\u2029\x85]", text) else text
    assert escape_line_separators(text) == expected


@given(st.one_of(ANY, st.text(st.sampled_from(list("ab \n\t\r\x01\x07\x0b\x0e\x1b\x1f\x7f\x85\ud800\u2028é")),
                                 max_size=80)))
def test_control_characters_counted_by_their_bytes_as_by_a_character_class(text):
    from framing.decoding import InputError, check_text

    controls = len(re.findall("[\x00-\x08\x0e-\x1f]", text))
    if not text.strip() or "\x00" in text:
        return
    if controls > max(8, len(text) // 100):
        with pytest.raises(InputError, match=f"{controls} control characters"):
            check_text(text, name="t")
    else:
        assert check_text(text, name="t") == text


@given(st.one_of(ANY, st.text(st.sampled_from(list("ab \n\r\u2028\u2029\u0085\x0b")), max_size=40)))
def test_line_spans_equal_the_line_pattern(text):
    from framing.lines import LINE, line_spans

    assert line_spans(text) == [m.span() for m in LINE.finditer(text)]
