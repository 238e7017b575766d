"""Related programs (contract v2 `related_programs`): programs the file names but does not
announce. Read conservatively, one relation:

- `concurrent_restriction`: a list of programs an applicant may not hold at the same time —
  a table whose column of program names (`창업지원사업명`, `사업명`) is introduced as such
  (`2026년 동시수행 불가한 창업지원사업 목록`), or a bracketed program name in a sentence that
  forbids running both (`’25년 「공공기술기반 시장연계 창업탐색지원」사업에 … 최종 선정되는
  경우, 중복 수행이 불가능함`).

Their tracks, caps and awards are never read into the program (the families read the
program's own text; this only names them).
"""

from __future__ import annotations

import regex

from gonggo.reading.scope import Scope
from gonggo.reading.tables import SUM_CELL
from gonggo.schemas.announcement import RelatedProgram
from gonggo.vocab.text import norm_key

CONCURRENT = regex.compile(
    r"동시\s*수행\s*(?:이\s*)?(?:불가|제한|금지)|중복\s*(?:지원|참여|수행)\s*(?:이\s*)?(?:불가|제한|금지)")
# `동시수행 불가한 창업지원사업 목록`: what follows the restriction names a list of programs
LIST_AFTER = regex.compile(r"사업|목록")
NAME_COLUMN = regex.compile(r"사업\s*명$")
BULLET = regex.compile(r"^[\s·ㆍ•∙‧\-*]+")
# `「공공기술기반 시장연계 창업탐색지원」사업`: a bracketed name that is a program, not a law
BRACKETED = regex.compile(r"[「『｢]\s*([^」』｣\n]{2,60}?)\s*[」』｣]\s*(사업)?")
PROGRAM_END = regex.compile(r"(?:사업|패키지|프로그램|지원)$")
LAW_END = regex.compile(r"(?:법|령|규정|지침|기준|고시|훈령|규칙|조례)$")
SPACE = regex.compile(r"\s+")


def _table_names(scope: Scope) -> list[RelatedProgram]:
    out = []
    for block, table in scope.tables():
        caption = scope.doc.text[max(0, block.start - 120) : block.start].rstrip().split("\n")[-1]
        m = CONCURRENT.search(caption)
        if m is None or len(caption) > 60 or not LIST_AFTER.search(caption[m.end() :]):
            continue  # the table's title names a list of programs, not a rule about something
        grid = table.grid()
        if not grid:
            continue
        col = next((c for c, cell in enumerate(grid[0]) if cell is not None
                    and NAME_COLUMN.search(SPACE.sub("", cell.text))), None)
        if col is None:
            continue
        for row in grid[1:]:
            cell = row[col]
            if cell is None or cell.row == 0:
                continue
            name = BULLET.sub("", SPACE.sub(" ", cell.text)).strip()
            if not name or SUM_CELL.is_total(name):
                continue
            start = cell.start + cell.text.find(name) if name in cell.text else cell.start
            end = start + len(name) if name in cell.text else cell.end
            out.append(RelatedProgram(name=name, relation="concurrent_restriction",
                                      evidence=[scope.evidence(start, end)]))
    return out


def _sentence_names(scope: Scope) -> list[RelatedProgram]:
    out = []
    for block in scope.blocks:
        if block.table is not None:
            continue
        text = scope.doc.text[block.start : block.end]
        if not CONCURRENT.search(text):
            continue
        for m in BRACKETED.finditer(text):
            name = m[1].strip()
            if LAW_END.search(name) or not (m[2] or PROGRAM_END.search(name)):
                continue
            start = block.start + m.start(1)
            out.append(RelatedProgram(name=name, relation="concurrent_restriction",
                                      evidence=[scope.evidence(start, start + len(m[1]))]))
    return out


def extract_related_programs(scope: Scope) -> list[RelatedProgram]:
    seen: set[str] = set()
    out = []
    for related in _table_names(scope) + _sentence_names(scope):
        key = norm_key(related.name)
        if key not in seen:
            seen.add(key)
            out.append(related)
    return out
