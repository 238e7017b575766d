"""Plain text and Markdown: encoding detection, tab / Markdown tables, HTML inside cells."""

from __future__ import annotations

import codecs
import html

import regex

from gonggo.ingest.builder import RawBlock, RawCell, RawTable
from gonggo.ingest.errors import CorruptDocument, ResourceLimit, UnsupportedFormat
from gonggo.ingest.limits import MAX_LINE_CHARS, MAX_TABLE_CELLS, MAX_TEXT_LINES
from gonggo.schemas.document import ReadFinding
from gonggo.vocab.text import compiled

_HTML_BREAK = regex.compile(r"<\s*br\s*/?\s*>|<\s*/\s*(?:p|div|li|tr)\s*>", regex.I)
_HTML_LI = regex.compile(r"<\s*li\b[^>]*>", regex.I)
_CHECKBOX = regex.compile(r"<\s*input\b[^>]*type\s*=\s*[\"']?checkbox[^>]*>", regex.I)
_TAG = regex.compile(r"<\s*/?\s*[a-zA-Z][^<>]*>")
# Possessive quantifiers: a separator-like line that fails at its end fails at once instead of
# trying every split of its dashes and spaces (catastrophic backtracking).
_MD_SEP = regex.compile(r"^\s*+\|?+\s*+:?+-{3,}+:?+\s*+(?:\|\s*+:?+-{3,}+:?+\s*+)*+\|?+\s*+$")
# Page furniture a PDF's text keeps (`gonggo ingest` prints the running footers and headers the
# PDF reader found as lines): a page number `- 7 -` alone on its line, and a running title
# repeated beside page numbers. In a text it is a footer / header block, as the PDF reader
# makes it, not a `-` list item the lines after it would nest under (an exclusions list run
# over a page break).
PAGE_NUMBER_LINE = regex.compile(r"^\s*[-–—]\s*\d{1,4}\s*[-–—]\s*$")
MAX_RUNNING_LINE = 60


def decode(data: bytes) -> str:
    """Bytes → str: BOMs first, then strict UTF-8, then UTF-16 by NUL pattern, then CP949."""
    for bom, enc in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
                     (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(enc)
            except UnicodeDecodeError as err:
                raise CorruptDocument(f"{enc} byte order mark but invalid {enc} text") from err
    try:
        decoded = data.decode("utf-8")
    except UnicodeDecodeError as err:
        decoded = None
        if _cut_mid_character(data, err):
            decoded = data[: err.start].decode("utf-8")
    if decoded is not None:
        controls = sum(1 for ch in decoded[:4000] if ord(ch) < 32 and ch not in "\n\t\r\f")
        if controls > len(decoded[:4000]) * 0.05 and 0 not in data[:4096]:
            raise UnsupportedFormat("binary data, not text or a known document format")
        if 0 not in data[:4096]:
            return decoded
    sample = data[:4096]
    if 0 in sample and len(data) % 2 == 0:
        for enc in ("utf-16-le", "utf-16-be"):
            try:
                decoded = data.decode(enc)
            except UnicodeDecodeError:
                continue
            if _plausible(decoded[:2000]):
                return decoded
    if 0 in sample:
        raise UnsupportedFormat("binary data, not text or a known document format")
    try:
        return data.decode("cp949")
    except UnicodeDecodeError as err:
        raise UnsupportedFormat("text in an unknown encoding (not UTF-8, UTF-16 or CP949)") from err


def _cut_mid_character(data: bytes, err: UnicodeDecodeError) -> bool:
    """Valid UTF-8 up to a last character whose bytes were cut off (a truncated download)."""
    return err.reason == "unexpected end of data" and len(data) - err.start < 4


def truncated_tail(data: bytes, text: str) -> ReadFinding | None:
    """The finding for the bytes `decode` had to drop at the end, if it did."""
    dropped = len(data) - len(text.encode("utf-8"))
    if dropped <= 0 or data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return None
    try:
        data.decode("utf-8")
        return None
    except UnicodeDecodeError as err:
        if not _cut_mid_character(data, err):
            return None
    return ReadFinding(code="truncated_text", severity="warning",
                       message=f"the file ends in the middle of a character: its last {dropped} "
                               "byte(s) were dropped (was the file cut off?)")


def _plausible(text: str) -> bool:
    """Mostly Hangul, ASCII, CJK and punctuation: what an announcement's text is made of."""
    if not text:
        return False
    good = sum(1 for ch in text if ch.isprintable() or ch in "\n\t\r")
    weird = sum(1 for ch in text if "\u0100" <= ch < "\u1100" or "\ue000" <= ch < "\uf900")
    return good / len(text) > 0.95 and weird / len(text) < 0.05


def html_to_text(s: str) -> str:
    """HTML fragments inside a cell (`<br>`, lists, checkboxes) → plain text."""
    if "<" not in s and "&" not in s:
        return s
    s = _CHECKBOX.sub(lambda m: "☑ " if compiled(r"\bchecked\b", regex.I).search(m.group(0))
                      else "☐ ", s)
    s = _HTML_LI.sub("\n- ", s)
    s = _HTML_BREAK.sub("\n", s)
    s = _TAG.sub("", s)
    return html.unescape(s)


def _md_cells(line: str) -> list[str]:
    s = line.strip()
    s = s.removeprefix("|")
    if s.endswith("|") and not s.endswith("\\|"):
        s = s[:-1]
    return [c.strip().replace("\\|", "|") for c in compiled(r"(?<!\\)\|").split(s)]


def _table(rows: list[list[str]]) -> RawTable:
    n_cells = sum(map(len, rows))
    if n_cells > MAX_TABLE_CELLS:
        raise ResourceLimit(f"a table of {n_cells} cells is over the limit of {MAX_TABLE_CELLS}")
    n_cols = max(len(r) for r in rows)
    cells = [RawCell(row=r, col=c, text=html_to_text(text))
             for r, row in enumerate(rows) for c, text in enumerate(row)]
    return RawTable(n_rows=len(rows), n_cols=n_cols, cells=cells)


def _is_md_row(line: str) -> bool:
    s = line.strip()
    return s.startswith("|") and s.count("|") >= 2


def strip_comments(text: str) -> str:
    """HTML comments removed in one left-to-right pass (an unclosed `<!--` runs to the end);
    a lazy `<!--.*?-->` regex rescans the rest of the text from every unclosed opener."""
    if "<!--" not in text:
        return text
    out = []
    pos = 0
    while (start := text.find("<!--", pos)) >= 0:
        out.append(text[pos:start])
        end = text.find("-->", start + 4)
        if end < 0:
            return "".join(out)
        pos = end + 3
    out.append(text[pos:])
    return "".join(out)


def check_shape(text: str) -> None:
    """Lines and line lengths against `limits`, before any line rule runs."""
    lines = text.count("\n") + 1
    if lines > MAX_TEXT_LINES:
        raise ResourceLimit(f"{lines} lines is over the limit of {MAX_TEXT_LINES}")
    longest = max(map(len, text.splitlines()), default=0)
    if longest > MAX_LINE_CHARS:
        raise ResourceLimit(f"a line of {longest} characters is over the limit of "
                            f"{MAX_LINE_CHARS} (a generated file?)")


def _running_lines(lines: list[str]) -> tuple[set[int], set[int]]:
    """Line indices of page numbers (`- 7 -`) and of running titles: a line printed right
    before or after page numbers at two page breaks or more, every other printing of it but
    one (the title on the first page) there too."""
    numbers = {i for i, line in enumerate(lines) if PAGE_NUMBER_LINE.match(line)}
    beside: dict[str, list[int]] = {}
    for i in sorted(numbers):
        for step in (-1, 1):
            j = i + step
            while 0 <= j < len(lines) and not lines[j].strip():
                j += step
            if 0 <= j < len(lines) and j not in numbers and "\t" not in lines[j]:
                key = lines[j].strip()
                if len(key) <= MAX_RUNNING_LINE and j not in beside.get(key, []):
                    beside.setdefault(key, []).append(j)
    titles: set[int] = set()
    for key, at in beside.items():
        if len(at) >= 2 and sum(line.strip() == key for line in lines) <= len(at) + 1:
            titles.update(at)
    return numbers, titles


def parse_text(text: str) -> list[RawBlock]:
    """One block per non-empty line; runs of tab-separated or Markdown table rows → tables;
    page numbers and running titles → footer / header blocks (`_running_lines`)."""
    check_shape(text)
    text = strip_comments(text)
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    numbers, titles = _running_lines(lines)
    blocks: list[RawBlock] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if _is_md_row(line) and i + 1 < len(lines) and _MD_SEP.match(lines[i + 1]):
            rows = [_md_cells(line)]
            j = i + 2
            while j < len(lines) and _is_md_row(lines[j]):
                rows.append(_md_cells(lines[j]))
                j += 1
            blocks.append(RawBlock(kind="table", table=_table(rows), paragraph_index=i + 1))
            i = j
            continue
        if "\t" in line.strip("\n") and line.strip():
            rows = []
            j = i
            while j < len(lines) and "\t" in lines[j] and lines[j].strip():
                rows.append(lines[j].split("\t"))
                j += 1
            if len(rows) >= 1 and max(len(r) for r in rows) >= 2:
                blocks.append(RawBlock(kind="table", table=_table(rows), paragraph_index=i + 1))
                i = j
                continue
        if line.strip():
            kind = "footer" if i in numbers else "header" if i in titles else "paragraph"
            blocks.append(RawBlock(kind=kind, text=html_to_text(line), paragraph_index=i + 1))
        i += 1
    return blocks
