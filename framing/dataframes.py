"""pandas views of profiles and comparisons (pandas is an optional extra: ``framing-analysis[pandas]``).

Records stay plain dicts (JSON-ready); these subclasses only add ``to_frame()``.
"""
from __future__ import annotations

from typing import Any

from .flat import flat_row


def _pandas():
    try:
        import pandas
    except ImportError:
        raise ImportError("to_frame() needs pandas: pip install 'framing-analysis[pandas]'") from None
    return pandas


class ProfileRecord(dict):
    """A ``framing.profile/1`` dict with ``to_frame()``: one row, flat columns."""

    def to_frame(self):
        return _pandas().DataFrame([flat_row(self)]).set_index("id")

    def evidence_frame(self):
        """The evidence as a table: one row per span."""
        return _pandas().DataFrame(self["evidence"])


class Comparison(dict):
    """A ``framing.comparison/1`` dict with ``to_frame()``: one row per group and family."""

    def to_frame(self):
        rows = []
        for name, group in self["groups"].items():
            for family, f in group["features"].items():
                rows.append({"group": name, "family": family, "articles": len(group["articles"]), "rate": f["rate"],
                             "ci_low": f["ci"][0], "ci_high": f["ci"][1], "z": f["z"], "rank": f["rank"]})
        return _pandas().DataFrame(rows).set_index(["group", "family"])
