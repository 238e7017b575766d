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

NOTICE_NO = regex.compile(
    r"(?:[가-힣A-Za-z·ㆍ()]+\s?){0,3}공고\s*제\s*['’]?\d{2,4}\s*[-–‐—]\s*\d+\s*호"
)
FULL_DATE = regex.compile(r"(\d{4})\s*[년.．]\s*(\d{1,2})\s*[월.．]\s*(\d{1,2})\s*일?\.?")
# Who signs: an office-holder's title at the end of a short line.
SIGNER = regex.compile(r"^[가-힣A-Za-z·ㆍ()\s]{2,40}?(?:장관|이사장|[가-힣]{0,6}장|청장|지사|시장|군수|"
                       r"구청장|대표(?:이사)?|위원장|총장|이사|회장)$")
# A title line ends like a title; the first line that does not ends the title.
TITLE_END = regex.compile(r"(?:공고|모집|사업|안내|계획|공모|선정|알림|예고|입찰|[)）』」〕\]])\s*$")
ANNOUNCES = regex.compile(r"공고(?:합니다|하오니|함)|알려\s?드립니다|안내(?:합니다|드립니다)")


@dataclass
class Header:
    title: str = ""
    notice_no: str | None = None
    issuer: str | None = None
    announced_on: date | None = None
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


def read_header(doc: Document) -> Header:
    header = Header()
    blocks = preamble_blocks(doc)
    title_blocks: list[Block] = []
    seen_announcing = False
    title_open = True
    for block in blocks:
        text = doc.text[block.start : block.end]
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
        d = FULL_DATE.fullmatch(text.strip())
        if d and header.announced_on is None:
            value = _valid_date(int(d[1]), int(d[2]), int(d[3]))
            if value:
                header.announced_on = value
                header.evidence_of["announced_on"] = [evidence(doc, block.start, block.end)]
                continue
        if ANNOUNCES.search(text):
            seen_announcing = True
            continue
        if len(text) <= 40 and SIGNER.match(text.strip()) and header.issuer is None and (
            header.announced_on is not None or seen_announcing
        ):
            header.issuer = text.strip()
            header.evidence_of["issuer"] = [evidence(doc, block.start, block.end)]
            continue
        if title_open and block.marker is None and len(text) <= 150 and TITLE_END.search(text):
            title_blocks.append(block)
        elif title_blocks:
            title_open = False
    if title_blocks:
        header.title = " ".join(doc.text[b.start : b.end].strip() for b in title_blocks)
        header.evidence_of["title"] = [_stripped_evidence(doc, b) for b in title_blocks]
    else:
        start, end = _first_line(doc)
        if end > start:
            header.title = doc.text[start:end]
            header.evidence_of["title"] = [evidence(doc, start, end)]
    return header


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

