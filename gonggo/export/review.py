"""One self-contained HTML page to check a spec against its source in seconds.

The document text with every extracted fact's span highlighted (displaCy's entity renderer,
one colour per fact family), beside a table of the facts and the findings. Clicking a fact
scrolls to its span. Overlapping spans are drawn once (the first fact keeps the mark; the
others link to it). The spans that findings point at are marked too (family FINDING), and the
findings are listed first: they are what to check first.
"""

from __future__ import annotations

import html
import json
from dataclasses import dataclass
from typing import Any

from gonggo.schemas.announcement import Announcement, Evidence, Program

FAMILY_COLOURS = {
    "FUNDING": "#f9c74f", "TRACK": "#f9844a", "WINDOW": "#90be6d", "AWARDS": "#43aa8b",
    "SUBMISSION": "#a3c4f3", "ELIGIBILITY": "#cdb4db", "EXCLUSION": "#ffadad",
    "DOCUMENT": "#bde0fe", "EVALUATION": "#ffd6a5", "BONUS": "#fdffb6", "OBLIGATION": "#caffbf",
    "COST": "#e9c46a", "CONTACT": "#d0f4de", "HEADER": "#dddddd", "CHANGE": "#b8c0ff",
    "FINDING": "#ff6b6b",
}

_TEMPLATE = ('<mark class="fact" id="{mark_id}" style="background: {bg}">{text}'
             '<span class="tag">{label}</span></mark>')


@dataclass
class FactRow:
    id: str
    family: str
    program: str
    summary: str
    evidence: list[Evidence]
    source: str = "rule"


def _summary(obj: Any, fields: tuple[str, ...]) -> str:
    parts = []
    for f in fields:
        v = getattr(obj, f, None)
        if v not in (None, [], ""):
            if isinstance(v, int) and not isinstance(v, bool) and v >= 10000:
                v = f"{v:,}원"
            elif isinstance(v, list):
                v = "[" + ", ".join(map(str, v)) + "]"
            parts.append(f"{f}={v}")
    return ", ".join(parts)


_FAMILIES: list[tuple[str, str, tuple[str, ...]]] = [
    ("windows", "WINDOW", ("label", "opens", "closes", "rolling", "until_budget_exhausted")),
    ("eligibility", "ELIGIBILITY", ("kind", "text")),
    ("exclusions", "EXCLUSION", ("kind", "text")),
    ("documents", "DOCUMENT", ("name", "submitters", "required", "validity_months", "condition")),
    ("evaluation", "EVALUATION", ("group", "item", "points")),
    ("bonus_points", "BONUS", ("item", "points")),
    ("obligations", "OBLIGATION", ("text",)),
    ("costs", "COST", ("item", "amount_krw", "condition")),
    ("contacts", "CONTACT", ("org", "topic", "phone", "email")),
]


def fact_rows(ann: Announcement) -> list[FactRow]:
    rows: list[FactRow] = []

    def add(family: str, program: Program | None, summary: str, evidence: list[Evidence],
            source: str = "rule") -> None:
        rows.append(FactRow(f"fact{len(rows)}", family, program.name if program else "",
                            summary, evidence, source))

    for field, ev in ann.evidence_of.items():
        add("HEADER", None, f"{field}={getattr(ann, field, '')}", ev)
    for p in ann.programs:
        if p.awards:
            add("AWARDS", p, _summary(p.awards, ("count", "approx", "unit")), p.awards.evidence)
        for t in p.tracks:
            if t.evidence:
                add("TRACK", p, _summary(t, ("name", "target_level", "duration_months",
                                             "extension_months")), t.evidence, t.source)
            for f in t.funding:
                add("FUNDING", p, f"[{t.name or '-'}] " + _summary(
                    f, ("payer_label", "cap_krw", "share_pct", "share_bound")), f.evidence, f.source)
        if p.submission.evidence:
            add("SUBMISSION", p, _summary(p.submission, ("channels", "urls", "emails")),
                p.submission.evidence)
        for field, family, shown in _FAMILIES:
            for fact in getattr(p, field):
                add(family, p, _summary(fact, shown), fact.evidence, fact.source)
    for d in ann.declared_changes:
        add("CHANGE", None, _summary(d, ("topic", "before", "after")), d.evidence)
    return rows


def _marks(text: str, rows: list[FactRow]) -> tuple[list[dict[str, Any]], dict[str, str]]:
    """Non-overlapping displaCy spans, and for every fact the id of the mark to scroll to."""
    candidates = sorted(((e.start, e.end, r) for r in rows for e in r.evidence
                         if e.end > e.start), key=lambda t: (t[0], -(t[1] - t[0])))
    spans: list[dict[str, Any]] = []
    target: dict[str, str] = {}
    last_end = -1
    for start, end, row in candidates:
        if start >= last_end:
            mark_id = f"m{len(spans)}"
            spans.append({"start": start, "end": end, "label": row.family,
                          "params": {"mark_id": mark_id}})
            last_end = end
        else:
            mark_id = spans[-1]["params"]["mark_id"]  # the mark this span overlaps
        target.setdefault(row.id, mark_id)
    return spans, target


_CSS = """
*{box-sizing:border-box}
body{margin:0;height:100vh;display:flex;flex-direction:column;color:#222;
 font-family:'Noto Sans KR','Noto Sans CJK KR','Apple SD Gothic Neo','Malgun Gothic','NanumGothic','Nanum Gothic',sans-serif}
header{flex:none;padding:.5em 1em;background:#243b55;color:#fff}
header h1{font-size:1.05em;margin:0 0 .2em} header .meta{font-size:.75em;opacity:.85}
main{flex:1;min-height:0;display:flex}
#doc{flex:11;min-width:0;overflow:auto;padding:.8em 1.5em;font-size:.9em;white-space:pre-wrap;
 tab-size:6;border-right:2px solid #ccd}
#doc .entities{line-height:1.9 !important}
#facts{flex:9;min-width:0;overflow:auto;padding:.4em 1em 2em;font-size:.8em;background:#fafbfc}
mark.fact{padding:.05em .25em;border-radius:.3em;line-height:1.25;scroll-margin:40vh}
mark.fact .tag{font-size:.6em;font-weight:bold;margin-left:.3em;color:#333;vertical-align:middle}
mark.fact.focus{outline:3px solid #e63946;outline-offset:1px}
.legend{display:flex;flex-wrap:wrap;gap:.3em;margin:.4em 0 .6em}
table{border-collapse:collapse;width:100%;table-layout:fixed}
td,th{border-bottom:1px solid #e3e6ea;padding:.3em .35em;vertical-align:top;text-align:left;
 overflow-wrap:anywhere}
col.kind{width:7.5em} col.where{width:36%}
tr.group th{background:#e8edf3;font-size:1.05em;padding:.45em .4em;position:sticky;top:0}
tr.fact{cursor:pointer} tr.fact:hover{background:#eaf1ff} tr.fact.current{background:#ffe8e8} tr.fact.nospan{cursor:default;color:#777}
td.quote{color:#555}
.chip{display:inline-block;padding:.05em .45em;border-radius:.3em;font-size:.8em;font-weight:bold;
 white-space:nowrap}
.sev-error{color:#b00;font-weight:bold} .sev-warning{color:#b60} .sev-info{color:#357}
tr.llm td{font-style:italic}
h2{font-size:1em;margin:1em 0 .3em}
"""

# Clicking a fact (or opening the page at `#fact12`) scrolls its span into view and rings it.
_SCRIPT = """
function focusFact(row){
  var m = document.getElementById(row.dataset.mark); if(!m) return;
  document.querySelectorAll('mark.focus').forEach(function(x){x.classList.remove('focus')});
  document.querySelectorAll('tr.current').forEach(function(x){x.classList.remove('current')});
  m.classList.add('focus'); row.classList.add('current');
  m.scrollIntoView({behavior:'auto', block:'center'});
}
document.querySelectorAll('tr.fact').forEach(function(row){
  row.addEventListener('click', function(){ focusFact(row); });
});
var start = location.hash && document.getElementById(location.hash.slice(1));
if (start && start.classList.contains('fact')) { focusFact(start); start.scrollIntoView({block:'center'}); }
"""


def _chip(family: str) -> str:
    return (f"<span class='chip' style='background:{FAMILY_COLOURS[family]}'>"
            f"{html.escape(family)}</span>")


def _legend(rows: list[FactRow]) -> str:
    counts: dict[str, int] = {}
    for r in rows:
        counts[r.family] = counts.get(r.family, 0) + 1
    chips = [f"{_chip(f)}<small>{counts[f]}</small>" for f in FAMILY_COLOURS if f in counts]
    return "<div class='legend'>" + " ".join(chips) + "</div>"


def _fact_row(r: FactRow, mark: str) -> str:
    e = html.escape
    quote = " … ".join(x.quote for x in r.evidence[:2])
    page = next((f" p.{x.page}" for x in r.evidence if x.page), "")
    cls = "fact" + (" llm" if r.source == "llm" else "") + ("" if mark else " nospan")
    return (f"<tr class='{cls}' data-mark='{mark}' id='{r.id}'><td>{_chip(r.family)}</td>"
            f"<td>{e(r.summary)}</td><td class='quote'>{e(quote[:140])}{e(page)}</td></tr>")


def _facts_table(rows: list[FactRow], target: dict[str, str]) -> str:
    """Facts grouped under their program (header facts and declared changes first)."""
    parts = [("<table><colgroup><col class='kind'><col><col class='where'></colgroup>"
              "<tr><th>종류</th><th>값</th><th>근거</th></tr>")]
    group = None
    for r in sorted(rows, key=lambda r: r.program != ""):  # stable: document order kept
        if r.program != group:
            group = r.program
            parts.append(f"<tr class='group'><th colspan=3>{html.escape(group or '공고')}</th></tr>")
        parts.append(_fact_row(r, target.get(r.id, "")))
    parts.append("</table>")
    return "".join(parts)


def finding_rows(ann: Announcement) -> list[FactRow]:
    """Findings as rows of their own family, so that their spans are marked too."""
    return [FactRow(f"finding{i}", "FINDING", "", f.code, f.evidence)
            for i, f in enumerate(ann.findings)]


def _findings_table(ann: Announcement, target: dict[str, str]) -> str:
    e = html.escape
    parts = ["<table><colgroup><col class='kind'><col><col class='where'></colgroup>"]
    for i, f in enumerate(ann.findings):
        mark = target.get(f"finding{i}", "")
        quote = " … ".join(x.quote for x in f.evidence[:2])
        parts.append(f"<tr class='fact{'' if mark else ' nospan'}' data-mark='{mark}'>"
                     f"<td class='sev-{f.severity}'>{e(f.severity)}</td>"
                     f"<td><b>{e(f.code)}</b><br>{e(f.message)}</td>"
                     f"<td class='quote'>{e(quote[:140])}</td></tr>")
    parts.append("</table>")
    return "".join(parts)


def render_review(ann: Announcement, text: str) -> str:
    from spacy import displacy

    rows = fact_rows(ann)
    spans, target = _marks(text, rows + finding_rows(ann))
    body = displacy.render({"text": text, "ents": spans, "title": None}, style="ent", manual=True,
                           page=False, minify=True,
                           options={"colors": FAMILY_COLOURS, "template": _TEMPLATE})
    e = html.escape
    meta = json.dumps({"source": ann.source.path, "sha256": ann.source.sha256}, ensure_ascii=False)
    facts = (_legend(rows + finding_rows(ann))
             + f"<h2>검토 의견 (findings) · {len(ann.findings)}</h2>"
             + _findings_table(ann, target)
             + f"<h2>사실 (facts) · {len(rows)}</h2>" + _facts_table(rows, target))
    subtitle = " · ".join(x for x in (ann.notice_no, ann.issuer,
                                       ann.announced_on.isoformat() if ann.announced_on else None,
                                       ann.source.path, f"{len(ann.programs)} program(s)") if x)
    return ("<!doctype html><html lang='ko'><head><meta charset='utf-8'>"
            f"<title>검토: {e(ann.title)}</title><style>{_CSS}</style></head><body>"
            f"<header><h1>검토: {e(ann.title)}</h1><div class='meta'>{e(subtitle)}</div></header>"
            f"<main><div id='doc'>{body}</div><div id='facts'>{facts}</div></main>"
            f"<script type='application/json' id='meta'>{e(meta)}</script>"
            f"<script>{_SCRIPT}</script></body></html>")
