"""Write a generated lexicon file, or check that it is current: what every build script ends with."""
from __future__ import annotations

import sys
from pathlib import Path


def write_or_check(target: Path, text: str, check: bool, script: str) -> bool:
    """Write ``text`` to ``target``; with ``check``, write nothing and say (on stderr, naming the
    ``script`` to run) when the file differs. True when the file was found stale."""
    if not check:
        target.write_text(text, encoding="utf-8")
        return False
    if target.read_text(encoding="utf-8") == text:
        return False
    print(f"{target} is stale: run {script}", file=sys.stderr)
    return True
