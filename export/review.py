"""One self-contained HTML page to check a spec against its source in seconds.

The document text with every extracted fact's span highlighted (displaCy's entity renderer,
one colour per fact family), beside a table of the facts and the findings. Clicking a fact
scrolls to its span. Overlapping spans are drawn once (the first fact keeps the mark; the
others link to it).
"""

from __future__ import annotations

import html
import json
from dataclasses import dataclass
from typing import Any

from schemas.announcement import Announcement, Evidence, Program

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
    candidates = sorted(((e.start, e.end, r) for r in rows for e in r.evidence[:3]
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
            mark_id = next(s["params"]["mark_id"] for s in reversed(spans) if s["start"] <= start)
        target.setdefault(row.id, mark_id)
    return spans, target


_CSS = """
*{box-sizing:border-box} body{margin:0;font-family:'Noto Sans KR','Malgun Gothic',sans-serif}
header{padding:.6em 1em;background:#243b55;color:#fff} header h1{font-size:1.1em;margin:0}
main{display:flex;height:calc(100vh - 3em)}
#doc{flex:3;overflow:auto;padding:1em 1.5em;font-size:.9em;line-height:2;white-space:pre-wrap;tab-size:4;border-right:1px solid #ccc}
#facts{flex:2;overflow:auto;padding:.5em 1em;font-size:.82em}
mark.fact{padding:.1em .25em;border-radius:.3em;line-height:1.2}
mark.fact .tag{font-size:.65em;font-weight:bold;margin-left:.3em;color:#333}
mark.fact.focus{outline:3px solid #e63946}
table{border-collapse:collapse;width:100%} td,th{border-bottom:1px solid #ddd;padding:.3em;vertical-align:top;text-align:left}
tr.fact{cursor:pointer} tr.fact:hover{background:#f1f5ff}
.chip{display:inline-block;padding:0 .4em;border-radius:.3em;font-size:.8em;font-weight:bold}
.sev-error{color:#b00;font-weight:bold} .sev-warning{color:#b60} .llm{font-style:italic;color:#555}
h2{font-size:1em;margin:1em 0 .3em}
"""

_SCRIPT = """
document.querySelectorAll('tr.fact').forEach(function(row){
  row.addEventListener('click', function(){
    var m = document.getElementById(row.dataset.mark); if(!m) return;
    document.querySelectorAll('mark.focus').forEach(function(x){x.classList.remove('focus')});
    m.classList.add('focus'); m.scrollIntoView({behavior:'auto', block:'center'});
  });
});
"""


def render_review(ann: Announcement, text: str) -> str:
    from spacy import displacy

    rows = fact_rows(ann)
    spans, target = _marks(text, rows)
    body = displacy.render({"text": text, "ents": spans, "title": None}, style="ent", manual=True,
                           page=False, minify=True,
                           options={"colors": FAMILY_COLOURS, "template": _TEMPLATE})
    e = html.escape
    facts = ["<h2>사실 (facts) · " + str(len(rows)) + "</h2><table><tr><th>종류</th><th>사업</th>"
             "<th>값</th><th>근거</th></tr>"]
    for r in rows:
        quote = " … ".join(x.quote for x in r.evidence[:2])
        page = next((f"p.{x.page}" for x in r.evidence if x.page), "")
        cls = " llm" if r.source == "llm" else ""
        facts.append(f"<tr class='fact{cls}' data-mark='{target.get(r.id, '')}' id='{r.id}'>"
                     f"<td><span class='chip' style='background:{FAMILY_COLOURS[r.family]}'>"
                     f"{e(r.family)}</span></td><td>{e(r.program[:24])}</td><td>{e(r.summary)}"
                     f"</td><td>{e(quote[:120])} {e(page)}</td></tr>")
    facts.append("</table><h2>검토 의견 (findings) · " + str(len(ann.findings)) + "</h2><table>")
    for f in ann.findings:
        mark = ""
        if f.evidence:
            mark = next((s["params"]["mark_id"] for s in spans
                         if s["start"] <= f.evidence[0].start < s["end"]), "")
        facts.append(f"<tr class='fact' data-mark='{mark}'><td class='sev-{f.severity}'>"
                     f"{e(f.severity)}</td><td>{e(f.code)}</td><td colspan=2>{e(f.message)}</td></tr>")
    facts.append("</table>")
    meta = json.dumps({"source": ann.source.path, "sha256": ann.source.sha256}, ensure_ascii=False)
    return ("<!doctype html><html lang='ko'><head><meta charset='utf-8'>"
            f"<title>검토: {e(ann.title)}</title><style>{_CSS}</style></head><body>"
            f"<header><h1>검토: {e(ann.title)}</h1></header><main><div id='doc'>{body}</div>"
            f"<div id='facts'>{''.join(facts)}</div></main>"
            f"<script type='application/json' id='meta'>{e(meta)}</script>"
            f"<script>{_SCRIPT}</script></body></html>")
