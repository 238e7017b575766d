"""One self-contained HTML page to check a spec against its source in seconds.

The document text with every extracted fact's span highlighted (one colour per fact family,
Korean tags), tables drawn as tables and page furniture (`- 2 -`) left out, beside the facts as
Korean sentences (a search box filters them) and the findings; a banner first when the reader
could not read the file faithfully. Rendered by the Jinja2 template `templates/review.html.j2`. Clicking a fact
scrolls to its span. Overlapping spans are drawn once (the first fact keeps the mark; the
others link to it). The spans that findings point at are marked too (family FINDING), and the
findings are listed first: they are what to check first.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from typing import Any

import regex
from jinja2 import Environment, PackageLoader, select_autoescape

from gonggo.export import sentences as say
from gonggo.export.labels import FAMILY_KO, FINDING_KO, READER_ERRORS, SEVERITY_KO, finding_title
from gonggo.schemas.announcement import Announcement, Evidence, Program
from gonggo.schemas.document import Document, Table
from gonggo.vocab.money import MoneyStyle, money_style

FAMILY_COLOURS = {
    "FUNDING": "#f9c74f", "TRACK": "#f9844a", "WINDOW": "#90be6d", "AWARDS": "#43aa8b",
    "SUBMISSION": "#a3c4f3", "ELIGIBILITY": "#cdb4db", "EXCLUSION": "#ffadad",
    "DOCUMENT": "#bde0fe", "EVALUATION": "#ffd6a5", "BONUS": "#fdffb6", "OBLIGATION": "#caffbf",
    "COST": "#e9c46a", "CONTACT": "#d0f4de", "HEADER": "#dddddd", "CHANGE": "#b8c0ff",
    "FINDING": "#ff6b6b",
}


@dataclass
class FactRow:
    id: str
    family: str
    program: str
    summary: str
    evidence: list[Evidence]
    source: str = "rule"


def fact_rows(ann: Announcement, money: MoneyStyle | None = None) -> list[FactRow]:
    """Every fact of the spec as one Korean sentence, in document order per program."""
    money = money or page_money_style(ann)
    rows: list[FactRow] = []

    def add(family: str, program: Program | None, summary: str, evidence: list[Evidence],
            source: str = "rule") -> None:
        rows.append(FactRow(f"fact{len(rows)}", family, program.name if program else "",
                            summary, evidence, source))

    for field, ev in ann.evidence_of.items():
        add("HEADER", None, say.header(field, getattr(ann, field, "")), ev)
    for p in ann.programs:
        if p.awards:
            add("AWARDS", p, say.awards(p.awards), p.awards.evidence)
        for t in p.tracks:
            if t.evidence:
                add("TRACK", p, say.track(t), t.evidence, t.source)
            for f in t.funding:
                add("FUNDING", p, say.funding(f, money, t.name), f.evidence, f.source)
        if p.submission.evidence:
            add("SUBMISSION", p, say.submission(p.submission), p.submission.evidence)
        for w in p.windows:
            add("WINDOW", p, say.window(w), w.evidence, w.source)
        for c in p.eligibility:
            add("ELIGIBILITY", p, say.clause(c, "신청자격"), c.evidence, c.source)
        for c in p.exclusions:
            add("EXCLUSION", p, say.clause(c, "지원 제외"), c.evidence, c.source)
        for d in p.documents:
            add("DOCUMENT", p, say.document(d), d.evidence, d.source)
        for c in p.evaluation:
            add("EVALUATION", p, say.criterion(c), c.evidence, c.source)
        for c in p.bonus_points:
            add("BONUS", p, say.criterion(c, bonus=True), c.evidence, c.source)
        for c in p.obligations:
            add("OBLIGATION", p, c.text, c.evidence, c.source)
        for c in p.costs:
            add("COST", p, say.cost(c, money), c.evidence, c.source)
        for c in p.contacts:
            add("CONTACT", p, say.contact(c), c.evidence, c.source)
    for d in ann.declared_changes:
        add("CHANGE", None, say.declared(d), d.evidence)
    return rows


def page_money_style(ann: Announcement) -> MoneyStyle:
    """One money style for the whole page, from every amount it shows."""
    values = [f.cap_krw for p in ann.programs for t in p.tracks for f in t.funding if f.cap_krw]
    values += [c.amount_krw for p in ann.programs for c in p.costs if c.amount_krw]
    return money_style(values)


def _marks(text: str, rows: list[FactRow]) -> tuple[list[dict[str, Any]], dict[str, str]]:
    """Non-overlapping mark spans, and for every fact the id of the mark to scroll to."""
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


FURNITURE = regex.compile(r"(?m)^[ \t]*[-–—]\s*\d{1,4}\s*[-–—][ \t]*$")


@dataclass
class Mark:
    id: str
    start: int
    end: int
    family: str


def _pieces(text: str, lo: int, hi: int, marks: list[Mark],
            starts: list[int]) -> list[dict[str, Any]]:
    """text[lo:hi] as runs, each inside at most one mark (clipped to the range); a mark's id
    goes on the run that holds its first character."""
    out: list[dict[str, Any]] = []
    pos = lo
    i = max(0, bisect_right(starts, lo) - 1)
    while i < len(marks) and marks[i].start < hi:
        m = marks[i]
        i += 1
        if m.end <= lo:
            continue
        a, b = max(m.start, lo), min(m.end, hi)
        if a > pos:
            out.append({"text": text[pos:a], "mark": None})
        out.append({"text": text[a:b], "mark": m, "first": a == m.start,
                    "colour": FAMILY_COLOURS[m.family], "tag": FAMILY_KO[m.family]})
        pos = b
    if pos < hi:
        out.append({"text": text[pos:hi], "mark": None})
    return out


def _table_rows(text: str, table: Table, marks: list[Mark], starts: list[int]) -> list[list[dict]]:
    rows: list[list[dict]] = [[] for _ in range(table.n_rows)]
    for cell in sorted(table.cells, key=lambda c: (c.row, c.col)):
        if cell.row < table.n_rows:
            rows[cell.row].append({"rowspan": cell.row_span, "colspan": cell.col_span,
                                   "pieces": _pieces(text, cell.start, cell.end, marks, starts)})
    return rows


def document_parts(text: str, marks: list[Mark], doc: Document | None) -> list[dict[str, Any]]:
    """The text as display parts: runs of text and tables (rendered as tables), with page
    furniture (`- 2 -`, running headers and footers) left out."""
    starts = [m.start for m in marks]
    special: list[tuple[int, int, Table | None]] = []
    if doc is not None:
        for b in doc.blocks:
            if b.kind == "table" and b.table is not None and len(b.table.cells) > 1:
                special.append((b.start, b.end, b.table))
            elif b.kind in ("header", "footer"):
                special.append((b.start, b.end, None))
    special += [(m.start(), m.end(), None) for m in FURNITURE.finditer(text)]
    special.sort(key=lambda t: (t[0], -t[1]))
    parts: list[dict[str, Any]] = []
    pos = 0
    for start, end, table in special:
        if start < pos:
            continue
        if start > pos:
            parts.append({"kind": "text", "pieces": _pieces(text, pos, start, marks, starts)})
        if table is not None:
            parts.append({"kind": "table", "rows": _table_rows(text, table, marks, starts)})
        pos = end
    if pos < len(text):
        parts.append({"kind": "text", "pieces": _pieces(text, pos, len(text), marks, starts)})
    return parts


def _environment() -> Environment:
    return Environment(loader=PackageLoader("gonggo.export", "templates"),
                       autoescape=select_autoescape(["html", "j2"]), trim_blocks=True,
                       lstrip_blocks=True)


def reader_errors(ann: Announcement) -> list[dict[str, str]]:
    """The reader's findings that mean the text shown may itself be wrong."""
    return [{"title": finding_title(f.code), "message": f.message} for f in ann.findings
            if f.code in READER_ERRORS or (f.severity == "error" and f.code in _READER_CODES)]


_READER_CODES = set(FINDING_KO) - {"impossible_date", "weekday_mismatch"}


def render_review(ann: Announcement, text: str, doc: Document | None = None) -> str:
    """One self-contained page (Jinja2 template `templates/review.html.j2`)."""
    rows = fact_rows(ann)
    findings = finding_rows(ann)
    spans, target = _marks(text, rows + findings)
    marks = [Mark(s["params"]["mark_id"], s["start"], s["end"], s["label"]) for s in spans]
    counts: dict[str, int] = {}
    for r in rows + findings:
        counts[r.family] = counts.get(r.family, 0) + 1
    groups: list[dict[str, Any]] = []
    for r in sorted(rows, key=lambda r: r.program != ""):  # stable: document order kept
        if not groups or groups[-1]["key"] != r.program:
            groups.append({"key": r.program, "program": r.program or "공고", "rows": []})
        groups[-1]["rows"].append(_row_view(r, target.get(r.id, "")))
    finding_views = [{**_row_view(r, target.get(r.id, "")), "severity": f.severity,
                      "severity_ko": SEVERITY_KO[f.severity], "title": finding_title(f.code),
                      "code": f.code, "message": f.message}
                     for r, f in zip(findings, ann.findings, strict=True)]
    subtitle = " · ".join(x for x in (ann.notice_no, ann.issuer,
                                       say.when(ann.announced_on) if ann.announced_on else None,
                                       ann.source.path, f"사업 {len(ann.programs)}개") if x)
    return _environment().get_template("review.html.j2").render(
        title=ann.title, subtitle=subtitle, banner=reader_errors(ann),
        parts=document_parts(text, marks, doc),
        legend=[{"tag": FAMILY_KO[f], "colour": c, "count": counts[f]}
                for f, c in FAMILY_COLOURS.items() if f in counts],
        families=[{"family": f, "tag": FAMILY_KO[f]} for f in FAMILY_COLOURS if f in counts],
        findings=finding_views, groups=groups, fact_count=len(rows),
        meta={"source": ann.source.path, "sha256": ann.source.sha256})


def _row_view(r: FactRow, mark: str) -> dict[str, Any]:
    quote = " … ".join(x.quote for x in r.evidence[:2])
    page = next((x.page for x in r.evidence if x.page), None)
    return {"id": r.id, "family": r.family, "tag": FAMILY_KO[r.family],
            "colour": FAMILY_COLOURS[r.family], "summary": r.summary,
            "quote": " ".join(quote.split())[:140], "page": page, "mark": mark,
            "llm": r.source == "llm"}


def finding_rows(ann: Announcement) -> list[FactRow]:
    """Findings as rows of their own family, so that their spans are marked too."""
    return [FactRow(f"finding{i}", "FINDING", "", f.code, f.evidence)
            for i, f in enumerate(ann.findings)]
