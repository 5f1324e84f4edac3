"""Before the fast reader opens a PDF: bound what pdfium will inflate, and read the font metrics.

In: a PDF path. Out: `Fonts` — per font name, pdfminer's descent and advance widths (by
the text a glyph maps to), the two numbers the pdfplumber reader's glyph boxes are made
of and that pdfium computes its own way — or `Unsupported` when the file is one the
pdfplumber reader must read (bounds reached, damaged, encrypted, Type 3 fonts).

pdfium inflates streams in C without a budget. So every stream it will read for text and
drawings (page contents, form XObjects, font programs, ToUnicode maps; object streams as
they are opened) is first inflated here through pdfminer with the bounded zlib of
`pdf_limits` (`PDF_STREAM_BYTES`), and the tokens of each page's contents are counted
(whitespace-separated runs, an upper bound of pdfminer's count) against
`PDF_PAGE_OBJECTS`. Past a bound the file goes to the pdfplumber reader, which skips the
page or stops with the same one-line reason as before. Images are never inflated (neither
reader decodes them). Only the document structure is parsed here, not the drawing
operators: that is the slow part of pdfminer.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .. import limits
from . import pdfminer_limits as pdf_limits
from .pdfium_reader import Unsupported

_CHUNK = 1 << 20
_MAX_FORM_DEPTH = 8


@dataclass
class FontMetrics:
    descent: float                                        # in ems, negative
    widths: dict[str, float] = field(default_factory=dict)   # glyph text -> advance in ems
    by_cid: dict[int, float] = field(default_factory=dict)   # cid -> advance ("(cid:N)" glyphs)
    default: float = 0.0
    same_text: bool = True    # pdfium reads the same text as pdfminer (see `_same_text`)

    def advance(self, text: str) -> float:
        if text.startswith("(cid:"):
            return self.by_cid.get(int(text[5:-1]), self.default)
        return self.widths.get(text, self.default)


Fonts = dict[str, FontMetrics]          # key: 'name#length of the embedded program' (0: none)


def check(path: Path) -> Fonts:
    """The font metrics of `path`, after its streams were found within the bounds."""
    from pdfminer.pdfdocument import PDFDocument
    from pdfminer.pdfinterp import PDFResourceManager
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFParser

    pdf_limits.install()
    fonts: Fonts = {}
    ambiguous: set[str] = set()
    token_limit = limits.get("PDF_PAGE_OBJECTS")
    try:
        with open(path, "rb") as fh:
            doc = PDFDocument(PDFParser(fh))
            manager = PDFResourceManager(caching=True)
            seen: set[int] = set()
            for number, page in enumerate(PDFPage.create_pages(doc), 1):
                tokens = sum(_tokens(s, token_limit) for s in _streams(page.contents))
                tokens += _resources(page.resources, manager, fonts, ambiguous, seen, token_limit, 0)
                if tokens > token_limit:
                    raise Unsupported(f"page {number}: more than {token_limit:,} drawing operators")
    except Unsupported:
        raise
    except MemoryError:
        raise
    except Exception as exc:     # a bound, a damaged or encrypted file: the pdfplumber reader says which
        raise Unsupported(f"preflight: {exc.__class__.__name__}: {exc}") from None
    for name in ambiguous:
        fonts.pop(name, None)
    return fonts


def _streams(contents) -> list:
    from pdfminer.pdftypes import PDFStream, resolve1

    out = []
    for s in contents or []:
        s = resolve1(s)
        if isinstance(s, PDFStream):
            out.append(s)
        elif isinstance(s, list):
            out.extend(x for x in map(resolve1, s) if isinstance(x, PDFStream))
    return out


def _tokens(stream, limit: int) -> int:
    """Whitespace-separated runs in a decoded stream (stops counting past `limit`)."""
    data = stream.get_data()
    n = 0
    for i in range(0, len(data), _CHUNK):
        n += len(data[i:i + _CHUNK].split())
        if n > limit:
            break
    return n


def _resources(res, manager, fonts: Fonts, ambiguous: set[str], seen: set[int], limit: int, depth: int) -> int:
    """Read the fonts of a resource dict and inflate its form XObjects (tokens counted)."""
    from pdfminer.pdftypes import PDFObjRef, PDFStream, dict_value, resolve1
    from pdfminer.psparser import literal_name

    res = dict_value(res) if res else {}
    tokens = 0
    for name, ref in dict_value(res.get("Font", {})).items():
        key = ref.objid if isinstance(ref, PDFObjRef) else None
        if key is not None and key in seen:
            continue
        if key is not None:
            seen.add(key)
        spec = dict_value(ref)
        _font(spec, key, manager, fonts, ambiguous)
    if depth >= _MAX_FORM_DEPTH:
        return tokens
    for name, ref in dict_value(res.get("XObject", {})).items():
        key = ref.objid if isinstance(ref, PDFObjRef) else None
        xobj = resolve1(ref)
        if not isinstance(xobj, PDFStream) or literal_name(xobj.get("Subtype")) != "Form":
            continue
        tokens += _tokens(xobj, limit)
        if key is not None and ("x", key) in seen:     # type: ignore[comparison-overlap]
            continue
        if key is not None:
            seen.add(("x", key))                        # type: ignore[arg-type]
        tokens += _resources(xobj.get("Resources"), manager, fonts, ambiguous, seen, limit, depth + 1)
    return tokens


def _font(spec: dict, objid, manager, fonts: Fonts, ambiguous: set[str]) -> None:
    from pdfminer.pdftypes import PDFStream, dict_value, list_value, resolve1
    from pdfminer.psparser import literal_name

    subtype = literal_name(spec.get("Subtype")) if "Subtype" in spec else "Type1"
    if subtype == "Type3":
        raise Unsupported("a Type 3 font")
    font = manager.get_font(objid, spec)
    if font.is_vertical():
        raise Unsupported("a vertical font")
    # inflate the font programs pdfium will read (pdfminer itself only reads some)
    descs = [spec] + [dict_value(d) for d in list_value(spec.get("DescendantFonts", []))]
    program = 0           # the length of the embedded font program: tells subsets of one name apart
    for d in descs:
        desc = resolve1(d.get("FontDescriptor"))
        if isinstance(desc, dict):
            for k in ("FontFile", "FontFile2", "FontFile3"):
                s = resolve1(desc.get(k))
                if isinstance(s, PDFStream):
                    program = len(s.get_data())
        s = resolve1(d.get("ToUnicode"))
        if isinstance(s, PDFStream):
            s.get_data()
    metrics = FontMetrics(descent=font.get_descent(), default=float(font.default_width) * font.hscale,
                          same_text=_same_text(spec))
    for cid, w in font.widths.items():
        try:
            cid = int(cid)
            width = float(w) * font.hscale
        except (TypeError, ValueError):
            continue
        metrics.by_cid[cid] = width
        try:
            text = font.to_unichr(cid)
        except Exception:
            continue
        if metrics.widths.get(text, width) != width:
            metrics.widths[text] = float("nan")    # two glyphs with one text and two widths
        else:
            metrics.widths[text] = width
    for name in {_strip(font.fontname), _strip(str(literal_name(spec.get("BaseFont", "")) or ""))} - {""}:
        name = f"{name}#{program}"
        known = fonts.get(name)
        if known is None:
            fonts[name] = metrics
            continue
        # subsets of one font ("ABCDEF+Times", "GHIJKL+Times"): pdfium names them alike
        if known.descent != metrics.descent or known.same_text != metrics.same_text:
            ambiguous.add(name)
        for text, width in metrics.widths.items():
            if known.widths.get(text, width) != width:
                known.widths[text] = float("nan")
            else:
                known.widths[text] = width
        if known.default != metrics.default:
            known.default = float("nan")
        for cid, width in metrics.by_cid.items():
            if known.by_cid.get(cid, width) != width:
                known.by_cid[cid] = float("nan")
            else:
                known.by_cid[cid] = width


def _same_text(spec: dict) -> bool:
    """Whether pdfium maps this font's codes to the same text as pdfminer: with a ToUnicode map,
    or a simple font with a standard encoding and no differences. Without them the two
    libraries guess differently (a symbolic TrueType font, an Identity-H font without a
    map: pdfminer gives "(cid:N)", pdfium reads the font's own tables)."""
    from pdfminer.pdftypes import resolve1
    from pdfminer.psparser import literal_name

    if resolve1(spec.get("ToUnicode")) is not None:
        return True
    if literal_name(spec.get("Subtype")) in ("Type0", "CIDFontType0", "CIDFontType2"):
        return False
    encoding = resolve1(spec.get("Encoding"))
    return not isinstance(encoding, dict) and encoding is not None and \
        literal_name(encoding) in ("WinAnsiEncoding", "MacRomanEncoding", "StandardEncoding")


def _strip(name: object) -> str:
    """The font name without its subset prefix, as pdfium gives it: "ABCDEF+Times" -> "Times"."""
    name = name.decode("latin-1") if isinstance(name, bytes) else str(name or "")
    if len(name) > 7 and name[6] == "+" and name[:6].isupper():
        return name[7:]
    return name
