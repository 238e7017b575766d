"""The PDFium calls made once per page object or per character, at their lowest cost.

`pdf_page` asks PDFium about every object of a page (tens of thousands of dots on a page of
dotted borders) and about every character. pypdfium2's ctypes prototypes take and return
typed pointers (`LP_fpdf_pageobject_t`, `LP_FS_RECTF`); converting those costs more than
PDFium's own work. The same C functions are called here through cffi function pointers
cast from their addresses when cffi's C backend is importable (a dependency of
`cryptography`, so always, in practice), else through ctypes prototypes on plain addresses.

Measured on the 102,534 objects of msit_ict_rnd_2026_1st_gonggo.pdf (type, and bounds of
paths), CPU s: pypdfium2's prototypes 0.29, ctypes on addresses 0.21, cffi 0.12.

    calls = NATIVE
    page = calls.handle(pdfium_page)             # what the calls take
    quad, at = calls.floats()                     # four floats and a pointer to each
    obj = calls.get_object(page, 0)
    if calls.get_bounds(obj, *at): x0, y0, x1, y1 = FLOATS4(quad)
    calls.page_object(obj)                        # back to pypdfium2's FPDF_PAGEOBJECT

`quad` is a buffer: `FLOATS4(quad)` reads its four floats in one call (struct), cheaper
than indexing a cffi array four times; `floats(n)` makes one of n floats.

Cheaper still: the two loops that make these calls per object and per character run in C
(`_pdfscan`, built from `_pdfscan.c` when the package is installed with a compiler: setup.py)
and call the same functions at their addresses (`Calls.scan`); where it was not built, `scan`
is None and `pdf_page` loops in Python. kised_dodak_2025_gonggo.pdf (25 pages, 41,910
objects, 25,343 characters), CPU per document, medians of 11 paired runs: graphics 38.5 →
10.9 ms, characters 22.1 → 4.4 ms (the `Char`s are made in C too). `Scan.lines` is
`pdf_text.build_lines`' grouping of characters into lines, in C too.
"""

from __future__ import annotations

import ctypes
import struct
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

import pypdfium2.raw as pdfium_c

try:  # the C part of cffi alone: its FFI parses C types itself, without pycparser
    import _cffi_backend
except ImportError:  # pragma: no cover - cffi comes with cryptography
    _cffi_backend = None

# The floats of a `Calls.floats()` buffer, exactly as C stores them (float32 → double).
FLOATS2 = struct.Struct("2f").unpack_from
FLOATS4 = struct.Struct("4f").unpack_from
FLOATS6 = struct.Struct("6f").unpack_from
# Four floats at a time from bytes copied out of such a buffer (character boxes).
BOXES = struct.Struct("4f").iter_unpack
BOX_BYTES = struct.calcsize("4f")


# One record of `_pdfscan.objects`: index, kind, PDFium bounds (left, bottom, right, top),
# specks kept before it.
RECORDS = struct.Struct("<2i4fi").iter_unpack


@dataclass(frozen=True)
class Scan:
    """The C loops (`_pdfscan.objects`, `_pdfscan.chars`) and the addresses of the PDFium
    functions they call."""

    objects: Callable[..., tuple[bytes, bytes]]
    chars: Callable[..., tuple[list[Any], bool, bool, int]]
    lines: Callable[..., list[tuple[Any, ...]] | None]  # `pdf_text.build_lines`' rules
    get_object: int
    get_type: int
    get_bounds: int
    is_generated: int
    char_box: int
    map_error: int


def scan_loops() -> Scan | None:
    """The C loops, when the extension was built."""
    try:
        from gonggo.ingest import _pdfscan
    except ImportError:
        return None
    return Scan(_pdfscan.objects, _pdfscan.chars, _pdfscan.lines, *(address(fn) for fn in (
        pdfium_c.FPDFPage_GetObject, pdfium_c.FPDFPageObj_GetType,
        pdfium_c.FPDFPageObj_GetBounds, pdfium_c.FPDFText_IsGenerated,
        pdfium_c.FPDFText_GetLooseCharBox, pdfium_c.FPDFText_HasUnicodeMapError)))


@dataclass(frozen=True)
class Calls:
    get_object: Callable[..., Any]  # FPDFPage_GetObject(page, index)
    get_type: Callable[..., int]  # FPDFPageObj_GetType(object)
    get_bounds: Callable[..., int]  # FPDFPageObj_GetBounds(object, *at)
    char_box: Callable[..., int]  # FPDFText_GetLooseCharBox(textpage, index, at[0])
    is_generated: Callable[..., int]  # FPDFText_IsGenerated(textpage, index)
    map_error: Callable[..., int]  # FPDFText_HasUnicodeMapError(textpage, index)
    # paths that may be rulings or glyphs (a few thousand a page, their segments more)
    count_segments: Callable[..., int]  # FPDFPath_CountSegments(object)
    get_segment: Callable[..., Any]  # FPDFPath_GetPathSegment(object, index); falsy: none
    segment_point: Callable[..., int]  # FPDFPathSegment_GetPoint(segment, at[0], at[1])
    segment_type: Callable[..., int]  # FPDFPathSegment_GetType(segment)
    segment_close: Callable[..., int]  # FPDFPathSegment_GetClose(segment)
    draw_mode: Callable[..., int]  # FPDFPath_GetDrawMode(object, fill int*, stroke int*)
    get_matrix: Callable[..., int]  # FPDFPageObj_GetMatrix(object, at[0] of 6 floats)
    handle: Callable[[Any], Any]  # a pypdfium2 handle → what the calls take
    # a buffer of n floats (4 unless said) and a pointer to each; read it with FLOATS<n>
    floats: Callable[..., tuple[Any, tuple[Any, ...]]]
    ints: Callable[[], tuple[Any, tuple[Any, Any]]]  # two ints: buffer, pointers
    page_object: Callable[[Any], Any]  # get_object's result → pypdfium2's FPDF_PAGEOBJECT
    via: str
    scan: Scan | None = None  # the per-object and per-character loops in C


def address(fn: Any) -> int:
    """The address a ctypes function or pointer holds."""
    return ctypes.cast(fn, ctypes.c_void_p).value or 0


def ctypes_calls() -> Calls:
    """Prototypes on plain addresses: ints in, ints out."""
    vp, int_ = ctypes.c_void_p, ctypes.c_int

    def proto(fn: Any, restype: Any, *argtypes: Any) -> Any:
        return ctypes.CFUNCTYPE(restype, *argtypes)(address(fn))

    def floats(n: int = 4) -> tuple[Any, tuple[Any, ...]]:
        buf = (ctypes.c_float * n)()
        at = ctypes.addressof(buf)
        return buf, tuple(at + 4 * i for i in range(n))

    def ints() -> tuple[Any, tuple[Any, Any]]:
        buf = (ctypes.c_int * 2)()
        at = ctypes.addressof(buf)
        return buf, (at, at + ctypes.sizeof(ctypes.c_int))

    return Calls(
        get_object=proto(pdfium_c.FPDFPage_GetObject, vp, vp, int_),
        get_type=proto(pdfium_c.FPDFPageObj_GetType, int_, vp),
        get_bounds=proto(pdfium_c.FPDFPageObj_GetBounds, int_, vp, vp, vp, vp, vp),
        char_box=proto(pdfium_c.FPDFText_GetLooseCharBox, int_, vp, int_, vp),
        is_generated=proto(pdfium_c.FPDFText_IsGenerated, int_, vp, int_),
        map_error=proto(pdfium_c.FPDFText_HasUnicodeMapError, int_, vp, int_),
        count_segments=proto(pdfium_c.FPDFPath_CountSegments, int_, vp),
        get_segment=proto(pdfium_c.FPDFPath_GetPathSegment, vp, vp, int_),
        segment_point=proto(pdfium_c.FPDFPathSegment_GetPoint, int_, vp, vp, vp),
        segment_type=proto(pdfium_c.FPDFPathSegment_GetType, int_, vp),
        segment_close=proto(pdfium_c.FPDFPathSegment_GetClose, int_, vp),
        draw_mode=proto(pdfium_c.FPDFPath_GetDrawMode, int_, vp, vp, vp),
        get_matrix=proto(pdfium_c.FPDFPageObj_GetMatrix, int_, vp, vp),
        handle=lambda h: ctypes.cast(h, ctypes.c_void_p).value,
        floats=floats,
        ints=ints,
        page_object=lambda obj: ctypes.cast(obj, pdfium_c.FPDF_PAGEOBJECT),
        via="ctypes",
    )


def cffi_calls() -> Calls:
    """cffi function pointers at the same addresses (cffi's call path is the cheaper)."""
    assert _cffi_backend is not None
    ffi = _cffi_backend.FFI()

    def proto(fn: Any, signature: str) -> Any:
        return ffi.cast(signature, address(fn))

    def floats(n: int = 4) -> tuple[Any, tuple[Any, ...]]:
        buf = ffi.new(f"float[{n}]")  # the first pointer is `buf` itself: it owns the memory
        return ffi.buffer(buf), (buf, *(buf + i for i in range(1, n)))

    def ints() -> tuple[Any, tuple[Any, Any]]:
        buf = ffi.new("int[2]")
        return buf, (buf, buf + 1)

    return Calls(
        get_object=proto(pdfium_c.FPDFPage_GetObject, "void *(*)(void *, int)"),
        get_type=proto(pdfium_c.FPDFPageObj_GetType, "int (*)(void *)"),
        get_bounds=proto(pdfium_c.FPDFPageObj_GetBounds,
                         "int (*)(void *, float *, float *, float *, float *)"),
        # FS_RECTF is four floats: left, top, right, bottom
        char_box=proto(pdfium_c.FPDFText_GetLooseCharBox, "int (*)(void *, int, float *)"),
        is_generated=proto(pdfium_c.FPDFText_IsGenerated, "int (*)(void *, int)"),
        map_error=proto(pdfium_c.FPDFText_HasUnicodeMapError, "int (*)(void *, int)"),
        count_segments=proto(pdfium_c.FPDFPath_CountSegments, "int (*)(void *)"),
        get_segment=proto(pdfium_c.FPDFPath_GetPathSegment, "void *(*)(void *, int)"),
        segment_point=proto(pdfium_c.FPDFPathSegment_GetPoint,
                            "int (*)(void *, float *, float *)"),
        segment_type=proto(pdfium_c.FPDFPathSegment_GetType, "int (*)(void *)"),
        segment_close=proto(pdfium_c.FPDFPathSegment_GetClose, "int (*)(void *)"),
        draw_mode=proto(pdfium_c.FPDFPath_GetDrawMode, "int (*)(void *, int *, int *)"),
        # FS_MATRIX is six floats: a, b, c, d, e, f
        get_matrix=proto(pdfium_c.FPDFPageObj_GetMatrix, "int (*)(void *, float *)"),
        handle=lambda h: ffi.cast("void *", address(h)),
        floats=floats,
        ints=ints,
        page_object=lambda obj: ctypes.cast(int(ffi.cast("uintptr_t", obj)),
                                            pdfium_c.FPDF_PAGEOBJECT),
        via="cffi",
    )


NATIVE = replace(cffi_calls() if _cffi_backend is not None else ctypes_calls(),
               scan=scan_loops())
