"""신구대비표-style change reports: 현 행 | 개 정 | 비 고, changed words marked.

One row per changed fact, in the new document's order; facts that changed together in the
same printed words (a cap and its bound, a window's dates) share a row. Markdown marks
removed words ~~struck~~ and new words **bold** (Markdown has no underline); HTML strikes
(<del>) and underlines (<ins>) them. Added facts read `<신 설>` in the old column, removed
ones `<삭 제>` in the new column. Unchanged facts are collapsed (a count, and a folded list).
The HTML page is one self-contained file: no script, no stylesheet or font fetched.
"""

from __future__ import annotations

import difflib
import html
from dataclasses import dataclass, field
from typing import Any

import regex

from gonggo.schemas.changes import Change, ChangeSet, Same

_TOKEN = regex.compile(r"\s+|[^\s]+")

FIELD_NAMES = {
    "tracks": "지원유형", "tracks.name": "지원유형 명칭", "target_level": "목표수준",
    "duration_months": "사업기간", "extension_months": "연장기간", "funding": "지원금",
    "awards": "지원규모", "awards.count": "지원규모", "awards.approx": "지원규모(내외)",
    "windows": "신청기간", "windows.opens": "신청 시작", "windows.closes": "신청 마감",
    "windows.rolling": "수시접수", "windows.until_budget_exhausted": "예산 소진시까지",
    "windows.tracks": "신청기간 대상 유형", "submission.channels": "신청방법",
    "submission.urls": "신청 사이트", "submission.emails": "신청 이메일",
    "eligibility": "신청자격", "exclusions": "지원제외", "obligations": "의무사항",
    "documents": "제출서류", "evaluation": "평가항목", "bonus_points": "가점", "costs": "비용",
    "contacts": "문의처", "program": "사업", "budget_krw": "사업 예산",
    "tracks.awards": "유형별 지원규모", "subprograms": "내역사업", "related_programs": "관련 사업",
    "windows.stage": "신청기간 단계",
}
_SUB_NAMES = {"text": "", "name": "명칭", "item": "", "points": "배점", "required": "필수 여부",
              "validity_months": "유효기간", "condition": "조건", "submitters": "제출자",
              "amount_krw": "금액", "phone": "전화", "email": "이메일", "org": "기관",
              "topic": "분야", "unit": "단위", "label": "구분", "tracks": "대상 유형",
              "group": "구분", "approx": "내외", "phones": "전화", "stage": "단계",
              "calls": "과제 수", "budget_krw": "예산", "relation": "관계"}
_PAYERS = {"government": "정부", "host": "주관기관", "applicant": "기업부담",
           "local_government": "지방비", "other": "기타"}
_FUNDING_PARTS = {"cap_krw": "한도", "share_pct": "비율", "share_bound": "비율 기준",
                  "cap_basis": "한도 기준", "applicant_kinds": "적용 대상"}
_CAP_BASIS = {"per_award": "과제(기업)당", "per_year": "연간", "per_case": "건당", "total": "총액"}
_BOUNDS = {"max": "이내", "min": "이상", "exact": "정률"}
_CHANNELS = {"online": "온라인", "email": "이메일", "post": "우편", "visit": "방문"}


def field_label(name: str) -> str:
    if name in FIELD_NAMES:
        return FIELD_NAMES[name]
    head, _, rest = name.partition(".")
    if head == "funding":
        payer, _, what = rest.partition(".")
        return f"{_PAYERS.get(payer, payer)} 지원금 {_FUNDING_PARTS.get(what, what)}".strip()
    return f"{FIELD_NAMES.get(head, head)} {_SUB_NAMES.get(rest, rest)}".strip()


# Values ------------------------------------------------------------------------------------

def _won(value: Any) -> str:
    return f"{value:,}원" if isinstance(value, int) else str(value)


_ISO_TIME = regex.compile(r"^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?"
                          r"(?:Z|[+-]\d{2}:\d{2})?$")


def _when(value: Any) -> str:
    """A date or time as printed in a window (`2026-04-24 18:00`, not the ISO `T…+09:00`)."""
    if value is None:
        return ""
    text = value.isoformat() if hasattr(value, "isoformat") else str(value)
    m = _ISO_TIME.match(text)
    if not m:
        return text
    return m.group(1) if m.group(2) == "00:00" else f"{m.group(1)} {m.group(2)}"


# Keys of a dumped fact that are never shown as a value.
_HIDDEN = {"evidence", "source", "payer", "kind", "group"}


def describe(name: str, value: Any) -> str:
    """A fact's value as a reader would write it (`20,000,000원`, `4개월`, `50% 이내`)."""
    if value is None:
        return ""
    leaf = name.rsplit(".", 1)[-1]
    if isinstance(value, bool):
        return "예" if value else "아니오"
    if leaf in ("cap_krw", "amount_krw", "budget_krw"):
        return _won(value)
    if leaf == "cap_basis":
        return _CAP_BASIS.get(value, str(value))
    if leaf == "share_pct":
        return f"{value:g}%"
    if leaf == "share_bound":
        return _BOUNDS.get(value, str(value))
    if leaf in ("duration_months", "extension_months", "validity_months"):
        return f"{value}개월"
    if leaf in ("opens", "closes"):
        return _when(value)
    if leaf == "points" and isinstance(value, (int, float)):
        return f"{value:g}점"
    if leaf == "channels":
        return ", ".join(_CHANNELS.get(v, str(v)) for v in value)
    if name == "windows.tracks" and isinstance(value, list) and not value:
        return "전 유형"
    if isinstance(value, list):
        return ", ".join(d for d in (describe(name, v) for v in value) if d)
    if isinstance(value, dict):
        return _describe_fact(name, value)
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def _describe_funding(f: dict[str, Any]) -> str:
    parts = [f.get("payer_label") or _PAYERS.get(f.get("payer", ""), "")]
    if f.get("cap_krw"):
        parts.append(_won(f["cap_krw"]))
    if f.get("share_pct") is not None:
        bound = _BOUNDS[f["share_bound"]] if f.get("share_bound") in ("max", "min") else ""
        parts.append(f"({f['share_pct']:g}%{' ' + bound if bound else ''})")
    return " ".join(p for p in parts if p)


def _describe_fact(name: str, v: dict[str, Any]) -> str:
    if name == "funding" or "payer" in v:
        return _describe_funding(v)
    if name == "tracks" or "funding" in v:
        terms = [f"목표 {v['target_level']}" if v.get("target_level") else "",
                 f"{v['duration_months']}개월" if v.get("duration_months") else "",
                 f"연장 {v['extension_months']}개월" if v.get("extension_months") else ""]
        terms += [_describe_funding(f) for f in v.get("funding", [])]
        return f"{v.get('name') or '(유형 없음)'}: " + " · ".join(t for t in terms if t)
    if name == "windows" or "opens" in v or "closes" in v:
        opens, closes = _when(v.get("opens")), _when(v.get("closes"))
        span = f"{opens} ~ {closes}".strip() if opens or closes else ""
        flags = [x for x, on in (("수시", v.get("rolling")),
                                 ("예산 소진시까지", v.get("until_budget_exhausted"))) if on]
        label = f"({v['label']}) " if v.get("label") else ""
        text = span + (f" ({', '.join(flags)})" if flags else "")
        return (label + (text or "기간 미기재")).strip()
    if name == "awards" or "count" in v:
        count = v.get("count")
        if count is None:
            return "규모 미기재"
        return f"{count}{v.get('unit') or ''}{' 내외' if v.get('approx') else ''}"
    for key in ("text", "name", "item"):  # a list item: its own words first
        if v.get(key):
            rest = _describe_keys(name, v, exclude={key})
            return str(v[key]) + (f" ({rest})" if rest else "")
    return _describe_keys(name, v)


def _describe_keys(name: str, v: dict[str, Any], exclude: set[str] = frozenset()) -> str:
    """Any other fact: its filled fields as `label value`, never a dict literal."""
    head = name.split(".", 1)[0]
    parts = []
    for key, value in v.items():
        if key in _HIDDEN or key in exclude or value in (None, "", [], {}, False):
            continue
        text = describe(f"{head}.{key}", value)
        label = _SUB_NAMES.get(key, key)
        parts.append(f"{label} {text}".strip() if label else text)
    return ", ".join(p for p in parts if p)


def _quotes(evidence: list) -> str:  # type: ignore[type-arg]
    return " … ".join(" ".join(e.quote.split()) for e in evidence[:3])


def side_texts(ch: Change) -> tuple[str, str]:
    """What each column shows.

    A fact printed in both years shows both printings (the words that changed get marked);
    a fact printed in one year only shows its value (a list item's own text, a described
    track, window or funding line), its printed words going to the quote line of the HTML.
    """
    if ch.kind == "renamed":
        return str(ch.old or ""), str(ch.new or "")
    old_q, new_q = _quotes(ch.old_evidence), _quotes(ch.new_evidence)
    if old_q and new_q:
        if old_q != new_q:
            return old_q, new_q
        return describe(ch.field, ch.old) or old_q, describe(ch.field, ch.new) or new_q
    return describe(ch.field, ch.old) or old_q, describe(ch.field, ch.new) or new_q


def display_kind(ch: Change) -> str:
    """`added` / `removed` when one year prints nothing of the fact, else `changed`."""
    if ch.kind in ("added", "removed") and ch.old_evidence and ch.new_evidence:
        return "changed"
    return ch.kind


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


# Rows ---------------------------------------------------------------------------------------

@dataclass
class Row:
    """One line of the table: one fact, or facts that changed together in the same words
    (the fields of one window, of one list item; one change in several tracks)."""

    kind: str
    track: str | None
    old_text: str
    new_text: str
    changes: list[Change] = field(default_factory=list)

    @property
    def labels(self) -> list[str]:
        out: list[str] = []
        for ch in self.changes:
            label = field_label(ch.field)
            if label not in out:
                out.append(label)
        return out

    @property
    def tracks(self) -> list[str]:
        """The tracks (or list items) the row is about; an item's name does not repeat the
        value the row shows (`서울지역본부`, not `서울지역본부 02-2106-7455`)."""
        out: list[str] = []
        for ch in self.changes:
            track = ch.track
            if track and isinstance(ch.new, str) and ch.new and track.endswith(ch.new) \
                    and track != ch.new:
                track = track[:-len(ch.new)].strip()
            if track and track not in out:
                out.append(track)
        return out

    @property
    def first(self) -> Change:
        return self.changes[0]


def _place(ch: Change) -> int | None:
    return ch.new_evidence[0].start if ch.new_evidence else None


# Objects whose sub-fields are diffed one by one but quote the object's whole printing: a
# window (opens, closes, rolling, its tracks), the awards, one list item (a document's name,
# validity and condition). Their changes are one row.
_OBJECT_PATH = regex.compile(
    r"^(.*/(?:windows|documents|evaluation|bonus_points|costs|contacts)/\d+|.*/awards)/[^/]+$")


def _object_of(ch: Change) -> tuple[str, str, str] | None:
    """(program, old object path, new object path) of a sub-field change of an object found
    in both years (a field only one year prints, like a closing date added, included)."""
    if "." not in ch.field or ch.kind == "renamed":
        return None
    old = _OBJECT_PATH.match(ch.old_path or "")
    new = _OBJECT_PATH.match(ch.new_path or "")
    if old is None or new is None:
        return None
    return ch.program, old.group(1), new.group(1)


def _group_texts(members: list[Change]) -> tuple[str, str]:
    """One row's two cells for several fields of one object.

    The same printed words in all of them: those words (once). Otherwise, or when the words
    did not change between the years, each field named with its value, side by side.
    """
    texts = {side_texts(ch) for ch in members}
    if len(texts) == 1:
        return texts.pop()
    olds = {q for ch in members if (q := _quotes(ch.old_evidence))}
    news = {q for ch in members if (q := _quotes(ch.new_evidence))}
    if len(olds) == len(news) == 1 and olds != news:
        return olds.pop(), news.pop()

    def side(value_of: Any) -> str:
        return " · ".join(f"{field_label(ch.field)} {describe(ch.field, value_of(ch)) or '없음'}"
                          for ch in members)

    return side(lambda ch: ch.old), side(lambda ch: ch.new)


def rows_of(changes: list[Change]) -> list[Row]:
    """Rows in the new document's order; a fact the new year no longer prints stays before
    the fact that followed it.

    The changed fields of one object (a window's opens / closes / rolling, a document's name
    and validity) share a row; consecutive changes shown with the same words share a row; so
    do neighbouring rows that show the same change of the same fields in different tracks.
    """
    groups: dict[tuple[str, str, str], list[Change]] = {}
    units: list[list[Change]] = []
    for ch in changes:
        key = _object_of(ch)
        if key is None:
            units.append([ch])
        elif key in groups:
            groups[key].append(ch)
        else:
            groups[key] = [ch]
            units.append(groups[key])
    rows: list[Row] = []
    for unit in units:
        ch = unit[0]
        old_t, new_t = _group_texts(unit) if len(unit) > 1 else side_texts(ch)
        kind = "changed" if len(unit) > 1 else display_kind(ch)
        last = rows[-1] if rows else None
        if (last is not None and last.kind == kind and kind != "renamed"
                and (last.old_text, last.new_text) == (old_t, new_t)):
            last.changes += unit
            last.track = last.track or ch.track
            continue
        rows.append(Row(kind, next((c.track for c in unit if c.track), None), old_t, new_t,
                        list(unit)))
    keyed, key = [], 1 << 62
    for row in reversed(rows):
        place = _place(row.first)
        key = place if place is not None else key
        keyed.append((key, row))
    keyed.reverse()
    ordered = [row for _, row in sorted(keyed, key=lambda t: t[0])]
    merged: list[Row] = []
    for row in ordered:
        last = merged[-1] if merged else None
        if (last is not None and row.kind == last.kind and row.kind != "renamed"
                and (row.old_text, row.new_text) == (last.old_text, last.new_text)
                and row.labels == last.labels and row.tracks and last.tracks
                and not set(row.tracks) & set(last.tracks)):
            last.changes += row.changes
            continue
        merged.append(row)
    return merged


def _where(ch: Change, side: str) -> str:
    evidence = ch.old_evidence if side == "old" else ch.new_evidence
    section = ch.old_section if side == "old" else ch.new_section
    parts = []
    if section:
        parts.append(section)
    if evidence:
        e = evidence[0]
        parts.append(f"p.{e.page}" if e.page else f"@{e.start}")
    return " · ".join(parts)


def _joined_labels(labels: list[str]) -> str:
    """`제출서류 유효기간·제출자`: later labels drop the words they share with the first."""
    if not labels:
        return ""
    head = labels[0].split()
    out = [labels[0]]
    for label in labels[1:]:
        words = label.split()
        n = 0
        while n < min(len(head), len(words) - 1) and head[n] == words[n]:
            n += 1
        out.append(" ".join(words[n:]))
    return "·".join(out)


def _note(row: Row) -> str:
    parts = [_joined_labels(row.labels)]
    if row.tracks:
        parts.append(f"[{', '.join(row.tracks)}]")
    if row.kind == "renamed":
        parts.append("명칭 변경")
    return " ".join(parts)


def _by_program(cs: ChangeSet) -> dict[str, list[Change]]:
    out: dict[str, list[Change]] = {}
    for ch in cs.changes:
        out.setdefault(ch.program, []).append(ch)
    return out


def _same_by_program(cs: ChangeSet) -> dict[str, list[Same]]:
    out: dict[str, list[Same]] = {}
    for s in cs.same:
        out.setdefault(s.program, []).append(s)
    return out


def _same_text(s: Same) -> str:
    if s.value in ([], ""):  # printed in neither year (a document without named submitters)
        return "기재 없음"
    return describe(s.field, s.value) or _quotes(s.new_evidence)


def _same_quote(s: Same) -> str:
    quote = _quotes(s.new_evidence)
    return f" <span class='where'>“{html.escape(quote)}”</span>" \
        if quote and quote != _same_text(s) else ""


def _declared_line(d: dict[str, Any]) -> tuple[bool, str]:
    said = f"{d.get('before') or ''} ⇨ {d.get('after') or ''}" if d.get("before") \
        else (d.get("after") or "")
    return bool(d["confirmed"]), f"{d.get('topic') or ''}: {said}".replace("\n", " ")


def _pairs_summary(cs: ChangeSet) -> tuple[list[tuple[str, str, str]], int]:
    matched = [(a.old or "", a.new or "", a.reason) for a in cs.alignments if a.old and a.new]
    return matched, len(cs.alignments) - len(matched)


# Markdown -----------------------------------------------------------------------------------

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


def _md_cells(row: Row) -> tuple[str, str]:
    if row.kind == "added":
        return "<신 설>", _md_escape(row.new_text)
    if row.kind == "removed":
        return _md_escape(row.old_text), "<삭 제>"
    left, right = word_diff(row.old_text, row.new_text)
    return _md_runs(left), _md_runs(right)


def to_markdown(cs: ChangeSet, old_year: str = "", new_year: str = "") -> str:
    lines = [f"# 신구대비표: {cs.new_title}", "",
             f"- 현 행: {cs.old_title} (`{cs.old_source}`)",
             f"- 개 정: {cs.new_title} (`{cs.new_source}`)", "", "## 사업 대응", ""]
    matched, others = _pairs_summary(cs)
    lines += [f"- {old} → {new} ({reason})" for old, new, reason in matched]
    if others:
        lines.append(f"- 대응 사업이 없는 사업 {others}건")
    lines += ["", "## 변경 내용", ""]
    same = _same_by_program(cs)
    for program, changes in _by_program(cs).items():
        lines += [f"### {program}", "",
                  f"| 현 행 {old_year} | 개 정 {new_year} | 비 고 |".replace("  |", " |"),
                  "|---|---|---|"]
        for row in rows_of(changes):
            left, right = _md_cells(row)
            where = " / ".join(x for x in (_where(row.first, "old"), _where(row.first, "new"))
                               if x)
            lines.append(f"| {left} | {right} | {_md_escape(_note(row))}"
                         f"{' (' + _md_escape(where) + ')' if where else ''} |")
        folded = same.get(program, [])
        if folded:
            lines += ["", f"<details><summary>변경 없는 사실 {len(folded)}건</summary>", ""]
            lines += [f"- {field_label(s.field)}{' [' + s.track + ']' if s.track else ''}: "
                      f"{_md_escape(_same_text(s))}" for s in folded]
            lines += ["", "</details>"]
        lines.append("")
    lines.append(f"변경 없는 사실 {cs.unchanged}건은 생략했습니다.")
    if cs.declared:
        lines += ["", "## 공고문이 밝힌 주요 변경사항", ""]
        for d in cs.declared:
            confirmed, text = _declared_line(d)
            lines.append(f"- [{'확인됨' if confirmed else '차이에서 찾지 못함'}] {text}")
    return "\n".join(lines) + "\n"


# HTML ---------------------------------------------------------------------------------------

_CSS = """
body{font-family:'Noto Sans CJK KR','Noto Sans KR','Malgun Gothic','Apple SD Gothic Neo',
'NanumGothic','NanumBarunGothic',sans-serif;
margin:2em auto;max-width:1300px;color:#111;line-height:1.5;padding:0 1em}
h1{font-size:1.45em;border-bottom:3px solid #1f3b73;padding-bottom:.3em}
h2{font-size:1.15em;margin-top:1.6em;color:#1f3b73} h3{font-size:1.05em;margin-top:1.4em}
table{border-collapse:collapse;width:100%;margin:.5em 0 1em;table-layout:fixed}
th,td{border:1px solid #777;padding:.5em .65em;vertical-align:top;font-size:.92em;
word-break:keep-all;overflow-wrap:anywhere}
th{background:#dfe7f3;font-weight:bold;text-align:center} th.note,td.note{width:20%}
td.note{color:#333;font-size:.85em;background:#fafafa}
del{color:#b00000;text-decoration:line-through} ins{color:#0048b3;text-decoration:underline;
text-decoration-thickness:2px;background:#eef4ff}
.mark{font-weight:bold;letter-spacing:.3em;color:#555}
.where{color:#666;font-size:.78em;margin-top:.35em}
.quote{color:#444;font-size:.82em;margin-top:.3em;border-left:3px solid #ccd;padding-left:.5em}
.ok{color:#070;font-weight:bold} .missing{color:#b60;font-weight:bold}
details{margin:.3em 0 1.2em} summary{cursor:pointer;color:#333}
.meta{color:#333} .reason{color:#666;font-size:.85em}
"""


def _html_runs(runs: list[tuple[str, str]]) -> str:
    out = []
    for tag, text in runs:
        t = html.escape(text).replace("\n", "<br>")
        out.append(f"<{tag}>{t}</{tag}>" if tag in ("del", "ins") and text.strip() else t)
    return "".join(out)


def _html_cite(row: Row, side: str, shown: str) -> str:
    """The printed words (when the cell shows values) and where they are."""
    e = html.escape
    ch = row.first
    quote = _quotes(ch.old_evidence if side == "old" else ch.new_evidence)
    out = ""
    if quote and quote != shown:
        out += f"<div class='quote'>“{e(quote)}”</div>"
    where = _where(ch, side)
    if where:
        out += f"<div class='where'>{e(where)}</div>"
    return out


def _html_cells(row: Row) -> tuple[str, str]:
    e = html.escape
    if row.kind == "added":
        left = "<span class='mark'>&lt;신 설&gt;</span>"
        right = f"<ins>{e(row.new_text)}</ins>" + _html_cite(row, "new", row.new_text)
        return left, right
    if row.kind == "removed":
        left = f"<del>{e(row.old_text)}</del>" + _html_cite(row, "old", row.old_text)
        return left, "<span class='mark'>&lt;삭 제&gt;</span>"
    l_runs, r_runs = word_diff(row.old_text, row.new_text)
    return (_html_runs(l_runs) + _html_cite(row, "old", row.old_text),
            _html_runs(r_runs) + _html_cite(row, "new", row.new_text))


def to_html(cs: ChangeSet, old_year: str = "", new_year: str = "") -> str:
    e = html.escape
    parts = [(f"<!doctype html><html lang='ko'><head><meta charset='utf-8'>"
              f"<title>신구대비표: {e(cs.new_title)}</title><style>{_CSS}</style></head><body>"),
             f"<h1>신구대비표: {e(cs.new_title)}</h1>",
             (f"<p class='meta'>현 행 {e(old_year)}: {e(cs.old_title)} "
              f"<span class='where'>{e(cs.old_source)}</span><br>"
              f"개 정 {e(new_year)}: {e(cs.new_title)} "
              f"<span class='where'>{e(cs.new_source)}</span></p>"),
             "<h2>사업 대응</h2><ul>"]
    matched, others = _pairs_summary(cs)
    parts += [f"<li>{e(old)} → <b>{e(new)}</b> <span class='reason'>{e(reason)}</span></li>"
              for old, new, reason in matched]
    if others:
        parts.append(f"<li class='reason'>대응 사업이 없는 사업 {others}건</li>")
    parts.append(f"</ul><h2>변경 내용 ({len(cs.changes)}건)</h2>")
    same = _same_by_program(cs)
    for program, changes in _by_program(cs).items():
        parts.append(f"<h3>{e(program)}</h3><table><thead><tr><th>현 행 {e(old_year)}</th>"
                     f"<th>개 정 {e(new_year)}</th><th class='note'>비 고</th></tr></thead>"
                     f"<tbody>")
        for row in rows_of(changes):
            left, right = _html_cells(row)
            reason = row.first.reason if row.kind == "renamed" else None
            note = e(_note(row)) + (f"<div class='reason'>{e(reason)}</div>" if reason else "")
            parts.append(f"<tr><td>{left}</td><td>{right}</td><td class='note'>{note}</td></tr>")
        parts.append("</tbody></table>")
        folded = same.get(program, [])
        if folded:
            parts.append(f"<details><summary>변경 없는 사실 {len(folded)}건</summary><ul>")
            parts += [f"<li>{e(field_label(s.field))}{' [' + e(s.track) + ']' if s.track else ''}"
                      f": {e(_same_text(s))}{_same_quote(s)}</li>" for s in folded]
            parts.append("</ul></details>")
    parts.append(f"<p class='where'>변경 없는 사실 {cs.unchanged}건은 생략했습니다.</p>")
    if cs.declared:
        parts.append("<h2>공고문이 밝힌 주요 변경사항</h2><ul>")
        for d in cs.declared:
            confirmed, text = _declared_line(d)
            cls, mark = ("ok", "확인됨") if confirmed else ("missing", "차이에서 찾지 못함")
            by = "; ".join(d.get("confirmed_by") or [])
            parts.append(f"<li><span class='{cls}'>[{mark}]</span> {e(text)}"
                         f"{' <span class=reason>(' + e(by) + ')</span>' if by else ''}</li>")
        parts.append("</ul>")
    parts.append("</body></html>")
    return "\n".join(parts)
