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
    if calls.get_bounds(obj, *at): x0, y0, x1, y1 = quad
    calls.page_object(obj)                        # back to pypdfium2's FPDF_PAGEOBJECT
"""

from __future__ import annotations

import ctypes
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pypdfium2.raw as pdfium_c

try:  # the C part of cffi alone: its FFI parses C types itself, without pycparser
    import _cffi_backend
except ImportError:  # pragma: no cover - cffi comes with cryptography
    _cffi_backend = None


@dataclass(frozen=True)
class Calls:
    get_object: Callable[..., Any]  # FPDFPage_GetObject(page, index)
    get_type: Callable[..., int]  # FPDFPageObj_GetType(object)
    get_bounds: Callable[..., int]  # FPDFPageObj_GetBounds(object, *at)
    char_box: Callable[..., int]  # FPDFText_GetLooseCharBox(textpage, index, at[0])
    is_generated: Callable[..., int]  # FPDFText_IsGenerated(textpage, index)
    map_error: Callable[..., int]  # FPDFText_HasUnicodeMapError(textpage, index)
    handle: Callable[[Any], Any]  # a pypdfium2 handle → what the calls take
    floats: Callable[[], tuple[Any, tuple[Any, Any, Any, Any]]]  # buffer, pointers
    page_object: Callable[[Any], Any]  # get_object's result → pypdfium2's FPDF_PAGEOBJECT
    via: str


def _address(fn: Any) -> int:
    return ctypes.cast(fn, ctypes.c_void_p).value or 0


def ctypes_calls() -> Calls:
    """Prototypes on plain addresses: ints in, ints out."""
    vp, int_ = ctypes.c_void_p, ctypes.c_int

    def proto(fn: Any, restype: Any, *argtypes: Any) -> Any:
        return ctypes.CFUNCTYPE(restype, *argtypes)(_address(fn))

    def floats() -> tuple[Any, tuple[Any, Any, Any, Any]]:
        buf = (ctypes.c_float * 4)()
        at = ctypes.addressof(buf)
        return buf, (at, at + 4, at + 8, at + 12)

    return Calls(
        get_object=proto(pdfium_c.FPDFPage_GetObject, vp, vp, int_),
        get_type=proto(pdfium_c.FPDFPageObj_GetType, int_, vp),
        get_bounds=proto(pdfium_c.FPDFPageObj_GetBounds, int_, vp, vp, vp, vp, vp),
        char_box=proto(pdfium_c.FPDFText_GetLooseCharBox, int_, vp, int_, vp),
        is_generated=proto(pdfium_c.FPDFText_IsGenerated, int_, vp, int_),
        map_error=proto(pdfium_c.FPDFText_HasUnicodeMapError, int_, vp, int_),
        handle=lambda h: ctypes.cast(h, ctypes.c_void_p).value,
        floats=floats,
        page_object=lambda obj: ctypes.cast(obj, pdfium_c.FPDF_PAGEOBJECT),
        via="ctypes",
    )


def cffi_calls() -> Calls:
    """cffi function pointers at the same addresses (cffi's call path is the cheaper)."""
    assert _cffi_backend is not None
    ffi = _cffi_backend.FFI()

    def proto(fn: Any, signature: str) -> Any:
        return ffi.cast(signature, _address(fn))

    def floats() -> tuple[Any, tuple[Any, Any, Any, Any]]:
        buf = ffi.new("float[4]")
        return buf, (buf, buf + 1, buf + 2, buf + 3)

    return Calls(
        get_object=proto(pdfium_c.FPDFPage_GetObject, "void *(*)(void *, int)"),
        get_type=proto(pdfium_c.FPDFPageObj_GetType, "int (*)(void *)"),
        get_bounds=proto(pdfium_c.FPDFPageObj_GetBounds,
                         "int (*)(void *, float *, float *, float *, float *)"),
        # FS_RECTF is four floats: left, top, right, bottom
        char_box=proto(pdfium_c.FPDFText_GetLooseCharBox, "int (*)(void *, int, float *)"),
        is_generated=proto(pdfium_c.FPDFText_IsGenerated, "int (*)(void *, int)"),
        map_error=proto(pdfium_c.FPDFText_HasUnicodeMapError, "int (*)(void *, int)"),
        handle=lambda h: ffi.cast("void *", _address(h)),
        floats=floats,
        page_object=lambda obj: ctypes.cast(int(ffi.cast("uintptr_t", obj)),
                                            pdfium_c.FPDF_PAGEOBJECT),
        via="cffi",
    )


NATIVE = cffi_calls() if _cffi_backend is not None else ctypes_calls()
