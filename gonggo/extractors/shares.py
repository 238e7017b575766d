"""Shares by applicant kind: the program-wide table of who pays what part of the project cost.

R&D calls (and some non-R&D ones) print one table for the whole program:

    구분          | 정부지원연구개발비 | 기관부담연구개발비 | 기관부담연구개발비 중 현금
    중소기업      | 75% 이하           | 25% 이상           | 10% 이상
    공기업･대기업 | 50% 이하           | 50% 이상           | 15% 이상

Each row whose label names applicant kinds (`gonggo.vocab.applicants.kinds_in`) gives one funding
row per payer column: `{payer: government, share_pct: 75, share_bound: max, applicant_kinds:
[중소기업]}` and `{payer: applicant, share_pct: 25, share_bound: min, …}`. The table applies
to every track of the program; a track that prints its own share keeps it (tracks.py).

How a column is read (`COLUMNS`, first rule by position in the header wins):
- a column whose header names cash or in-kind money (`… 중 현금`, `현금부담금`) gives the cash
  part of the applicant's share, not a share of the total: skipped;
- `정부지원연구개발비`, `정부출연금`, `지원기준` → government; `기관부담연구개발비`,
  `기업부담금`, `민간부담금` → applicant.

What is not a share (PRECISION FIRST: a doubtful row is dropped, never guessed):
- a cell whose base is the applicant's own share (`기관부담연구개발비의 10% 이상`,
  `기업부담금의 15% 이상`) or the government money (`정부지원 연구개발비의 10%`: a royalty);
- a government share that is a minimum, an applicant share that is a maximum;
- a row whose government and applicant shares do not add up to 100;
- a cell with more than one percentage;
- rows after a row spanning the whole table (`참여기업이 복합적으로 구성된 경우`: the shares of a
  mixed consortium, by the ratio of its members, not of one applicant kind), and labels stating
  such a ratio (`대기업 비율이 1/3 이하인 경우`).

Sentences (`SENTENCE`): a kind, `은/는/의 경우`, then its payer's share on the same line
(`산업위기대응지역 중소기업의 경우 정부지원연구개발비를 … 연구개발비의 80% 이하 지원 가능`,
`예비창업자는 정부지원사업비 100%로 구성 가능`); a line about 가점, 금리, 참여율, 배점,
기술료, 인건비 … is none. A sentence wrapped after its subject (`… 설립된 협동조합은` / `기업부담금을
총 연구개발비의 20% 이상 기준으로 적용`) is read when the later line opens with the payer, at most
WRAP_GAP lines further (notes and another column's lines of a PDF between; another kind's
sentence between ends it).

A table with the kinds across its first row (`중소기업인 경우 | 중견기업인 경우 | …`, values
below) takes its payer from the caption line above it (`【 민간부담금 부담 기준 】`).

`corpus_value(text)` reads a phrase as a table (lines = rows, tabs = cells, a cell repeated
to its right or below is one merged cell; a first line of one cell above a kinds row is the
caption), else as sentences.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

import regex

from gonggo.reading.appendix import offset_in_appendix
from gonggo.reading.scope import Scope, evidence
from gonggo.reading.tables import spread_nested
from gonggo.schemas.announcement import Evidence, Funding, Track
from gonggo.schemas.document import Document, Table
from gonggo.vocab.applicants import kinds_in
from gonggo.vocab.funding import Payer, ShareBound, find_share_terms
from gonggo.vocab.text import strip_marker

# (rule name with example, role or None for a skipped column, pattern over the header text)
COLUMNS: list[tuple[str, Payer | None, regex.Pattern[str]]] = [
    ("cash or in-kind part (기관부담연구개발비 중 현금, 현금부담금)", None,
     regex.compile(r"현금|현물")),
    ("government share (정부지원연구개발비, 정부출연금, 정부지원사업비)", "government",
     regex.compile(r"정부\s*(?:지원|출연)|국고|국비")),
    ("applicant share (기관부담연구개발비, 기업부담금, 민간부담금, 자기부담사업비)", "applicant",
     regex.compile(r"기관\s*부담|기업\s*부담|민간\s*부담|자기\s*부담|자부담")),
    ("the legal table's support standard (지원기준)", "government",
     regex.compile(r"^\s*지원\s*기준\s*$")),
    # `【 지원금 지원 기준 】` over `중소기업인 경우 | …`: money named by no payer is the signer's, as in
    # tracks (pipeline._issuer_pays gives a foundation's call its own): the state's by default
    ("generic support money (지원금, 지원금액)", "government",
     regex.compile(r"(?<![가-힣])지원\s*금(?:액)?(?!\s*(?:의|중|대비))")),
]
# `기관부담연구개발비의 10% 이상`, `기업부담금의 15%`, `민간부담금의 10%`: a part of a share;
# `정부지원 연구개발비의 10%`: a royalty cap over the government money
PART_BASE = regex.compile(r"(?:부담\s*(?:연구\s*개발비|금)|정부\s*(?:지원|출연)\s*(?:연구\s*개발비|사업비|금)?)"
                          r"\s*(?:의|중|대비)\s*$")
# `대기업 비율이 1/3 이하인 경우`: a mixed consortium's row
MIXED = regex.compile(r"비율\s*이|구성된")
WORD = regex.compile(r"[\p{Hangul}\w]+")
JOSA = regex.compile(r"(?<=[비금])[을를은는이가의]$|$")
# a cell's line breaks: a word wrapped (`중소\n기업`), or a list after a comma (`공단,\n이 외의`)
AFTER_COMMA = regex.compile(r"(?<=[,;])\s*\n\s*")
WRAP = regex.compile(r"\s*\n\s*")
SPACES = regex.compile(r"\s+")
EXPECTED_BOUND: dict[str, ShareBound] = {"government": "max", "applicant": "min"}


@dataclass(frozen=True)
class CellText:
    text: str
    start: int  # offset of text[0] in the document text


@dataclass
class ShareRow:
    payer: Payer
    payer_label: str
    pct: float
    bound: ShareBound
    kinds: tuple[str, ...]
    spans: list[tuple[int, int]] = field(default_factory=list)
    printed: str = ""  # the kind as printed, with its condition (`산업위기대응지역 중소기업`)

    def key(self) -> tuple:
        return (self.payer, self.pct, self.bound, self.kinds)


@lru_cache(maxsize=8192)  # a pure function of the text: every table's labels are asked again
def _label(text: str) -> str:
    """`중소\\n기업` → `중소기업`; `가. 제19조제1항제1호에 해당하는 연구개발기관` → without `가.`."""
    joined = WRAP.sub("", AFTER_COMMA.sub(" ", text))
    return strip_marker(SPACES.sub(" ", joined)).strip()


def column_role(header: str) -> tuple[Payer, int, int] | None:
    """The payer a share column's header names: (role, start, end) in `header`; None when the
    column is no one's share (cash part, or no payer word)."""
    best: tuple[int, int, Payer | None] | None = None
    for _, role, rx in COLUMNS:
        m = rx.search(header)
        if m and role is None:
            return None
        if m and (best is None or m.start() < best[0]):
            best = (m.start(), m.end(), role)
    if best is None or best[2] is None:
        return None
    return best[2], best[0], best[1]


def _first_kind_row(rows: list[list[CellText | None]]) -> int | None:
    return next((i for i, r in enumerate(rows) if r and r[0] is not None
                 and kinds_in(_label(r[0].text)) and not MIXED.search(r[0].text)), None)


def read_grid(rows: list[list[CellText | None]]) -> list[ShareRow]:
    """Share rows of one table given as rows of cells (a merged cell repeated at each column
    it covers, as `Table.grid()` gives it); a two-row header printed without its merges is
    read as the one way it reads (`flattened_headers`)."""
    out = _read_grid(rows)
    if out:
        return out
    reads = [found for grid in flattened_headers(rows) if (found := _read_grid(grid))]
    return reads[0] if len(reads) == 1 else []


def flattened_headers(rows: list[list[CellText | None]]) -> list[list[list[CellText | None]]]:
    """The grids a two-row header printed without its merges may stand for (a table as text:
    `연구개발기관 유형 | 연구개발비 비율 | 기관부담연구개발비 중 현금 부담 비율` over `정부지원연구개발비 |
    기관부담연구개발비`, over body rows of four cells): one cell of the first row spans the
    second row's cells, the others span both rows; one grid per cell it may be (never the
    first, the kinds' column). PRECISION FIRST: `read_grid` keeps a reading only when exactly
    one grid gives shares."""
    first = _first_kind_row(rows)
    if first != 2:
        return []
    top, sub = _printed(rows[0]), _printed(rows[1])  # the grid pads a short row with None
    width = max(len(_printed(r)) for r in rows[first:])
    span = width - len(top) + 1
    if len(top) < 2 or span < 2 or len(sub) != span or any(c is None for c in top + sub):
        return []
    grids = []
    for j in range(1, len(top)):
        head = top[:j] + [top[j]] * span + top[j + 1 :]
        under = top[:j] + sub + top[j + 1 :]
        grids.append([head, under, *rows[first:]])
    return grids


def _printed(row: list[CellText | None]) -> list[CellText | None]:
    end = len(row)
    while end and row[end - 1] is None:
        end -= 1
    return row[:end]


def _read_grid(rows: list[list[CellText | None]]) -> list[ShareRow]:
    width = max((len(r) for r in rows), default=0)
    first = _first_kind_row(rows)
    if first is None or first == 0:
        return []
    roles: dict[int, tuple[Payer, str, tuple[int, int]]] = {}
    for c in range(1, width):
        cells: list[CellText] = []
        for r in rows[:first]:
            cell = r[c] if c < len(r) else None
            if cell is not None and cell not in cells:
                cells.append(cell)
        header = " ".join(cell.text for cell in cells)
        role = None if NOT_A_SHARE.search(header) else column_role(header)
        if role is None:
            continue
        # the payer word as printed (`정부지원연구개발비`) in the header cell that holds it
        offset = 0
        for cell in cells:
            if offset <= role[1] < offset + len(cell.text):
                i = role[1] - offset
                word = WORD.match(cell.text, i)
                j = word.end() if word else i + role[2] - role[1]
                roles[c] = (role[0], cell.text[i:j], (cell.start + i, cell.start + j))
                break
            offset += len(cell.text) + 1
    if not roles:
        return []
    out: list[ShareRow] = []
    for r in rows[first:]:
        distinct = {id(c) for c in r if c is not None}
        if len(distinct) <= 1 and len(r) > 1:
            break  # a row across the whole table opens another part (`복합적으로 구성된 경우`)
        label = r[0]
        if label is None:
            continue
        kinds = kinds_in(_label(label.text))
        if not kinds or MIXED.search(label.text):
            continue
        found: list[ShareRow] = []
        ok = True
        for c, (payer, plabel, pspan) in roles.items():
            cell = r[c] if c < len(r) else None
            if cell is None or cell is label:
                continue
            terms = find_share_terms(cell.text)
            if not terms:
                continue
            if len(terms) > 1 or PART_BASE.search(cell.text[: terms[0].start]):
                ok = False
                break
            s = terms[0]
            if s.bound != EXPECTED_BOUND[payer]:
                ok = False
                break
            found.append(ShareRow(payer, plabel, s.pct, s.bound, kinds,
                                  [pspan, (label.start, label.start + len(label.text)),
                                   (cell.start + s.start, cell.start + s.end)],
                                  _label(label.text)))
        pcts = {row.payer: row.pct for row in found}
        if len(pcts) < len(found):
            ok = False  # two columns of one payer: whose is which, the row does not say
        if ok and len(pcts) == 2 and pcts["government"] + pcts["applicant"] != 100:
            ok = False
        if ok:
            out += found
    return out


# `중견기업(영 제19조제1항제2호)` → `중견기업` before a sub-row's condition is added
_KIND_ONLY = regex.compile(r"\s*[(（][^()（）]*[)）]\s*$")
NOTE_LINE = regex.compile(r"^\s*(?:\*+|※)")
# the definitions a caption may hold above its table (`* ‘중소기업’이란 …`, `* ‘중견기업’이란 …`, `※ …`,
# `* 산업위기대응지역 중소기업의 경우 …`: nine in msit_ict_rnd 2026's 지원 기준)
NOTES_MAX = 12


def caption_before(text: str, start: int) -> CellText | None:
    """The line that introduces a table starting at `start` (`【 민간부담금 부담 기준 】`,
    `… 정부지원연구개발비 지원 기준은 아래와 같음`), skipping the note lines (`* …`, `※ …`)
    printed between them; None when no such line is near."""
    pos = start
    for _ in range(NOTES_MAX + 1):
        if pos <= 0:
            return None
        lo = text.rfind("\n", 0, pos - 1) + 1
        line = text[lo : pos - 1] if text[pos - 1 : pos] == "\n" else text[lo:pos]
        pos = lo
        if not line.strip() or NOTE_LINE.match(line):
            continue
        return CellText(line, lo)
    return None


def read_transposed(rows: list[list[CellText | None]], caption: CellText | None) -> list[ShareRow]:
    """A table with the kinds across its first row and the shares below them:

        중소기업인 경우            | 중견기업인 경우            | 대기업인 경우
        해당 수행기관사업비의 15% 이상 | 해당 수행기관사업비의 25% 이상 | 해당 수행기관사업비의 35% 이상

    The payer is named by the caption line above the table (`【 민간부담금 부담 기준 】`), or by
    a row's own label in the first column (`기술료 상한`: no payer, no share)."""
    if len(rows) < 2 or not rows[0]:
        return []
    kinds_of = {c: kinds_in(_label(cell.text)) for c, cell in enumerate(rows[0]) if cell is not None}
    if sum(1 for k in kinds_of.values() if k) < 2:
        return []
    headed = not kinds_of.get(0)  # a first column of row labels (`연구개발기관 유형`)
    top = (column_role(caption.text) if caption is not None
           and not NOT_A_SHARE.search(caption.text) else None)
    out: list[ShareRow] = []
    for r in rows[1:]:
        role: tuple[Payer, str, tuple[int, int]] | None = None
        if headed:
            label = r[0] if r else None
            found = column_role(label.text) if label is not None else None
            if label is not None and found is not None:
                role = (found[0], label.text[found[1] : found[2]],
                        (label.start + found[1], label.start + found[2]))
        elif top is not None and caption is not None:
            word = WORD.match(caption.text, top[1])
            j = word.end() if word else top[2]
            role = (top[0], caption.text[top[1] : j], (caption.start + top[1], caption.start + j))
        if role is None:
            continue
        payer, plabel, pspan = role
        # the cells under one kind: a share, maybe beside the condition it holds under
        # (`중견기업` over `평균매출액 등이 3천억 원 미만 | 75% 이내`)
        groups: dict[int, tuple[CellText, list[CellText]]] = {}
        for c, cell in enumerate(r):
            above = rows[0][c] if c < len(rows[0]) else None
            if cell is None or above is None or (headed and c == 0) or not kinds_of.get(c):
                continue
            under = groups.setdefault(id(above), (above, []))[1]
            if cell not in under:
                under.append(cell)
        for above, under in groups.values():
            with_share = [(cell, find_share_terms(cell.text)) for cell in under]
            shares = [(cell, t) for cell, t in with_share if t]
            conditions = [cell for cell, t in with_share if not t and cell.text.strip()]
            if len(shares) != 1 or len(shares[0][1]) != 1 or len(conditions) > 1:
                continue
            cell, s = shares[0][0], shares[0][1][0]
            if PART_BASE.search(cell.text[: s.start]) or s.bound != EXPECTED_BOUND[payer]:
                continue
            kind = _label(above.text)
            if conditions:
                kind = f"{_KIND_ONLY.sub('', kind)}({_label(conditions[0].text)})"
            if any(o.key() == (payer, s.pct, s.bound, kinds_in(_label(above.text))) for o in out):
                continue  # `중견기업` over `3천억 원 이상 | 70% 이내`: the row already given
            out.append(ShareRow(payer, plabel, s.pct, s.bound, kinds_in(_label(above.text)),
                                [pspan, (above.start, above.start + len(above.text)),
                                 (cell.start + s.start, cell.start + s.end)]
                                + [(c.start, c.start + len(c.text)) for c in conditions], kind))
    return out


def _table_grid(doc: Document, table: Table) -> list[list[CellText | None]]:
    made: dict[int, CellText] = {}
    rows: list[list[CellText | None]] = []
    for row in spread_nested(table, doc.text).grid():
        out: list[CellText | None] = []
        for cell in row:
            if cell is None:
                out.append(None)
                continue
            if id(cell) not in made:
                text = doc.text[cell.start : cell.end]
                made[id(cell)] = CellText(text, cell.start)
            out.append(made[id(cell)])
        rows.append(out)
    return rows


def _tables(doc: Document, table: Table) -> list[Table]:
    out = [table]
    for cell in table.cells:
        for nested in cell.nested:
            out += _tables(doc, nested)
    return out


def _may_share(doc: Document, table: Table) -> bool:
    """Whether the text the table's cells span prints a share term (`N%`, `100분의 N`): every
    share row is read from one (`find_share_terms`), most tables print none."""
    if not table.cells:
        return False
    text = doc.text[min(c.start for c in table.cells) : max(c.end for c in table.cells)]
    return has_share_term(text)


def has_share_term(text: str) -> bool:
    """Whether the text prints a share term in any of its forms (`N%`, `N％`, `N퍼센트`, `100분의 N`,
    as `find_share_terms` reads them): the cheap test before reading."""
    return "%" in text or "분의" in text or "％" in text or "퍼센트" in text


def share_tables(doc: Document, start: int, end: int) -> list[ShareRow]:
    """Share rows of the tables in `doc.text[start:end]`, each (payer, share, kinds) once."""
    out: list[ShareRow] = []
    seen: set[tuple] = set()
    for block in doc.blocks:
        if block.table is None or not (start <= block.start and block.end <= end):
            continue
        for table in _tables(doc, block.table):
            if not _may_share(doc, table):
                continue
            grid = _table_grid(doc, table)
            first = min((c.start for c in table.cells), default=block.start)
            caption = caption_before(doc.text, min(first, block.start) if table is block.table
                                     else first)
            for row in read_grid(grid) or read_transposed(grid, caption):
                if row.key() not in seen:
                    seen.add(row.key())
                    out.append(row)
    return out


# `산업위기대응지역 중소기업의 경우 정부지원연구개발비를 … 연구개발비의 80% 이하 지원 가능`,
# `예비창업자는 정부지원사업비 100%로 구성 가능`: a kind, then its payer's share, on one line
SENTENCE = regex.compile(r"""
    ^[\s*※\-·•○◦ㅇ]*
    (?P<kind>[^\s,.()\t][^,.()\t]{1,24}?)
    (?:은|는|의\s*경우)\s+
    (?P<rest>[^\t]+)$""", regex.VERBOSE)
# percentages of other things than the project cost's split
NOT_A_SHARE = regex.compile(r"가점|금리|이자|참여율|배점|기술료|인건비|계상률|간접비|직접비|평가|감면|"
                            r"환수|지분|매출|선지급|지급|정산|반납|이월|위탁")
# `100%로 구성 가능`: the payer's money may make up all of it
UP_TO = regex.compile(r"^\s*(?:로|으로)\s*구성\s*가능")


# a kind's sentence wrapped after its subject (`-‘사회적기업’으로 인증받은 기업*,관련 법에 의해 설립된
# 협동조합은` / `기업부담금을 총 연구개발비의 20% 이상 기준으로 적용`): the subject ends its line, a
# later line (a two-column PDF may put up to WRAP_GAP lines of the other column between) opens
# with the payer and states its share
SUBJECT_LINE = regex.compile(r"^[\s*※\-·•○◦ㅇ]*(?P<kind>[^\s\t].{1,58}?)(?:은|는)\s*$")
WRAP_GAP = 3
# the same sentence with its wrap rejoined (`…설립된 협동조합은기업부담금을 총 연구개발비의 20%
# 이상`: the reader joins a word cut by the margin without a space): the subject runs to the
# `은/는` that the payer follows, commas included
SUBJECT_THEN = regex.compile(r"(?:은|는)\s*")
SUBJECT_HEAD = regex.compile(r"^[\s*※\-·•○◦ㅇ]*")


def _wrapped(lines: list[str], i: int) -> int | None:
    """The index of the line continuing the subject line `i`, if one opens with a payer."""
    for j in range(i + 1, min(len(lines), i + 2 + WRAP_GAP)):
        line = lines[j]
        if NOTE_LINE.match(line):
            continue  # `*사회적기업 : 고용노동부 장관으로부터 인증 받은 기업`: the subject's note
        other = SUBJECT_LINE.match(line) or SENTENCE.match(line)
        if other and kinds_in(other["kind"]):
            return None  # another kind's sentence: not ours
        role = column_role(line)
        if role is not None and not line[: role[1]].strip() and find_share_terms(line):
            return j
        if find_share_terms(line):
            return None
    return None


def sentence_shares(text: str, offset: int = 0) -> list[ShareRow]:
    """Share rows stated by lines of `text` (spans shifted by `offset`)."""
    out: list[ShareRow] = []
    lines = text.split("\n")
    starts = [offset]
    for line in lines:
        starts.append(starts[-1] + len(line) + 1)
    for i, line in enumerate(lines):
        lo = starts[i]
        subject = SUBJECT_LINE.match(line)
        if subject and kinds_in(subject["kind"]) and not find_share_terms(line):
            j = _wrapped(lines, i)
            if j is not None and not NOT_A_SHARE.search(lines[j]):
                row = _row(subject["kind"], lo + subject.start("kind"), lines[j], starts[j])
                if row is not None:
                    out.append(row)
            continue
        if not has_share_term(line):
            continue  # every row below needs a share term of this line (`N%`, `100분의 N`)
        joined = _subject_then_payer(line, lo)
        if joined is not None:
            out.append(joined)
            continue
        m = SENTENCE.match(line)
        row = (None if m is None or NOT_A_SHARE.search(m["rest"])
               else _row(m["kind"], lo + m.start("kind"), m["rest"], lo + m.start("rest")))
        if row is not None:
            out.append(row)
        elif not NOT_A_SHARE.search(line):
            out += clause_rows(line, lo)
    return out


# a clause opened by a kind (`- 중소기업 : …`, `중견기업은 …`, `대기업의 경우 …`)
KIND_LEAD = regex.compile(r"""
    ^[\s*※\-·•○◦ㅇ]*
    (?P<kind>[^\s,.()\t:：][^,.()\t:：]{1,24}?)
    \s*(?:[:：]|(?<=[^\s])(?:은|는)(?=\s)|의\s*경우)\s*""", regex.VERBOSE)
CLAUSE_CUT = regex.compile(r"\s*[,;，]\s*")


def clause_rows(line: str, lo: int = 0) -> list[ShareRow]:
    """The rows of a line whose clauses (cut at `,` `;`) each state one payer's share for a
    kind: `- 중소기업 : 정부지원연구개발비 75% 이하`, `- 중소기업의 경우 정부지원연구개발비 75% 이하,
    기관부담연구개발비 25% 이상`, `중소기업은 정부지원연구개발비 75% 이하, 중견기업은 70% 이하` (a payer
    named once holds for the kinds after it, each opening its clause). Every share of the line
    must be read so, else none is (PRECISION FIRST); a kind's government and applicant shares add
    up to 100."""
    if not has_share_term(line):
        return []  # no share term (`N%`, `100분의 N`) anywhere: most lines, read at no cost
    pieces: list[tuple[str, int]] = []
    pos = 0
    for cut in CLAUSE_CUT.finditer(line):
        pieces.append((line[pos : cut.start()], pos))
        pos = cut.end()
    pieces.append((line[pos:], pos))
    out: list[ShareRow] = []
    kind: tuple[str, int] | None = None
    payer: tuple[Payer, str, tuple[int, int]] | None = None
    listed: int | None = None  # where a list of kinds began (`공기업, 대기업은 …`: `공기업` cut off)
    for piece, at in pieces:
        lead = KIND_LEAD.match(piece)
        opens = bool(lead and kinds_in(lead["kind"]) and column_role(lead["kind"]) is None)
        body_at = lead.end() if opens and lead else 0
        if opens and lead:
            first = at + lead.start("kind") if listed is None else listed
            kind = (line[first : at + lead.end("kind")].strip(), lo + first)
            listed = None
        body = piece[body_at:]
        terms = find_share_terms(body)
        if not terms:
            head = SUBJECT_HEAD.match(piece).end()
            if not opens and kinds_in(piece[head:]) and column_role(piece) is None:
                listed = at + head if listed is None else listed
            else:
                listed = None
            continue
        listed = None
        if kind is None or len(terms) != 1:
            return []
        share = terms[0]
        role = column_role(body)
        if role is not None and role[1] < share.start and not body[: role[1]].strip():
            word = WORD.match(body, role[1])
            j = word.end() if word else role[2]
            j -= len(JOSA.search(body[role[1] : j])[0])
            start = lo + at + body_at
            payer = (role[0], body[role[1] : j], (start + role[1], start + j))
        elif not (opens and payer is not None and not body[: share.start].strip()):
            return []  # a share whose payer the clause does not name (nor a kind's clause after it)
        if payer is None or share.bound != EXPECTED_BOUND[payer[0]]:
            return []
        if PART_BASE.search(body[: share.start]):
            return []
        s0 = lo + at + body_at + share.start
        out.append(ShareRow(payer[0], payer[1], share.pct, share.bound, kinds_in(kind[0]),
                            [(kind[1], kind[1] + len(kind[0])), payer[2], (s0, s0 + share.end - share.start)],
                            kind[0]))
    sums: dict[tuple, dict[str, float]] = {}
    for r in out:
        sums.setdefault(r.kinds, {})[r.payer] = r.pct
    if any(len(v) == 2 and sum(v.values()) != 100 for v in sums.values()):
        return []
    if len({(r.payer, r.kinds) for r in out}) < len(out):
        return []  # one payer's two shares for one kind
    return out


def _subject_then_payer(line: str, lo: int) -> ShareRow | None:
    """The row of a line whose subject (up to 58 characters, commas included) ends in `은/는`
    right before the payer (`…협동조합은 기업부담금을 … 20% 이상`)."""
    head = SUBJECT_HEAD.match(line).end()
    for m in SUBJECT_THEN.finditer(line, head + 2, min(len(line), head + 62)):
        rest = line[m.end():]
        role = column_role(rest)
        if role is None or rest[: role[1]].strip():
            continue
        if NOT_A_SHARE.search(rest):
            return None
        kind = line[head : m.start()]
        return _row(kind, lo + head, rest, lo + m.end())
    return None


def _row(kind: str, kind_at: int, rest: str, at: int) -> ShareRow | None:
    """The share row of a kind (`kind` printed at `kind_at`) whose payer and share `rest` (at
    `at`) states: the payer named before its one share, the share of the total."""
    kinds = kinds_in(kind)
    role = column_role(rest)
    terms = find_share_terms(rest)
    if not kinds or role is None or len(terms) != 1:
        return None
    share = terms[0]
    bound = share.bound
    if bound == "exact" and UP_TO.match(rest[share.end :]):
        bound = "max"
    if (bound != EXPECTED_BOUND[role[0]] or share.start < role[1]
            or PART_BASE.search(rest[: share.start])):
        return None  # the payer is named before its share, and the share is of the total
    word = WORD.match(rest, role[1])
    j = word.end() if word else role[2]
    j -= len(JOSA.search(rest[role[1] : j])[0])
    return ShareRow(role[0], rest[role[1] : j], share.pct, bound, kinds,
                    [(kind_at, kind_at + len(kind)), (at + role[1], at + j),
                     (at + share.start, at + share.end)], kind.strip())


def funding_of(doc: Document, rows: list[ShareRow]) -> list[Funding]:
    out = []
    for row in rows:
        spans: list[Evidence] = [evidence(doc, a, b) for a, b in row.spans]
        out.append(Funding(payer=row.payer, payer_label=row.payer_label, share_pct=row.pct,
                           share_bound=row.bound, applicant_kinds=[row.printed or
                                                                   ", ".join(row.kinds)],
                           evidence=spans))
    return out


def extract_shares(scope: Scope) -> list[ShareRow]:
    return read_span(scope.doc, scope.start, scope.end)


def read_span(doc: Document, start: int, end: int) -> list[ShareRow]:
    """The share rows printed in `doc.text[start:end]`: tables, then sentences; each once."""
    out = share_tables(doc, start, end)
    keys = {r.key() for r in out}
    for row in sentence_shares(doc.text[start:end], start):
        if row.key() not in keys:
            keys.add(row.key())
            out.append(row)
    return without_conflicts(body_first(doc, out))


def body_first(doc: Document, rows: list[ShareRow]) -> list[ShareRow]:
    """The body's shares; an appendix's (`[참고 3] 주요 질의응답`'s `< 총 사업비 구성 >` table,
    whose `현금 10% 이상` is a part of the applicant's 30%) only when the body states none."""
    body = [r for r in rows if not (r.spans and offset_in_appendix(doc, r.spans[0][0]))]
    return body or rows


def without_conflicts(rows: list[ShareRow]) -> list[ShareRow]:
    """Two shares for one payer and one kind as printed (two tables, two 단계): which holds for
    which track the text does not say here, so neither is given."""
    pcts: dict[tuple, set[float]] = {}
    for r in rows:
        pcts.setdefault((r.payer, r.kinds, r.printed), set()).add(r.pct)
    return [r for r in rows if len(pcts[(r.payer, r.kinds, r.printed)]) == 1]


def attach(doc: Document, tracks: list[Track], rows: list[ShareRow]) -> None:
    """Give every track the program-wide share rows, unless it prints a share of its own."""
    if not rows:
        return
    for track in tracks:
        if any(f.share_pct is not None for f in track.funding):
            continue
        track.funding += funding_of(doc, rows)


def corpus_value(text: str) -> list[dict]:
    """A phrase read as a table: lines are rows, tabs separate cells."""
    rows: list[list[CellText | None]] = []
    offset = 0
    for line in text.split("\n"):
        cells: list[CellText | None] = []
        col = 0
        for c, part in enumerate(line.split("\t")):
            above = rows[-1][c] if rows and c < len(rows[-1]) else None
            left = cells[-1] if cells else None
            # a merged cell is printed at every position it covers (`Table.rows_text`)
            if part and left is not None and left.text == part:
                cells.append(left)
            elif part and above is not None and above.text == part:
                cells.append(above)
            else:
                cells.append(CellText(part, offset + col))
            col += len(part) + 1
        rows.append(cells)
        offset += len(line) + 1
    captioned = len(rows[0]) == 1 and rows[0][0] is not None
    found = read_grid(rows) or (read_transposed(rows[1:], CellText(rows[0][0].text, 0))  # type: ignore[union-attr]
                                if captioned else read_transposed(rows, None))
    found = found or sentence_shares(text)
    return [{"payer": r.payer, "share_pct": r.pct, "share_bound": r.bound,
             "applicant_kinds": list(r.kinds), "printed": r.printed} for r in found]


def outside_scopes(doc: Document, spans: list[tuple[int, int]]) -> list[ShareRow]:
    """Share rows of tables that lie in no program's span (the whole file is one span when the
    file announces one program: then there is no outside)."""
    out: list[ShareRow] = []
    cuts = sorted(spans)
    pos = 0
    for a, b in cuts + [(len(doc.text), len(doc.text))]:
        if a > pos:
            out += [r for r in read_span(doc, pos, a) if r.key() not in {x.key() for x in out}]
        pos = max(pos, b)
    return without_conflicts(out)
