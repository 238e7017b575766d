"""신구대비표-style change reports: 현 행 | 개 정 | 비 고, changed words marked.

One row per changed fact, in the new document's order; facts that changed together in the
same printed words (a cap and its bound, a window's dates) share a row. Markdown marks
removed words ~~struck~~ and new words **bold** (Markdown has no underline); HTML strikes
(<del>) and underlines (<ins>) them. Added facts read `<신 설>` in the old column, removed
ones `<삭 제>` in the new column. Unchanged facts are collapsed (a count, and a folded list).
The HTML page is one self-contained file (Jinja2 template `templates/report.html.j2`): no
script, no stylesheet or font fetched. Amounts are in one style per report (`vocab.krw`),
pairing reasons in Korean, locations as page/line, linked into the review page when known.
"""

from __future__ import annotations

import difflib
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import regex

from gonggo.schemas.changes import Change, ChangeSet, Same
from gonggo.vocab.krw import MoneyStyle, format_krw, money_style

if TYPE_CHECKING:  # jinja2 loads with the first HTML report, not with `diff --format md`
    from jinja2 import Environment

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

# The one money style of the report being written (`money_style` over all its amounts).
_MONEY: ContextVar[MoneyStyle] = ContextVar("money", default="만원")
_MONEY_KEYS = {"cap_krw", "amount_krw", "budget_krw"}


def _won(value: Any) -> str:
    if not isinstance(value, int):
        return str(value)
    return format_krw(value, _MONEY.get())


def report_money_style(cs: ChangeSet) -> MoneyStyle:
    """One unit for every amount the report describes (`1,800만원` beside `2,400만원`)."""
    found: list[int] = []

    def walk(name: str, value: Any) -> None:
        if isinstance(value, dict):
            for k, v in value.items():
                walk(k, v)
        elif isinstance(value, list):
            for v in value:
                walk(name, v)
        elif isinstance(value, int) and not isinstance(value, bool) \
                and name.rsplit(".", 1)[-1] in _MONEY_KEYS:
            found.append(value)

    for ch in cs.changes:
        walk(ch.field, ch.old)
        walk(ch.field, ch.new)
    for same in cs.same:
        walk(same.field, same.value)
    return money_style(found)


# Alignment reasons (recorded in English in the change set) as staff read them: fixed phrases
# replaced in this order (plain `str.replace`: ten literal patterns cost a diff ~3 ms of
# compiling at import, issue 16), then the two words that must stand alone.
REASON_PHRASES_KO: tuple[tuple[str, str], ...] = (
    ("the only clause left on each side, text similarity", "양쪽에 하나씩 남은 조항, 문구 유사도"),
    ("left over on both sides, sharing terms", "양쪽에 남은 유형, 조건 공유"),
    ("track name / terms similarity", "유형 명칭·조건 유사도"),
    ("name, content and distinctive words", "사업명·내용·고유 단어 유사도"),
    ("window round / tracks / intake", "접수 차수·유형·방식"),
    ("name and content", "명칭·내용"),
    ("text similarity", "문구 유사도"),
    ("no counterpart last time", "작년 공고에 대응 없음"),
    ("no counterpart this time", "올해 공고에 대응 없음"),
    (": renamed ", ": 명칭 변경 "),
)
REASON_WORDS_KO: tuple[tuple[regex.Pattern[str], str], ...] = (
    (regex.compile(r"\bsimilarity\b"), "유사도"),
    (regex.compile(r"\bsame name\b"), "같은 명칭"),
)


def reason_ko(reason: str | None) -> str:
    text = reason or ""
    for phrase, korean in REASON_PHRASES_KO:
        text = text.replace(phrase, korean)
    for pattern, korean in REASON_WORDS_KO:
        text = pattern.sub(korean, text)
    return text


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


@dataclass
class Source:
    """One side's document, to state locations as page/line and link into its review page."""

    text: str | None = None
    review: str | None = None  # href of the review page, e.g. `../review/002.html`

    def line(self, offset: int) -> int | None:
        return self.text.count("\n", 0, offset) + 1 if self.text is not None else None

    def href(self, offset: int) -> str | None:
        return f"{self.review}#at{offset}" if self.review else None


_SOURCES: ContextVar[tuple[Source, Source]] = ContextVar("sources",
                                                         default=(Source(), Source()))


def location(ch: Change, side: str) -> tuple[str, str | None]:
    """`3쪽 12행` (or `12행`) and the link into the review page at that offset."""
    evidence = ch.old_evidence if side == "old" else ch.new_evidence
    if not evidence:
        return "", None
    e = evidence[0]
    source = _SOURCES.get()[0 if side == "old" else 1]
    line = source.line(e.start)
    parts = [f"{e.page}쪽" if e.page else "", f"{line}행" if line else ""]
    text = " ".join(p for p in parts if p) or f"{e.start}번째 글자"
    return text, source.href(e.start)


def _where(ch: Change, side: str) -> str:
    section = ch.old_section if side == "old" else ch.new_section
    return " · ".join(x for x in (section, location(ch, side)[0]) if x)


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


_KIND_KO = {"added": "신설", "removed": "삭제", "changed": "변경", "renamed": "명칭 변경"}


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


def _declared_line(d: dict[str, Any]) -> tuple[bool, str]:
    said = f"{d.get('before') or ''} ⇨ {d.get('after') or ''}" if d.get("before") \
        else (d.get("after") or "")
    return bool(d["confirmed"]), f"{d.get('topic') or ''}: {said}".replace("\n", " ")


def _pairs_summary(cs: ChangeSet) -> tuple[list[tuple[str, str, str]], int]:
    matched = [(a.old or "", a.new or "", reason_ko(a.reason)) for a in cs.alignments
               if a.old and a.new]
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


def to_markdown(cs: ChangeSet, old_year: str = "", new_year: str = "",
                old_source: Source | None = None, new_source: Source | None = None) -> str:
    money = _MONEY.set(report_money_style(cs))
    sources = _SOURCES.set((old_source or Source(), new_source or Source()))
    try:
        return _markdown(cs, old_year, new_year)
    finally:
        _MONEY.reset(money)
        _SOURCES.reset(sources)


def _markdown(cs: ChangeSet, old_year: str, new_year: str) -> str:
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


# HTML (Jinja2 template `templates/report.html.j2`) ------------------------------------------

def _runs(runs: list[tuple[str, str]]) -> list[dict[str, str]]:
    return [{"tag": tag if tag in ("del", "ins") and text.strip() else "", "text": text}
            for tag, text in runs]


def _side(row: Row, side: str, shown: str) -> dict[str, Any]:
    """A cell's printed words (when it shows values) and its location with its link."""
    ch = row.first
    quote = _quotes(ch.old_evidence if side == "old" else ch.new_evidence)
    section = ch.old_section if side == "old" else ch.new_section
    where, href = location(ch, side)
    return {"quote": quote if quote and quote != shown else "", "section": section or "",
            "where": where, "href": href}


def _row_view(row: Row) -> dict[str, Any]:
    if row.kind == "added":
        old: dict[str, Any] = {"mark": "<신 설>"}
        new: dict[str, Any] = {"runs": [{"tag": "ins", "text": row.new_text}],
                               **_side(row, "new", row.new_text)}
    elif row.kind == "removed":
        old = {"runs": [{"tag": "del", "text": row.old_text}], **_side(row, "old", row.old_text)}
        new = {"mark": "<삭 제>"}
    else:
        left, right = word_diff(row.old_text, row.new_text)
        old = {"runs": _runs(left), **_side(row, "old", row.old_text)}
        new = {"runs": _runs(right), **_side(row, "new", row.new_text)}
    reason = reason_ko(row.first.reason) if row.kind == "renamed" else ""
    return {"old": old, "new": new, "note": _note(row), "reason": reason,
            "kind": _KIND_KO.get(row.kind, row.kind)}


def report_view(cs: ChangeSet, old_year: str = "", new_year: str = "") -> dict[str, Any]:
    """Everything the HTML (and the .xlsx / .docx exports) show, as plain data."""
    same = _same_by_program(cs)
    programs = []
    for program, changes in _by_program(cs).items():
        folded = [{"label": field_label(s.field), "track": s.track or "", "text": _same_text(s),
                   "quote": q if (q := _quotes(s.new_evidence)) != _same_text(s) else ""}
                  for s in same.get(program, [])]
        programs.append({"name": program, "rows": [_row_view(r) for r in rows_of(changes)],
                         "same": folded})
    matched, others = _pairs_summary(cs)
    declared = []
    for d in cs.declared:
        confirmed, text = _declared_line(d)
        declared.append({"confirmed": confirmed, "text": text,
                         "by": "; ".join(d.get("confirmed_by") or [])})
    return {"cs": cs, "old_year": old_year, "new_year": new_year, "matched": matched,
            "others": others, "programs": programs, "declared": declared,
            "n_changes": len(cs.changes), "unchanged": cs.unchanged,
            "money": _MONEY.get()}


def _environment() -> Environment:
    from jinja2 import Environment, PackageLoader, select_autoescape

    return Environment(loader=PackageLoader("gonggo.changes", "templates"),
                       autoescape=select_autoescape(["html", "j2"]), trim_blocks=True,
                       lstrip_blocks=True)


def in_report_context(cs: ChangeSet, old_source: Source | None, new_source: Source | None,
                      fn: Any, *args: Any) -> Any:
    """Run `fn` with the report's money style and sources set (for exports of the same view)."""
    money = _MONEY.set(report_money_style(cs))
    sources = _SOURCES.set((old_source or Source(), new_source or Source()))
    try:
        return fn(*args)
    finally:
        _MONEY.reset(money)
        _SOURCES.reset(sources)


def to_html(cs: ChangeSet, old_year: str = "", new_year: str = "",
            old_source: Source | None = None, new_source: Source | None = None) -> str:
    view = in_report_context(cs, old_source, new_source, report_view, cs, old_year, new_year)
    return _environment().get_template("report.html.j2").render(**view)

