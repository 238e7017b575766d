"""HWP 5 (Hangul binary, OLE compound file) → raw blocks.

References (§ sections, 표 tables) are to Hancom's "한글 문서 파일 형식 5.0" revision 1.3,
which is itself one of the sample files: §3.2.1 FileHeader, §4.1 record header, §4.2.13
HWPTAG_DISTRIBUTE_DOC_DATA, §4.3 body records (tag values in 표 57), 표 6 control characters.
The ViewText scrambling and encryption are not in the spec; they follow the algorithm that
the open-source readers (pyhwp, hwplib) implement, verified here against the samples.

One pass over each section's records: the record list is flat with a nesting level, and a
record's children are the records that follow it at a deeper level. Paragraphs own their
PARA_TEXT and CTRL_HEADER children; a table control owns a TABLE record and one LIST_HEADER
per cell, each followed by the cell's paragraphs at the LIST_HEADER's own level.
"""

from __future__ import annotations

import codecs
import io
import re
import struct
import zlib
from bisect import bisect_right
from collections import Counter
from itertools import accumulate

import olefile
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

from gonggo.ingest.builder import RawBlock, RawCell, RawTable, ReaderOutput
from gonggo.ingest.errors import (
    CorruptDocument,
    DRMProtected,
    EncryptedDocument,
    IngestError,
    ResourceLimit,
    UnsupportedFormat,
)
from gonggo.ingest.glyphs import PRIVATE_USE, map_glyphs
from gonggo.ingest.limits import (
    MAX_INFLATED_BYTES,
    MAX_NESTING,
    MAX_OLE_CHAIN_SECTORS,
    MAX_OLE_DIR_DEPTH,
    MAX_OLE_DIR_ENTRIES,
    MAX_OLE_STREAM_BYTES,
    MAX_RATIO,
    MAX_RECORDS,
    MAX_STREAM_BYTES,
    MAX_TABLE_CELLS,
    RATIO_MIN_BYTES,
    READ_CHUNK,
)
from gonggo.schemas.document import ReadFinding

HWP_SIGNATURE = b"HWP Document File"
MAX_BODY_BYTES = MAX_INFLATED_BYTES  # decompressed, all sections together

# FileHeader properties, §3.2.1 표 3.
FLAG_COMPRESSED = 1 << 0
FLAG_PASSWORD = 1 << 1
FLAG_DISTRIBUTION = 1 << 2
FLAG_DRM = 1 << 4
FLAG_CERT_ENCRYPTED = 1 << 8
FLAG_CERT_DRM = 1 << 10

# Record tags: HWPTAG_BEGIN = 0x10 (§4.1); body records in 표 57, DocInfo ones in 표 13.
TAG_DISTRIBUTE_DOC_DATA = 0x10 + 12
TAG_PARA_HEADER = 0x10 + 50
TAG_PARA_TEXT = 0x10 + 51
TAG_CTRL_HEADER = 0x10 + 55
TAG_LIST_HEADER = 0x10 + 56
TAG_TABLE = 0x10 + 61

# Control ids (표 67, 표 127) as they read from the record's first four bytes (stored reversed).
CHID_TABLE = b" lbt"
CHID_GSO = b" osg"
CHID_HEADER = b"daeh"
CHID_FOOTER = b"toof"
CHID_AUTO_NUMBER = b"onta"
CHID_EQUATION = b"deqe"

# Paragraph text control characters, 표 6: "char" controls take one WCHAR,
# "inline" and "extended" controls take eight (code, 12 bytes of data, code again).
_CONTROL_CHAR = re.compile(rb"[\x00-\x1f]\x00")
# The same characters in decoded text: a code unit below 0x20 decodes to a character below
# 0x20 (a lone surrogate to U+FFFD, one for one), and only a control's code unit is one. A
# printable text holds none; the rest are searched. On msit_ict_rnd_2026_1st_gonggo.hwp's 941
# PARA_TEXT (decode included, valgrind): byte search 6.1 M instructions, text search 5.4 M
# (and no straddling matches: 794 paragraphs take the plain shortcut, were 673),
# isprintable() first 4.3 M.
_TEXT_CONTROL = re.compile("[\x00-\x1f]")
_EXTENDED = frozenset((1, 2, 3, 11, 12, 14, 15, 16, 17, 18, 21, 22, 23))
_INLINE = frozenset((4, 5, 6, 7, 8, 9, 19, 20))
_CHAR_TEXT = {10: "\n", 24: "-", 30: "\u00a0", 31: " "}  # line break, hyphen, fixed spaces
# `bytes.decode("utf-16-le", errors)` without the Python-level codec wrapper in between (the
# same function with final=True, as the wrapper calls it).
_utf16 = codecs.utf_16_le_decode


_DOC_STREAMS = {
    "WordDocument": "a Word .doc file; convert it to PDF or HWPX",
    "Workbook": "an Excel .xls file",
    "Book": "an Excel .xls file",
    "PowerPoint Document": "a PowerPoint .ppt file",
}


def read_hwp(data: bytes) -> ReaderOutput:
    """Read an HWP 5 file; every failure is an `IngestError` subclass."""
    try:
        return _read(data)
    except IngestError:
        raise
    except (MemoryError, RecursionError) as err:
        raise ResourceLimit(f"{type(err).__name__} while reading the HWP body") from err
    except Exception as err:  # a malformed file must not surface as a traceback
        raise CorruptDocument(f"malformed HWP ({type(err).__name__}: {err})"[:300]) from err


def _read(data: bytes) -> ReaderOutput:
    ole = _open_ole(data)
    flags = _check_file_header(ole)
    findings: list[ReadFinding] = []
    if flags & FLAG_DISTRIBUTION:
        storage = "ViewText"
        findings.append(ReadFinding(code="hwp_distribution", severity="info",
                                    message="배포용 (distribution) document: body decrypted "
                                            "from the ViewText streams"))
    else:
        storage = "BodyText"
    sections = _section_streams(ole, storage)
    reader = _BodyReader(findings)
    budget = MAX_BODY_BYTES
    records = MAX_RECORDS
    failures: list[CorruptDocument] = []
    for index, name in sections:
        try:
            body = _section_body(ole, name, flags, budget, findings)
        except CorruptDocument as err:
            failures.append(err)
            continue
        budget -= len(body)
        records -= reader.read_section(index, body, name, records)
    if len(failures) == len(sections):
        raise failures[0]
    for err in failures:  # some sections read: keep them, say which did not
        findings.append(ReadFinding(code="unreadable_section", severity="error",
                                    message=err.message))
    return reader.output()


# --- container -------------------------------------------------------------------------


def _open_ole(data: bytes) -> olefile.OleFileIO:
    # Always a file object: olefile treats short `bytes` as a *path*.
    try:
        ole = _GuardedOle(io.BytesIO(data))
    except IngestError:
        raise
    except Exception as err:  # olefile raises OSError, struct.error, ValueError ...
        message = f"broken OLE container ({type(err).__name__}: {err})"
        raise CorruptDocument(message[:300]) from err
    for _, issue in ole.parsing_issues:
        if "more than once" in issue or "double reference" in issue:  # olefile logs, reads on
            raise CorruptDocument(f"broken OLE container: the directory tree loops ({issue})")
    return ole


class _GuardedOle(olefile.OleFileIO):  # type: ignore[misc]
    """olefile with every chain it follows on its own checked first: the DIFAT chain and the
    FAT sector count (a DIFAT sector naming itself makes olefile load the same FAT sectors
    millions of times), the directory's sector chain (read as far as the FAT is long when it
    loops) and the mini-FAT's (read as far as its declared sector count, up to 16 TB)."""

    def loadfat(self, header: bytes) -> None:
        sectors = self.nb_sect + 1  # the file's sectors: every FAT or DIFAT sector is one
        if self.num_fat_sectors > sectors or self.num_difat_sectors > sectors:
            raise CorruptDocument(f"broken OLE container: {self.num_fat_sectors} FAT sectors "
                                  f"and {self.num_difat_sectors} DIFAT sectors declared in a "
                                  f"file of {sectors} sectors")
        seen: set[int] = set()
        sect, per = self.first_difat_sector, self.sectorsize // 4 - 1
        for _ in range(self.num_difat_sectors):
            if sect in _CHAIN_ENDS or sect >= sectors:
                break
            if sect in seen:
                raise CorruptDocument(f"broken OLE container: the DIFAT chain loops "
                                      f"(sector {sect} twice)")
            seen.add(sect)
            sect = struct.unpack_from("<I", self.getsect(sect), per * 4)[0]
        super().loadfat(header)

    def loaddirectory(self, sect: int) -> None:
        _follow_chain(self, sect, len(self.fat) * self.sectorsize, "the directory")
        _check_directory_tree(self, sect)
        super().loaddirectory(sect)

    def loadminifat(self) -> None:
        if self.num_mini_fat_sectors > self.nb_sect + 1:
            raise CorruptDocument(f"broken OLE container: {self.num_mini_fat_sectors} mini-FAT "
                                  f"sectors declared in a file of {self.nb_sect + 1} sectors")
        _follow_chain(self, self.minifatsect, self.num_mini_fat_sectors * self.sectorsize,
                      "the mini-FAT")
        super().loadminifat()


_DIR_ENTRY = 128  # bytes of one directory entry; left, right, child ids at 68, 72, 76


def _check_directory_tree(ole: olefile.OleFileIO, sect: int) -> None:
    """Walk the directory's red-black tree from the raw directory sectors, iteratively, before
    olefile walks it by recursion (a 1500-deep sibling or child chain is a RecursionError
    there): refuse more than MAX_OLE_DIR_ENTRIES reachable entries or a path deeper than
    MAX_OLE_DIR_DEPTH links (a child link counts two, as it costs olefile two frames). An
    entry reached twice is not followed again: olefile reports that loop itself."""
    chain: list[int] = []  # the directory's sectors; the chain was checked loop-free above
    while sect not in _CHAIN_ENDS and sect < len(ole.fat) and len(chain) < len(ole.fat):
        chain.append(sect)
        sect = int(ole.fat[sect]) & 0xFFFFFFFF
    per_sector = ole.sectorsize // _DIR_ENTRY
    n_entries = len(chain) * per_sector
    sectors: dict[int, bytes] = {}
    seen: set[int] = set()
    stack = [(0, 0)]  # (entry id, links from the root)
    while stack:
        sid, depth = stack.pop()
        if sid >= n_entries or sid in seen:
            continue  # out of range or met twice: olefile's own defects to report
        if depth > MAX_OLE_DIR_DEPTH:
            raise ResourceLimit(f"the OLE directory tree is more than MAX_OLE_DIR_DEPTH "
                                f"({MAX_OLE_DIR_DEPTH}) links deep; a bomb?")
        seen.add(sid)
        if len(seen) > MAX_OLE_DIR_ENTRIES:
            raise ResourceLimit(f"the OLE directory holds more than MAX_OLE_DIR_ENTRIES "
                                f"({MAX_OLE_DIR_ENTRIES}) entries; a bomb?")
        index = sid // per_sector
        if index not in sectors:
            sectors[index] = ole.getsect(chain[index])
        sector = sectors[index]
        offset = (sid % per_sector) * _DIR_ENTRY
        if len(sector) < offset + _DIR_ENTRY:
            continue  # a short last sector: olefile's error to report
        left, right, child = struct.unpack_from("<III", sector, offset + 68)
        stack.extend(((left, depth + 1), (right, depth + 1), (child, depth + 2)))


def _stream_bytes(ole: olefile.OleFileIO, name: str) -> bytes:
    _check_chain(ole, name)
    try:
        data: bytes = ole.openstream(name).read()
    except Exception as err:  # broken sector chains surface as many exception types
        raise CorruptDocument(
            f"broken OLE container: cannot read {name} ({type(err).__name__}: {err})"[:300]
        ) from err
    return data


_CHAIN_ENDS = (olefile.ENDOFCHAIN, olefile.FREESECT, olefile.FATSECT, olefile.DIFSECT)


def _check_chain(ole: olefile.OleFileIO, name: str) -> None:
    """Refuse a stream whose declared size is absurd or whose FAT sector chain loops, before
    olefile follows it (olefile reads declared-size sectors round a loop: gigabytes)."""
    try:
        entry = ole.direntries[ole._find(name)]
    except Exception:  # noqa: BLE001 - a missing entry is olefile's error to report
        return
    entries = [(name, entry)]
    if entry.size < ole.minisectorcutoff and ole.root is not None:
        entries.append(("the mini stream", ole.root))  # small streams live inside it
    for label, item in entries:
        if item.size > MAX_OLE_STREAM_BYTES:
            raise ResourceLimit(f"{label} declares {item.size} bytes (limit "
                                f"{MAX_OLE_STREAM_BYTES}; a bomb?)")
        _follow_chain(ole, item.isectStart, item.size, label)
    if len(entries) > 1:  # the stream's own chain runs through the mini-FAT
        if ole.minifat is None:
            ole.loadminifat()
        _follow_chain(ole, entry.isectStart, entry.size, name, mini=True)


def _follow_chain(ole: olefile.OleFileIO, start: int, size: int, label: str,
                  mini: bool = False) -> None:
    fat = ole.minifat if mini else ole.fat
    needed = min(-(-size // (ole.minisectorsize if mini else ole.sectorsize)),
                 MAX_OLE_CHAIN_SECTORS)
    seen: set[int] = set()
    sect = start
    for _ in range(needed):
        if sect in _CHAIN_ENDS or sect >= len(fat):
            return
        if sect in seen:
            raise CorruptDocument(f"broken OLE container: the sector chain of {label} loops "
                                  f"(sector {sect} twice)")
        seen.add(sect)
        sect = int(fat[sect]) & 0xFFFFFFFF


def _check_file_header(ole: olefile.OleFileIO) -> int:
    """FileHeader (§3.2.1 표 3): 32-byte signature, version DWORD (0xMMnnPPrr), properties
    DWORD; returns the properties."""
    if not ole.exists("FileHeader"):
        for stream, what in _DOC_STREAMS.items():
            if ole.exists(stream):
                raise UnsupportedFormat(f"an OLE file that is not HWP: {what}")
        raise UnsupportedFormat("an OLE compound file that is not HWP (no FileHeader stream)")
    header = _stream_bytes(ole, "FileHeader")
    if not header.startswith(HWP_SIGNATURE):
        # Only HWP names a stream "FileHeader": a wrong signature is damage, not another format.
        raise CorruptDocument("FileHeader stream does not start with 'HWP Document File'")
    if len(header) < 40:
        raise CorruptDocument(f"HWP FileHeader is {len(header)} bytes, expected 256")
    version_major = header[35]
    if version_major != 5:
        raise UnsupportedFormat(
            f"HWP version {version_major}.x in an OLE file; only HWP 5 is read")
    flags: int = struct.unpack_from("<I", header, 36)[0]
    if flags & (FLAG_DRM | FLAG_CERT_DRM):
        raise DRMProtected("HWP with Hancom DRM protection (FileHeader DRM flag)")
    if flags & FLAG_PASSWORD:
        raise EncryptedDocument("password-protected HWP (암호 설정); save it without a password")
    if flags & FLAG_CERT_ENCRYPTED:
        raise EncryptedDocument("HWP encrypted with a public certificate (공인인증서 암호화)")
    return flags


def _section_streams(ole: olefile.OleFileIO, storage: str) -> list[tuple[int, str]]:
    sections: list[tuple[int, str]] = []
    for path in ole.listdir(streams=True, storages=False):
        if len(path) == 2 and path[0] == storage and path[1].startswith("Section"):
            number = path[1][len("Section"):]
            if number.isdigit():
                sections.append((int(number), "/".join(path)))
    if not sections:
        raise CorruptDocument(f"no {storage}/Section streams in the HWP file")
    return sorted(sections)


def _section_body(ole: olefile.OleFileIO, name: str, flags: int, budget: int,
                  findings: list[ReadFinding]) -> bytes:
    raw = _read_stream(ole, name, findings)
    if flags & FLAG_DISTRIBUTION:
        raw = _decrypt_view_text(raw, name)
    return _decompress(raw, name, budget, findings) if flags & FLAG_COMPRESSED else raw


def _read_stream(ole: olefile.OleFileIO, name: str, findings: list[ReadFinding]) -> bytes:
    raw = _stream_bytes(ole, name)
    declared = ole.get_size(name)
    if not raw:
        what = f"file truncated: 0 of {declared} bytes present" if declared else "0 bytes"
        raise CorruptDocument(f"{name} is empty ({what}); the body text cannot be read")
    if len(raw) < declared:
        _note_truncated(findings, name)
    return raw


def _note_truncated(findings: list[ReadFinding], name: str) -> None:
    message = f"{name} is cut short (truncated file); text after the cut is missing"
    if not any(f.message == message for f in findings):
        findings.append(ReadFinding(code="truncated_body", severity="error", message=message))


def _decompress(raw: bytes, name: str, budget: int, findings: list[ReadFinding]) -> bytes:
    """Compressed streams (FileHeader bit 0) are raw deflate: zlib without header, wbits=-15.

    Inflated a chunk at a time against three limits: the stream's own size, what is left of
    the file's budget, and the ratio to the compressed size."""
    inflater = zlib.decompressobj(-15)
    cap = max(min(budget, MAX_STREAM_BYTES), 0)
    chunks: list[bytes] = []
    total = 0
    data = raw
    try:
        while True:
            chunk = inflater.decompress(data, READ_CHUNK)
            data = inflater.unconsumed_tail
            total += len(chunk)
            if total > cap:
                raise ResourceLimit(f"{name} decompresses past {cap} bytes (decompression bomb?)")
            if total > RATIO_MIN_BYTES and total > MAX_RATIO * len(raw):
                raise ResourceLimit(f"{name} decompresses to over {MAX_RATIO} times its size "
                                    "(decompression bomb?)")
            chunks.append(chunk)
            if inflater.eof or (not data and len(chunk) < READ_CHUNK):
                break
    except zlib.error as err:
        raise CorruptDocument(f"{name} does not decompress ({err})") from err
    if not inflater.eof:
        _note_truncated(findings, name)
    return b"".join(chunks)


def _decrypt_view_text(raw: bytes, name: str) -> bytes:
    """ViewText stream: a DISTRIBUTE_DOC_DATA record (§4.2.13 표 53, 256 bytes), then the
    section's (compressed) records as AES-128-ECB ciphertext."""
    header = struct.unpack_from("<I", raw, 0)[0] if len(raw) >= 4 else 0
    tag, size = header & 0x3FF, header >> 20
    if tag != TAG_DISTRIBUTE_DOC_DATA or size != 256 or len(raw) < 260:
        raise CorruptDocument(f"{name} does not start with distribution document data")
    key = _distribution_key(raw[4:260])
    cipher_text = raw[260:]
    cipher_text = cipher_text[: len(cipher_text) - len(cipher_text) % 16]
    decryptor = Cipher(algorithms.AES(key), modes.ECB()).decryptor()  # ECB: the format's choice
    return decryptor.update(cipher_text) + decryptor.finalize()


def _distribution_key(doc_data: bytes) -> bytes:
    """Unscramble the 256-byte DISTRIBUTE_DOC_DATA and take the AES key from it.

    The first four bytes seed MSVC's rand(); each pair of draws gives an XOR byte and how many
    bytes it covers. The key is 16 bytes at 4 + (seed & 0xF) of the unscrambled data.
    """
    seed = int.from_bytes(doc_data[:4], "little")
    data = bytearray(doc_data)
    state = seed
    remaining = 0
    xor = 0
    for i in range(256):
        if remaining == 0:
            state = (state * 214013 + 2531011) & 0xFFFFFFFF
            xor = (state >> 16) & 0xFF
            state = (state * 214013 + 2531011) & 0xFFFFFFFF
            remaining = ((state >> 16) & 0xF) + 1
        if i >= 4:
            data[i] ^= xor
        remaining -= 1
    offset = 4 + (seed & 0xF)
    return bytes(data[offset : offset + 16])


# --- records ---------------------------------------------------------------------------


_U32 = struct.Struct("<I").unpack_from
# PARA_CHAR_SHAPE, PARA_LINE_SEG, PARA_RANGE_TAG: leaf records that carry no text.
_SKIPPED_TAGS = frozenset((0x10 + 52, 0x10 + 53, 0x10 + 54))


def _walk_records(body: bytes, limit: int = MAX_RECORDS
                  ) -> tuple[list[int], list[int], list[int], list[int], bool]:
    """Record headers (§4.1): tag 10 bits, level 10 bits, size 12 bits; a size of 0xFFF means
    a DWORD with the real size follows (그림 46).

    Returns parallel lists (tag, level, payload start, payload end) and whether the stream
    ended on a record boundary. Leaf records without text are left out. More than `limit`
    records (counting the left-out ones) is a `ResourceLimit`.
    """
    tags: list[int] = []
    levels: list[int] = []
    starts: list[int] = []
    ends: list[int] = []
    add_tag, add_level, add_start, add_end = tags.append, levels.append, starts.append, ends.append
    skipped = _SKIPPED_TAGS
    pos = 0
    end = len(body)
    last_header = end - 4
    for _ in range(limit):  # a `for` over the limit costs less than counting down by hand
        if pos > last_header:
            return tags, levels, starts, ends, pos == end
        (header,) = _U32(body, pos)
        size = header >> 20
        pos += 4
        if size == 0xFFF:
            if pos > last_header:
                return tags, levels, starts, ends, False
            (size,) = _U32(body, pos)
            pos += 4
        following = pos + size
        if following > end:
            return tags, levels, starts, ends, False
        tag = header & 0x3FF
        if tag not in skipped:
            add_tag(tag)
            add_level((header >> 10) & 0x3FF)
            add_start(pos)
            add_end(following)
        pos = following
    if pos > last_header:
        return tags, levels, starts, ends, pos == end
    raise ResourceLimit(f"more than {MAX_RECORDS} records in the body (a bomb?)")


class _BodyReader:
    """Blocks of all body sections, in order, and what could not be read faithfully."""

    def __init__(self, findings: list[ReadFinding]) -> None:
        self.blocks: list[RawBlock] = []
        self.findings = findings
        self.equations = 0

    def read_section(self, index: int, body: bytes, name: str, limit: int = MAX_RECORDS) -> int:
        """Read one section's blocks; returns how many records it held."""
        records = _SectionRecords(body, index, limit)
        if not records.complete:
            self.findings.append(ReadFinding(code="corrupt_records", severity="error", message=(
                f"{name}: a record runs past the end of the stream; the rest is not read")))
        self.blocks.extend(records.read())
        self.equations += records.equations
        return records.count

    def output(self) -> ReaderOutput:
        findings = self.findings + _map_private_use(self.blocks)
        if self.equations:
            findings.append(ReadFinding(code="dropped_equations", message=(
                f"{self.equations} equation object(s) not rendered as text")))
        return ReaderOutput(blocks=self.blocks, findings=findings)


class _SectionRecords:
    """The records of one body section, read by recursive descent over their levels.

    Methods take the index of a record and return the index after its subtree.
    """

    def __init__(self, body: bytes, section_index: int, limit: int = MAX_RECORDS) -> None:
        self.body = body
        self.view = memoryview(body)
        self.tags, self.levels, self.starts, self.ends, self.complete = _walk_records(body, limit)
        self.count = len(self.tags)
        self.section_index = section_index
        self.paragraph_index = 0
        self.equations = 0

    def payload(self, i: int) -> bytes:
        return self.body[self.starts[i] : self.ends[i]]

    def read(self) -> list[RawBlock]:
        blocks: list[RawBlock] = []
        i = 0
        while i < self.count:
            if self.tags[i] != TAG_PARA_HEADER:
                i += 1
                continue
            i, text, attached = self.paragraph(i, 0)
            blocks.append(self.block("paragraph", text))
            if attached:
                blocks.extend(attached)
            self.paragraph_index += 1
        return blocks

    def block(self, kind: str, text: str = "", table: RawTable | None = None) -> RawBlock:
        # positional: kind, text, table, page, section_index, paragraph_index
        return RawBlock(kind, text, table, None, self.section_index, self.paragraph_index)

    def subtree_end(self, i: int) -> int:
        levels = self.levels
        level = levels[i]
        j = i + 1
        n = self.count
        while j < n and levels[j] > level:
            j += 1
        return j

    def paragraph(self, i: int, depth: int) -> tuple[int, str, list[RawBlock] | None]:
        """PARA_HEADER (§4.3.1) with PARA_TEXT (§4.3.2) and CTRL_HEADER children.

        Returns the paragraph's own text and the blocks its controls produced (tables, text
        boxes, notes...), which follow it in reading order.
        """
        levels, tags = self.levels, self.tags
        n = self.count
        level = levels[i]
        j = i + 1
        pieces: list[str] | None = None
        slots: list[int] = []
        attached: list[RawBlock] | None = None
        controls_seen = 0
        while j < n and levels[j] > level:
            tag = tags[j]
            if tag == TAG_PARA_TEXT and pieces is None:
                start, end = self.starts[j], self.ends[j]
                body = self.body
                # Most paragraphs are plain text and the paragraph end (0x0d) as their only
                # control: decoded in one call, then one search of the text finds no control.
                text = (_utf16(self.view[start : end - 2], "replace", True)[0]
                        if _ends_paragraph(body, start, end) else None)
                if text is not None and (text.isprintable()
                                         or _TEXT_CONTROL.search(text) is None):
                    pieces = [text]
                else:
                    pieces, slots = _decode_para_text(body, start, end)
                j += 1
            elif tag == TAG_CTRL_HEADER:
                if attached is None:
                    attached = []
                j, inline = self.control(j, depth, attached)
                if inline and pieces is not None and controls_seen < len(slots):
                    pieces[slots[controls_seen]] = inline
                controls_seen += 1
            else:
                j += 1
        return j, "".join(pieces) if pieces else "", attached

    def control(self, i: int, depth: int, out: list[RawBlock]) -> tuple[int, str]:
        """CTRL_HEADER (§4.3.6): its blocks go to `out`; returns the next index and inline text.

        The n-th CTRL_HEADER child of a paragraph is the n-th extended control in its text.
        """
        chid = self.body[self.starts[i] : self.starts[i] + 4]
        if chid == CHID_TABLE and depth < MAX_NESTING:
            return self.table(i, depth, out), ""
        end = self.subtree_end(i)
        if chid == CHID_AUTO_NUMBER:
            return end, self.auto_number(i)
        if depth >= MAX_NESTING:
            return end, ""
        if chid == CHID_HEADER or chid == CHID_FOOTER:
            kind = "header" if chid == CHID_HEADER else "footer"
            self.nested_text(i + 1, end, depth, out, kind)
        else:
            if chid == CHID_EQUATION:
                self.equations += 1
            # A drawing object's own LIST_HEADER is its caption (표 71); text-box paragraph
            # lists sit deeper, under the SHAPE_COMPONENT record (§4.3.9.2, 표 89).
            caption_level = self.levels[i] + 1 if chid == CHID_GSO else -1
            self.nested_text(i + 1, end, depth, out, "paragraph", caption_level)
        return end, ""

    def auto_number(self, i: int) -> str:
        """Auto number (§4.3.10.5 표 142): UINT32 properties, UINT16 number, after the id."""
        payload = self.payload(i)
        return str(struct.unpack_from("<H", payload, 8)[0]) if len(payload) >= 10 else ""

    def nested_text(self, i: int, end: int, depth: int, out: list[RawBlock], kind: str,
                    caption_level: int = -1) -> None:
        """Every paragraph list under a control (text boxes, notes, comments...), in order."""
        while i < end:
            if self.tags[i] != TAG_PARA_HEADER:
                i += 1
                continue
            para_kind = "caption" if self.levels[i] == caption_level else kind
            i, text, attached = self.paragraph(i, depth + 1)
            out.append(self.block(para_kind, text))
            if attached:
                out.extend(attached)

    def table(self, i: int, depth: int, out: list[RawBlock]) -> int:
        """Table control (§4.3.9.1 표 74): [caption LIST_HEADER + paragraphs], TABLE, then per
        cell a LIST_HEADER (표 79) followed by the cell's paragraphs at the same level."""
        levels, tags = self.levels, self.tags
        starts, ends, body, view = self.starts, self.ends, self.body, self.view
        search, ends_paragraph = _TEXT_CONTROL.search, _ends_paragraph
        n = self.count
        child_level = levels[i] + 1
        n_rows = n_cols = 0
        cells: list[RawCell] = []
        cell_lines: list[list[str]] = []
        lines: list[str] | None = None
        captions: list[RawBlock] = []
        in_caption = False
        caption_below = True
        seen_table = False
        j = i + 1
        while j < n:
            level = levels[j]
            if level != child_level:
                if level < child_level:
                    break
                j += 1
                continue
            tag = tags[j]
            if tag == TAG_PARA_HEADER:
                if lines is not None:
                    # Most cell paragraphs hold nothing, or one PARA_TEXT of plain text ending
                    # in 0x0d: read here as `paragraph` would, without its call and loop.
                    k = j + 1
                    if k >= n or levels[k] <= level:
                        lines.append("")
                        j = k
                        continue
                    if tags[k] == TAG_PARA_TEXT and (k + 1 >= n or levels[k + 1] <= level):
                        start, end = starts[k], ends[k]
                        if ends_paragraph(body, start, end):
                            text = _utf16(view[start : end - 2], "replace", True)[0]
                            if text.isprintable() or search(text) is None:
                                lines.append(text)
                                j = k + 1
                                continue
                    j, text, attached = self.paragraph(j, depth + 1)
                    lines.append(text)
                    if attached:
                        _absorb(cells[-1], lines, attached)
                elif in_caption:
                    j, text, attached = self.paragraph(j, depth + 1)
                    captions.append(self.block("caption", text))
                    if attached:
                        captions.extend(attached)
                else:
                    j += 1
                continue
            if tag == TAG_LIST_HEADER:
                if seen_table:
                    if len(cells) >= MAX_TABLE_CELLS:
                        raise ResourceLimit(f"a table with more than {MAX_TABLE_CELLS} cells")
                    cells.append(_cell_address(body, starts[j], ends[j], n_rows, n_cols,
                                               len(cells)))
                    lines = []
                    cell_lines.append(lines)
                else:
                    in_caption = True
                    caption_below = _caption_below(self.payload(j))
            elif tag == TAG_TABLE:
                n_rows, n_cols = _table_size(self.payload(j))
                seen_table, in_caption, lines = True, False, None
            j += 1
        if cells:
            # The grid's extent in the same pass, compared by hand: a `max()` call per cell
            # and side cost 12 % of sf_ai_2025_report_forms.hwp's read (6752 cells; 259.6 vs
            # 227.8 M instructions per read_hwp, valgrind, with the two in _cell_address).
            n_rows = n_cols = 0
            for cell, text_lines in zip(cells, cell_lines):
                cell.text = "\n".join(text_lines)
                if cell.row + cell.row_span > n_rows:  # noqa: PLR1730
                    n_rows = cell.row + cell.row_span
                if cell.col + cell.col_span > n_cols:  # noqa: PLR1730
                    n_cols = cell.col + cell.col_span
        if not caption_below:
            out.extend(captions)
        out.append(self.block("table", table=RawTable(n_rows=n_rows, n_cols=n_cols, cells=cells)))
        if caption_below:
            out.extend(captions)
        return j


def _ends_paragraph(body: bytes, start: int, end: int) -> bool:
    """PARA_TEXT of whole characters whose last is the paragraph end (0x0d)."""
    return end - start >= 2 and not (end - start) & 1 and body[end - 2] == 13 and not body[end - 1]


def _decode_para_text(body: bytes, start: int, end: int) -> tuple[list[str], list[int]]:
    """PARA_TEXT (§4.3.2) → text pieces, with an empty slot per extended control.

    Controls are found on the raw bytes so that an inline control's 12 data bytes are never
    decoded as text; the text between controls is decoded in one slice.
    """
    pieces: list[str] = []
    slots: list[int] = []
    search = _CONTROL_CHAR.search
    seg = pos = start
    while True:
        m = search(body, pos, end)
        if m is None:
            break
        at = m.start()
        if (at - start) & 1:  # the match straddles two characters
            pos = at + 1
            continue
        if at > seg:
            pieces.append(_utf16(body[seg:at], "replace", True)[0])
        code = body[at]
        if code in _EXTENDED:
            slots.append(len(pieces))
            pieces.append("")
            seg = pos = at + 16
        elif code in _INLINE:
            if code == 9:
                pieces.append("\t")
            seg = pos = at + 16
        else:
            text = _CHAR_TEXT.get(code)
            if text:
                pieces.append(text)
            seg = pos = at + 2
    if seg < end:
        pieces.append(_utf16(body[seg:end], "replace", True)[0])
    return pieces, slots


def _table_size(payload: bytes) -> tuple[int, int]:
    """TABLE record (표 75): UINT32 properties, UINT16 rows, UINT16 columns."""
    if len(payload) < 8:
        return 0, 0
    rows, cols = struct.unpack_from("<HH", payload, 4)
    return rows, cols


_CELL_ADDRESS = struct.Struct("<HHHH").unpack_from


def _cell_address(body: bytes, start: int, end: int, n_rows: int, n_cols: int,
                  ordinal: int) -> RawCell:
    """Cell LIST_HEADER: the list header, then UINT16 column, row, column span, row span
    (표 80). 표 65 gives the list header as INT16 + UINT32, but writers store 8 bytes
    (INT16 paragraphs, 2 unused bytes, UINT32 properties): the address is at offset 8."""
    if end - start < 16:
        # No address: lay the cell out in reading order.
        cols = n_cols if n_cols > 0 else 1
        return RawCell(row=ordinal // cols, col=ordinal % cols, text="")
    col, row, col_span, row_span = _CELL_ADDRESS(body, start + 8)
    # Addresses and spans stay inside the table the TABLE record declares; only a corrupt
    # file says otherwise, and its text is kept rather than its geometry.
    if n_cols > 0 and col >= n_cols:
        col = n_cols - 1
    if n_rows > 0 and row >= n_rows:
        row = n_rows - 1
    if col + col_span > n_cols:
        col_span = n_cols - col
    if row + row_span > n_rows:
        row_span = n_rows - row
    if col_span < 1:  # noqa: PLR1730 - not max(): see the grid's extent in `table`
        col_span = 1
    if row_span < 1:  # noqa: PLR1730
        row_span = 1
    return RawCell(row, col, "", row_span, col_span)  # row, col, text, row_span, col_span


def _caption_below(payload: bytes) -> bool:
    """Caption LIST_HEADER (표 71): after the 8-byte list header, UINT32 caption properties
    whose bits 0-1 are the position (0 left, 1 right, 2 top, 3 bottom; 표 73)."""
    if len(payload) < 12:
        return True
    return struct.unpack_from("<I", payload, 8)[0] & 0x3 == 3


def _absorb(cell: RawCell, lines: list[str], blocks: list[RawBlock]) -> None:
    """Blocks from controls inside a cell: tables nest, everything else is more cell text."""
    for block in blocks:
        if block.table is not None:
            cell.nested.append(block.table)
        elif block.text:
            lines.append(block.text)


# The same class on `re`: its search of a text with none of them (nearly every text) is
# several times faster than the `regex` module's.
_PRIVATE_USE_RE = re.compile(PRIVATE_USE.pattern)


def _text_owners(blocks: list[RawBlock]) -> list[RawBlock | RawCell]:
    """Every block and every cell (nested tables included), in the order of the text."""
    owners: list[RawBlock | RawCell] = []

    def add_table(table: RawTable) -> None:
        for cell in table.cells:
            owners.append(cell)
            for sub in cell.nested:
                add_table(sub)

    for block in blocks:
        owners.append(block)
        if block.table is not None:
            add_table(block.table)
    return owners


def _map_private_use(blocks: list[RawBlock]) -> list[ReadFinding]:
    """Map known Hancom private-use glyphs; count the rest (they stay in the text)."""
    owners = _text_owners(blocks)
    texts = [owner.text for owner in owners]
    joined = "\n".join(texts)
    # One search over all the text (nearly every document has no private-use glyph at all),
    # then only the texts that hold one, found by offset, in their order.
    found = list(_PRIVATE_USE_RE.finditer(joined))
    if not found:
        return []
    starts = list(accumulate((len(text) + 1 for text in texts[:-1]), initial=0))
    unmapped: Counter[str] = Counter()
    last = -1
    for match in found:
        index = bisect_right(starts, match.start()) - 1
        if index == last:
            continue
        last = index
        text = map_glyphs(texts[index])
        unmapped.update(PRIVATE_USE.findall(text))
        owners[index].text = text
    if not unmapped:
        return []
    total = sum(unmapped.values())
    listed = ", ".join(f"U+{ord(ch):04X}×{n}" for ch, n in unmapped.most_common(10))
    return [ReadFinding(code="unmapped_glyphs", message=(
        f"{total} private-use glyph(s) with no known Unicode meaning kept as is: {listed}"))]
