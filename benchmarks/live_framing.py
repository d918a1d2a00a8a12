"""framing imported at run time from a checkout that others may be editing, with retries.

A benchmark imports framing late, probes it on one article, and, when the
import or a lexicon fails (a half-edited checkout), waits and tries again,
so a long run is not lost to someone's unfinished change.
"""
from __future__ import annotations

import importlib
import sys
import time
from typing import Any, NamedTuple


def import_framing(attempts: int = 1, wait: float = 0.0):
    """framing, checked by scoring one probe article so a broken checkout fails before any
    measurement; with ``attempts`` > 1 a failing import is retried (a checkout being edited)."""
    for attempt in range(1, attempts + 1):
        try:
            for name in [m for m in sys.modules if m == "framing" or m.startswith("framing.")]:
                del sys.modules[name]
            framing = importlib.import_module("framing")
            framing.Scorer().score(framing.Article(id="probe", text="Officials said it may rain."), language="en")
            return framing
        except Exception as exc:  # any failure of a half-edited checkout; re-raised on the last attempt
            if attempt == attempts:
                raise
            print(f"framing not usable ({type(exc).__name__}: {exc}); retrying in {wait:.0f}s "
                  f"({attempt}/{attempts})", file=sys.stderr)
            time.sleep(wait)
    raise AssertionError("unreachable")


class Framing(NamedTuple):
    """framing and one Scorer, with the versions a report names: one snapshot for the whole run."""

    module: Any
    scorer: Any
    version: str
    lexicon_version: str

    @property
    def article(self) -> Any:
        return self.module.Article

    @property
    def error(self) -> type:
        return self.module.FramingError

    @property
    def lexicons(self) -> Any:
        """The LexiconSet the scorer uses, so baselines and comparisons read the same snapshot."""
        return self.scorer.lexicons


def load_framing(attempts: int, wait: float) -> Framing:
    """framing (see ``import_framing``) and one Scorer."""
    framing = import_framing(attempts, wait)
    scorer = framing.Scorer()
    return Framing(framing, scorer, framing.__version__, scorer.lexicons.version)

