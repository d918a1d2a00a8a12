"""pandas views of profiles and comparisons (pandas is an optional extra: ``framing-analysis[pandas]``).

Records stay plain dicts (JSON-ready); these subclasses only add ``to_frame()``.
"""
from __future__ import annotations

from typing import Any

from .profile import COUNTED_FAMILIES


def _pandas():
    try:
        import pandas
    except ImportError:
        raise ImportError("to_frame() needs pandas: pip install 'framing-analysis[pandas]'") from None
    return pandas


def profile_row(profile: dict[str, Any]) -> dict[str, Any]:
    """One flat row of a profile: counts and rates per family, attribution shares, stances."""
    row: dict[str, Any] = {k: profile.get(k) for k in ("id", "outlet", "language", "words", "sentences", "headline")}
    for family in COUNTED_FAMILIES:
        for part in ("unquoted", "quoted", "per_1000_words"):
            row[f"{family}_{part}"] = profile["features"][family][part]
    for key in ("coverage", "quoted_share", "anonymous_share", "direct", "indirect"):
        row[f"attribution_{key}"] = profile["features"]["attribution"][key]
    for axis, value in profile["naming"].items():
        row[f"{axis}_stance"] = value["stance"]
    return row


class ProfileRecord(dict):
    """A ``framing.profile/1`` dict with ``to_frame()``: one row, flat columns."""

    def to_frame(self):
        return _pandas().DataFrame([profile_row(self)]).set_index("id")

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
