"""ctypes bindings of pdfium for the fast PDF reader, and what its modules share.

In: pypdfium2's own pdfium library. Out: `F` — private ctypes bindings of the pdfium
functions the reader calls, typed by `_SIGNATURES` with plain c_void_p handles (no pointer
objects built per call; pypdfium2's own bindings stay as they are); `RAW` — the ones called
per glyph, without argtypes (a third cheaper per call); the page a reader hands on
(`RawPage`) and the exception that sends a file to the pdfplumber reader (`Unsupported`).
"""

from __future__ import annotations

import ctypes
from collections.abc import Callable
from ctypes import c_float, c_int, c_uint, c_void_p
from dataclasses import dataclass, field
from typing import Any


class Unsupported(Exception):
    """This file (or page) is read by the pdfplumber reader instead; the message says why."""


@dataclass
class RawPage:
    number: int
    width: float
    height: float
    chars: list[dict] = field(default_factory=list)
    lines: list[dict] = field(default_factory=list)
    rects: list[dict] = field(default_factory=list)
    curves: list[dict] = field(default_factory=list)
    image_area: float = 0.0


_lib = None
F: dict[str, Callable[..., Any]] = {}  # ctypes functions, typed by _SIGNATURES
# the functions called per glyph, without argtypes (a third cheaper per call): the
# text page goes in as a c_void_p, the index as a C int, the outputs by reference
_PER_GLYPH = (
    "FPDFText_GetTextObject",
    "FPDFText_GetCharOrigin",
    "FPDFText_HasUnicodeMapError",
    "FPDFText_IsGenerated",
)
RAW: dict[str, Callable[..., Any]] = {}

# (name, restype, argtypes): private bindings with plain c_void_p handles (no pointer objects
# built per call), leaving pypdfium2's own bindings as they are
_SIGNATURES = {
    "FPDFText_CountChars": (c_int, (c_void_p,)),
    "FPDFText_GetText": (c_int, (c_void_p, c_int, c_int, c_void_p)),
    "FPDFText_GetUnicode": (c_uint, (c_void_p, c_int)),
    "FPDFText_IsGenerated": (c_int, (c_void_p, c_int)),
    "FPDFText_HasUnicodeMapError": (c_int, (c_void_p, c_int)),
    "FPDFText_GetCharOrigin": (c_int, (c_void_p, c_int, c_void_p, c_void_p)),
    "FPDFText_GetLooseCharBox": (c_int, (c_void_p, c_int, c_void_p)),
    "FPDFText_GetTextObject": (c_void_p, (c_void_p, c_int)),
    "FPDFText_GetMatrix": (c_int, (c_void_p, c_int, c_void_p)),
    "FPDFTextObj_GetFont": (c_void_p, (c_void_p,)),
    "FPDFTextObj_GetFontSize": (c_int, (c_void_p, c_void_p)),
    "FPDFFont_GetBaseFontName": (ctypes.c_size_t, (c_void_p, c_void_p, ctypes.c_size_t)),
    "FPDFFont_GetDescent": (c_int, (c_void_p, c_float, c_void_p)),
    "FPDFFont_GetIsEmbedded": (c_int, (c_void_p,)),
    "FPDFFont_GetFontData": (c_int, (c_void_p, c_void_p, ctypes.c_size_t, c_void_p)),
    "FPDFPage_CountObjects": (c_int, (c_void_p,)),
    "FPDFPage_GetObject": (c_void_p, (c_void_p, c_int)),
    "FPDFFormObj_CountObjects": (c_int, (c_void_p,)),
    "FPDFFormObj_GetObject": (c_void_p, (c_void_p, ctypes.c_ulong)),
    "FPDFPageObj_GetType": (c_int, (c_void_p,)),
    "FPDFPageObj_GetMatrix": (c_int, (c_void_p, c_void_p)),
    "FPDFPageObj_GetBounds": (c_int, (c_void_p, c_void_p, c_void_p, c_void_p, c_void_p)),
    "FPDFPageObj_GetFillColor": (c_int, (c_void_p, c_void_p, c_void_p, c_void_p, c_void_p)),
    "FPDFPath_CountSegments": (c_int, (c_void_p,)),
    "FPDFPath_GetPathSegment": (c_void_p, (c_void_p, c_int)),
    "FPDFPath_GetDrawMode": (c_int, (c_void_p, c_void_p, c_void_p)),
    "FPDFPathSegment_GetPoint": (c_int, (c_void_p, c_void_p, c_void_p)),
    "FPDFPathSegment_GetType": (c_int, (c_void_p,)),
    "FPDFPathSegment_GetClose": (c_int, (c_void_p,)),
    "FPDFPage_GetRotation": (c_int, (c_void_p,)),
    "FPDFPage_GetMediaBox": (c_int, (c_void_p, c_void_p, c_void_p, c_void_p, c_void_p)),
    "FPDFPage_GetCropBox": (c_int, (c_void_p, c_void_p, c_void_p, c_void_p, c_void_p)),
}


class Matrix(ctypes.Structure):
    _fields_ = [(n, c_float) for n in "abcdef"]


class RectF(ctypes.Structure):
    _fields_ = [("left", c_float), ("top", c_float), ("right", c_float), ("bottom", c_float)]


def bind() -> dict[str, Callable[..., Any]]:
    global _lib
    if F:
        return F
    from pypdfium2_raw import bindings

    _lib = bindings._libs["pdfium"]
    for name, (restype, argtypes) in _SIGNATURES.items():
        fn = _lib[name]  # a new function object: pypdfium2's own stays as it is
        fn.restype = restype
        fn.argtypes = argtypes
        F[name] = fn
    for name in _PER_GLYPH:
        fn = _lib[name]
        fn.restype = _SIGNATURES[name][0]
        RAW[name] = fn
    return F


def handle(obj: Any) -> int:  # a ctypes pointer from pypdfium2 (untyped)
    return ctypes.cast(obj, c_void_p).value or 0
