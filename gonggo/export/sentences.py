"""A fact as the Korean sentence a staff member would write: `정부 지원금 한도 1,800만원
(총사업비의 30% 이내)`, not `payer_label=정부, cap_krw=18,000,000원, share_pct=30.0`.

Amounts are printed in the one style of the page (`gonggo.vocab.money.format_krw`)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from gonggo.export.labels import CLAUSE_KIND_KO
from gonggo.schemas.announcement import (
    Awards,
    Clause,
    Contact,
    Cost,
    Criterion,
    DeclaredChange,
    DocumentReq,
    Funding,
    Submission,
    Track,
    Window,
)
from gonggo.vocab.money import MoneyStyle, format_krw

BOUND_KO = {"max": "이내", "min": "이상", "exact": ""}
BASIS_KO = {"per_award": "", "per_year": "연간 ", "per_case": "건당 ", "total": "총 "}
CHANNEL_KO = {"online": "온라인", "email": "이메일", "post": "우편", "visit": "방문"}
HEADER_KO = {"title": "제목", "notice_no": "공고 번호", "issuer": "공고 기관",
             "announced_on": "공고일"}


def when(value: date | datetime | None) -> str:
    if value is None:
        return ""
    text = f"{value.year}. {value.month}. {value.day}."
    if isinstance(value, datetime):
        text += f" {value.hour:02d}:{value.minute:02d}"
    return text


def funding(f: Funding, money: MoneyStyle, track: str | None = None) -> str:
    share = ""
    if f.share_pct is not None:
        bound = BOUND_KO.get(f.share_bound or "", "")
        share = f"총사업비의 {f.share_pct:g}%" + (f" {bound}" if bound else "")
    head = f"[{track}] " if track else ""
    if f.applicant_kinds:
        head += f"({', '.join(f.applicant_kinds)}) "
    if f.payer == "applicant":
        text = f"{head}{f.payer_label} 부담"
        if share:
            text += f" {share}"
        if f.cap_krw is not None:
            text += f" ({format_krw(f.cap_krw, money)})"
        return text
    text = f"{head}{f.payer_label} 지원금"
    if f.cap_krw is not None:
        text += f" {BASIS_KO.get(f.cap_basis, '')}한도 {format_krw(f.cap_krw, money)}"
        return text + (f" ({share})" if share else "")
    return text + (f" {share}" if share else " (금액·비율 미기재)")


def track(t: Track) -> str:
    parts = [f"{t.name or '단일'} 유형"]
    if t.target_level:
        parts.append(f"목표 수준 {t.target_level}")
    if t.duration_months:
        parts.append(f"사업기간 최대 {t.duration_months}개월")
    if t.extension_months:
        parts.append(f"연장 {t.extension_months}개월")
    return ", ".join(parts)


def window(w: Window) -> str:
    label = w.label or "신청기간"
    span = f"{when(w.opens)} ~ {when(w.closes)}".strip(" ~") if (w.opens or w.closes) else ""
    flags = [x for x, on in (("수시 접수", w.rolling), ("예산 소진 시까지", w.until_budget_exhausted))
             if on]
    text = f"{label}: " + (span or "기간 미기재") + (f" ({', '.join(flags)})" if flags else "")
    return text + (f" [대상: {', '.join(w.tracks)}]" if w.tracks else "")


def awards(a: Awards) -> str:
    unit = a.unit or "개"
    bound = " 내외" if a.approx else (" 이내" if a.bound == "max" else "")
    return f"선정 규모 {a.count}{unit}{bound}"


def submission(s: Submission) -> str:
    ways = ", ".join(CHANNEL_KO.get(c, c) for c in s.channels) or "접수"
    where = ", ".join(s.urls + s.emails)
    return f"{ways} 접수" + (f" ({where})" if where else "")


def clause(c: Clause, lead: str) -> str:
    kind = CLAUSE_KIND_KO.get(c.kind or "", "")
    return f"{lead}{f' ({kind})' if kind and kind != '기타' else ''}: {c.text}"


def document(d: DocumentReq) -> str:
    notes = []
    if d.required is not None:
        notes.append("필수" if d.required else "해당 시")
    if d.submitters:
        notes.append(f"제출: {', '.join(d.submitters)}")
    if d.validity_months:
        notes.append(f"발급 {d.validity_months}개월 이내")
    if d.condition:
        notes.append(d.condition)
    return d.name + (f" ({'; '.join(notes)})" if notes else "")


def criterion(c: Criterion, bonus: bool = False) -> str:
    head = "가점 " if bonus else (f"{c.group} · " if c.group else "")
    return f"{head}{c.item}" + (f" {c.points:g}점" if c.points is not None else "")


def cost(c: Cost, money: MoneyStyle) -> str:
    text = c.item + (f" {format_krw(c.amount_krw, money)}" if c.amount_krw is not None else "")
    return text + (f" ({c.condition})" if c.condition else "")


def contact(c: Contact) -> str:
    parts = [x for x in (c.org, c.topic) if x]
    phones = c.phones or ([c.phone] if c.phone else [])
    if phones:
        parts.append("☎ " + ", ".join(phones))
    if c.email:
        parts.append(c.email)
    return " · ".join(parts) or "문의처"


def declared(d: DeclaredChange) -> str:
    said = f"{d.before} → {d.after}" if d.before and d.after else (d.after or d.before or "")
    return f"{d.topic or '주요 변경'}: {said}"


def header(field: str, value: Any) -> str:
    if isinstance(value, date):
        value = when(value)
    return f"{HEADER_KO.get(field, field)}: {value}"
