"""Numbers as quantities: "$2.5 billion", "2,5 milliards d'euros", "30.000 Menschen".

Two sentences disagree on a number only if the numbers are read right: the
decimal and thousands separators follow the language's convention (a point
is decimal in English and Arabic, a comma in French, Dutch, German and
Spanish), a separator followed by other than three digits can only be
decimal, scale words multiply ("milliard" is 10^9, "billion" 10^9 in English
and 10^12 in French), and the unit (currency sign, per cent, or the word
counted) is kept so that a count is set only against a count of the same
thing. Scale words come from the grammar lexicons (category ``scale``, ``value`` the exponent).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Mapping

from ..lexicon import LexiconSet

DECIMAL_COMMA = frozenset({"fr", "nl", "de", "es"})
_NUMBER = re.compile(r"(?P<pre>[$€£¥]\s?)?(?P<n>\d{1,3}(?:[.,\u00a0\u202f]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?)"
                     r"(?![\d])(?P<post>\s?(?:%|€|\$))?")
_FOLLOWING = re.compile(r"\s+([^\W\d_][\w.'\u2019-]*)")
_CURRENCY = {"$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY"}
_YEAR = re.compile(r"(?:1[89]|20)\d\d\Z")
MAX_SCALE_WORDS = 2
_ELISION = re.compile(r"^[^\W\d_]{1,2}['\u2019]")


@dataclass(frozen=True)
class Quantity:
    """A number found in a text: ``text[start:end]``, its value, and its unit ('' when bare)."""

    start: int
    end: int
    value: float
    unit: str
    year_like: bool

    @property
    def number(self) -> str:
        """The value written plainly: "2500000000", "2.5", "0.75"."""
        return str(int(self.value)) if self.value.is_integer() and abs(self.value) < 1e18 else repr(self.value)

    @property
    def key(self) -> str:
        """Value and unit, the same across languages ("2500000000 USD")."""
        return f"{self.number} {self.unit}".strip()


def scale_table(lexicons: LexiconSet, language: str) -> dict[str, int]:
    """Scale words of ``language`` -> exponent of ten (each entry's ``value``); see ``link_words``
    for the words between a number and its unit."""
    table = {}
    for entry in lexicons.select(language, ["grammar"]):
        if entry.category == "scale" and entry.value is not None:
            for form in entry.forms:
                table[form.lower()] = int(entry.value)
    return table


def link_words(lexicons: LexiconSet, language: str) -> frozenset[str]:
    """Small words between a number and what it counts ("of", "de", "van"): the grammar's name joiners."""
    return frozenset(f.lower() for e in lexicons.select(language, ["grammar"]) if e.category == "name_joiner"
                     for f in e.forms)


def parse_number(digits: str, language: str) -> float:
    """The value of a written number with the separators of ``language``.

    >>> parse_number("2.5", "en"), parse_number("2,5", "fr"), parse_number("30.000", "de"), parse_number("1,200", "en")
    (2.5, 2.5, 30000.0, 1200.0)
    >>> parse_number("1.234,5", "de"), parse_number("1,234.5", "fr"), parse_number("0.75", "de")
    (1234.5, 1234.5, 0.75)
    """
    digits = digits.replace("\u00a0", "").replace("\u202f", "")
    decimal = "," if language in DECIMAL_COMMA else "."
    if "," in digits and "." in digits:
        decimal = "," if digits.rfind(",") > digits.rfind(".") else "."
    else:
        separators = [c for c in digits if c in ",."]
        if separators:
            sep = separators[0]
            groups = digits.split(sep)
            if len(separators) > 1 or (sep != decimal and len(groups[-1]) == 3):
                decimal = "." if sep == "," else ","  # thousands grouping
            else:
                decimal = sep  # only a decimal separator is followed by other than three digits
    thousands = "." if decimal == "," else ","
    return float(digits.replace(thousands, "").replace(decimal, "."))


def _unit_word(text: str, end: int, link_words: frozenset[str]) -> str:
    """The word counted after a number: "euros" in "milliards d'euros", "dólares" in "millones de dólares"."""
    word = _FOLLOWING.match(text, end)
    if word and word.group(1).lower() in link_words:
        word = _FOLLOWING.match(text, word.end())  # of, de, van: the unit follows
    if not word:
        return ""
    return _ELISION.sub("", word.group(1).lower()).rstrip(".")


def find_quantities(text: str, language: str, scales: Mapping[str, int],
                    links: frozenset[str] = frozenset()) -> list[Quantity]:
    """Numbers in ``text`` with their scale words and units (``links``: see ``link_words``).

    >>> en = {"billion": 9, "million": 6}
    >>> [(q.value, q.unit) for q in find_quantities("It cost $2.5 billion and 300 soldiers died.", "en", en)]
    [(2500000000.0, 'USD'), (300.0, 'soldiers')]
    >>> [(q.value, q.unit) for q in find_quantities("2,5 milliards de dollars", "fr", {"milliards": 9}, {"de"})]
    [(2500000000.0, 'dollars')]
    >>> [(q.value, q.unit) for q in find_quantities("2,5 milliards d'euros", "fr", {"milliards": 9})]
    [(2500000000.0, 'euros')]
    """
    found = []
    for m in _NUMBER.finditer(text):
        if m.start() and (text[m.start() - 1].isalnum() or text[m.start() - 1] in "-/"):
            continue  # part of a code, an id or a range's second half glued to a word
        value = parse_number(m.group("n"), language)
        end = m.end()
        unit = _CURRENCY.get((m.group("pre") or "").strip(), "")
        post = (m.group("post") or "").strip()
        if post == "%":
            unit = "%"
        elif post:
            unit = _CURRENCY[post]
        for _ in range(MAX_SCALE_WORDS):
            word = _FOLLOWING.match(text, end)
            if word is None:
                break
            form = word.group(1).lower()
            if form not in scales:
                form = form.rstrip(".")
            if form not in scales:
                break
            value *= 10.0 ** scales[form]
            end = word.start(1) + len(form)
        if not unit:
            unit = _unit_word(text, end, links)
        year_like = bool(_YEAR.match(m.group("n"))) and not m.group("pre") and value == int(m.group("n"))
        found.append(Quantity(m.start(), end, value, unit, year_like))
    return found
