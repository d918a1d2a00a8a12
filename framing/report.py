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
import json
import re
from typing import Any

from .cells import dict_writer
from .compare import RATE_FAMILIES
from .terminal import safe_terminal

FORMATS = ("json", "csv", "markdown", "html")


def render(comparison: dict[str, Any], fmt: str) -> str:
    """The comparison in ``fmt`` (one of ``FORMATS``)."""
    return _RENDERERS[fmt](comparison)


def _json(comparison: dict[str, Any]) -> str:
    return json.dumps(comparison, ensure_ascii=False, indent=2) + "\n"


def feature_rows(comparison: dict[str, Any]) -> list[dict[str, Any]]:
    """One row per group and family: rate, interval, z-score, rank."""
    rows = []
    for name, group in comparison["groups"].items():
        for family in RATE_FAMILIES:
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
    lines = [f"# Framing comparison (by {comparison['by']})", ""]
    lines += ["## Own-voice rates per 1,000 words (95% interval)", "",
              "| group | articles | " + " | ".join(RATE_FAMILIES) + " |",
              "|---|---:|" + "---:|" * len(RATE_FAMILIES)]
    for name, group in groups.items():
        cells = [f"{f['rate']:.1f} [{f['ci'][0]:.1f}, {f['ci'][1]:.1f}]"
                 for f in (group["features"][family] for family in RATE_FAMILIES)]
        lines.append(f"| {_md_cell(name)} | {len(group['articles'])} | " + " | ".join(cells) + " |")
    lines += ["", "## Naming stance (own voice; -1 to +1)", "", "| group | axis | stance | own mentions | quoted |",
              "|---|---|---:|---:|---:|"]
    for name, group in groups.items():
        for axis, value in group["naming"].items():
            lines.append(f"| {_md_cell(name)} | {axis} | {_fmt(value['stance'], '+.2f')} | {value['mentions']} | "
                         f"{value['quoted_mentions']} |")
    significant = [d for d in comparison["pairwise"] if d["significant"]]
    lines += ["", "## Differences whose interval excludes zero", ""]
    lines += [f"- {_md_cell(d['a'])} vs {_md_cell(d['b'])}, {d['family']}: {d['difference']:+.1f} "
              f"[{d['ci'][0]:+.1f}, {d['ci'][1]:+.1f}]" for d in significant] or ["- none"]
    lines += ["", "## Distinctive words", ""]
    for name, group in groups.items():
        words = ", ".join(w["word"] for w in group.get("distinctive", [])) or "–"
        lines.append(f"- {_md_cell(name)}: {_md_cell(words)}")
    lines += ["", "## Aligned claims", "", "| a | b | score | a hedged | b hedged |", "|---|---|---:|---|---|"]
    for pair in comparison["alignments"]:
        lines.append(f"| {_md_cell(pair['a']['text'][:90])} | {_md_cell(pair['b']['text'][:90])} | "
                     f"{pair['score']:.2f} | {pair['framing']['a']['hedged']} | {pair['framing']['b']['hedged']} |")
    lines += ["", "## Divergences", ""]
    lines += [f"- {d['kind']}: {_md_cell(d['a']['id'])} {_md_cell(d['values'][0])} vs "
              f"{_md_cell(d['b']['id'])} {_md_cell(d['values'][1])}" for d in comparison["divergences"]] or ["- none"]
    lines += ["", "## Notes", ""] + [f"- {_md_cell(n)}" for n in comparison["notes"]]
    return "\n".join(lines) + "\n"


_STYLE = """
body{font-family:system-ui,sans-serif;margin:2rem;max-width:78rem;color:#222}
table{border-collapse:collapse;margin:1rem 0}td,th{border:1px solid #ccc;padding:.3rem .5rem;text-align:right}
th:first-child,td:first-child{text-align:left}.pair{display:grid;grid-template-columns:1fr 1fr;gap:1rem;
border-top:1px solid #ccc;padding:.6rem 0}.meta{color:#666;font-size:.85rem}
mark.hedge{background:#ffe08a}mark.booster,mark.factive{background:#9fe0a8}mark.source,mark.attribution_cue{background:#b8d4ff}
mark.naming{background:#f4b0d0}mark.scare_quote,mark.loaded{background:#ffb3a7}
"""


def _html(comparison: dict[str, Any]) -> str:
    e = html.escape
    groups = comparison["groups"]
    parts = ["<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>",
             "<meta http-equiv='Content-Security-Policy' content=\"default-src 'none'; img-src data:; "
             "style-src 'unsafe-inline'\">",
             f"<title>framing comparison by {e(comparison['by'])}</title><style>{_STYLE}</style></head><body>",
             f"<h1>Framing comparison by {e(comparison['by'])}</h1>",
             "<h2 id='heatmap'>Own-voice rates per 1,000 words</h2>", _heatmap(comparison),
             "<h2 id='naming'>Naming stance</h2>", _naming_chart(comparison),
             "<h2 id='differences'>Differences whose 95% interval excludes zero</h2><ul>"]
    significant = [d for d in comparison["pairwise"] if d["significant"]]
    parts += [f"<li>{e(d['a'])} vs {e(d['b'])}, {e(d['family'])}: {d['difference']:+.1f} "
              f"[{d['ci'][0]:+.1f}, {d['ci'][1]:+.1f}]</li>" for d in significant] or ["<li>none</li>"]
    parts.append("</ul><h2 id='distinctive'>Distinctive words</h2><ul>")
    for name, group in groups.items():
        words = ", ".join(e(w["word"]) for w in group.get("distinctive", [])) or "–"
        parts.append(f"<li><b>{e(name)}</b>: {words}</li>")
    parts.append("</ul><h2 id='claims'>Aligned claims</h2>")
    for pair in comparison["alignments"]:
        parts.append("<div class='pair'>")
        for side in ("a", "b"):
            info, framing = pair[side], pair["framing"][side]
            verdict = "hedged" if framing["hedged"] else "asserted"
            who = ", ".join(framing["attributed_to"]) or "no source named"
            parts.append(f"<div><div class='meta'>{e(info['id'])} · {e(str(info.get('outlet') or 'unknown'))} · "
                         f"{verdict} · {'quoted' if framing['quoted'] else 'paraphrased'} · attributed to {e(who)}"
                         f"</div><p>{_highlight(info['text'], info['start'], framing['evidence'])}</p></div>")
        parts.append("</div>")
    parts.append("<h2 id='divergences'>Divergences</h2><ul>")
    parts += [f"<li>{e(d['kind'])}: {e(d['a']['id'])} {e(str(d['values'][0]))} vs {e(d['b']['id'])} "
              f"{e(str(d['values'][1]))}</li>" for d in comparison["divergences"]] or ["<li>none</li>"]
    parts.append("</ul><h2>Notes</h2><ul>" + "".join(f"<li>{e(n)}</li>" for n in comparison["notes"]) + "</ul>")
    parts.append("</body></html>\n")
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


def _heatmap(comparison: dict[str, Any]) -> str:
    """Groups by families, shaded by z-score: an SVG from matplotlib, or a shaded table."""
    groups = comparison["groups"]
    svg = _matplotlib_heatmap(comparison)
    rows = ["<table class='heatmap'><tr><th>group</th>" + "".join(f"<th>{f}</th>" for f in RATE_FAMILIES) + "</tr>"]
    for name, group in groups.items():
        cells = []
        for family in RATE_FAMILIES:
            f = group["features"][family]
            z = f["z"] or 0.0
            shade = max(0, min(255, int(255 - 60 * abs(z))))
            colour = f"rgb(255,{shade},{shade})" if z > 0 else f"rgb({shade},{shade},255)"
            cells.append(f"<td style='background:{colour}' title='95% [{f['ci'][0]:.1f}, {f['ci'][1]:.1f}]'>"
                         f"{f['rate']:.1f}</td>")
        rows.append(f"<tr><td>{html.escape(name)}</td>{''.join(cells)}</tr>")
    rows.append("</table>")
    return (svg or "") + "".join(rows)


def _naming_chart(comparison: dict[str, Any]) -> str:
    rows = ["<table class='naming'><tr><th>group</th><th>axis</th><th>stance</th><th>own mentions</th>"
            "<th>quoted</th><th>chart</th></tr>"]
    for name, group in comparison["groups"].items():
        for axis, value in group["naming"].items():
            stance = value["stance"]
            if stance is None:
                bar = "no own-voice evidence"
            else:
                left = 50 + min(stance, 0) * 50
                width = abs(stance) * 50
                bar = (f"<div style='position:relative;width:200px;height:12px;background:#eee'>"
                       f"<div style='position:absolute;left:{left * 2:.0f}px;width:{max(width * 2, 2):.0f}px;"
                       f"height:12px;background:#c0306a'></div></div>")
            rows.append(f"<tr><td>{html.escape(name)}</td><td>{html.escape(axis)}</td><td>{_fmt(stance, '+.2f')}</td>"
                        f"<td>{value['mentions']}</td><td>{value['quoted_mentions']}</td><td>{bar}</td></tr>")
    rows.append("</table>")
    return "".join(rows)


def _matplotlib_heatmap(comparison: dict[str, Any]) -> str | None:
    """An inline SVG heatmap of z-scores, or None without matplotlib. Text is drawn as paths."""
    try:
        import matplotlib
    except ImportError:
        return None
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    names = list(comparison["groups"])
    values = [[comparison["groups"][n]["features"][f]["z"] or 0.0 for f in RATE_FAMILIES] for n in names]
    figure, axes = plt.subplots(figsize=(1.2 + 0.9 * len(RATE_FAMILIES), 0.8 + 0.45 * len(names)))
    image = axes.imshow(values, cmap="coolwarm", vmin=-2, vmax=2, aspect="auto")
    axes.set_xticks(range(len(RATE_FAMILIES)), RATE_FAMILIES, rotation=30, ha="right")
    # A "$" would start matplotlib's mathtext ("$x^$" raises): escaped, names are shown as written.
    axes.set_yticks(range(len(names)), [safe_terminal(n[:40], one_line=True).replace("$", "\\$") for n in names])
    figure.colorbar(image, ax=axes, label="z-score of rate")
    figure.tight_layout()
    buffer = io.StringIO()
    with matplotlib.rc_context({"svg.fonttype": "path"}):
        figure.savefig(buffer, format="svg")
    plt.close(figure)
    svg = buffer.getvalue()
    return svg[svg.index("<svg"):]


_RENDERERS = {"json": _json, "csv": _csv, "markdown": _markdown, "html": _html}
