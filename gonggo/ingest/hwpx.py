"""HWPX (OWPML, KS X 6101) reader: a zip of XML parts → raw blocks in reading order.

The package is read defensively: entry names may use backslashes, `META-INF/manifest.xml`
and `Contents/content.hpf` may be missing or broken, and nothing is decompressed or parsed
before its declared size and compression ratio have been checked. XML is parsed with
defusedxml (no DTDs, no entities, no network). Elements are matched on local names, since
the namespace URIs differ between HWPML versions (2011 core/paragraph/section, 2016 ...).

Reading order inside a section: each body paragraph's inline text, then the objects
anchored in it (tables, text boxes, headers/footers, notes) in the order they appear.
Every `hp:t` element's text ends up in some block; text in places the walker does not
know is appended to its section and reported as a finding rather than dropped.
"""

from __future__ import annotations

import io
import posixpath
import re
import struct
import zipfile
import zlib
from collections.abc import Iterator
from itertools import chain
from typing import IO, Any
from xml.etree.ElementTree import Element, ParseError, TreeBuilder, XMLParser

import defusedxml.ElementTree as SafeET
from defusedxml import DefusedXmlException

from gonggo.ingest.builder import RawBlock, RawCell, RawTable, ReaderOutput
from gonggo.ingest.errors import CorruptDocument, EncryptedDocument, ResourceLimit
from gonggo.ingest.limits import (
    MAX_INFLATED_BYTES,
    MAX_NESTING,
    MAX_RATIO,
    MAX_STREAM_BYTES,
    MAX_TABLE_COLS,
    MAX_TABLE_ROWS,
    MAX_XML_DEPTH,
    MAX_XML_ELEMENTS,
    MAX_ZIP_ENTRIES,
    RATIO_MIN_BYTES,
    READ_CHUNK,
)
from gonggo.schemas.document import ReadFinding

MAX_TOTAL_BYTES = MAX_INFLATED_BYTES  # decompressed bytes read from one package
MAX_ENTRIES = MAX_ZIP_ENTRIES

DEFAULT_HPF = "Contents/content.hpf"
MANIFEST = "META-INF/manifest.xml"
CONTAINER = "META-INF/container.xml"
_SECTION_FILE = re.compile(r"(?:^|/)section(\d+)\.xml$", re.IGNORECASE)
_BODY_SECTION = re.compile(r"^contents/section(\d+)\.xml$", re.IGNORECASE)

# Inline elements of `hp:t` that stand for a character; other inline elements (markpen,
# titleMark, track-change marks) only mark positions.
_INLINE_CHARS = {"tab": "\t", "lineBreak": "\n", "nbSpace": " ", "fwSpace": " ", "hyphen": "-"}
_INLINE_MARKERS = {"markpenBegin", "markpenEnd", "titleMark", "insertBegin", "insertEnd",
                   "deleteBegin", "deleteEnd"}
# Children of a paragraph or run that hold layout only, never text.
_LAYOUT_ONLY = {"linesegarray", "secPr"}
# Parts of objects and controls that hold no document text (alt text such as "사각형입니다.",
# hyperlink commands, index keys, metadata).
_NOT_TEXT = {"shapeComment", "parameters", "metaTag", "indexmark", "sz", "pos", "outMargin",
             "renderingInfo", "lineShape", "fillBrush", "shadow", "effects", "imgRect", "imgClip"}
# Annotations the author sees but that are not printed: reported, not read as text.
_ANNOTATIONS = {"hiddenComment", "fieldBegin"}
_PAGE_MARGINS = {"header", "footer"}  # read as blocks of that kind


def read_hwpx(data: bytes) -> ReaderOutput:
    """Read an HWPX package; raises an `IngestError` subclass for anything unreadable."""
    package = _Package(data)
    package.refuse_encrypted()
    section_names, findings = _section_order(package)
    blocks: list[RawBlock] = []
    for index, name in enumerate(section_names):
        reader = _SectionReader(index)
        try:
            blocks.extend(reader.read(package.parse_xml(name)))
        except RecursionError as err:  # elements nested absurdly deep (switch in switch ...)
            raise ResourceLimit(f"{name}: XML nested too deeply") from err
        findings.extend(reader.findings(name))
    return ReaderOutput(blocks=blocks, findings=findings)


# --- the zip container ---------------------------------------------------------------------


def _normalize_name(name: str) -> str:
    return name.replace("\\", "/").lstrip("/")


class _Package:
    """The zip container, with entry names normalized and every read metered."""

    def __init__(self, data: bytes) -> None:
        try:
            self._zip = zipfile.ZipFile(io.BytesIO(data))
            infos = self._zip.infolist()
        except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError,
                struct.error, NotImplementedError) as err:
            raise CorruptDocument(f"broken zip container ({err})") from err
        if len(infos) > MAX_ENTRIES:
            raise ResourceLimit(f"zip has {len(infos)} entries (limit {MAX_ENTRIES})")
        self._entries: dict[str, zipfile.ZipInfo] = {}
        for info in infos:
            _check_ratio(_normalize_name(info.filename), info)  # every member, zip64 included
            self._entries.setdefault(_normalize_name(info.filename), info)
        self._by_lower = {name.lower(): name for name in self._entries}
        self._bytes_read = 0
        self.xml_budget = _XmlBudget()

    @property
    def names(self) -> list[str]:
        return list(self._entries)

    def find(self, name: str) -> str | None:
        """The stored name for `name`, matched exactly, then ignoring case."""
        name = _normalize_name(name)
        if name in self._entries:
            return name
        return self._by_lower.get(name.lower())

    def refuse_encrypted(self) -> None:
        if any(info.flag_bits & 0x1 for info in self._entries.values()):
            raise EncryptedDocument("zip entries are encrypted; save the file without a password")
        # The ODF-style manifest lists `encryption-data` for every password-protected part.
        if b"encryption-data" in self._optional_part(MANIFEST):
            raise EncryptedDocument("password-protected HWPX; save it without a password")

    def _optional_part(self, name: str) -> bytes:
        """An entry the package can do without: empty when missing or unreadable."""
        found = self.find(name)
        if found is None:
            return b""
        try:
            return self.read(found)
        except CorruptDocument:
            return b""

    def read(self, name: str) -> bytes:
        info = self._entries[name]
        self._check_declared(name, info)
        try:
            with self._zip.open(info) as stream:
                return self._read_metered(name, info, stream)
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, struct.error,
                NotImplementedError, RuntimeError) as err:
            raise CorruptDocument(f"{name}: unreadable zip entry ({err})") from err

    def _check_declared(self, name: str, info: zipfile.ZipInfo) -> None:
        if info.file_size > MAX_STREAM_BYTES:
            raise ResourceLimit(f"{name}: declares {info.file_size} bytes; more than "
                                f"{MAX_STREAM_BYTES} for one part (zip bomb?)")
        if self._bytes_read + info.file_size > MAX_TOTAL_BYTES:
            raise ResourceLimit(f"{name}: declares {info.file_size} bytes; more than "
                                f"{MAX_TOTAL_BYTES} bytes in total (zip bomb?)")
        _check_ratio(name, info)

    def _read_metered(self, name: str, info: zipfile.ZipInfo, stream: IO[bytes]) -> bytes:
        # The declared sizes may lie; count what decompression actually yields.
        chunks: list[bytes] = []
        entry_bytes = 0
        while chunk := stream.read(READ_CHUNK):
            entry_bytes += len(chunk)
            self._bytes_read += len(chunk)
            if entry_bytes > MAX_STREAM_BYTES:
                raise ResourceLimit(f"{name}: more than {MAX_STREAM_BYTES} bytes decompressed "
                                    "(zip bomb?)")
            if self._bytes_read > MAX_TOTAL_BYTES:
                raise ResourceLimit(f"{name}: more than {MAX_TOTAL_BYTES} bytes decompressed "
                                    "(zip bomb?)")
            stored = max(info.compress_size, 1)
            if entry_bytes > RATIO_MIN_BYTES and entry_bytes > MAX_RATIO * stored:
                raise ResourceLimit(f"{name}: decompresses to over {MAX_RATIO} times its "
                                    "stored size (zip bomb?)")
            chunks.append(chunk)
        return b"".join(chunks)

    def parse_xml(self, name: str) -> Element:
        return _parse_xml(name, self.read(name), self.xml_budget)


def _check_ratio(name: str, info: zipfile.ZipInfo) -> None:
    ratio = info.file_size / max(info.compress_size, 1)
    if info.file_size > RATIO_MIN_BYTES and ratio > MAX_RATIO:
        raise ResourceLimit(f"{name}: compression ratio {ratio:.0f}:1 is over "
                            f"{MAX_RATIO}:1 (zip bomb?)")


class _XmlBudget:
    """Elements parsed so far in one package, against MAX_XML_ELEMENTS."""

    def __init__(self) -> None:
        self.left = MAX_XML_ELEMENTS


class _BoundedTreeBuilder(TreeBuilder):
    """A TreeBuilder that stops the parse once the package holds too many elements or one
    part nests too deeply (checked while parsing, before the tree exists)."""

    def __init__(self, name: str, budget: _XmlBudget) -> None:
        super().__init__()
        self._name = name
        self._budget = budget
        self._depth = 0

    def start(self, tag: Any, attrs: Any) -> Element:
        self._depth += 1
        self._budget.left -= 1
        if self._budget.left < 0:
            raise ResourceLimit(f"{self._name}: more than {MAX_XML_ELEMENTS} XML elements in "
                                "the package (an element bomb?)")
        if self._depth > MAX_XML_DEPTH:
            raise ResourceLimit(f"{self._name}: XML nested too deeply (over {MAX_XML_DEPTH} levels)")
        return super().start(tag, attrs)

    def end(self, tag: Any) -> Element:
        self._depth -= 1
        return super().end(tag)


# The XML declaration of a part, if any: `<?xml ... encoding="..." ?>` at the very start.
_XML_DECL = re.compile(rb"""<\?xml[^>]{0,200}?encoding\s*=\s*["']([A-Za-z0-9._-]{1,40})["']""")


def _plain_utf8(data: bytes) -> bool:
    """True when a part is UTF-8 XML with no document type declaration: then no DTD, entity
    or external reference can occur, and the C parser may read it as it is (expat only
    knows the five predefined entities without a DTD). Anything else — another encoding,
    a BOM other than UTF-8's, a `<!DOCTYPE` anywhere — goes the defused way."""
    head = data[3:] if data.startswith(b"\xef\xbb\xbf") else data
    head = head.lstrip(b" \t\r\n")
    if not head.startswith(b"<") or b"<!DOCTYPE" in data:
        return False
    if head.startswith(b"<?xml"):
        decl = head[: head.find(b"?>") + 2] if b"?>" in head[:300] else b""
        if not decl:
            return False
        match = _XML_DECL.match(decl)
        return match is None or match.group(1).lower() in (b"utf-8", b"utf8")
    return True


def _depth(root: Element) -> int:
    """Levels of elements under (and with) `root`, one list per level (C-speed iteration:
    only the elements with children are iterated, most elements of a part are leaves, and an
    iterator per leaf was most of the cost: 19.6 -> 15.1 ms for the 81,274 elements of
    mafra_smartfarm_multi_ministry_rnd_2025_gonggo.hwpx)."""
    depth, level = 0, [root]
    while level:
        depth += 1
        level = list(chain.from_iterable(filter(len, level)))
    return depth


def _parse_xml(name: str, data: bytes, budget: _XmlBudget | None = None) -> Element:
    budget = budget or _XmlBudget()
    # Every element has a `<` and at most one `</`: an upper bound found at C speed, so an
    # element bomb is refused before the (slower, exact) counting parse starts.
    bound = data.count(b"<") - data.count(b"</")
    if bound > budget.left + 1000:
        raise ResourceLimit(f"{name}: more than {MAX_XML_ELEMENTS} XML elements in the "
                            "package (an element bomb?)")
    if bound <= budget.left and _plain_utf8(data):
        # The fast path: the bound proves the element budget holds, so the C parser and
        # tree builder read the part; the budget and the nesting are counted afterwards.
        try:
            parser = XMLParser(target=TreeBuilder())
            parser.feed(data)
            root: Element = parser.close()
        except ParseError as err:
            raise CorruptDocument(f"{name}: XML syntax error ({err})") from err
        if bound > MAX_XML_DEPTH and _depth(root) > MAX_XML_DEPTH:
            raise ResourceLimit(f"{name}: XML nested too deeply (over {MAX_XML_DEPTH} levels)")
        budget.left -= len(list(root.iter()))
        return root
    builder = _BoundedTreeBuilder(name, budget)
    try:
        parser = SafeET.DefusedXMLParser(target=builder, forbid_dtd=True)
        parser.feed(data)
        return parser.close()  # type: ignore[no-any-return]
    except DefusedXmlException as err:
        raise ResourceLimit(f"{name}: XML declares a DTD or entities; refused "
                            f"({type(err).__name__})") from err
    except ParseError as err:
        raise CorruptDocument(f"{name}: XML syntax error ({err})") from err
    except (ValueError, LookupError) as err:  # e.g. an unknown encoding declaration
        raise CorruptDocument(f"{name}: undecodable XML ({err})") from err


# --- section order -------------------------------------------------------------------------


def _section_order(package: _Package) -> tuple[list[str], list[ReadFinding]]:
    """Body sections in reading order: the content.hpf spine, else file-name numbers."""
    present = sorted((n for n in package.names if _BODY_SECTION.match(n)), key=_section_number)
    findings: list[ReadFinding] = []
    try:
        spine = _spine_sections(package)
    except CorruptDocument as err:
        findings.append(ReadFinding(code="hwpx_bad_content_hpf", severity="info",
                                    message=f"{err.message}; sections read in file-name order"))
        spine = None
    if spine is None:
        ordered = present
    else:
        listed, missing = spine
        ordered = listed + [n for n in present if n not in listed]
        if missing:
            findings.append(ReadFinding(code="hwpx_missing_section", severity="error",
                                        message="sections listed in content.hpf are missing "
                                                f"from the package: {', '.join(missing)}"))
    if not ordered:
        raise CorruptDocument("no Contents/sectionN.xml in the package")
    return ordered, findings


def _section_number(name: str) -> int:
    match = _SECTION_FILE.search(name)
    return int(match.group(1)) if match else 0


def _spine_sections(package: _Package) -> tuple[list[str], list[str]] | None:
    """(present, missing) section entries in spine order; None without a usable spine."""
    hpf = _find_hpf(package)
    if hpf is None:
        return None
    root = package.parse_xml(hpf)
    hrefs = {item.get("id"): item.get("href", "") for item in _descendants(root, "item")}
    listed: list[str] = []
    missing: list[str] = []
    for itemref in _descendants(root, "itemref"):
        href = hrefs.get(itemref.get("idref"), "")
        if not _SECTION_FILE.search(_normalize_name(href)):
            continue
        name = _resolve_href(package, hpf, href)
        if name is None:
            missing.append(href)
        elif name not in listed:
            listed.append(name)
    return (listed, missing) if listed or missing else None


def _find_hpf(package: _Package) -> str | None:
    """The package document named in META-INF/container.xml, else the usual place."""
    container = package.find(CONTAINER)
    if container:
        try:
            root = package.parse_xml(container)
        except CorruptDocument:
            root = None
        for rootfile in _descendants(root, "rootfile") if root is not None else []:
            found = package.find(rootfile.get("full-path", ""))
            if found and found.lower().endswith(".hpf"):
                return found
    return package.find(DEFAULT_HPF)


def _resolve_href(package: _Package, hpf: str, href: str) -> str | None:
    """Hancom writes hrefs relative to the package root; OPF says relative to the hpf."""
    href = _normalize_name(href)
    relative = posixpath.normpath(posixpath.join(posixpath.dirname(hpf), href))
    return package.find(href) or package.find(relative)


# --- section XML ---------------------------------------------------------------------------


_LOCAL_NAMES: dict[object, str] = {}  # tag → local name, for the few tags a package uses
_LOCAL_NAMES_MAX = 4096


def _local(tag: object) -> str:
    try:
        return _LOCAL_NAMES[tag]
    except KeyError:
        name = tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""
        if len(_LOCAL_NAMES) < _LOCAL_NAMES_MAX:
            _LOCAL_NAMES[tag] = name
        return name


def _children(element: Element, local_name: str) -> list[Element]:
    names = _LOCAL_NAMES
    return [child for child in element
            if (names.get(child.tag) or _local(child.tag)) == local_name]


def _descendants(element: Element, local_name: str) -> Iterator[Element]:
    return (el for el in element.iter() if _local(el.tag) == local_name)


def _first_child(element: Element, local_name: str) -> Element | None:
    names = _LOCAL_NAMES
    for child in element:
        if (names.get(child.tag) or _local(child.tag)) == local_name:
            return child
    return None


def _int_attr(element: Element | None, name: str, default: int) -> int:
    if element is None:
        return default
    try:
        return int(element.get(name, default))
    except (TypeError, ValueError):
        return default


def _switch_branch(switch: Element) -> Element | None:
    """The alternative of an `hp:switch` to read: the one with the most text, else default.

    `hp:case` holds content for newer readers and `hp:default` the fallback; both usually
    carry the same text, so reading one avoids doubling it.
    """
    branches = [c for c in switch if _local(c.tag) in ("case", "default")]
    if not branches:
        return None
    return max(branches, key=lambda b: (_text_weight(b), _local(b.tag) == "default"))


def _text_weight(element: Element) -> int:
    return sum(len("".join(t.itertext())) for t in _descendants(element, "t"))


class _SectionReader:
    """Walks one `sectionN.xml` and collects raw blocks in reading order."""

    def __init__(self, section_index: int) -> None:
        self.section_index = section_index
        self.paragraph_index = 0  # body paragraph that anchors what is being read
        self._accounted: set[int] = set()  # ids of `hp:t` read or deliberately skipped
        self._annotations = 0
        self._unreached_chars = 0

    def read(self, root: Element) -> list[RawBlock]:
        blocks: list[RawBlock] = []
        for index, paragraph in enumerate(_children(root, "p")):
            self.paragraph_index = index
            blocks.extend(self._paragraph_blocks(paragraph, depth=0))
        blocks.extend(self._unreached_blocks(root))
        return blocks

    def findings(self, section_name: str) -> list[ReadFinding]:
        found: list[ReadFinding] = []
        if self._annotations:
            found.append(ReadFinding(code="hwpx_annotations_skipped", severity="info",
                                     message=f"{section_name}: {self._annotations} hidden "
                                             "comment(s)/memo(s) not read as document text"))
        if self._unreached_chars:
            found.append(ReadFinding(code="hwpx_unplaced_text", severity="warning",
                                     message=f"{section_name}: {self._unreached_chars} characters"
                                             " in unrecognized elements, appended at the end "
                                             "of the section"))
        return found

    def _block(self, kind: str, text: str = "", table: RawTable | None = None) -> RawBlock:
        # positional: kind, text, table, page, section_index, paragraph_index
        return RawBlock(kind, text, table, None, self.section_index, self.paragraph_index)

    # paragraphs and runs

    def _paragraph_blocks(self, paragraph: Element, depth: int) -> list[RawBlock]:
        """One `hp:p`: its own inline text, then the blocks of the objects anchored in it."""
        parts: list[str] = []
        anchored: list[RawBlock] = []
        names = _LOCAL_NAMES
        for item in self._run_items(paragraph, []):
            if (names.get(item.tag) or _local(item.tag)) == "t" and not len(item):
                self._accounted.add(id(item))  # plain text, no inline elements: `_t_text`
                parts.append(item.text or "")
            else:
                self._read_item(item, parts, anchored, depth)
        return [self._block("paragraph", "".join(parts)), *anchored]

    def _run_items(self, container: Element, out: list[Element]) -> list[Element]:
        """Children of a paragraph with runs and switches flattened away (added to `out`)."""
        names = _LOCAL_NAMES
        for child in container:
            name = names.get(child.tag) or _local(child.tag)
            if name == "run":
                self._run_items(child, out)
            elif name == "switch":
                branch = self._choose_branch(child)
                if branch is not None:
                    self._run_items(branch, out)
            elif name not in _LAYOUT_ONLY:
                out.append(child)
        return out

    def _choose_branch(self, switch: Element) -> Element | None:
        branch = _switch_branch(switch)
        for other in switch:
            if other is not branch:
                self._skip(other)
        return branch

    def _read_item(self, item: Element, parts: list[str], anchored: list[RawBlock],
                   depth: int) -> None:
        name = _local(item.tag)
        if name == "t":
            parts.append(self._t_text(item))
        elif name == "ctrl":
            for control in item:
                self._read_control(control, parts, anchored, depth)
        elif name == "equation":
            parts.extend(s.text or "" for s in _children(item, "script"))
            anchored.extend(self._object_blocks(item, depth))
        elif name == "compose":
            parts.append(item.get("composeText", ""))
        elif name == "dutmal":
            parts.append(_dutmal_text(item))
        elif name == "textart":
            anchored.append(self._block("paragraph", item.get("text", "")))
        elif name == "tbl":
            anchored.extend(self._table_blocks(item, depth))
        else:  # pictures, shapes, groups, OLE, form objects, unknown objects
            anchored.extend(self._object_blocks(item, depth))

    def _t_text(self, t: Element) -> str:
        self._accounted.add(id(t))
        parts = [t.text or ""]
        for child in t:
            name = _local(child.tag)
            if name in _INLINE_CHARS:
                parts.append(_INLINE_CHARS[name])
            elif name not in _INLINE_MARKERS:
                parts.append("".join(child.itertext()))
            parts.append(child.tail or "")
        return "".join(parts)

    def _read_control(self, control: Element, parts: list[str], anchored: list[RawBlock],
                      depth: int) -> None:
        name = _local(control.tag)
        if name == "switch":
            branch = self._choose_branch(control)
            for child in branch if branch is not None else []:
                self._read_control(child, parts, anchored, depth)
        elif name in _ANNOTATIONS:
            if _text_weight(control):
                self._annotations += 1
            self._skip(control)
        elif name in _PAGE_MARGINS:
            anchored.extend(self._object_blocks(control, depth, kind=name))
        else:  # footnotes, endnotes, and controls with no text (page numbers, columns, ...)
            anchored.extend(self._object_blocks(control, depth))

    def _skip(self, element: Element) -> None:
        self._accounted.update(id(t) for t in _descendants(element, "t"))

    # objects: text boxes, captions, headers, notes

    def _object_blocks(self, obj: Element, depth: int, kind: str = "paragraph") -> list[RawBlock]:
        """Blocks of every sub-list (text box, caption, note) and table inside an object."""
        blocks: list[RawBlock] = []
        stack: list[tuple[Element, str]] = [(child, kind) for child in reversed(obj)]
        names = _LOCAL_NAMES
        while stack:
            element, element_kind = stack.pop()
            name = names.get(element.tag) or _local(element.tag)
            if name == "subList":
                blocks.extend(self._sublist_blocks(element, depth + 1, element_kind))
            elif name == "tbl":
                blocks.extend(self._table_blocks(element, depth + 1))
            elif name == "switch":
                branch = self._choose_branch(element)
                if branch is not None:
                    stack.extend((child, element_kind) for child in reversed(branch))
            elif len(element) and name not in _NOT_TEXT:  # a leaf has nothing to push
                child_kind = "caption" if name == "caption" else element_kind
                stack.extend((child, child_kind) for child in reversed(element))
        return blocks

    def _sublist_blocks(self, sublist: Element, depth: int, kind: str) -> list[RawBlock]:
        if depth > MAX_NESTING:
            raise ResourceLimit(f"objects nested more than {MAX_NESTING} levels deep")
        blocks: list[RawBlock] = []
        for paragraph in _children(sublist, "p"):
            blocks.extend(self._paragraph_blocks(paragraph, depth))
        for block in blocks:
            if block.kind == "paragraph":
                block.kind = kind
        return blocks

    # tables

    def _table_blocks(self, tbl: Element, depth: int) -> list[RawBlock]:
        """The table, with its caption before or after it as the caption's side says."""
        caption = _first_child(tbl, "caption")
        captions = self._object_blocks(caption, depth, "caption") if caption is not None else []
        table = self._block("table", table=self._read_table(tbl, depth))
        if caption is not None and caption.get("side", "BOTTOM").upper() in ("TOP", "LEFT"):
            return [*captions, table]
        return [table, *captions]

    def _read_table(self, tbl: Element, depth: int) -> RawTable:
        if depth > MAX_NESTING:
            raise ResourceLimit(f"tables nested more than {MAX_NESTING} levels deep")
        n_rows = min(max(_int_attr(tbl, "rowCnt", 0), 0), MAX_TABLE_ROWS)
        n_cols = min(max(_int_attr(tbl, "colCnt", 0), 0), MAX_TABLE_COLS)
        cells: list[RawCell] = []
        for row_pos, tr in enumerate(_children(tbl, "tr")):
            for col_pos, tc in enumerate(_children(tr, "tc")):
                cells.append(self._read_cell(tc, row_pos, col_pos, depth))
        return RawTable(n_rows=n_rows, n_cols=n_cols, cells=cells)

    def _read_cell(self, tc: Element, row_pos: int, col_pos: int, depth: int) -> RawCell:
        addr = span = None
        names = _LOCAL_NAMES
        for child in tc:  # the first of each, in one pass
            name = names.get(child.tag) or _local(child.tag)
            if name == "cellAddr":
                if addr is None:
                    addr = child
            elif name == "cellSpan" and span is None:
                span = child
        # row and column inside the limits, spans at least 1 and inside them from there
        row = _int_attr(addr, "rowAddr", row_pos)
        row = 0 if row < 0 else min(row, MAX_TABLE_ROWS - 1)
        col = _int_attr(addr, "colAddr", col_pos)
        col = 0 if col < 0 else min(col, MAX_TABLE_COLS - 1)
        row_span = _int_attr(span, "rowSpan", 1)
        row_span = (1 if row_span < 1 else min(row_span, MAX_TABLE_ROWS - row))
        col_span = _int_attr(span, "colSpan", 1)
        col_span = (1 if col_span < 1 else min(col_span, MAX_TABLE_COLS - col))
        lines: list[str] = []
        nested: list[RawTable] = []
        for block in self._object_blocks(tc, depth):
            if block.table is not None:
                nested.append(block.table)
            else:
                lines.append(block.text)
        return RawCell(row=row, col=col, text="\n".join(lines), row_span=row_span,
                       col_span=col_span, nested=nested)

    # the safety net

    def _unreached_blocks(self, root: Element) -> list[RawBlock]:
        """Text of `hp:t` elements the walker never visited, grouped by paragraph."""
        # Only `hp:t` elements of this part are ever accounted: when as many were as the part
        # holds, none is left (counted per distinct tag by the C iterator).
        t_tags = [tag for tag in {el.tag for el in root.iter()} if _local(tag) == "t"]
        if sum(len(list(root.iter(tag))) for tag in t_tags) == len(self._accounted):
            return []
        unreached = [t for t in _descendants(root, "t") if id(t) not in self._accounted]
        if not unreached:
            return []
        parent_of = {child: parent for parent in root.iter() for child in parent}
        groups: dict[int, list[str]] = {}
        for t in unreached:
            groups.setdefault(id(_enclosing_paragraph(t, parent_of)), []).append(self._t_text(t))
        self.paragraph_index = len(list(_children(root, "p")))
        blocks = [self._block("paragraph", "".join(texts)) for texts in groups.values()]
        self._unreached_chars = sum(len(b.text.strip()) for b in blocks)
        return blocks


def _enclosing_paragraph(element: Element, parent_of: dict[Element, Element]) -> Element | None:
    node: Element | None = element
    while node is not None and _local(node.tag) != "p":
        node = parent_of.get(node)
    return node


def _dutmal_text(dutmal: Element) -> str:
    """Ruby text: the main text with its annotation in parentheses."""
    main = "".join(m.text or "" for m in _children(dutmal, "mainText"))
    sub = "".join(s.text or "" for s in _children(dutmal, "subText"))
    return f"{main}({sub})" if sub else main
