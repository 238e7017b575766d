"""Documents variants beyond the list layouts of `variants_layout`: the words other
announcements print for the same documents section, and the form labels they print the
documents behind.

- `docs_heading_receipt`, `docs_heading_entry`: the documents heading in the two other
  section words real announcements use for the list an applicant hands in, `접수서류` and
  (contests, 공모전) `응모서류` (`□ 제출서류` → `□ 접수서류`, `5. 구비서류` → `5. 응모서류`);
- `docs_form_label_lead`: each entry behind its form's unbracketed label, the way a form
  index prints it (`서식 1 입찰참가 접수 확인서` / `서식 2 입찰참가신청서`, a 강북구 RFP's
  `[제출서식 목록]` in ../shared/samples/hwpx; `붙임 4  연구개발계획서 서식(별첨 포함)`, a
  mafra 2025 index): `- 사업신청서 1부` → `- 서식 1 사업신청서 1부`;
- `docs_appendix_box`: the list moved to an appendix whose title is a box of its label and
  title (`붙임 9 | 제출서류 목록`, the print of mafra_high_value_food_rnd_2025's `붙임 1 | 푸드테크
  핵심 기술분야`), the body pointing at it (`□ 제출서류 : 붙임 9 참조`); `docs_appendix_lines`:
  the same box as a PDF's text prints it, label and title on two lines (mafra_high_value_food_
  rnd_2017 `붙임 1` / `일반자유과제 연구개발계획서 서식`);
- `docs_copies_paren`: each entry's copies in parentheses (`사업자등록증 사본(각 1부)`, a gov24
  call's `… 구조안전 확인 서류(각 1부)`).

    python -m gonggo.eval.variants_docs corpus/seeds /path/to/texts [--only …] [--jobs 2]
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence

import regex

from gonggo.eval.variants import Variant
from gonggo.eval.variants import run as run_variants
from gonggo.eval.variants_layout import (
    DOC_FORM_REF,
    DOC_HEAD,
    DocSection,
    _rewrite_sections,
    doc_sections,
)

# the section word inside a documents heading's label (`제출서류`, `신청 시 구비서류`, `제출 자료`)
HEAD_WORD = regex.compile(
    r"(?:(?:신청|접수)[ ]*(?:시[ ]*)?)?(?:(?:제출|구비|신청|증빙|첨부|필요)[ ]*서류|제출[ ]*자료)")


def _heading_word(word: str) -> Callable[[list[str], DocSection], list[str] | None]:
    """The heading's section word replaced by `word`; its marker, brackets and tail kept."""

    def fn(lines: list[str], sec: DocSection) -> list[str] | None:
        head = lines[sec.head]
        m = DOC_HEAD.match(head)
        if m is None:
            return None
        w = HEAD_WORD.search(head, m.start("label"), m.end("label"))
        if w is None:
            return None
        return [head[:w.start()] + word + head[w.end():]] + lines[sec.head + 1: sec.last + 1]

    return fn


def _form_label_lead(lines: list[str], sec: DocSection) -> list[str] | None:
    """Each entry behind an unbracketed `서식 N` label (a form index's print); an entry that
    already names its form (`[붙임1]`, `(별첨 2)`) is left as printed."""
    out = [lines[sec.head]]
    labelled = 0
    for k in range(sec.head + 1, sec.last + 1):
        entry = next((n for n, e in enumerate(sec.entries, 1) if e.line == k), None)
        body = sec.entries[entry - 1].body if entry is not None else ""
        if entry is None or DOC_FORM_REF.search(body):
            out.append(lines[k])
            continue
        out.append(lines[k][: len(lines[k]) - len(body)] + f"서식 {entry} " + body)
        labelled += 1
    return out if labelled else None


# where a call's appendices open: a title line `붙임 1` alone, or its box `붙임 1 | 제안요구서(RFP)`
# (not the body's index of them, `<붙임 1> 지정공모과제 제안요구서(RFP)`)
APPENDIX_TITLE = regex.compile(r"^\s*(?:붙\s*임|별\s*첨)\s*\d{1,2}\s*(?:\t[^\n]*)?$")


def _appendix_box(text: str, title: str = "붙임 9\t\t제출서류 목록") -> str:
    """The first documents list moved to an appendix under a title box (`붙임 9 | 제출서류 목록`,
    one row of two cells, as HWP/HWPX print `붙임 1 | 지정공모과제 제안요구서(RFP)`), the body's
    heading left pointing at it (`□ 제출서류 : 붙임 9 참조`, kspo_public_data_contest_2023's
    `제출서류(붙임 참조)`)."""
    lines = text.split("\n")
    secs = doc_sections(lines)
    if not secs:
        return text
    sec = secs[0]
    head = lines[sec.head].rstrip().rstrip(":：").rstrip()
    moved = [lines[k].strip() for k in range(sec.head + 1, sec.last + 1) if lines[k].strip()]
    body = lines[:sec.head] + [head + " : 붙임 9 참조"] + lines[sec.last + 1:]
    # the appendix opens where the call's own appendices open (its first `붙임 1` / `[별첨 1]`
    # title after the list), else at the end
    at = next((k for k in range(sec.head + 1, len(body)) if APPENDIX_TITLE.match(body[k])), len(body))
    return "\n".join(body[:at] + ["", *title.split("\n"), *moved, ""] + body[at:])


# an entry's copies at its end: `1부`, `각 1부`, `2부씩`
TAIL_COPIES = regex.compile(r"[ ]*(?P<q>(?:각[ ]*)?\d+[ ]*부(?:씩)?)[ ]*$")


def _copies_paren(lines: list[str], sec: DocSection) -> list[str] | None:
    """Each entry's copies in parentheses: `◦ 사업자등록증 사본 각 1부` → `◦ 사업자등록증 사본(각 1부)`
    (a gov24 call's `… 건물의 구조안전 확인 서류(각 1부)`)."""
    out = [lines[sec.head]]
    changed = 0
    for k in range(sec.head + 1, sec.last + 1):
        m = TAIL_COPIES.search(lines[k]) if any(e.line == k for e in sec.entries) else None
        if m is None or m.start() == 0:
            out.append(lines[k])
            continue
        out.append(lines[k][:m.start()] + f"({m['q']})")
        changed += 1
    return out if changed else None


def _polite_upload(lines: list[str], sec: DocSection) -> list[str] | None:
    """Each entry followed by a colon and a polite instruction how to hand it in: `- 사업계획서 1부` →
    `- 사업계획서 1부 : 온라인 접수 시 업로드해 주시기 바랍니다.` (the print of an idea contest's list,
    `아이디어 제안서(1차)(첨부 1.2) : 온라인 접수 시 업로드해 주시기 바랍니다.`)."""
    out = [lines[sec.head]]
    changed = 0
    for k in range(sec.head + 1, sec.last + 1):
        entry = next((e for e in sec.entries if e.line == k), None)
        if entry is None or "\t" in lines[k] or regex.search(r"[:：()（）]", entry.body):
            out.append(lines[k])
            continue
        out.append(lines[k].rstrip() + " : 온라인 접수 시 업로드해 주시기 바랍니다.")
        changed += 1
    return out if changed else None


def _one_line(lines: list[str], sec: DocSection) -> list[str] | None:
    """The section's entries printed on one line, each behind its number (`1) 신청서 1부 2) 사업계획서
    1부`), the way a short call lists its documents; only entries of one line each, none with
    lines attached."""
    entries = sec.entries
    if len(entries) < 2 or any(e.attached for e in entries) or any(
            "\t" in lines[e.line] for e in entries):
        return None
    lines_of = {e.line for e in entries}
    if any(k not in lines_of and lines[k].strip() for k in range(entries[0].line, entries[-1].line + 1)):
        return None  # a note or sub-line between entries
    indent = lines[entries[0].line][: len(lines[entries[0].line]) - len(lines[entries[0].line].lstrip())]
    joined = indent + " ".join(f"{n}) {e.body.strip()}" for n, e in enumerate(entries, 1))
    return ([lines[k] for k in range(sec.head, entries[0].line)] + [joined]
            + lines[entries[-1].line + 1: sec.last + 1])


# the documents column's head in a table's head row (`번호 | 서 류 명 | 대상기관 및 비고`, `구분 | 제출서류 |
# 용도 | 비 고`): a cell alone of its kind, beside a cell heading another column
NAME_HEAD_CELL = regex.compile(r"(?<=^|\t)[ ]*(?:제출[ ]*)?서[ ]*류[ ]*명?[ ]*(?=\t|$)")
OTHER_HEAD_CELL = regex.compile(r"(?<=^|\t)[ ]*(?:번[ ]*호|연[ ]*번|구[ ]*분|비[ ]*고|제출[ ]*(?:방법|여부|대상))")


def _name_head(word: str) -> Callable[[str], str]:
    """The documents column's head cell printed as `word` (`서류명` → `양식명`, `제출서류` → `제출물`),
    the words other calls head a list of forms or submissions with."""

    def apply(text: str) -> str:
        lines = text.split("\n")
        for k, line in enumerate(lines):
            if "\t" in line and len(NAME_HEAD_CELL.findall(line)) == 1 and OTHER_HEAD_CELL.search(line):
                lines[k] = NAME_HEAD_CELL.sub(word, line)
        return "\n".join(lines)

    return apply


DOCS_WORD_VARIANTS: list[Variant] = [
    Variant("docs_heading_receipt", "□ 제출서류 → □ 접수서류", _rewrite_sections(_heading_word("접수서류"))),
    Variant("docs_heading_entry", "□ 제출서류 → □ 응모서류 (a contest's word)",
            _rewrite_sections(_heading_word("응모서류"))),
    Variant("docs_form_label_lead", "- 사업신청서 1부 → - 서식 1 사업신청서 1부 (a form index's label)",
            _rewrite_sections(_form_label_lead)),
    Variant("docs_appendix_box", "□ 제출서류 / - a / - b → □ 제출서류 : 붙임 9 참조 … 붙임 9 | 제출서류 목록 / - a / - b",
            _appendix_box),
    Variant("docs_appendix_lines", "… the same, its title box as a PDF's text prints it: 붙임 9 / 제출서류 목록 (two lines)",
            lambda text: _appendix_box(text, "붙임 9\n제출서류 목록")),
    Variant("docs_copies_paren", "◦ a 각 1부 → ◦ a(각 1부)", _rewrite_sections(_copies_paren)),
    Variant("docs_polite_upload", "- a 1부 → - a 1부 : 온라인 접수 시 업로드해 주시기 바랍니다.",
            _rewrite_sections(_polite_upload)),
    Variant("docs_items_one_line", "- a 1부 / - b 1부 → 1) a 1부 2) b 1부 (one line)", _rewrite_sections(_one_line)),
    Variant("docs_head_form_name", "번호 | 서류명 | 비고 → 번호 | 양식명 | 비고 (a table of forms)", _name_head("양식명")),
    Variant("docs_head_submission", "구분 | 제출서류 | 비고 → 구분 | 제출물 | 비고", _name_head("제출물")),
]
BY_NAME = {v.name: v for v in DOCS_WORD_VARIANTS}


def main(argv: Sequence[str] | None = None) -> int:
    return run_variants(argv, registry=__name__, title="Documents variants",
                        select=lambda names: [BY_NAME[n] for n in names] or DOCS_WORD_VARIANTS)


if __name__ == "__main__":
    sys.exit(main())
