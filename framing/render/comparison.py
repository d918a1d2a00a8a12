"""Render a ``framing.comparison/1`` as JSON, CSV, Markdown or a self-contained HTML page.

The HTML page loads nothing from the network: charts are inline SVG drawn by
matplotlib (optional extra ``report``) or, without it, plain HTML tables
shaded with inline styles. Every piece of article text, title, outlet name
and lexicon note passes through ``html.escape``; the page carries a
Content-Security-Policy that forbids scripts altogether.
"""
from __future__ import annotations

import html
import io
import re
from typing import Any

from . import comparison_parts as parts_of
from ..cells import dict_writer
from ..glossary import html_glossary
from ..jsonline import dumps_indented
from ..terminal import safe_terminal
from .comparison_parts import rate_families

FORMATS = ("json", "csv", "markdown", "html")
CLAIM_FORMATS = ("json", "markdown", "html")  # the formats that show stories and aligned claims


def render(comparison: dict[str, Any], fmt: str) -> str:
    """The comparison in ``fmt`` (one of ``FORMATS``)."""
    return _RENDERERS[fmt](comparison)


def _json(comparison: dict[str, Any]) -> str:
    return dumps_indented(comparison) + "\n"  # orjson when installed, the same bytes (see jsonline)


def feature_rows(comparison: dict[str, Any]) -> list[dict[str, Any]]:
    """One row per group and family: rate, interval, z-score, rank."""
    rows = []
    families = rate_families(comparison)
    for name, group in comparison["groups"].items():
        for family in families:
            f = group["features"][family]
            rows.append({"group": name, "articles": len(group["articles"]), "family": family, "rate": f["rate"],
                         "ci_low": f["ci"][0], "ci_high": f["ci"][1], "z": f["z"], "rank": f["rank"]})
    return rows


def _csv(comparison: dict[str, Any]) -> str:
    out = io.StringIO()
    writer = dict_writer(out, ["group", "articles", "family", "rate", "ci_low", "ci_high", "z", "rank"])
    writer.writeheader()
    writer.writerows(feature_rows(comparison))
    return out.getvalue()


def _fmt(value: Any, spec: str = ".2f") -> str:
    return "–" if value is None else format(value, spec)


def _md_cell(text: Any) -> str:
    """Article data as inert Markdown: raw HTML escaped (a renderer would pass ``<script>``
    on), and the characters of links, images, emphasis and code backslash-escaped, so
    that no ``[x](javascript:...)`` link can form; one line, pipes escaped for tables."""
    escaped = html.escape(" ".join(str(text).split()), quote=False)
    return _MARKDOWN_PUNCTUATION.sub(r"\\\g<0>", escaped)


_MARKDOWN_PUNCTUATION = re.compile(r"[\\`*_\[\]()!|#~$]")


def _markdown(comparison: dict[str, Any]) -> str:
    groups = comparison["groups"]
    families = rate_families(comparison)
    lines = [f"# Framing comparison (by {comparison['by']})", ""]
    lines += ["## Own-voice rates per 1,000 words (95% interval)", "",
              "| group | articles | " + " | ".join(families) + " |",
              "|---|---:|" + "---:|" * len(families)]
    for name, group in groups.items():
        cells = [f"{_fmt(f['rate'], '.1f')} [{_fmt(f['ci'][0], '.1f')}, {_fmt(f['ci'][1], '.1f')}]"
                 for f in (group["features"][family] for family in families)]
        lines.append(f"| {_md_cell(name)} | {len(group['articles'])} | " + " | ".join(cells) + " |")
    framed = {name: g for name, g in groups.items() if g.get("frames", {}).get("primary_frame")}
    if framed:
        frames = list(next(iter(framed.values()))["frames"]["frames"])
        lines += ["", "## Generic frames (share of own-voice frame evidence, 95% interval)", "",
                  "| frame | " + " | ".join(_md_cell(n) for n in framed) + " |", "|---|" + "---:|" * len(framed)]
        for frame in frames:
            cells = [f"{_fmt(f['share'], '.0%')} [{_fmt(f['ci'][0], '.0%')}, {_fmt(f['ci'][1], '.0%')}]"
                     for f in (g["frames"]["frames"][frame] for g in framed.values())]
            lines.append(f"| {frame.replace('_', ' ')} | " + " | ".join(cells) + " |")
    lines += ["", "## Naming stance (own voice; -1 to +1)", "", "| group | axis | stance | own mentions | quoted |",
              "|---|---|---:|---:|---:|"]
    for name, group in groups.items():
        for axis, value in group["naming"].items():
            lines.append(f"| {_md_cell(name)} | {axis} | {_fmt(value['stance'], '+.2f')} | {value['mentions']} | "
                         f"{value['quoted_mentions']} |")
    lines += [""] + [f"- {axis}: -1 = {_md_cell(poles['negative'])}, +1 = {_md_cell(poles['positive'])}"
                     for axis, poles in comparison.get("axes", {}).items()]
    significant = [d for d in comparison["pairwise"] if d["significant"]]
    lines += ["", "## Significant differences (Benjamini-Hochberg q < 0.05)", ""]
    lines += [f"- {_md_cell(d['a'])} vs {_md_cell(d['b'])}, {d['family']}: {d['difference']:+.1f} "
              f"[{d['ci'][0]:+.1f}, {d['ci'][1]:+.1f}], q = {d['q']:.3f}" for d in significant] or ["- none"]
    lines += ["", "## Distinctive words", ""]
    for name, group in groups.items():
        words = ", ".join(w["word"] for w in group.get("distinctive", [])) or "–"
        lines.append(f"- {_md_cell(name)}: {_md_cell(words)}")
    lines += ["", "## Notes", ""] + [f"- {_md_cell(n)}" for n in comparison["notes"]]
    lines += ["", "## Divergences", ""]
    lines += [f"- {d['kind']}: {_md_cell(parts_of.article_label(comparison, d['a']['id']))} "
              f"{_md_cell(d.get('text', d['values'])[0])} vs {_md_cell(parts_of.article_label(comparison, d['b']['id']))} "
              f"{_md_cell(d.get('text', d['values'])[1])}" for d in comparison["divergences"]] or ["- none"]
    lines += ["", "## Aligned claims per story (framed most differently first)", ""]
    lines += parts_of.markdown_stories(comparison, _md_cell)
    return "\n".join(lines) + "\n"


_STYLE = """
body{font-family:system-ui,sans-serif;margin:2rem;max-width:78rem;color:#222}
table{border-collapse:collapse;margin:1rem 0}td,th{border:1px solid #ccc;padding:.3rem .5rem;text-align:right}
th:first-child,td:first-child{text-align:left}.pair{display:grid;grid-template-columns:1fr 1fr;gap:1rem;
border-top:1px solid #ccc;padding:.6rem 0}.meta{color:#666;font-size:.85rem}
.ci{color:#555;font-size:.8rem}.legend{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.4rem 1.2rem}
.poles{color:#444;margin:.2rem 0}
"""


def _html(comparison: dict[str, Any]) -> str:
    """The page: articles, notes, rates with intervals, differences, naming, divergences, then the claims."""
    e = html.escape
    parts = ["<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>",
             "<meta http-equiv='Content-Security-Policy' content=\"default-src 'none'; img-src data:; "
             "style-src 'unsafe-inline'\">",
             f"<title>framing comparison by {e(comparison['by'])}</title>"
             f"<style>{_STYLE}{parts_of.highlight_css()}</style></head><body>",
             f"<h1>Framing comparison by {e(comparison['by'])}</h1>",
             "<h2 id='articles'>Articles</h2>", parts_of.articles_table(comparison),
             "<h2 id='notes'>Notes</h2><ul>" + "".join(f"<li>{e(n)}</li>" for n in comparison["notes"]) + "</ul>",
             "<h2 id='heatmap'>Own-voice rates per 1,000 words</h2>", _matplotlib_heatmap(comparison) or "",
             "<p>Each cell: the rate and its 95% interval.</p>", parts_of.rates_table(comparison),
             "<h2 id='differences'>Significant differences</h2>", parts_of.differences_list(comparison),
             "<h2 id='frames'>Generic frames (share of own-voice frame evidence)</h2>",
             parts_of.frames_section(comparison),
             "<h2 id='naming'>Naming stance</h2>", parts_of.naming_section(comparison),
             "<h2 id='distinctive'>Distinctive words</h2><ul>"]
    for name, group in comparison["groups"].items():
        words = ", ".join(e(w["word"]) for w in group.get("distinctive", [])) or "–"
        parts.append(f"<li><b>{e(name)}</b>: {words}</li>")
    parts += ["</ul><h2 id='divergences'>Divergences</h2>", parts_of.divergences_list(comparison),
              "<h2 id='claims'>Aligned claims</h2><p>Per story, the claims its outlets frame most differently. "
              "Highlights:</p>", parts_of.legend(), parts_of.stories_section(comparison, _highlight),
              html_glossary(), "</body></html>\n"]
    return "".join(parts)


def _highlight(text: str, offset: int, evidence: list[dict[str, Any]]) -> str:
    """The sentence with evidence spans marked; every piece escaped."""
    out, cursor = [], 0
    for item in sorted(evidence, key=lambda x: (x["start"], -x["end"])):
        start, end = item["start"] - offset, item["end"] - offset
        if start < cursor or end > len(text):
            continue
        out.append(html.escape(text[cursor:start]))
        out.append(f"<mark class='{html.escape(item['family'])}' title='{html.escape(item['family'])}'>"
                   f"{html.escape(text[start:end])}</mark>")
        cursor = end
    out.append(html.escape(text[cursor:]))
    return "".join(out)


def _matplotlib_heatmap(comparison: dict[str, Any]) -> str | None:
    """An inline SVG heatmap of z-scores, or None without matplotlib. Text is drawn as paths.

    Drawn on a ``Figure`` object, never through pyplot: a library call must not switch
    the backend of the notebook it runs in."""
    try:
        import matplotlib
        from matplotlib.figure import Figure
    except ImportError:
        return None

    names = list(comparison["groups"])
    families = rate_families(comparison)
    values = [[comparison["groups"][n]["features"][f]["z"] or 0.0 for f in families] for n in names]
    figure = Figure(figsize=(1.2 + 0.9 * len(families), 0.8 + 0.45 * len(names)))
    axes = figure.subplots()
    image = axes.imshow(values, cmap="coolwarm", vmin=-2, vmax=2, aspect="auto")
    axes.set_xticks(range(len(families)), families, rotation=30, ha="right")
    # A "$" would start matplotlib's mathtext ("$x^$" raises): escaped, names are shown as written.
    axes.set_yticks(range(len(names)), [safe_terminal(n[:40], one_line=True).replace("$", "\\$") for n in names])
    figure.colorbar(image, ax=axes, label="z-score of rate")
    figure.tight_layout()
    buffer = io.StringIO()
    with matplotlib.rc_context({"svg.fonttype": "path"}):
        figure.savefig(buffer, format="svg")
    svg = buffer.getvalue()
    return svg[svg.index("<svg"):]


_RENDERERS = {"json": _json, "csv": _csv, "markdown": _markdown, "html": _html}
