"""The announcement's own preamble: title, 공고 번호, issuer, date announced.

Rules, in the order a preamble prints them (`○○부 공고 제2021-35호`, the title, a
sentence ending `공고합니다`, the date, the signer). Only blocks before the first outline
heading are read.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import regex

from gonggo.reading.scope import evidence
from gonggo.schemas.announcement import Evidence
from gonggo.schemas.document import Block, Document
from gonggo.vocab.dates import whole_date

NOTICE_NO = regex.compile(
    r"""
    (?:[·ㆍ‧・･․⸱∙가-힣A-Za-z()]+\s?){0,3}     # the issuing body (`재단법인 울주문화재단`)
    공고\s*[-–‐—]?\s*제\s*               # `공고 제`, `공고–제`
    (?:[가-힣]{1,4}\s*)?                 # a series name: `제 농축 2025–82호`
    ['’]?\d{2,8}\s*[-–‐—]\s*\d+\s*호
    """,
    regex.VERBOSE,
)
# A whole line `교육부 제2025-19호`: a body and a year-numbered notice without the word 공고
# (a law's number `법률 제12345호` has no year and dash).
NOTICE_BARE = regex.compile(r"[·ㆍ‧・･․⸱∙가-힣]{2,20}\s?제\s?\d{4}\s*[-–‐—]\s*\d+\s*호")
# A date alone on its line in the mixed spellings the date rules do not read as one date
# (`2025. 6. 3일`): kept beside vocab.dates.whole_date so no header date read before is lost.
FULL_DATE = regex.compile(
    r"(\d{4})\s*[년.．]\s*(\d{1,2})\s*[월.．]\s*(\d{1,2})\s*일?\.?(?:\s*\(\s*[월화수목금토일]\s*\))?"
)
# Only a month printed (`2025년 6월`): announced_on is its first day, precision `month`.
MONTH_DATE = regex.compile(r"(\d{4})\s*년\s*(\d{1,2})\s*월\.?")
# Who signs: an office-holder's title at the end of a short line.
SIGNER = regex.compile(r"^[·ㆍ‧・･․⸱∙가-힣A-Za-z()\s]{2,40}?(?:장관|이사장|[가-힣]{0,6}장|청장|지사|시장|군수|"
                       r"구청장|대표(?:이사)?|위원장|총장|이사|회장)$")
# The signer's personal name printed after the title (`과학기술정보통신부장관 유 상 임`).
SIGNER_NAMED = regex.compile(r"^(?P<title>.+?(?:장관|장|지사|군수|대표(?:이사)?|이사|회장))"
                             r"\s+[가-힣](?:\s?[가-힣]){1,3}$")
# Several signers on one line: `농림축산식품부장관, 과학기술정보통신부장관, 농촌진흥청장`.
SIGNER_SEPARATOR = regex.compile(r"\s*[·ㆍ‧・･․⸱∙,，]\s*|\t|\n")
# A signature table `<주무부처>\t과학기술정보통신부장관\n경찰청장\n<전문기관>\t…`: the
# ministries sign; the managing agency listed after them does not.
SIGNING_GROUP = regex.compile(r"<\s*주무\s*부처\s*>(?P<body>[^<]*)")
# A title line ends like a title; the first line that does not ends the title.
TITLE_END = regex.compile(r"(?:공고|모집|사업|안내|계획|공모|선정|알림|예고|입찰|[)）』」〕\]])\s*$")
ANNOUNCES = regex.compile(r"공고(?:합니다|하오니|하니|함)|알려\s?드립니다|안내(?:합니다|드립니다)")
# The announcing sentence names what it announces in brackets:
# `｢2021년도 스마트팜 다부처패키지 혁신기술개발 시행계획｣을 다음과 같이 재공고합니다`
QUOTED_ANNOUNCED = regex.compile(
    r"[「｢『]\s*(?P<name>[^「｢『」｣』\n]{4,80}?)\s*[」｣』]\s*(?:을|를)\s*(?:다음과|아래와)")
QUOTED_WINDOW = 3000


@dataclass
class Header:
    title: str = ""
    notice_no: str | None = None
    issuer: str | None = None
    announced_on: date | None = None
    announced_on_precision: str = "day"
    evidence_of: dict[str, list[Evidence]] = field(default_factory=dict)


def preamble_blocks(doc: Document, limit: int = 40) -> list[Block]:
    out = []
    for block in doc.blocks[:limit]:
        if block.kind == "heading":
            break
        out.append(block)
    return out


def _valid_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-blank line of `text`, stripped."""
    out, pos = [], 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            start = pos + len(line) - len(line.lstrip())
            out.append((start, start + len(stripped)))
        pos += len(line) + 1
    return out


def notice_lines(text: str) -> list[tuple[int, int]]:
    """Spans of the lines of `text` that are each one whole notice number (joint notices)."""
    spans = _lines(text)
    whole = [(s, e) for s, e in spans
             if NOTICE_NO.fullmatch(text[s:e]) or NOTICE_BARE.fullmatch(text[s:e])]
    return whole if len(whole) == len(spans) else []


def signers(text: str) -> list[tuple[int, int]]:
    """Spans of the office-holders' titles when `text` is only signatures, else []."""
    if len(text.strip()) > 120:
        return []
    out: list[tuple[int, int]] = []
    pos = 0
    for sep in [*SIGNER_SEPARATOR.finditer(text), None]:
        end = sep.start() if sep else len(text)
        raw = text[pos:end]
        part = raw.strip()
        start = pos + len(raw) - len(raw.lstrip())
        pos = sep.end() if sep else len(text)
        if not part:
            continue
        named = SIGNER_NAMED.match(part)
        if len(part) <= 40 and SIGNER.match(part):
            out.append((start, start + len(part)))
        elif named and SIGNER.match(named["title"]):
            out.append((start, start + len(named["title"])))
        else:
            whole = text.strip()
            if len(whole) <= 40 and SIGNER.match(whole):
                lead = len(text) - len(text.lstrip())
                return [(lead, lead + len(whole))]
            return []
    return out


def _signature_table(text: str) -> list[tuple[int, int]]:
    """The signing ministries of a `<주무부처> …` signature table."""
    m = SIGNING_GROUP.search(text)
    if not m:
        return []
    found = signers(m["body"])
    return [(m.start("body") + s, m.start("body") + e) for s, e in found]


def corpus_value(text: str) -> dict | None:
    """What the header rules read in one preamble line (tests/test_corpora.py)."""
    notices = notice_lines(text)
    if notices:
        return {"notice_no": " / ".join(text[s:e] for s, e in notices)}
    m = NOTICE_NO.search(text)
    if m:
        return {"notice_no": m.group(0).strip()}
    day = _line_date(text)
    if day is not None:
        return {"announced_on": day.isoformat()}
    mo = MONTH_DATE.fullmatch(text.strip())
    if mo and _valid_date(int(mo[1]), int(mo[2]), 1):
        return {"announced_on": f"{int(mo[1]):04d}-{int(mo[2]):02d}-01",
                "announced_on_precision": "month"}
    found = _signature_table(text) or signers(text)
    if found:
        return {"issuer": " / ".join(text[s:e] for s, e in found)}
    q = QUOTED_ANNOUNCED.search(text)
    if q:
        return {"title": q["name"]}
    return None


def _line_date(text: str) -> date | None:
    """The day a line prints when it is one date and nothing else."""
    day = whole_date(text)
    if day is None and (d := FULL_DATE.fullmatch(text.strip())):
        day = _valid_date(int(d[1]), int(d[2]), int(d[3]))
    return day


def _set_date(header: Header, doc: Document, block: Block, text: str) -> bool:
    # a date printed alone on its line, in any format the date rules read (`’26. 6. 15.`)
    value = _line_date(text)
    if value is None:
        return False
    header.announced_on = value
    lead = len(text) - len(text.lstrip())
    header.evidence_of["announced_on"] = [evidence(doc, block.start + lead,
                                                   block.start + lead + len(text.strip()))]
    return True


def _set_month(header: Header, doc: Document, block: Block, text: str) -> bool:
    m = MONTH_DATE.fullmatch(text.strip())
    value = _valid_date(int(m[1]), int(m[2]), 1) if m else None
    if value is None:
        return False
    header.announced_on = value
    header.announced_on_precision = "month"
    lead = len(text) - len(text.lstrip())
    header.evidence_of["announced_on"] = [evidence(doc, block.start + lead,
                                                   block.start + lead + len(text.strip()))]
    return True


def _add_signers(header: Header, doc: Document, block: Block, spans: list[tuple[int, int]]) -> None:
    names = [doc.text[block.start + s : block.start + e] for s, e in spans]
    header.issuer = " / ".join(filter(None, [header.issuer, *names]))
    header.evidence_of.setdefault("issuer", []).extend(
        evidence(doc, block.start + s, block.start + e) for s, e in spans)


def read_header(doc: Document) -> Header:
    header = Header()
    blocks = preamble_blocks(doc)
    title_blocks: list[Block] = []
    seen_announcing = False
    title_open = True
    notice_run = True   # joint notice numbers follow one another
    signing = None      # None: no signer yet; True: in the run of signers; False: run over
    for block in blocks:
        text = doc.text[block.start : block.end]
        joint = notice_lines(text)
        if joint and notice_run:
            spans = [(block.start + s, block.start + e) for s, e in joint]
            values = [doc.text[s:e] for s, e in spans]
            header.notice_no = " / ".join(filter(None, [header.notice_no, *values]))
            header.evidence_of.setdefault("notice_no", []).extend(evidence(doc, s, e)
                                                                  for s, e in spans)
            continue
        if header.notice_no is not None:
            notice_run = False
        if signing is not False and (header.announced_on is not None or seen_announcing):
            found = signers(text) if block.kind in ("paragraph", "list_item") else []
            found = found or (_signature_table(text) if block.kind == "table" else [])
            if found:
                _add_signers(header, doc, block, found)
                signing = True
                continue
            if signing:
                signing = False
        if _title_box(block, text):
            if title_open and TITLE_END.search(text.strip()):
                title_blocks.append(block)
            continue
        if block.kind != "paragraph" and block.kind not in ("list_item",):
            continue
        m = NOTICE_NO.search(text)
        if m and header.notice_no is None:
            header.notice_no = m.group(0).strip()
            header.evidence_of["notice_no"] = [evidence(doc, block.start + m.start(),
                                                        block.start + m.end())]
            continue
        if header.announced_on is None and (
            _set_date(header, doc, block, text)
            or (seen_announcing and _set_month(header, doc, block, text))
        ):
            continue
        if ANNOUNCES.search(text):
            seen_announcing = True
            continue
        if title_open and block.marker is None and len(text) <= 150 and TITLE_END.search(text):
            title_blocks.append(block)
        elif title_blocks:
            title_open = False
    if header.announced_on is None or header.issuer is None:
        _scrambled_signature(doc, header)
    if title_blocks:
        header.title = " ".join(doc.text[b.start : b.end].strip() for b in title_blocks)
        header.evidence_of["title"] = [_stripped_evidence(doc, b) for b in title_blocks]
    else:
        start, end = _quoted_title(doc) or _rfp_title(doc) or _first_line(doc)
        if end > start:
            header.title = doc.text[start:end]
            header.evidence_of["title"] = [evidence(doc, start, end)]
    return header


def _quoted_title(doc: Document) -> tuple[int, int] | None:
    """The bracketed name in the announcing sentence, when no title line was recognised (a
    two-column first page reads the title's halves out of order)."""
    m = QUOTED_ANNOUNCED.search(doc.text[:QUOTED_WINDOW])
    return (m.start("name"), m.end("name")) if m else None


def _scrambled_signature(doc: Document, header: Header, limit: int = 30, near: int = 2) -> None:
    """A two-column PDF page read out of order puts the date and the signer after the first
    heading: a date printed alone on its line, with a signer line within `near` blocks."""
    blocks = doc.blocks[:limit]
    for i, block in enumerate(blocks):
        text = doc.text[block.start : block.end]
        if block.kind != "paragraph" or _line_date(text) is None:
            continue
        if header.announced_on is None and not _set_date(header, doc, block, text):
            continue
        if header.issuer is None:
            for other in blocks[max(0, i - near) : i + near + 1]:
                other_text = doc.text[other.start : other.end]
                found = signers(other_text) if other.kind == "paragraph" else []
                if found:
                    _add_signers(header, doc, other, found)
                    break
        return


# An RFP sheet (a form opening `관리번호 | 2026–뇌·첨단의공학 01-지정공모-10 | RFP`) names itself in
# a row of its first table: `RFP명 | K-NeuroMind: …`, `총괄과제명 | 인간 뇌 인지 메카니즘을 …`.
RFP_NAME_ROWS = (regex.compile(r"^RFP\s*명$"), regex.compile(r"^총괄\s*과제\s*명$"),
                 regex.compile(r"^(?:연구\s*(?:개발\s*)?)?과제\s*명$"))


def _rfp_title(doc: Document) -> tuple[int, int] | None:
    """The name row of an RFP sheet's first table, when the file opens with one (its first
    line on `RFP명`, else `총괄과제명`, else `과제명`); None for anything else."""
    first = doc.blocks[0] if doc.blocks else None
    if first is None or first.table is None:
        return None
    grid = first.table.grid()
    for rx in RFP_NAME_ROWS:
        for row in grid:
            label = row[0] if row else None
            if label is None or not rx.match(label.text.strip()):
                continue
            value = next((c for c in row[1:] if c is not None and c is not label), None)
            lines = _lines(doc.text[value.start:value.end]) if value is not None else []
            if lines:
                s, e = lines[0]
                return value.start + s, value.start + e
    return None


def _first_line(doc: Document) -> tuple[int, int]:
    """The first non-blank line that is not the 공고 번호: the title when none was recognised."""
    pos = 0
    for line in doc.text.split("\n"):
        stripped = line.strip()
        if stripped and not NOTICE_NO.fullmatch(stripped):
            start = pos + len(line) - len(line.lstrip())
            return start, start + len(stripped)
        pos += len(line) + 1
    return 0, 0


def _title_box(block: Block, text: str) -> bool:
    """A one-cell table holding one short line: how HWP announcements often box their title."""
    table = block.table
    return (block.kind == "table" and table is not None and len(table.cells) == 1
            and 0 < len(text.strip()) <= 150 and "\n" not in text.strip())


def _stripped_evidence(doc: Document, block: Block) -> Evidence:
    raw = doc.text[block.start : block.end]
    start = block.start + len(raw) - len(raw.lstrip())
    return evidence(doc, start, start + len(raw.strip()))

