"""Add to the English loaded lexicon the forms MPQA itself lists for its selected words.

    .venv/bin/python lexicons/build/mpqa_forms.py --mpqa subjclueslen1-HLTEMNLP05.tff --words /usr/share/dict/american-english
    .venv/bin/python lexicons/build/mpqa_forms.py --mpqa ... --words ... --check   # exit 1 if a form is missing

``lexicons/loaded/en.toml`` holds a hand-made selection of the MPQA subjectivity
lexicon's strongly subjective clues (Wilson, Wiebe & Hoffmann 2005), one entry
per word as selected. The MPQA list itself (not shipped: pass its
``subjclueslen1-HLTEMNLP05.tff``) names more forms of the same words: the
``-ly`` adverb of an adjective ("abominable", "abominably") is a clue of its own,
and a clue marked ``stemmed1=y`` matches every inflected form ("slander":
"slandered", "slandering"). For each single-word ``subjective`` entry this adds,
as variants, the forms of its word that are (a) MPQA strongsubj clues of the same
prior polarity, or (b) regular inflections of a ``stemmed1=y`` clue (verb: -s,
-ed, -ing; noun: plural; WordNet-style doubling and -y/-ies rules; irregular
verb forms from WordNet's ``verb.exc`` when ``--wordnet`` is given), each checked
against an English word list (Debian ``wamerican``) so that no non-word is added.
Nothing here reads evaluation data; the script only completes the forms of words
the lexicon already holds. Run once after editing the English selection.
"""
from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from generated import write_or_check

ROOT = Path(__file__).resolve().parents[2]
LOADED = ROOT / "lexicons" / "loaded" / "en.toml"
_SEPARATOR = "\n[[entry]]\n"


def read_mpqa(path: Path) -> tuple[dict[str, set[str]], dict[str, set[str]], set[str]]:
    """Strongsubj clues: word -> parts of speech, word -> prior polarities, and the stemmed ones."""
    pos: dict[str, set[str]] = {}
    polarity: dict[str, set[str]] = {}
    stemmed: set[str] = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        fields = dict(kv.split("=", 1) for kv in line.split() if "=" in kv)
        if fields.get("type") != "strongsubj":
            continue
        word = fields["word1"]
        pos.setdefault(word, set()).add(fields["pos1"])
        polarity.setdefault(word, set()).add(fields["priorpolarity"])
        if fields.get("stemmed1") == "y":
            stemmed.add(word)
    return pos, polarity, stemmed


def candidate_forms(term: str, parts: set[str], irregular: dict[str, list[str]]) -> set[str]:
    """Regular inflections and the -ly adverb of ``term`` for its MPQA parts of speech."""
    any_pos = "anypos" in parts
    out: set[str] = set()
    if "noun" in parts or any_pos:
        out |= {term + "s", term + "es", term[:-1] + "ies"}
    if "verb" in parts or any_pos:
        stem = term[:-1] if term.endswith("e") else term
        out |= {term + "s", term + "es", term + "d", term + "ed", stem + "ing", term[:-1] + "ied",
                term[:-1] + "ies", term + term[-1] + "ed", term + term[-1] + "ing", *irregular.get(term, [])}
    if "adj" in parts or any_pos:
        out |= {term + "ly", term[:-1] + "ily", term + "ally", (term[:-2] + "ly") if term.endswith("le") else term + "ly"}
    return out - {term}


def forms_to_add(term: str, mpqa: tuple[dict[str, set[str]], dict[str, set[str]], set[str]], words: set[str],
                 irregular: dict[str, list[str]]) -> set[str]:
    """Forms of ``term`` that MPQA lists with its polarity, or that inflect a stemmed clue; real words only."""
    pos, polarity, stemmed = mpqa
    if term not in pos:
        return set()
    found = set()
    for form in candidate_forms(term, pos[term], irregular):
        if form not in words:
            continue
        if polarity.get(form, set()) & polarity[term] or (term in stemmed and not form.endswith("ly")):
            found.add(form)
    return found


def completed(text: str, mpqa, words: set[str], irregular: dict[str, list[str]]) -> str:
    """``text`` (the TOML of loaded/en) with the missing forms added to the entries' variants."""
    blocks = text.split(_SEPARATOR)
    held = {form.lower() for block in blocks[1:] for line in block.splitlines()
            if line.startswith(("term =", "variants =")) for form in re.findall(r'"([^"]+)"', line)}
    out = [blocks[0]]
    for block in blocks[1:]:
        category = re.search(r'^category = "([^"]+)"', block, re.M)
        term = re.search(r'^term = "([^"]+)"', block, re.M)
        if category and term and category.group(1) == "subjective" and re.fullmatch(r"[a-z-]+", term.group(1)):
            new = sorted(forms_to_add(term.group(1), mpqa, words, irregular) - held)
            if new:
                held |= set(new)
                listed = ", ".join(f'"{form}"' for form in new)
                variants = re.search(r"^variants = \[(.*)\]$", block, re.M)
                if variants:
                    block = block.replace(variants.group(0), f"variants = [{variants.group(1)}, {listed}]")
                else:
                    block = block.replace(term.group(0) + "\n", f"{term.group(0)}\nvariants = [{listed}]\n", 1)
        out.append(block)
    return _SEPARATOR.join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mpqa", type=Path, required=True, help="subjclueslen1-HLTEMNLP05.tff of the MPQA lexicon")
    parser.add_argument("--words", type=Path, required=True, help="an English word list, one word a line")
    parser.add_argument("--wordnet", type=Path, help="WordNet 3.0 dict folder, for irregular verb forms (verb.exc)")
    parser.add_argument("--check", action="store_true", help="fail if a form is missing")
    args = parser.parse_args(argv)
    words = {w.strip() for w in args.words.read_text(encoding="utf-8", errors="replace").splitlines() if w.strip().islower()}
    irregular: dict[str, list[str]] = {}
    if args.wordnet:
        for line in (args.wordnet / "verb.exc").read_text(encoding="latin-1").splitlines():
            form, lemma = line.split()[:2]
            irregular.setdefault(lemma, []).append(form)
    text = LOADED.read_text(encoding="utf-8")
    new = completed(text, read_mpqa(args.mpqa), words, irregular)
    return 1 if write_or_check(LOADED, new, args.check, "lexicons/build/mpqa_forms.py") else 0


if __name__ == "__main__":
    sys.exit(main())
