"""A pure-Python stand-in for the Aho-Corasick automaton, for when pyahocorasick is absent.

Compiled code is used only from maintained packages that ship wheels, and the
pure path must work without them. ``FormTrie`` has the three methods of
``ahocorasick.Automaton`` the matcher uses (``add_word``, ``make_automaton``,
``iter``) and reports the same occurrences that can survive the matcher's
word-boundary pass: a form opening with a word character counts only where a
word starts, so the trie (a dict of dicts over the characters of the folded
forms, the payload under ``""`` at a form's last node) is walked from word
starts, and from every occurrence of a form's first character when that is not
a word character (suffixes such as "-propaganda" start inside a word). Other
occurrences the automaton reports are dropped by that pass anyway. Plain dicts
and a compiled pattern, so it pickles.

>>> trie = FormTrie()
>>> trie.add_word("sahara", "s"); trie.add_word("-propaganda", "p"); trie.make_automaton()
>>> sorted(trie.iter("sahara, wahl-propaganda, saharan"))
[(5, 's'), (22, 'p'), (30, 's')]
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

# The key of a node's payload: never a character (those are strings of length one).
_PAYLOAD = ""


def _is_word_char(ch: str) -> bool:
    """The matcher's word characters; ``\\w`` in a ``str`` pattern is the same set."""
    return ch.isalnum() or ch == "_"


class FormTrie:
    """Forms in a character trie, walked only from where a whole-word match can start."""

    def __init__(self) -> None:
        self._root: dict[str, Any] = {}
        self._starts: re.Pattern[str] | None = None

    def add_word(self, form: str, payload: Any) -> None:
        """Add ``form`` (already folded) with ``payload``, reported at each occurrence."""
        node = self._root
        for ch in form:
            node = node.setdefault(ch, {})
        node[_PAYLOAD] = payload

    def make_automaton(self) -> None:
        """Work out where walks start: word starts, and the first characters of forms that
        open on a non-word character."""
        other_openers = sorted(ch for ch in self._root if ch != _PAYLOAD and not _is_word_char(ch))
        pattern = r"(?<!\w)\w"
        if other_openers:
            pattern += "|[" + "".join(map(re.escape, other_openers)) + "]"
        self._starts = re.compile(pattern)

    def iter(self, text: str) -> Iterator[tuple[int, Any]]:
        """(index of the last character, payload) for each occurrence from a walk start, by
        start then end (the automaton reports by end; the matcher's result does not depend on it)."""
        if self._starts is None:
            self.make_automaton()
        starts = self._starts
        assert starts is not None
        root, n = self._root, len(text)
        for found in starts.finditer(text):
            position = found.start()
            node = root.get(text[position])
            while node is not None:
                payload = node.get(_PAYLOAD)
                if payload is not None:
                    yield position, payload
                position += 1
                if position == n:
                    break
                node = node.get(text[position])
