"""신구대비표-style change reports: old | new | 비고, changed words marked.

Markdown marks removed words ~~struck~~ and new words **bold** (Markdown has no underline);
HTML strikes (<del>) and underlines (<ins>) them. Added facts read `<신 설>` in the old
column, removed ones `<삭 제>` in the new column. Unchanged facts are collapsed to a count.
"""

from __future__ import annotations

import difflib
import html
import json
from typing import Any

import regex

from schemas.changes import Change, ChangeSet

_TOKEN = regex.compile(r"\s+|[^\s]+")

FIELD_NAMES = {
    "tracks": "지원유형", "tracks.name": "지원유형 명칭", "target_level": "목표수준",
    "duration_months": "사업기간(개월)", "extension_months": "연장(개월)", "funding": "지원금",
    "awards.count": "지원규모", "awards.approx": "지원규모(내외)", "windows": "신청기간",
    "eligibility": "신청자격", "exclusions": "지원제외", "obligations": "의무사항",
    "documents": "제출서류", "evaluation": "평가항목", "bonus_points": "가점", "costs": "비용",
    "contacts": "문의처", "program": "사업",
}


def field_label(field: str) -> str:
    if field in FIELD_NAMES:
        return FIELD_NAMES[field]
    head, _, rest = field.partition(".")
    if head == "funding":
        payer, _, what = rest.partition(".")
        what_ko = {"cap_krw": "한도", "share_pct": "비율", "share_bound": "비율 기준"}.get(what, what)
        payer_ko = {"government": "정부", "host": "주관기관", "applicant": "기업부담",
                    "local_government": "지방비", "other": "기타"}.get(payer, payer)
        return f"{payer_ko} 지원금 {what_ko}"
    return f"{FIELD_NAMES.get(head, head)} {rest}".strip()


def _value_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "예" if value else "아니오"
    if isinstance(value, int) and value >= 10000:
        return f"{value:,}원"
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def _quotes(evidence: list) -> str:  # type: ignore[type-arg]
    return " … ".join(e.quote for e in evidence[:2])


def side_texts(ch: Change) -> tuple[str, str]:
    """What each column shows: the printed text when it differs, else the values."""
    old_q, new_q = _quotes(ch.old_evidence), _quotes(ch.new_evidence)
    if old_q and new_q and old_q != new_q:
        return old_q, new_q
    return _value_text(ch.old) or old_q, _value_text(ch.new) or new_q


def word_diff(old: str, new: str) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """Token runs of each side tagged `same`, `del` (old only) or `ins` (new only)."""
    a, b = _TOKEN.findall(old), _TOKEN.findall(new)
    left: list[tuple[str, str]] = []
    right: list[tuple[str, str]] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if op == "equal":
            left.append(("same", "".join(a[i1:i2])))
            right.append(("same", "".join(b[j1:j2])))
        else:
            if i2 > i1:
                left.append(("del", "".join(a[i1:i2])))
            if j2 > j1:
                right.append(("ins", "".join(b[j1:j2])))
    return left, right


def _where(evidence: list) -> str:  # type: ignore[type-arg]
    if not evidence:
        return ""
    e = evidence[0]
    return f"p.{e.page}" if e.page else f"@{e.start}"


def _md_escape(s: str) -> str:
    return s.replace("|", "\\|").replace("\n", "<br>")


def _md_runs(runs: list[tuple[str, str]]) -> str:
    out = []
    for tag, text in runs:
        t = _md_escape(text)
        if tag == "del" and t.strip():
            out.append(f"~~{t.strip()}~~" + (" " if t.endswith(" ") else ""))
        elif tag == "ins" and t.strip():
            out.append(f"**{t.strip()}**" + (" " if t.endswith(" ") else ""))
        else:
            out.append(t)
    return "".join(out)


def _note(ch: Change) -> str:
    parts = [field_label(ch.field)]
    if ch.track:
        parts.append(f"[{ch.track}]")
    if ch.kind == "renamed":
        parts.append("명칭 변경")
    return " ".join(parts)


def to_markdown(cs: ChangeSet, old_year: str = "", new_year: str = "") -> str:
    lines = [f"# 신구대비표: {cs.new_title}", "",
             f"- 현 행: {cs.old_title} (`{cs.old_source}`)",
             f"- 개 정: {cs.new_title} (`{cs.new_source}`)", "", "## 사업 대응", ""]
    for a in cs.alignments:
        if a.old and a.new:
            lines.append(f"- {a.old} → {a.new} ({a.reason})")
    lines += ["", "## 변경 내용", ""]
    by_program: dict[str, list[Change]] = {}
    for ch in cs.changes:
        by_program.setdefault(ch.program, []).append(ch)
    for program, changes in by_program.items():
        lines += [f"### {program}", "",
                  f"| 현 행 {old_year} | 개 정 {new_year} | 비 고 |".replace("  |", " |"),
                  "|---|---|---|"]
        for ch in changes:
            old_t, new_t = side_texts(ch)
            if ch.kind == "added":
                left, right = "<신 설>", _md_escape(new_t)
            elif ch.kind == "removed":
                left, right = _md_escape(old_t), "<삭 제>"
            else:
                l_runs, r_runs = word_diff(old_t, new_t)
                left, right = _md_runs(l_runs), _md_runs(r_runs)
            where = " / ".join(x for x in (_where(ch.old_evidence), _where(ch.new_evidence)) if x)
            lines.append(f"| {left} | {right} | {_note(ch)}{' ' + where if where else ''} |")
        lines.append("")
    lines.append(f"변경 없는 사실 {cs.unchanged}건은 생략했습니다.")
    if cs.declared:
        lines += ["", "## 공고문이 밝힌 주요 변경사항", ""]
        for d in cs.declared:
            mark = "확인됨" if d["confirmed"] else "차이에서 찾지 못함"
            lines.append(f"- [{mark}] {d.get('topic') or ''}: {d.get('before') or ''} ⇨ "
                         f"{d.get('after') or ''}".replace("\n", " "))
    return "\n".join(lines) + "\n"


_CSS = """
body{font-family:'Noto Sans KR','Malgun Gothic',sans-serif;margin:2em;color:#111}
h1{font-size:1.4em} h2{font-size:1.15em;margin-top:1.6em} h3{font-size:1.05em}
table{border-collapse:collapse;width:100%;margin:.5em 0 1.5em}
th,td{border:1px solid #888;padding:.45em .6em;vertical-align:top;font-size:.92em}
th{background:#e8eef7} td.note{width:18%;color:#333;font-size:.85em}
del{color:#b00;text-decoration:line-through} ins{color:#06c;text-decoration:underline}
.mark{font-weight:bold;letter-spacing:.3em} .where{color:#666;font-size:.8em}
.ok{color:#070} .missing{color:#b60}
"""


def _html_runs(runs: list[tuple[str, str]]) -> str:
    out = []
    for tag, text in runs:
        t = html.escape(text).replace("\n", "<br>")
        out.append(f"<{tag}>{t}</{tag}>" if tag in ("del", "ins") and text.strip() else t)
    return "".join(out)


def to_html(cs: ChangeSet, old_year: str = "", new_year: str = "") -> str:
    e = html.escape
    parts = [(f"<!doctype html><html lang='ko'><head><meta charset='utf-8'>"
             f"<title>신구대비표: {e(cs.new_title)}</title><style>{_CSS}</style></head><body>"),
             f"<h1>신구대비표: {e(cs.new_title)}</h1>",
             (f"<p>현 행: {e(cs.old_title)} <span class='where'>{e(cs.old_source)}</span><br>"
             f"개 정: {e(cs.new_title)} <span class='where'>{e(cs.new_source)}</span></p>"),
             "<h2>사업 대응</h2><ul>"]
    for a in cs.alignments:
        if a.old and a.new:
            parts.append(f"<li>{e(a.old)} → {e(a.new)} <span class='where'>{e(a.reason)}</span></li>")
    parts.append("</ul><h2>변경 내용</h2>")
    by_program: dict[str, list[Change]] = {}
    for ch in cs.changes:
        by_program.setdefault(ch.program, []).append(ch)
    for program, changes in by_program.items():
        parts.append(f"<h3>{e(program)}</h3><table><thead><tr><th>현 행 {e(old_year)}</th>"
                     f"<th>개 정 {e(new_year)}</th><th>비 고</th></tr></thead><tbody>")
        for ch in changes:
            old_t, new_t = side_texts(ch)
            if ch.kind == "added":
                left, right = "<span class='mark'>&lt;신 설&gt;</span>", f"<ins>{e(new_t)}</ins>"
            elif ch.kind == "removed":
                left, right = f"<del>{e(old_t)}</del>", "<span class='mark'>&lt;삭 제&gt;</span>"
            else:
                l_runs, r_runs = word_diff(old_t, new_t)
                left, right = _html_runs(l_runs), _html_runs(r_runs)
            where_old, where_new = _where(ch.old_evidence), _where(ch.new_evidence)
            left += f"<div class='where'>{e(where_old)}</div>" if where_old else ""
            right += f"<div class='where'>{e(where_new)}</div>" if where_new else ""
            parts.append(f"<tr><td>{left}</td><td>{right}</td><td class='note'>{e(_note(ch))}"
                         f"</td></tr>")
        parts.append("</tbody></table>")
    parts.append(f"<p class='where'>변경 없는 사실 {cs.unchanged}건은 생략했습니다.</p>")
    if cs.declared:
        parts.append("<h2>공고문이 밝힌 주요 변경사항</h2><ul>")
        for d in cs.declared:
            cls, mark = ("ok", "확인됨") if d["confirmed"] else ("missing", "차이에서 찾지 못함")
            parts.append(f"<li><span class='{cls}'>[{mark}]</span> {e(d.get('topic') or '')}: "
                         f"{e(d.get('before') or '')} ⇨ {e(d.get('after') or '')}</li>")
        parts.append("</ul>")
    parts.append("</body></html>")
    return "\n".join(parts)
