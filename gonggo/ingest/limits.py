"""Every limit gonggo puts on hostile or damaged input, named once, each with its reason.

A limit hit ends in the usual one-line `ResourceLimit` naming the file (or a finding when
the rest of the document is usable). Readers, the CLI and the config loaders import their
numbers from here and nowhere else; `REASONS` lists them all (README "Limits").

The numbers leave room for the largest real inputs seen: 300-page R&D master announcements
(~600 k characters, ~15 k paragraphs, a few hundred tables of at most a few hundred cells).
"""

from __future__ import annotations

REASONS: dict[str, tuple[int, str]] = {}

KB = 1024
MB = 1024 * KB


def _limit(name: str, value: int, reason: str) -> int:
    REASONS[name] = (value, reason)
    return value


# -- the input file ------------------------------------------------------------------------
MAX_FILE_BYTES = _limit("MAX_FILE_BYTES", 200 * MB,
                        "largest input read at all; real announcements with scans stay under 100 MB")
MAX_TEXT_FILE_BYTES = _limit("MAX_TEXT_FILE_BYTES", 20 * MB,
                             "a plain-text announcement of 300 pages is ~2 MB")
MAX_DOCUMENT_CHARS = _limit("MAX_DOCUMENT_CHARS", 5_000_000,
                            "normalized text of one document; 300 pages are ~600 k characters")
MAX_TEXT_LINES = _limit("MAX_TEXT_LINES", 100_000,
                        "lines of a text input (300 pages are ~20 k lines)")
MAX_LINE_CHARS = _limit("MAX_LINE_CHARS", 50_000,
                        "characters in one line of a text input (a paragraph is < 2 k; a "
                        "megabyte-long line is a generated file, and costs the line rules "
                        "their linear time)")
MAX_BLOCKS = _limit("MAX_BLOCKS", 80_000,
                    "paragraphs, lines and tables of one document (a real one has ~15 k)")

# -- compressed containers (HWP streams, HWPX zip members) --------------------------------
MAX_STREAM_BYTES = _limit("MAX_STREAM_BYTES", 64 * MB,
                          "decompressed bytes of one HWP stream or HWPX member (body text "
                          "of a 300-page document is ~20 MB)")
MAX_INFLATED_BYTES = _limit("MAX_INFLATED_BYTES", 200 * MB,
                            "decompressed bytes of one file, all streams together")
MAX_RATIO = _limit("MAX_RATIO", 200,
                   "compression ratio refused on streams over RATIO_MIN_BYTES: text "
                   "deflates 3-10x, a zip bomb 1000x")
RATIO_MIN_BYTES = _limit("RATIO_MIN_BYTES", 1 * MB,
                         "small streams may compress well (runs of spaces); not judged")
MAX_ZIP_ENTRIES = _limit("MAX_ZIP_ENTRIES", 10_000, "an HWPX holds tens of parts")
READ_CHUNK = _limit("READ_CHUNK", 1 * MB, "decompression step: memory bound per read")

# -- OLE (HWP 5) -------------------------------------------------------------------------
MAX_OLE_STREAM_BYTES = _limit("MAX_OLE_STREAM_BYTES", 200 * MB,
                              "declared size of one OLE stream (before decompression): no "
                              "stream is larger than the file")
MAX_OLE_CHAIN_SECTORS = _limit("MAX_OLE_CHAIN_SECTORS", (200 * MB) // 512,
                               "sectors followed in one FAT chain; a chain that revisits a "
                               "sector is a loop and refused at once")
MAX_OLE_DIR_ENTRIES = _limit("MAX_OLE_DIR_ENTRIES", 50_000,
                             "directory entries reachable from the root (an HWP holds tens of "
                             "streams and one per embedded picture: hundreds)")
MAX_OLE_DIR_DEPTH = _limit("MAX_OLE_DIR_DEPTH", 256,
                           "links from the root to a directory entry (sibling, or child counted "
                           "twice): olefile builds the tree by recursion, two Python frames "
                           "per storage level and one per sibling, and Python stops at ~1000; "
                           "a red-black tree of 50 k entries is at most ~32 sibling links deep")

# -- records and structure -------------------------------------------------------------
MAX_RECORDS = _limit("MAX_RECORDS", 1_000_000,
                     "HWP records in one file (a 300-page document has ~100 k)")
MAX_TABLES = _limit("MAX_TABLES", 50_000, "tables in one document")
MAX_TABLE_CELLS = _limit("MAX_TABLE_CELLS", 100_000, "cells in one table")
MAX_TABLE_ROWS = _limit("MAX_TABLE_ROWS", 10_000,
                        "declared row coordinate / count; larger ones are clamped")
MAX_TABLE_COLS = _limit("MAX_TABLE_COLS", 1_000,
                        "declared column coordinate / count; larger ones are clamped")
MAX_TABLE_AREA = _limit("MAX_TABLE_AREA", 100_000,
                        "rows × columns of one table's grid (readers of tables walk the "
                        "grid); a sparser grid is compacted to the rows and columns in use")
MAX_NESTING = _limit("MAX_NESTING", 32, "tables in text boxes in tables ...")
MAX_OUTLINE_DEPTH = _limit("MAX_OUTLINE_DEPTH", 64,
                           "outline levels of the section tree; deeper markers become siblings")

# -- XML (HWPX) ------------------------------------------------------------------------
MAX_XML_ELEMENTS = _limit("MAX_XML_ELEMENTS", 1_000_000,
                          "XML elements in one HWPX package (a 300-page document has ~200 k)")
MAX_XML_DEPTH = _limit("MAX_XML_DEPTH", 256, "element nesting in one XML part")

# -- PDF -------------------------------------------------------------------------------
MAX_PAGES = _limit("MAX_PAGES", 2_000, "pages of one PDF")
MAX_CHARS_PER_PAGE = _limit("MAX_CHARS_PER_PAGE", 200_000, "characters read from one page")
MAX_OBJECTS_PER_PAGE = _limit("MAX_OBJECTS_PER_PAGE", 200_000,
                              "page objects visited on one page, form contents included")
MAX_OBJECTS_PER_FILE = _limit("MAX_OBJECTS_PER_FILE", 3_000_000,
                              "page objects visited in one PDF (pages may share one stream)")
MAX_FORM_DEPTH = _limit("MAX_FORM_DEPTH", 8,
                        "form XObjects inside form XObjects; a form drawing itself is cut here")

# -- specs, configs, profiles (JSON / YAML) --------------------------------------------
MAX_SPEC_BYTES = _limit("MAX_SPEC_BYTES", 50 * MB, "an extracted spec JSON")
MAX_CONFIG_BYTES = _limit("MAX_CONFIG_BYTES", 10 * MB, "a rule config or applicant profile")
MAX_NESTING_DEPTH = _limit("MAX_NESTING_DEPTH", 64,
                           "JSON / YAML nesting: the contract nests ~8 levels")
MAX_NUMBER_DIGITS = _limit("MAX_NUMBER_DIGITS", 40,
                           "digits of one JSON / YAML number (won amounts have ~15)")
MAX_YAML_ALIASES = _limit("MAX_YAML_ALIASES", 16,
                          "YAML alias uses (billion laughs expands a few aliases 10^9 times); "
                          "gonggo's own configs use none")
MAX_YAML_NODES = _limit("MAX_YAML_NODES", 20_000,
                        "YAML nodes composed (PyYAML composes ~50 k a second); a rule config "
                        "has a few hundred")
MAX_PROGRAMS = _limit("MAX_PROGRAMS", 1_000, "programs in one spec")
MAX_TRACKS = _limit("MAX_TRACKS", 1_000, "tracks in one program or rule config")
MAX_ITEMS = _limit("MAX_ITEMS", 20_000,
                   "list items (documents, clauses, windows ...) in one spec or config")

# -- time and memory of one file (a worker process per file) ---------------------------
CHILD_MEMORY_BYTES = _limit("CHILD_MEMORY_BYTES", 768 * MB,
                            "address space a reader process may add to what it inherits; "
                            "a PDFium form bomb asks for gigabytes and is stopped here")
MAX_PDF_SECONDS = _limit("MAX_PDF_SECONDS", 300,
                         "wall clock for reading one PDF when no --timeout is given")
MAX_SECONDS_PER_PAGE = _limit("MAX_SECONDS_PER_PAGE", 5,
                              "one PDF page (a watchdog stops the worker); a real page takes "
                              "milliseconds, a form bomb forever")
