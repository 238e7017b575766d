"""Metamorphic checks: the same announcement in the other glyphs, numberings and formats
real announcements print, must yield the same facts.

The rules were tuned on a few dozen documents and lean on the exact glyphs, spacing and
formats those happen to use. Each `Variant` below rewrites a document's text in a way that
keeps its meaning (money converted to another unit by computing the same won value, a date
printed in another of the field's formats, `○` bullets drawn as `ㅇ` …), each a variant the
field corpus, the seeds or the samples actually print. `compare` parses the original and the
variant (`gonggo.pipeline.parse` on a `.txt`) and lists every fact lost or gained: values,
not spans (caps, shares, durations, budget, awards, windows, documents, exclusions,
contacts, header).

    python -m gonggo.eval.variants corpus/seeds /path/to/texts [--only dates_korean,…]
        [--jobs 2] [--out report.md]

A substitution that would merge two levels of an outline (`○` → `ㅇ` in a document that
already draws `ㅇ` items) is not made: the variant must keep what the original says.
"""

from __future__ import annotations

import argparse
import importlib
import sys
import tempfile
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path
from typing import Any

import regex

from gonggo.eval.field import _awards, _phones, _window, track_items
from gonggo.eval.score import greedy_pairs
from gonggo.vocab.money import find_amounts
from gonggo.vocab.text import CIRCLED_NUMBERS, char_bigrams, circled_ordinal, dice

# ---------------------------------------------------------------------------------------
# Transformations


@dataclass(frozen=True)
class Variant:
    name: str
    example: str  # what it does, as printed
    apply: Callable[[str], str]


# a marker opening a line or a table cell (the text of `gonggo ingest` separates cells by tabs)
_LEAD = r"(?m)(?:^|(?<=\t))[ ]*\K"
_SEGMENT_LEAD = r"(?m)(?:^|(?<=\t))[ ]*\K"


def _lead_glyphs(text: str, glyphs: str) -> Counter[str]:
    pattern = regex.compile(_LEAD + rf"[{regex.escape(glyphs)}](?=[ \t]*\S)")
    return Counter(m[0] for m in pattern.finditer(text))


def _swap_lead(mapping: dict[str, str]) -> Callable[[str], str]:
    """Replace the glyph opening a line (or a cell) by another, one for one; a pair whose
    target the document already uses as a marker (or two sources onto one target) is left
    out, so no two levels of the outline merge."""
    sources = "".join(mapping)

    def apply(text: str) -> str:
        present = _lead_glyphs(text, sources + "".join(set(mapping.values())))
        used = {g for g in present if g not in mapping}
        keep: dict[str, str] = {}
        for src, dst in mapping.items():
            if src not in present:
                continue
            if dst in used or (dst in present and dst not in mapping) or dst in keep.values():
                continue
            keep[src] = dst
        if not keep:
            return text
        # the glyph opening a line or cell, and the same glyph between spaces further on in
        # it (`- 사업계획서 - 국세·지방세 완납 증명서`: the items of one cell)
        pattern = regex.compile(_SEGMENT_LEAD + rf"([{regex.escape(''.join(keep))}])(?=[ \t]*\S)[^\t\n]*")

        def segment(m: regex.Match[str]) -> str:
            glyph = m[1]
            inline = regex.compile(rf"(?<=\s){regex.escape(glyph)}(?=\s)")
            return keep[glyph] + inline.sub(keep[glyph], m[0][1:])

        return pattern.sub(segment, text)

    return apply


def _replace(pattern: regex.Pattern[str], repl: str | Callable[[regex.Match[str]], str]
             ) -> Callable[[str], str]:
    return lambda text: pattern.sub(repl, text)


# Hancom's private-use glyphs as an HWP file holds them (ingest maps them back: glyphs.py)
_PUA_OF = {"•": "\U000f02fb", "▪": "\U000f02fc",
           **{chr(0x2460 + i): chr(0xF02B1 + i) for i in range(15)}}
_DINGBAT_OF = {chr(0x2460 + i): chr(0x278A + i) for i in range(10)}  # ① → ➊

# Heading numberings: `Ⅰ.` ↔ `I.`, `(1)` → `1)`, `가.` → `가)`
_ROMAN = "ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ"
_LATIN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"]
ROMAN_HEAD = regex.compile(rf"(?m)^([ ]*)([{_ROMAN}])(?=\s*[.．]?\s)")
LATIN_HEAD = regex.compile(r"(?m)^([ ]*)(VIII|VII|VI|IV|IX|III|II|I|V|X)(?=\s*[.．]\s)")
PAREN_NUM_HEAD = regex.compile(r"(?m)^([ ]*)[(（](\d{1,2})[)）](?=[ ]*\S)")
HALF_NUM_HEAD = regex.compile(r"(?m)^([ ]*)(\d{1,2})\)(?=[ ]*\S)")
HANGUL_DOT_HEAD = regex.compile(r"(?m)^([ ]*)([가-하])[.．](?=[ ]+\S)")
HANGUL_HALF_HEAD = regex.compile(r"(?m)^([ ]*)([가-하])\)(?=[ ]+\S)")


def _unless_present(target: regex.Pattern[str], rewrite: Callable[[str], str]) -> Callable[[str], str]:
    """A numbering rewritten only when the document does not already number with the target
    style (else two ranks of headings would become one)."""
    return lambda text: text if target.search(text) else rewrite(text)


def _roman_to_latin(text: str) -> str:
    return ROMAN_HEAD.sub(lambda m: m[1] + _LATIN[_ROMAN.index(m[2])] + ("" if regex.match(
        r"\s*[.．]", text[m.end():]) else "."), text)


def _latin_to_roman(text: str) -> str:
    return LATIN_HEAD.sub(lambda m: m[1] + _ROMAN[_LATIN.index(m[2])], text)


# --- money ---------------------------------------------------------------------------------

# a bare number and a range sign before an amount (`1~2억원`): it takes the amount's unit
_RANGE_HEAD_BEFORE = regex.compile(r"\d\s*[~∼～〜\-–]\s*$")
_ARABIC_MONEY = regex.compile(r"^\d[\d,.]*\s?(?:[십백천]\s?)?(?:[만억조]\s?)?(?:[\d,.]+\s?[십백천]?\s?[만억]?\s?)*원$")


def _rewrite_amounts(fmt: Callable[[int, str], str | None]) -> Callable[[str], str]:
    """Every amount printed in digits with `원` (`1억원`, `20백만원`, `455천원`) written by
    `fmt(won, printed)` (None: as printed). The amount right after a bare `1~` is left as it
    is: its unit is the bare number's too."""

    def apply(text: str) -> str:
        out, last = [], 0
        for a in find_amounts(text):
            printed = text[a.value_start:a.value_end]
            if not _ARABIC_MONEY.match(printed):
                continue
            if _RANGE_HEAD_BEFORE.search(text[max(0, a.value_start - 8):a.value_start]):
                continue
            new = fmt(a.krw, printed)
            if new is None or new == printed:
                continue
            out += [text[last:a.value_start], new]
            last = a.value_end
        out.append(text[last:])
        return "".join(out)

    return apply


def _fmt_baekman(won: int, printed: str) -> str | None:
    """`1억원` → `100백만원`, `1.5억원` → `150백만원` (whole 백만원 only)."""
    if won % 10**6 or "백만" in printed:
        return None
    return f"{won // 10**6:,}백만원"


def _fmt_cheonwon(won: int, printed: str) -> str | None:
    """`1억원` → `100,000천원`."""
    if won % 1000 or "천원" in printed.replace(" ", ""):
        return None
    return f"{won // 1000:,}천원"


def _fmt_eok_decimal(won: int, printed: str) -> str | None:
    """`1억원` → `1.0억원`, `20백만원` → `0.2억원`, `1억 5천만원` → `1.5억원` (tenths of 억 only)."""
    if won % 10**7 or won < 10**7:
        return None
    whole, tenth = divmod(won // 10**7, 10)
    return f"{whole:,}.{tenth}억원"


def _fmt_won(won: int, printed: str) -> str | None:
    """`0.18억원` → `18,000,000원`."""
    return None if regex.fullmatch(r"[\d,]+\s?원", printed) else f"{won:,}원"


def _fmt_space_won(won: int, printed: str) -> str | None:
    """`1억원` → `1억 원`, `20백만원` → `20백만 원`."""
    return regex.sub(r"(?<=[만억천백])\s?원$", " 원", printed) if regex.search(r"[만억천백]\s?원$", printed) else None


# --- dates and times ----------------------------------------------------------------------

_YEAR = r"(?<![\d.,\-/'’])(?P<y>(?:19|20)\d{2})"
DATE_DOTTED = regex.compile(_YEAR + r"\s*[.．]\s*(?P<m>\d{1,2})\s*[.．]\s*(?P<d>\d{1,2})(?!\d)"
                            r"(?:\s*[.．](?!\d))?")
DATE_KOREAN = regex.compile(_YEAR + r"\s*년\s*(?P<m>\d{1,2})\s*월\s*(?P<d>\d{1,2})\s*일")
# a year-less right end of a range after a full date: `2025. 3. 4.(화) ~ 3. 20.(목)`
_TAIL = r"(?:\s*[(（][월화수목금토일][)）])?(?:\s*,?\s*(?:오전|오후)?\s*\d{1,2}\s*(?::\s*\d{2}|시(?:\s*\d{1,2}\s*분)?))?"
RIGHT_MD = regex.compile(r"\s*[~∼～〜]\s*(?P<m>\d{1,2})\s*[.．]\s*(?P<d>\d{1,2})(?!\d)(?:\s*[.．](?!\d))?")
RIGHT_MD_KOREAN = regex.compile(r"\s*[~∼～〜]\s*(?P<m>\d{1,2})\s*월\s*(?P<d>\d{1,2})\s*일")


def _rewrite_dates(fmt: Callable[[int, int, int], str], fmt_md: Callable[[int, int], str]
                   ) -> Callable[[str], str]:
    """Every full date (`2025. 3. 4.`, `2025년 3월 4일`) and the year-less right end of a
    range it opens, written by `fmt(y, m, d)` / `fmt_md(m, d)`."""
    tail = regex.compile(_TAIL)

    def apply(text: str) -> str:
        found = sorted([*DATE_DOTTED.finditer(text), *DATE_KOREAN.finditer(text)],
                       key=lambda m: m.start())
        out, last = [], 0
        for m in found:
            if m.start() < last:
                continue
            y, mo, d = int(m["y"]), int(m["m"]), int(m["d"])
            if not (1 <= mo <= 12 and 1 <= d <= 31):
                continue
            out += [text[last:m.start()], fmt(y, mo, d)]
            last = m.end()
            t = tail.match(text, last)
            after = t.end() if t else last
            r = RIGHT_MD.match(text, after) or RIGHT_MD_KOREAN.match(text, after)
            if r and 1 <= int(r["m"]) <= 12 and 1 <= int(r["d"]) <= 31:
                sep = text[after:r.start("m")]
                out += [text[last:after], sep, fmt_md(int(r["m"]), int(r["d"]))]
                last = r.end()
        out.append(text[last:])
        return "".join(out)

    return apply


def _date_compact(y: int, m: int, d: int) -> str:
    return f"{y}.{m}.{d}."


def _date_padded(y: int, m: int, d: int) -> str:
    return f"{y}.{m:02d}.{d:02d}."


def _date_korean(y: int, m: int, d: int) -> str:
    return f"{y}년 {m}월 {d}일"


def _date_short_year(y: int, m: int, d: int) -> str:
    return f"’{y % 100:02d}. {m}. {d}."


def _date_spaced(y: int, m: int, d: int) -> str:
    return f"{y}. {m}. {d}."


def _md_dotted(m: int, d: int) -> str:
    return f"{m}. {d}."


def _md_compact(m: int, d: int) -> str:
    return f"{m}.{d}."


def _md_korean(m: int, d: int) -> str:
    return f"{m}월 {d}일"


# `18:00` (a clock time: hour ≤ 24, two-digit minutes, no digit or colon around it)
CLOCK = regex.compile(r"(?<![\d:.,])(?P<h>[01]?\d|2[0-4])\s?:\s?(?P<mi>[0-5]\d)(?![\d:])")
# `18시`, `18시 30분` (not `3시간`, `시행`, `시청` …)
HOUR = regex.compile(r"(?<![\d.,:])(?P<h>[01]?\d|2[0-4])\s?시(?![간행작설청장도군민대기점])"
                     r"(?:\s?(?P<mi>[0-5]?\d)\s?분)?")


def _clock_to_korean(m: regex.Match[str]) -> str:
    h, mi = int(m["h"]), int(m["mi"])
    return f"{h}시" if mi == 0 else f"{h}시 {mi}분"


def _clock_to_pm(m: regex.Match[str]) -> str:
    h, mi = int(m["h"]), int(m["mi"])
    if not 13 <= h <= 23:
        return m[0]
    return f"오후 {h - 12}시" + (f" {mi}분" if mi else "")


def _hour_to_clock(m: regex.Match[str]) -> str:
    if regex.search(r"(?:오전|오후|AM|PM)\s*$", m.string[max(0, m.start() - 4):m.start()]):
        return m[0]
    return f"{int(m['h']):02d}:{int(m['mi'] or 0):02d}"


# --- the rest -----------------------------------------------------------------------------

RANGE_SIGN = regex.compile(r"[~∼～〜]")
# a middle dot inside a word or list of words (`중소·중견`), never a bullet opening a line nor
# the dot leader of a table of contents (`사업 추진 체계·····10`)
MIDDLE_DOT = regex.compile(r"(?<=[^\s·ㆍ‧・])[·ㆍ‧・](?=[^\s·ㆍ‧・])")
# not the colon of a clock time (`18:00`) or a URL (`https://`)
COLON = regex.compile(r"(?<!\d|https?):(?!\d|//)")
PERCENT = regex.compile(r"(?<=\d)\s?%")
# a bound word after money, a share or months: `1억원 이내`, `50% 이하`, `6개월 이내`
BOUND_WORD = regex.compile(r"(?<=(?:\d\s?(?:[십백천만억조]\s?)*원|\d\s?%|\d\s?개월)\s?)(?:이내|이하)(?![가-힣])")
BOUND_GAP = regex.compile(r"(?<=\d\s?(?:[십백천만억조]\s?)*원|\d\s?%)[ ]+(?=(?:이내|이하|이상|까지)(?![가-힣]))")


def _bound_swap(m: regex.Match[str]) -> str:
    return "이하" if m[0] == "이내" else "이내"


# --- windows and the header: the same dates and numbers as other announcements print them --

_FULL_DATES = (DATE_DOTTED, DATE_KOREAN)
_TAIL_AFTER = regex.compile(_TAIL)  # a left end's weekday and time
_RANGE_GAP = regex.compile(_TAIL + r"\s*[~∼～〜]\s*")  # … then the range sign


def _full_dates(text: str) -> list[regex.Match[str]]:
    found = sorted([m for rx in _FULL_DATES for m in rx.finditer(text)], key=lambda m: m.start())
    out: list[regex.Match[str]] = []
    for m in found:
        if (not out or m.start() >= out[-1].end()) and 1 <= int(m["m"]) <= 12 and 1 <= int(m["d"]) <= 31:
            out.append(m)
    return out


def _right_year(text: str) -> str:
    """`2025. 2. 10.(월) ∼ 2. 17.(월)` → `2025. 2. 10.(월) ∼ 2025. 2. 17.(월)`: the right end of a
    range printed with its year (knpa_policelab_rnd_2026: `2026. 1. 26.(월) ~ 2026. 2. 9.(월)
    11:00`; pipc_privacy_rnd_2025: `2025. 2. 6.(목)~2025. 2. 20(목)`), in the left end's style."""
    out, last = [], 0
    for m in _full_dates(text):
        if m.start() < last:
            continue
        korean = m.re is DATE_KOREAN
        r = (RIGHT_MD_KOREAN if korean else RIGHT_MD).match(text, _TAIL_AFTER.match(text, m.end()).end())
        if r is None or not (1 <= int(r["m"]) <= 12 and 1 <= int(r["d"]) <= 31):
            continue
        y = int(m["y"]) + (1 if int(r["m"]) < int(m["m"]) else 0)
        new = f"{y}년 {int(r['m'])}월 {int(r['d'])}일" if korean else f"{y}. {int(r['m'])}. {int(r['d'])}."
        out += [text[last:r.start("m")], new]
        last = r.end()
    out.append(text[last:])
    return "".join(out)


def _right_no_year(text: str) -> str:
    """`2026. 1. 26.(월) ~ 2026. 2. 9.(월)` → `2026. 1. 26.(월) ~ 2. 9.(월)`: the right end of a range
    without the year it shares with the left (mafra_high_value_food_rnd_2025: `2025. 2. 10.(월) ∼
    2. 17.(월), 16:00:00 까지`; seed 002: `2021년 1월 22일(금)부터 2월 25일(목)`)."""
    dates = _full_dates(text)
    out, last = [], 0
    for a, b in pairwise(dates):
        if a.start() < last or a["y"] != b["y"] or a.re is not b.re:
            continue
        gap = _RANGE_GAP.fullmatch(text, a.end(), b.start())
        if gap is None:
            continue
        new = f"{int(b['m'])}월 {int(b['d'])}일" if b.re is DATE_KOREAN else f"{int(b['m'])}. {int(b['d'])}."
        out += [text[last:b.start()], new]
        last = b.end()
    out.append(text[last:])
    return "".join(out)


def _date_iso(y: int, m: int, d: int) -> str:
    return f"{y}-{m:02d}-{d:02d}"


def _iso(text: str) -> str:
    """`2025. 3. 4.(화) ~ 3. 20.(목)` → `2025-03-04(화) ~ 2025-03-20(목)`: the bizinfo listing's
    dates (`2026-02-20 ~ 2026-04-07`, ../shared/samples/text), the right end with its year."""
    return _rewrite_dates(_date_iso, lambda m, d: f"{m}. {d}.")(_right_year(text))


# the weekday printed after a date: `2025. 3. 4.(화)`, `2025년 3월 20일(목)`
_WEEKDAY = regex.compile(r"\s?[(（][월화수목금토일](?:요일)?[)）]")


def _no_weekday(text: str) -> str:
    """`2025. 3. 4.(화) ~ 3. 20.(목)` → `2025. 3. 4. ~ 3. 20.(목)`: a full date without its weekday
    (motie_industry_talent_hrd_council_2025: `2025. 06. 01. ~ 2027. 05. 31.`; the bizinfo listing:
    `2026-02-20 ~ 2026-04-07`). A year-less date keeps it: `5. 20.` alone, or `~ 28.`, is a date
    only by its weekday. A time glued to the weekday (`(월)18:00`) is set apart by a space."""
    out, last = [], 0
    for m in _full_dates(text):
        w = _WEEKDAY.match(text, m.end())
        if m.start() < last or w is None:
            continue
        glued = w.end() < len(text) and (text[w.end()].isalnum())
        out += [text[last:m.end()], " " if glued else ""]
        last = w.end()
    out.append(text[last:])
    return "".join(out)
# a range between two dates: `… ~ …`, the sign replaced by `부터`, `까지` after the right end
_TILDE_RANGE = regex.compile(
    r"(?P<left>" + DATE_DOTTED.pattern + "|" + DATE_KOREAN.pattern.replace("(?P<y>", "(?P<y2>").replace(
        "(?P<m>", "(?P<m2>").replace("(?P<d>", "(?P<d2>") + r")(?P<tail>" + _TAIL + r")\s*[~∼～〜]\s*"
    r"(?P<right>(?>(?:(?:19|20)\d{2}\s*(?:[.．]|년)\s*)?\d{1,2}\s*(?:[.．]|월)\s*\d{1,2}(?!\d)\s*(?:[.．](?!\d)|일)?"
    r"(?:\s*[(（][월화수목금토일][)）])?(?:\s*,?\s*(?:오전|오후)?\s*\d{1,2}\s*(?::\s*\d{2}(?::\d{2})?|시(?:\s*\d{1,2}\s*분)?))?))")


def _range_words(text: str) -> str:
    """`2025. 3. 4.(화) ~ 3. 20.(목) 18:00` → `2025. 3. 4.(화)부터 3. 20.(목) 18:00까지` (seed 002:
    `(신청기간) 2021년 1월 22일(금)부터 2월 25일(목) 17시까지`)."""
    until = regex.compile(r"\s*까지")
    return _TILDE_RANGE.sub(lambda m: f"{m['left']}{m['tail']}부터 {m['right']}"
                            + ("" if until.match(m.string, m.end()) else "까지"), text)


# `공고 제2026-135호` → `공고 제2026–135호` (mss_startup_univ_regional_2026, kised_dodak_2025 print
# the en dash); `공고 제2021-86호` → `공고 제 2021-86호` (mafra_smartfarm_multi_ministry_rnd_2021)
NOTICE_DASH = regex.compile(r"(?<=공고\s?[-–]?\s?제\s?['’]?\d{2,4}\s?)-(?=\s?\d+\s?호)")
NOTICE_GAP = regex.compile(r"(?<=공고\s?제)(?=\d{4}\s?[-–]\s?\d+\s?호)")
# the signer: `중소벤처기업부장관` ↔ `중소벤처기업부 장관` (the bizinfo listing prints both)
SIGNER_LINE = regex.compile(r"(?m)^(?P<lead>[ ]*)(?P<body>[가-힣]{2,12}(?:부|처|청|원|시|군|구|도|단))"
                            r"(?P<gap>[ ]?)(?P<title>장관|청장|원장|구청장|시장|군수|이사장)[ ]*$")


# an evaluation line without its round: `○ 대면평가(발표평가) : 2025. 2. 27.(목) ~ 28.(금) 예정`
# (pipc_privacy_rnd_2025), `⦁심사기간: 2026. 3. 3.(화) ~ 3. 10.(화)` (suwon_carbon_neutral_livinglab_2026)
EVALUATION_LINE = regex.compile(
    r"(?m)^(?P<lead>[ ]*(?:[○◦ㅇ⦁•·\-]|o(?=[ ]))[ ]*)(?P<label>[가-힣]{0,6}(?:평가|심사)(?:[(（][^)）\n]{1,12}[)）])?"
    r"[ ]*(?:기간|일정|일시)?[ ]*[:：][ ]*(?:20\d{2}|['’]\d{2})[ ]*[.년])")


def _evaluation_round(text: str) -> str:
    """`○ 대면평가(발표평가) : 2025. 2. 27.(목) …` → `○ (1차) 대면평가(발표평가) : …`, each such line
    numbered in turn, as pipc_privacy_rnd_2026 numbers its rounds (`○ (1차) 서류심사(서면평가) :
    2026. 2월 예정` / `○ (2차) 대면평가(발표평가) : 2026. 2 ~ 3월 예정`)."""
    n = 0

    def number(m: regex.Match[str]) -> str:
        nonlocal n
        n += 1
        return f"{m['lead']}({n}차) {m['label']}"

    return EVALUATION_LINE.sub(number, text)


# how many are selected, in the unit forms real calls print: `90개사 내외` (seed 004), `9개 기업내외`
# (suwon_carbon_neutral_livinglab_2026), `2개 과제 내외` (msit_bio_rfp_2026_brain), `8팀 내외` (ulju)
AWARDS_FORM = regex.compile(r"(?<![\d,.])(?P<n>\d{1,4})\s?(?:(?P<sa>개사)|개\s?기업)\s?(?P<w>내외|이내)")


def _awards_unit(text: str) -> str:
    """`90개사 내외` → `90개 기업 내외`, `9개 기업내외` → `9개사 내외`: the same count of companies in
    the other unit form."""
    return AWARDS_FORM.sub(lambda m: f"{m['n']}{'개 기업' if m['sa'] else '개사'} {m['w']}", text)


def _signer_spaced(text: str) -> str:
    return SIGNER_LINE.sub(lambda m: f"{m['lead']}{m['body']}{' ' if not m['gap'] else ''}{m['title']}", text)


VARIANTS: list[Variant] = [
    # bullets
    Variant("bullets_filled", "□ → ■, ○ → ●", _swap_lead({"□": "■", "○": "●"})),
    Variant("bullets_circle_swap", "○ ↔ ◦", _swap_lead({"○": "◦", "◦": "○"})),
    Variant("bullets_hangul_o", "○/◦ → ㅇ", _swap_lead({"○": "ㅇ", "◦": "ㅇ"})),
    Variant("bullets_dash_dot", "- → ∙, · → ‧", _swap_lead({"-": "∙", "·": "‧"})),
    Variant("bullets_square", "▪ ↔ •, ▶ → ▸", _swap_lead({"▪": "•", "•": "▪", "▶": "▸"})),
    Variant("bullets_hancom_pua", "•, ▪, ① as Hancom private-use glyphs",
            lambda t: t.translate(str.maketrans(_PUA_OF))),
    Variant("numbers_dingbat", "① → ➊", lambda t: t.translate(str.maketrans(_DINGBAT_OF))),
    # heading numberings
    Variant("headings_roman_latin", "Ⅰ. → I.", _roman_to_latin),
    Variant("headings_latin_roman", "I. → Ⅰ.", _latin_to_roman),
    Variant("headings_paren_half", "(1) → 1)", _unless_present(
        HALF_NUM_HEAD, _replace(PAREN_NUM_HEAD, lambda m: f"{m[1]}{m[2]})"))),
    Variant("headings_hangul_half", "가. → 가)", _unless_present(
        HANGUL_HALF_HEAD, _replace(HANGUL_DOT_HEAD, lambda m: f"{m[1]}{m[2]})"))),
    # money
    Variant("money_space_won", "1억원 → 1억 원", _rewrite_amounts(_fmt_space_won)),
    Variant("money_baekman", "1억원 → 100백만원", _rewrite_amounts(_fmt_baekman)),
    Variant("money_cheonwon", "1억원 → 100,000천원", _rewrite_amounts(_fmt_cheonwon)),
    Variant("money_eok_decimal", "1억원 → 1.0억원, 20백만원 → 0.2억원", _rewrite_amounts(_fmt_eok_decimal)),
    Variant("money_won", "0.18억원 → 18,000,000원", _rewrite_amounts(_fmt_won)),
    Variant("bound_nospace", "1억원 이내 → 1억원이내", _replace(BOUND_GAP, "")),
    Variant("bound_synonym", "이내 ↔ 이하 after money, %, 개월", _replace(BOUND_WORD, _bound_swap)),
    # ranges, dots, full-width forms, percent
    Variant("range_wave", "~ → ∼", _replace(RANGE_SIGN, "∼")),
    Variant("range_fullwidth", "~ → ～", _replace(RANGE_SIGN, "～")),
    Variant("range_wave_dash", "~ → 〜", _replace(RANGE_SIGN, "〜")),
    Variant("middle_dot_hangul", "· → ㆍ", _replace(MIDDLE_DOT, "ㆍ")),
    Variant("middle_dot_hyphenation", "· → ‧", _replace(MIDDLE_DOT, "‧")),
    Variant("middle_dot_katakana", "· → ・", _replace(MIDDLE_DOT, "・")),
    Variant("fullwidth_colon", ": → ：", _replace(COLON, "：")),
    Variant("fullwidth_parens", "( ) → （ ）", lambda t: t.translate(str.maketrans("()", "（）"))),
    Variant("percent_fullwidth", "% → ％", _replace(PERCENT, "％")),
    Variant("percent_word", "30% → 30퍼센트", _replace(PERCENT, "퍼센트")),
    # dates and times
    Variant("dates_compact", "2025. 3. 4. → 2025.3.4.", _rewrite_dates(_date_compact, _md_compact)),
    Variant("dates_padded", "2025. 3. 4. → 2025.03.04.", _rewrite_dates(_date_padded, _md_compact)),
    Variant("dates_korean", "2025. 3. 4. → 2025년 3월 4일", _rewrite_dates(_date_korean, _md_korean)),
    Variant("dates_short_year", "2025. 3. 4. → ’25. 3. 4.", _rewrite_dates(_date_short_year, _md_dotted)),
    Variant("dates_dotted", "2025년 3월 4일 → 2025. 3. 4.", _rewrite_dates(_date_spaced, _md_dotted)),
    Variant("times_korean", "18:00 → 18시", _replace(CLOCK, _clock_to_korean)),
    Variant("times_pm", "18:00 → 오후 6시", _replace(CLOCK, _clock_to_pm)),
    Variant("times_clock", "18시 → 18:00", _replace(HOUR, _hour_to_clock)),
    # windows: the same periods as other announcements print them
    Variant("dates_right_year", "2025. 3. 4. ~ 3. 20. → 2025. 3. 4. ~ 2025. 3. 20.", _right_year),
    Variant("dates_right_no_year", "2026. 1. 26. ~ 2026. 2. 9. → 2026. 1. 26. ~ 2. 9.", _right_no_year),
    Variant("dates_iso", "2025. 3. 4.(화) ~ 3. 20. → 2025-03-04(화) ~ 2025-03-20", _iso),
    Variant("dates_no_weekday", "2025. 3. 4.(화) → 2025. 3. 4.", _no_weekday),
    Variant("range_words", "A ~ B → A부터 B까지", _range_words),
    Variant("awards_unit", "90개사 내외 ↔ 90개 기업 내외", _awards_unit),
    Variant("evaluation_round", "○ 대면평가 : 2025. 2. 27. → ○ (1차) 대면평가 : 2025. 2. 27.", _evaluation_round),
    # the header: the notice number and the signer as other announcements print them
    Variant("notice_en_dash", "공고 제2025-35호 → 공고 제2025–35호", _replace(NOTICE_DASH, "–")),
    Variant("notice_spaced", "공고 제2021-86호 → 공고 제 2021-86호", _replace(NOTICE_GAP, " ")),
    Variant("signer_spacing", "중소벤처기업부장관 ↔ 중소벤처기업부 장관", _signer_spaced),
]
BY_NAME = {v.name: v for v in VARIANTS}


# ---------------------------------------------------------------------------------------
# Facts and their comparison

_CIRCLED = regex.compile(f"[{CIRCLED_NUMBERS}]")
# NFKC turns `ㆍ` into the jamo `ᆞ`, a letter: middle dots go by name
_NOT_CONTENT = regex.compile(r"[\s\p{P}\p{S}ㆍᆞ]+")


def canon(text: str | None) -> str:
    """A name or clause as a key no variant changes: circled numbers as digits (`①`, `➊` → 1),
    NFKC, no spaces, punctuation or symbols."""
    text = _CIRCLED.sub(lambda m: str(circled_ordinal(m[0])), text or "")
    return _NOT_CONTENT.sub("", unicodedata.normalize("NFKC", text)).lower()


Fact = tuple[Any, ...]
TEXT_FAMILIES = ("documents", "exclusions")
TEXT_MATCH = 0.6  # a clause whose words a variant rewrote (`1억원` → `100백만원`) is the same clause


def facts(spec: dict) -> Counter[Fact]:
    """The facts of one spec (its JSON), as comparable keys: (family, program, …)."""
    out: Counter[Fact] = Counter()
    for key in ("notice_no", "issuer", "announced_on"):
        if spec.get(key):
            out[("header", key, canon(spec[key]) if key != "announced_on" else spec[key])] += 1
    programs = spec.get("programs") or []
    out[("programs", len(programs))] += 1
    for i, p in enumerate(programs):
        for t in p.get("tracks") or []:
            name = canon(t.get("name"))
            for family, items in track_items(t).items():
                for item in items:
                    out[(family, i, name, item)] += 1
        if p.get("budget_krw"):
            out[("budget", i, p["budget_krw"])] += 1
        for a in _awards(p.get("awards")):
            out[("awards", i, *a)] += 1
        for w in p.get("windows") or []:
            out[("windows", i, *_window(w))] += 1
        for d in p.get("documents") or []:
            out[("documents", i, canon(d.get("name")))] += 1
        for c in p.get("exclusions") or []:
            out[("exclusions", i, canon(c.get("text")))] += 1
        for phone in _phones(p.get("contacts") or []):
            out[("contacts", i, phone)] += 1
    return out


@dataclass
class Diff:
    document: str
    variant: str
    changed_chars: int  # how much of the text the variant rewrote (0: it did not apply)
    lost: list[Fact] = field(default_factory=list)
    gained: list[Fact] = field(default_factory=list)
    error: str | None = None

    @property
    def facts_changed(self) -> int:
        return len(self.lost) + len(self.gained)


def compare_facts(before: Counter[Fact], after: Counter[Fact]) -> tuple[list[Fact], list[Fact]]:
    """Facts lost and gained; a clause (document, exclusion) that only changed its words the
    way the variant writes them (Dice ≥ TEXT_MATCH within its family and program) is kept."""
    lost = list((before - after).elements())
    gained = list((after - before).elements())
    for family in TEXT_FAMILIES:
        lo = [f for f in lost if f[0] == family]
        ga = [f for f in gained if f[0] == family]
        pairs = greedy_pairs(lo, ga, lambda a, b: dice(char_bigrams(a[2]), char_bigrams(b[2]))
                             if a[1] == b[1] else 0.0, TEXT_MATCH)
        for i, j, _ in pairs:
            lost.remove(lo[i])
            gained.remove(ga[j])
    return sorted(lost, key=str), sorted(gained, key=str)


def _changed_chars(a: str, b: str) -> int:
    if a == b:
        return 0
    return sum(1 for x, y in zip(a, b, strict=False) if x != y) + abs(len(a) - len(b))


def _parse_facts(text: str, name: str) -> Counter[Fact]:
    from gonggo.pipeline import parse

    with tempfile.TemporaryDirectory(prefix="gonggo-variant-") as tmp:
        path = Path(tmp) / name
        path.write_text(text, encoding="utf-8")
        return facts(parse(path).spec.model_dump(mode="json"))


def _txt_name(path: Path) -> str:
    return path.name if path.suffix == ".txt" else path.name + ".txt"


def check_document(path: Path, variants: Sequence[Variant]) -> list[Diff]:
    """Parse `path` (a text) and each variant of it; one Diff per variant."""
    text = path.read_text(encoding="utf-8")
    name = _txt_name(path)
    before = _parse_facts(text, name)
    out = []
    for v in variants:
        new = v.apply(text)
        diff = Diff(path.name, v.name, _changed_chars(text, new))
        if diff.changed_chars:
            try:
                diff.lost, diff.gained = compare_facts(before, _parse_facts(new, name))
            except Exception as e:  # noqa: BLE001 — a variant that breaks the parse is a finding
                diff.error = f"{type(e).__name__}: {e}"
        out.append(diff)
    return out


def _check_one(args: tuple[str, tuple[str, ...], str]) -> list[Diff]:
    path, names, registry = args
    by_name = importlib.import_module(registry).BY_NAME  # the module that lists the variants
    return check_document(Path(path), [by_name[n] for n in names])


def check_all(paths: Iterable[Path], variants: Sequence[Variant], jobs: int = 1,
              registry: str = __name__) -> list[Diff]:
    """Every variant over every path; `registry` names the module whose `BY_NAME` lists them
    (workers of a pool look them up there)."""
    paths = list(paths)
    names = tuple(v.name for v in variants)
    if jobs <= 1:
        return [d for p in paths for d in check_document(p, variants)]
    with ProcessPoolExecutor(jobs) as pool:
        jobs_ = [(str(p), names, registry) for p in paths]
        return [d for ds in pool.map(_check_one, jobs_) for d in ds]


def text_paths(args: Iterable[str]) -> list[Path]:
    out: list[Path] = []
    for a in args:
        p = Path(a)
        out += sorted(p.glob("*.txt")) if p.is_dir() else [p]
    return out


def summary(diffs: Sequence[Diff]) -> dict[str, dict[str, int]]:
    """Per variant: documents it applied to, documents whose facts changed, facts lost/gained."""
    table: dict[str, dict[str, int]] = {}
    for d in diffs:
        row = table.setdefault(d.variant, {"applied": 0, "changed_docs": 0, "lost": 0,
                                           "gained": 0, "errors": 0})
        row["applied"] += bool(d.changed_chars)
        row["changed_docs"] += bool(d.facts_changed or d.error)
        row["lost"] += len(d.lost)
        row["gained"] += len(d.gained)
        row["errors"] += bool(d.error)
    return table


def by_field(diffs: Sequence[Diff], which: str = "gained") -> dict[str, Counter[str]]:
    """Per variant: facts gained (or lost) per fact family (`caps`, `windows` …)."""
    table: dict[str, Counter[str]] = {}
    for d in diffs:
        table.setdefault(d.variant, Counter()).update(f[0] for f in getattr(d, which))
    return table


def _fields(counts: Counter[str]) -> str:
    return ", ".join(f"{k} {n}" for k, n in counts.most_common())


def markdown(diffs: Sequence[Diff], by_name: dict[str, Variant] | None = None,
             title: str = "Metamorphic variants") -> str:
    by_name = BY_NAME if by_name is None else by_name
    lines = [f"# {title}", "",
             ("| variant | example | documents applied | documents changed | facts lost | facts gained "
              "| gained per field |"),
             "|---|---|---:|---:|---:|---:|---|"]
    gained = by_field(diffs)
    for name, row in summary(diffs).items():
        lines.append(f"| {name} | {by_name[name].example} | {row['applied']} | "
                     f"{row['changed_docs']} | {row['lost']} | {row['gained']} | {_fields(gained[name])} |")
    lines.append("")
    for d in diffs:
        if not (d.facts_changed or d.error):
            continue
        lines.append(f"## {d.variant} · {d.document}")
        if d.error:
            lines.append(f"- error: {d.error}")
        lines += [f"- lost {f}" for f in d.lost] + [f"- gained {f}" for f in d.gained]
        lines.append("")
    return "\n".join(lines)


def run(argv: Sequence[str] | None, *, registry: str, title: str,
        select: Callable[[list[str]], list[Variant]]) -> int:
    """The command line of a variants module: `python -m <registry> PATHS [--only …]`."""
    module = importlib.import_module(registry)
    ap = argparse.ArgumentParser(prog=f"python -m {registry}",
                                 description=(module.__doc__ or title).split("\n")[0])
    ap.add_argument("paths", nargs="+", help="texts (.txt) or folders of them")
    ap.add_argument("--only", default="", help="comma-separated variant names")
    ap.add_argument("--jobs", type=int, default=1)
    ap.add_argument("--out", help="write the Markdown report here")
    ns = ap.parse_args(argv)
    paths = text_paths(ns.paths)
    for p in paths:  # a bad input is one line naming the file, before any parse
        try:
            p.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as err:
            reason = "not UTF-8 text" if isinstance(err, UnicodeDecodeError) else (
                err.strerror or type(err).__name__)
            print(f"{p}: {reason}", file=sys.stderr)
            return 2
    try:
        variants = select([n for n in ns.only.split(",") if n])
    except KeyError as err:
        print(f"--only: no such variant {err}", file=sys.stderr)
        return 2
    diffs = check_all(paths, variants, ns.jobs, registry)
    if ns.out:
        Path(ns.out).write_text(markdown(diffs, module.BY_NAME, title), encoding="utf-8")
    gained = by_field(diffs)
    for name, row in summary(diffs).items():
        print(f"{name:32s} applied {row['applied']:3d}  changed {row['changed_docs']:3d}  "
              f"lost {row['lost']:4d}  gained {row['gained']:4d}  errors {row['errors']}"
              + (f"  ({_fields(gained[name])})" if gained[name] else ""))
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    return run(argv, registry=__name__, title="Metamorphic variants",
               select=lambda names: [BY_NAME[n] for n in names] or VARIANTS)


if __name__ == "__main__":
    sys.exit(main())
