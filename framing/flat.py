"""One flat row per profile, with one column-naming scheme, for every tabular output.

CSV output, ``.to_frame()``, Dask DataFrames and the scikit-learn vectoriser
all flatten profiles here, so a column means the same everywhere:

- ``id``, ``error`` (error records only), ``outlet``, ``title``, ``date``,
  ``url`` (when the input had them), ``language``, ``words``, ``sentences``,
  ``headline``;
- per counted family (``framing.families``): ``<family>_unquoted``,
  ``<family>_quoted`` and ``<family>_per_1000_words`` (own-voice rate);
- ``attribution_coverage``, ``attribution_direct``, ``attribution_indirect``,
  ``attribution_quoted_share``, ``attribution_anonymous_share``;
- ``headline_hedged``;
- per generic frame (``framing.frames.ids``): ``frame_<id>_share`` (of own-voice frame evidence)
  and ``frame_<id>_present`` (the fitted rule), and ``primary_frame``;
- per naming axis: ``<axis>_stance`` (mean own-voice position, empty when
  the outlet never names it itself) and ``<axis>_mentions`` (own-voice mentions);
- ``flesch_reading_ease`` when profiles carry readability.

>>> import framing
>>> row = flat_row(framing.score("Rabat probably rules the Moroccan Sahara.", language="en", id="a"))
>>> row["hedge_unquoted"], row["western_sahara_stance"], row["western_sahara_mentions"]
(1, 1.0, 1)
"""
from __future__ import annotations

from typing import Any, Iterable, Mapping

from .families import counted_families
from .frames.ids import FRAME_IDS

ERROR_SCHEMA = "framing.error/1"
META_COLUMNS = ("outlet", "title", "date", "url")
ATTRIBUTION_COLUMNS = {"coverage": "float64", "direct": "Int64", "indirect": "Int64", "quoted_share": "float64",
                       "anonymous_share": "float64"}
FAMILY_PARTS = {"unquoted": "Int64", "quoted": "Int64", "per_1000_words": "float64"}


def flat_columns(axes: Iterable[str] = (), *, readability: bool = False) -> dict[str, str]:
    """Every column of a flat row, in order, with its pandas dtype (``Int64`` and ``boolean``
    are nullable, so an error row's missing values stay missing)."""
    columns = {"id": "object", "error": "object", **{name: "object" for name in META_COLUMNS},
               "language": "object", "words": "Int64", "sentences": "Int64", "headline": "object"}
    for family in counted_families():
        columns.update({f"{family}_{part}": dtype for part, dtype in FAMILY_PARTS.items()})
    columns.update({f"attribution_{key}": dtype for key, dtype in ATTRIBUTION_COLUMNS.items()})
    columns["headline_hedged"] = "boolean"
    for frame in FRAME_IDS:
        columns.update({f"frame_{frame}_share": "float64", f"frame_{frame}_present": "boolean"})
    columns["primary_frame"] = "object"
    for axis in axes:
        columns.update({f"{axis}_stance": "float64", f"{axis}_mentions": "Int64"})
    if readability:
        columns["flesch_reading_ease"] = "float64"
    return columns


def flat_row(record: Mapping[str, Any], axes: Iterable[str] | None = None) -> dict[str, Any]:
    """The flat row of a ``framing.profile/1`` (or ``framing.error/1``) record.

    ``axes`` fixes the naming columns (a table of many articles needs the same
    columns in every row); by default, the axes this profile mentions.
    """
    row: dict[str, Any] = {"id": record.get("id")}
    if record.get("schema") == ERROR_SCHEMA:
        row["error"] = record.get("error")
        return row
    row.update((key, record[key]) for key in META_COLUMNS if record.get(key) is not None)
    row.update((key, record.get(key)) for key in ("language", "words", "sentences", "headline"))
    features = record["features"]
    for family in counted_families():
        counts = features[family]
        row.update((f"{family}_{part}", counts[part]) for part in FAMILY_PARTS)
    attribution = features["attribution"]
    row.update((f"attribution_{key}", attribution[key]) for key in ATTRIBUTION_COLUMNS)
    row["headline_hedged"] = (record.get("headline_framing") or {}).get("hedged")
    frames = record.get("frames") or {}
    for frame in FRAME_IDS:
        row[f"frame_{frame}_share"] = frames[frame]["share"] if frame in frames else None
        row[f"frame_{frame}_present"] = frames[frame]["present"] if frame in frames else None
    row["primary_frame"] = frames.get("primary_frame")
    naming = record.get("naming", {})
    for axis in (naming if axes is None else axes):
        value = naming.get(axis)
        row[f"{axis}_stance"] = value["stance"] if value else None
        row[f"{axis}_mentions"] = value["mentions"]["unquoted"] if value else 0
    if record.get("readability") is not None:
        row["flesch_reading_ease"] = record["readability"].get("flesch_reading_ease")
    return row
