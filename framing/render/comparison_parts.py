"""Sections of the comparison report that a reader of many articles needs.

Articles by title, outlet and date (not by id); rates with their intervals
written out; a legend for the highlight colours; each naming axis with what
its poles mean and how many mentions stand behind a stance; divergences
before the long list of claims; and per story only the claims framed most
differently, with how many more the JSON holds. Every piece of text passes
through ``html.escape``.
"""
from __future__ import annotations

import html
from typing import Any, Mapping

from ..families import FAMILIES, highlighted_families

TOP_CLAIMS = 5
OPEN_ARTICLES = 12  # longer lists of articles start folded


def rate_families(comparison: Mapping[str, Any]) -> list[str]:
    """The families a comparison gives rates for, in its own order: a comparison rendered
    later (from its JSON) shows what it holds, whatever the registry holds today."""
    for group in comparison["groups"].values():
        return list(group["features"])
    return []


def highlight_css() -> str:
    """CSS of the highlight marks: one rule per family of the registry, in its colour."""
    return "".join(f"mark.{name}{{background:{family.colour}}}" for name, family in FAMILIES.items())


def legend() -> str:
    """The highlight colours and what each marks, from the family registry."""
    items = "".join(f"<li><mark class='{name}'>{html.escape(FAMILIES[name].label)}</mark> "
                    f"{html.escape(FAMILIES[name].description)}</li>" for name in highlighted_families())
    return f"<ul class='legend' id='legend'>{items}</ul>"


def _number(value: Any, spec: str) -> str:
    """A figure for the page; a dash where there is none (a group without rates)."""
    return "–" if value is None else format(value, spec)


def article_label(comparison: Mapping[str, Any], article_id: str) -> str:
    """"Title (outlet, date)" of an article, or its id when the comparison has no title for it."""
    info = comparison.get("articles", {}).get(article_id, {})
    title = info.get("title") or article_id
    details = ", ".join(str(x) for x in (info.get("outlet"), info.get("date")) if x)
    return f"{title} ({details})" if details else str(title)


def articles_table(comparison: Mapping[str, Any]) -> str:
    e = html.escape
    rows = ["<table class='articles'><tr><th>title</th><th>outlet</th><th>date</th><th>language</th>"
            "<th>story</th></tr>"]
    story_of = {a: s["id"] for s in comparison.get("stories", []) for a in s["articles"]}
    for article_id, info in comparison.get("articles", {}).items():
        rows.append(f"<tr><td>{e(str(info.get('title') or article_id))}</td><td>{e(str(info.get('outlet') or 'unknown'))}"
                    f"</td><td>{e(str(info.get('date') or '–'))}</td><td>{e(str(info.get('language') or ''))}</td>"
                    f"<td>{e(story_of.get(article_id, '–'))}</td></tr>")
    rows.append("</table>")
    count = len(comparison.get("articles", {}))
    return (f"<details{' open' if count <= OPEN_ARTICLES else ''}><summary>{count} articles by title, outlet "
            f"and date</summary>{''.join(rows)}</details>")


def rates_table(comparison: Mapping[str, Any]) -> str:
    """Rate and 95% interval in each cell, shaded by z-score."""
    e = html.escape
    rows = ["<table class='rates'><tr><th>group</th><th>articles</th>"
            + "".join(f"<th>{e(f)}</th>" for f in rate_families(comparison)) + "</tr>"]
    for name, group in comparison["groups"].items():
        cells = []
        for family in rate_families(comparison):
            f = group["features"][family]
            z = f["z"] or 0.0
            shade = max(0, min(255, int(255 - 60 * abs(z))))
            colour = f"rgb(255,{shade},{shade})" if z > 0 else f"rgb({shade},{shade},255)"
            cells.append(f"<td style='background:{colour}'>{_number(f['rate'], '.1f')}<br><span class='ci'>"
                         f"[{_number(f['ci'][0], '.1f')}, {_number(f['ci'][1], '.1f')}]</span></td>")
        rows.append(f"<tr><td>{e(name)}</td><td>{len(group['articles'])}</td>{''.join(cells)}</tr>")
    rows.append("</table>")
    return "".join(rows)


def differences_list(comparison: Mapping[str, Any]) -> str:
    e = html.escape
    significant = [d for d in comparison["pairwise"] if d["significant"]]
    items = [f"<li>{e(d['a'])} vs {e(d['b'])}, {e(d['family'])}: {d['difference']:+.1f} "
             f"[{d['ci'][0]:+.1f}, {d['ci'][1]:+.1f}], q = {d['q']:.3f}</li>" for d in significant]
    return (f"<p>{len(significant)} of {len(comparison['pairwise'])} differences are significant "
            "(Benjamini-Hochberg q &lt; 0.05 over all of them).</p><ul>" + ("".join(items) or "<li>none</li>")
            + "</ul>")


def frames_section(comparison: Mapping[str, Any]) -> str:
    """Groups by generic frames: each frame's share of the group's own-voice frame evidence with
    its 95% interval, shaded by the share; the significant differences; and, folded, the cue
    words behind each group's shares, for a reader who wants to see why."""
    e = html.escape
    groups = {name: g for name, g in comparison["groups"].items() if g.get("frames", {}).get("primary_frame")}
    if not groups:
        return "<p>No group has own-voice frame evidence.</p>"
    frames = list(next(iter(groups.values()))["frames"]["frames"])
    rows = ["<table class='frames'><tr><th>frame</th>" + "".join(f"<th>{e(n)}</th>" for n in groups) + "</tr>"]
    for frame in frames:
        cells = []
        for group in groups.values():
            f = group["frames"]["frames"][frame]
            shade = max(0, min(255, int(255 - 400 * (f["share"] or 0.0))))
            cells.append(f"<td style='background:rgb({shade},255,{shade})'>{_number(f['share'], '.0%')}<br>"
                         f"<span class='ci'>[{_number(f['ci'][0], '.0%')}, {_number(f['ci'][1], '.0%')}]</span></td>")
        rows.append(f"<tr><td>{e(frame.replace('_', ' '))}</td>{''.join(cells)}</tr>")
    rows.append("</table>")
    tests = comparison.get("frame_pairwise", [])
    significant = [d for d in tests if d["significant"]]
    items = [f"<li>{e(d['a'])} vs {e(d['b'])}, {e(d['frame'].replace('_', ' '))}: {d['difference']:+.0%} "
             f"[{d['ci'][0]:+.0%}, {d['ci'][1]:+.0%}], q = {d['q']:.3f}</li>" for d in significant]
    listed = (f"<p>{len(significant)} of {len(tests)} differences of frame shares are significant "
              "(Benjamini-Hochberg q &lt; 0.05 over all of them).</p><ul>" + ("".join(items) or "<li>none</li>")
              + "</ul>")
    cues = []
    for name, group in groups.items():
        lines = "".join(f"<li>{e(frame.replace('_', ' '))}: "
                        f"{e(', '.join(f'{word} ({n})' for word, n in f.get('cues', [])))}</li>"
                        for frame, f in group["frames"]["frames"].items() if f.get("cues"))
        cues.append(f"<details><summary>{e(name)}: the cue words behind its frame shares</summary>"
                    f"<ul>{lines}</ul></details>")
    return "".join(rows) + listed + "".join(cues)


def naming_section(comparison: Mapping[str, Any]) -> str:
    """Per axis: its poles, then each group's stance with its own and quoted mentions; a bar only
    with at least ``MIN_NAMING_MENTIONS`` own-voice mentions."""
    # Imported here, not at the top: ``framing score`` imports this module for the format
    # names only, and the comparison modules (numpy with them) would slow its start-up.
    from ..comparison.groups import MIN_NAMING_MENTIONS

    e = html.escape
    axes: dict[str, list[tuple[str, Mapping[str, Any]]]] = {}
    for name, group in comparison["groups"].items():
        for axis, value in group["naming"].items():
            axes.setdefault(axis, []).append((name, value))
    if not axes:
        return "<p>No contested names found.</p>"
    parts = []
    for axis, rows in sorted(axes.items()):
        poles = comparison.get("axes", {}).get(axis, {})
        parts.append(f"<h3 class='axis'>{e(axis.replace('_', ' '))}</h3><p class='poles'>−1 = "
                     f"{e(poles.get('negative', '?'))} · +1 = {e(poles.get('positive', '?'))}</p>"
                     "<table class='naming'><tr><th>group</th><th>stance</th><th>own mentions</th>"
                     "<th>quoted mentions</th><th>chart</th></tr>")
        for name, value in rows:
            stance = value["stance"]
            if stance is None:
                bar = "no own-voice evidence"
            elif value["mentions"] < MIN_NAMING_MENTIONS:
                bar = f"too few own mentions for a stance (fewer than {MIN_NAMING_MENTIONS})"
            else:
                left = 50 + min(stance, 0) * 50
                width = abs(stance) * 50
                bar = (f"<div class='bar' style='position:relative;width:200px;height:12px;background:#eee'>"
                       f"<div style='position:absolute;left:{left * 2:.0f}px;width:{max(width * 2, 2):.0f}px;"
                       f"height:12px;background:#c0306a'></div></div>")
            shown = "–" if stance is None else f"{stance:+.2f}"
            parts.append(f"<tr><td>{e(name)}</td><td>{shown}</td><td>{value['mentions']}</td>"
                         f"<td>{value['quoted_mentions']}</td><td>{bar}</td></tr>")
        parts.append("</table>")
    return "".join(parts)


def divergences_list(comparison: Mapping[str, Any]) -> str:
    e = html.escape
    items = []
    for d in comparison["divergences"]:
        shown = d.get("text") or [", ".join(map(str, v)) if isinstance(v, list) else str(v) for v in d["values"]]
        items.append(f"<li>{e(d['kind'])}: <q>{e(str(shown[0]))}</q> in {e(article_label(comparison, d['a']['id']))}"
                     f" vs <q>{e(str(shown[1]))}</q> in {e(article_label(comparison, d['b']['id']))}</li>")
    return "<ul>" + ("".join(items) or "<li>none</li>") + "</ul>"


def stories_section(comparison: Mapping[str, Any], highlight, top: int = TOP_CLAIMS) -> str:
    """Per story with claims: its label, dates and articles, then its ``top`` claims framed most differently."""
    e = html.escape
    by_story: dict[str, list[Mapping[str, Any]]] = {}
    for pair in comparison["alignments"]:
        by_story.setdefault(pair.get("story", ""), []).append(pair)
    parts = []
    for story in comparison.get("stories", []):
        claims = by_story.get(story["id"], [])
        if not claims:
            continue
        parts.append(f"<section class='story' id='{e(story['id'])}'><h3>{e(story['id'])}: "
                     f"{e(', '.join(story['label']))}</h3><p class='meta'>{e(', '.join(story['dates']) or 'undated')}"
                     f" · {story['aligned_claims']} aligned claims, {story['differing_claims']} framed differently, "
                     f"{story['identical_claims']} identical</p><ul class='story-articles'>"
                     + "".join(f"<li>{e(article_label(comparison, a))}</li>" for a in story["articles"]) + "</ul>")
        for pair in claims[:top]:
            parts.append("<div class='pair'>")
            for side in ("a", "b"):
                info, framing = pair[side], pair["framing"][side]
                verdict = "hedged" if framing["hedged"] else "asserted"
                who = ", ".join(framing["attributed_to"]) or "no source named"
                parts.append(f"<div><div class='meta'>{e(article_label(comparison, info['id']))} · {verdict} · "
                             f"{'quoted' if framing['quoted'] else 'paraphrased'} · attributed to {e(who)}</div>"
                             f"<p>{highlight(info['text'], info['start'], framing['evidence'])}</p></div>")
            differences = ", ".join(pair.get("differences", [])) or "framed alike"
            parts.append(f"<div class='meta differences'>differs in: {e(differences)}</div></div>")
        if len(claims) > top:
            parts.append(f"<p class='more'>{len(claims) - top} more aligned claims of this story in the JSON "
                         "output (--format json).</p>")
        parts.append("</section>")
    return "".join(parts) or "<p>No claims were aligned.</p>"


def markdown_stories(comparison: Mapping[str, Any], cell, top: int = TOP_CLAIMS) -> list[str]:
    """Markdown lines: per story its top claims, and how many more the JSON holds."""
    by_story: dict[str, list[Mapping[str, Any]]] = {}
    for pair in comparison["alignments"]:
        by_story.setdefault(pair.get("story", ""), []).append(pair)
    lines = []
    for story in comparison.get("stories", []):
        claims = by_story.get(story["id"], [])
        if not claims:
            continue
        lines += [f"### {story['id']}: {cell(', '.join(story['label']))} ({cell(', '.join(story['dates']) or 'undated')})",
                  "", "Articles: " + "; ".join(cell(article_label(comparison, a)) for a in story["articles"]), "",
                  "| a | b | differs in | alignment score |", "|---|---|---|---:|"]
        for pair in claims[:top]:
            lines.append(f"| {cell(pair['a']['text'][:120])} | {cell(pair['b']['text'][:120])} | "
                         f"{cell(', '.join(pair.get('differences', [])) or 'framed alike')} | {pair['score']:.2f} |")
        if len(claims) > top:
            lines.append(f"\n{len(claims) - top} more aligned claims of this story in the JSON output (--format json).")
        lines.append("")
    return lines or ["No claims were aligned.", ""]
