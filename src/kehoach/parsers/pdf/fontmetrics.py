"""Font metrics for the fast PDF reader: a PDF font dict -> pdfminer's descent and widths.

In: a font dict of a page's resources (pdfminer objects), found by `preflight`. Out: a
`FontMetrics` per font name — pdfminer's descent and advance widths (by the text a glyph
maps to, and by CID for "(cid:N)" glyphs), the numbers the pdfplumber reader's glyph boxes
are made of and that pdfium computes its own way — added to a `Fonts` dict (`add_font`), or
`Unsupported` for a font the pdfplumber reader must read (Type 3, vertical, no ToUnicode map
where pdfium and pdfminer would guess the text differently). The common fonts are read
without pdfminer's slow CMap parser (`_quick_metrics`), others through pdfminer's fonts.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

import regex as re

from .pdfium_bindings import Unsupported


@dataclass
class FontMetrics:
    descent: float  # in ems, negative
    widths: dict[str, float] = field(default_factory=dict)  # glyph text -> advance in ems
    by_cid: dict[int, float] = field(default_factory=dict)  # cid -> advance ("(cid:N)" glyphs)
    default: float = 0.0
    same_text: bool = True  # pdfium reads the same text as pdfminer (see `_same_text`)
    # chr(code) of the codes with a width that the font maps to text (the fonts read without
    # pdfminer's font classes, where a code is its CID): pdfium gives an unmapped glyph the
    # text chr(code), so a glyph whose text is in here is not one (`pdfium_reader._chars`)
    mapped: set[str] = field(default_factory=set)
    _composed: dict[str, str] | None = field(default=None, repr=False, compare=False)
    _starts: frozenset[str] | None = field(default=None, repr=False, compare=False)

    def joins(self, text: str) -> bool:
        """Whether `text` (two or more characters) is, or begins, the text the font maps one
        glyph to: pdfium gives each character of such a glyph ("fi", a letter and its mark)
        separately, at the glyph's origin, and pdfminer the glyph's whole text."""
        if self._starts is None:
            self._starts = frozenset(t[:n] for t in self.widths if len(t) > 1 for n in range(2, len(t) + 1))
        return text in self._starts

    def text_form(self, text: str) -> str | None:
        """The text the font's map gives for a glyph pdfium wrote as `text`, when that is another
        form of it: composed or decomposed ("U" + hook above <-> "Ủ"), or neither — a map may
        give a composed letter and a combining mark ("ư" + grave for "ừ", from fonts converted
        out of legacy encodings), which NFC nor NFD rebuilds; None when no form is in the map."""
        for form in ("NFC", "NFD"):
            other = unicodedata.normalize(form, text)
            if other in self.widths:
                return other
        if self._composed is None:  # every mapped text by its NFC form, for the mixed ones
            self._composed = {}
            for mapped in self.widths:
                composed = unicodedata.normalize("NFC", mapped)
                if composed != mapped:
                    self._composed.setdefault(composed, mapped)
        return self._composed.get(unicodedata.normalize("NFC", text))

    def advance(self, text: str) -> float:
        if text.startswith("(cid:"):
            return self.by_cid.get(int(text[5:-1]), self.default)
        return self.widths.get(text, self.default)


Fonts = dict[str, FontMetrics]  # key: 'name#length of the embedded program' (0: none)


def add_font(spec: dict, objid, manager, fonts: Fonts, ambiguous: set[str]) -> None:
    from pdfminer.pdftypes import PDFStream, dict_value, list_value, resolve1
    from pdfminer.psparser import literal_name

    subtype = literal_name(spec.get("Subtype")) if "Subtype" in spec else "Type1"
    if subtype == "Type3":
        raise Unsupported("a Type 3 font")
    if not _same_text(spec):  # decided before anything is parsed: the file goes to pdfplumber
        raise Unsupported(
            f"font {_strip(literal_name(spec.get('BaseFont', '')))!r} maps its glyphs to text without a ToUnicode map"
        )
    # inflate the font programs pdfium will read (pdfminer itself only reads some)
    descs = [spec] + [dict_value(d) for d in list_value(spec.get("DescendantFonts", []))]
    program = 0  # the length of the embedded font program: tells subsets of one name apart
    for d in descs:
        desc = resolve1(d.get("FontDescriptor"))
        if isinstance(desc, dict):
            for k in ("FontFile", "FontFile2", "FontFile3"):
                s = resolve1(desc.get(k))
                if isinstance(s, PDFStream):
                    program = len(s.get_data())
    metrics = _quick_metrics(spec, subtype) or _pdfminer_metrics(spec, objid, manager)
    metrics.same_text = _same_text(spec)
    fontname = (
        literal_name(descs[-1].get("BaseFont", "")) if subtype == "Type0" else literal_name(spec.get("BaseFont", ""))
    )
    for name in {_strip(fontname), _strip(str(literal_name(spec.get("BaseFont", "")) or ""))} - {""}:
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
        known.mapped &= metrics.mapped  # subsets one name: a code mapped in every one
        if known.default != metrics.default:
            known.default = float("nan")
        for cid, width in metrics.by_cid.items():
            if known.by_cid.get(cid, width) != width:
                known.by_cid[cid] = float("nan")
            else:
                known.by_cid[cid] = width


def _pdfminer_metrics(spec: dict, objid, manager) -> FontMetrics:
    """Descent and widths through pdfminer's own font classes (standard 14 fonts, CMaps the
    quick reader does not know)."""
    font = manager.get_font(objid, spec)
    if font.is_vertical():
        raise Unsupported("a vertical font")
    return _with_texts(
        FontMetrics(descent=font.get_descent(), default=float(font.default_width) * font.hscale),
        font.widths,
        font.hscale,
        font.to_unichr,
    )


def _quick_metrics(spec: dict, subtype: str) -> FontMetrics | None:
    """pdfminer's descent and widths for the common fonts, without its (slow, pure Python)
    CMap parser: simple TrueType/Type1 fonts with a descriptor and /Widths, and Type0
    Identity-H fonts. None: let pdfminer read the font."""
    from pdfminer.encodingdb import EncodingDB
    from pdfminer.pdffont import get_widths
    from pdfminer.pdftypes import dict_value, list_value, num_value, resolve1
    from pdfminer.psparser import LIT, literal_name

    tounicode = resolve1(spec.get("ToUnicode"))
    umap: dict[int, str] = {}
    if tounicode is not None:
        parsed = _tounicode_once(tounicode.get_data()) if hasattr(tounicode, "get_data") else None
        if parsed is None:
            return None
        umap = parsed
    if subtype == "Type0":
        if literal_name(resolve1(spec.get("Encoding"))) != "Identity-H":
            return None
        dfont = dict_value(list_value(spec.get("DescendantFonts"))[0])
        desc = resolve1(dfont.get("FontDescriptor"))
        if not isinstance(desc, dict) or "DW2" in dfont or "W2" in dfont:
            return None
        widths = get_widths(_number_array(dfont.get("W")) or list_value(dfont.get("W", [])))
        default = num_value(dfont.get("DW", 1000))

        def text_of(cid: int) -> str | None:
            return umap.get(cid)
    else:
        desc = resolve1(spec.get("FontDescriptor"))
        if not isinstance(desc, dict) or "Widths" not in spec:
            return None
        first = int(num_value(spec.get("FirstChar", 0)))
        widths = {
            first + i: resolve1(w)
            for i, w in enumerate(_number_array(spec.get("Widths")) or list_value(spec.get("Widths")))
        }
        default = num_value(desc.get("MissingWidth", 0))
        base = LIT("WinAnsiEncoding") if subtype == "TrueType" else LIT("StandardEncoding")
        encoding = resolve1(spec.get("Encoding", base))
        if isinstance(encoding, dict):
            cid2unicode = EncodingDB.get_encoding(
                literal_name(encoding.get("BaseEncoding", base)), list_value(encoding.get("Differences", []))
            )
        else:
            cid2unicode = EncodingDB.get_encoding(literal_name(encoding))

        def text_of(cid: int) -> str | None:
            return umap.get(cid, cid2unicode.get(cid))

    descent = num_value(desc.get("Descent", 0))
    descent = -descent if descent > 0 else descent
    metrics = _with_texts(
        FontMetrics(descent=descent * 0.001, default=float(default) * 0.001),
        widths,
        0.001,
        lambda cid: _must(text_of(cid)),
    )
    for cid in metrics.by_cid:
        text = text_of(cid)
        if text and 0 < cid <= 0x10FFFF:
            metrics.mapped.add(chr(cid))
    return metrics


_ARRAY_HEAD = re.compile(rb"\s*(\d+)\s+\d+\s+obj\s*\[")
_ARRAY_TOKEN = re.compile(rb"\[|\]|[^\s\[\]]+")
_NUMBER = re.compile(rb"[-+]?(?:\d+\.?\d*|\.\d+)")
_ARRAY_BYTES = 1 << 22  # read at most this much of an array object
_NUMBERS_ONLY = re.compile(rb"[\s\[\]0-9.+-]*")  # what an array of numbers is written with


def _object_bytes(fp, pos: int) -> bytes:
    """The file's bytes from `pos` up to the first "endobj" after it (read in growing pieces:
    a width array is a few kB, the file may be megabytes), at most `_ARRAY_BYTES`."""
    here = fp.tell()
    try:
        fp.seek(pos)
        data, piece = b"", 1 << 16
        while len(data) < _ARRAY_BYTES:
            more = fp.read(min(piece, _ARRAY_BYTES - len(data)))
            if not more:
                break
            data += more
            if data.find(b"endobj", max(0, len(data) - len(more) - 6)) >= 0:
                break
            piece *= 4
        return data
    finally:
        fp.seek(here)


def _number_array(ref) -> list | None:
    """A font's width array (/W, /Widths) kept as an object of its own in the file, read
    straight from the file's bytes as pdfminer would read it (ints, floats, nested arrays):
    pdfminer's pure-Python parser takes a tenth of a second on a whole font's /W. None for
    anything else (an object in an object stream, a comment, a reference, a name, a damaged
    offset): then pdfminer reads it."""
    from pdfminer.pdftypes import PDFObjRef

    if not isinstance(ref, PDFObjRef) or ref.doc is None:
        return None
    doc = ref.doc
    pos = None
    for xref in doc.xrefs:  # as PDFDocument.getobj looks it up
        try:
            strmid, index, _ = xref.get_pos(ref.objid)
        except KeyError:
            continue
        if strmid is not None:
            return None
        pos = index
        break
    parser = getattr(doc, "_parser", None)
    fp = getattr(parser, "fp", None)
    if pos is None or fp is None:
        return None
    data = _object_bytes(fp, pos)
    head = _ARRAY_HEAD.match(data)
    if head is None or int(head.group(1)) != ref.objid:
        return None
    end = data.find(b"endobj", head.end())
    if end < 0:
        return None
    if not _NUMBERS_ONLY.fullmatch(data, head.end() - 1, end):
        return None  # a name, a reference, a comment …: pdfminer reads it
    stack: list[list] = [[]]
    for tok in _ARRAY_TOKEN.findall(data, head.end() - 1, end):
        if tok == b"[":
            inner: list = []
            stack[-1].append(inner)
            stack.append(inner)
        elif tok == b"]":
            if len(stack) == 1:
                return None
            stack.pop()
        elif b"." in tok:
            if not _NUMBER.fullmatch(tok):
                return None
            stack[-1].append(float(tok))
        else:
            try:
                stack[-1].append(int(tok))
            except ValueError:
                return None
    if len(stack) != 1 or len(stack[0]) != 1:
        return None
    return stack[0][0]


def _must(text: str | None) -> str:
    if text is None:
        raise KeyError
    return text


def _with_texts(metrics: FontMetrics, widths: dict, scale: float, to_text) -> FontMetrics:
    for cid, w in widths.items():
        if isinstance(cid, str) and len(cid) == 1:  # standard 14 fonts: pdfminer keys the AFM widths by text
            metrics.widths[cid] = float(w) * scale
            continue
        try:
            cid = int(cid)
            width = float(w) * scale
        except (TypeError, ValueError):
            continue
        metrics.by_cid[cid] = width
        try:
            text = to_text(cid)
        except Exception:
            continue
        if metrics.widths.get(text, width) != width:
            metrics.widths[text] = float("nan")  # two glyphs with one text and two widths
        else:
            metrics.widths[text] = width
    return metrics


_CMAP_BLOCK = re.compile(rb"begin(bfchar|bfrange)(.*?)end\1", re.S)
_CMAP_TOKEN = re.compile(rb"<([0-9A-Fa-f\s]*)>|(\[)|(\])|(\S+)")


_MAPS: dict[bytes, dict[int, str] | None] = {}  # ToUnicode stream -> its map (read-only)
_MAPS_BYTES = 1 << 23  # the streams kept, in bytes at most


def forget_maps() -> None:
    """Drop the ToUnicode maps kept (`bench_speed` times every run as a first one)."""
    _MAPS.clear()


def _tounicode_once(data: bytes) -> dict[int, str] | None:
    """`_tounicode`, read once per distinct stream: a word processor embeds one whole font
    (a 50 kB map) again for its bold, and again in every plan of a batch."""
    if data in _MAPS:
        return _MAPS[data]
    parsed = _tounicode(data)
    if sum(map(len, _MAPS)) + len(data) > _MAPS_BYTES:
        _MAPS.clear()
    _MAPS[data] = parsed
    return parsed


def _tounicode(data: bytes) -> dict[int, str] | None:
    """A ToUnicode CMap's bfchar/bfrange entries -> {code: text}, as pdfminer's CMapParser
    reads them; None for what this reader does not know (usecmap, names, literal strings)."""
    if b"usecmap" in data:
        return None
    out: dict[int, str] = {}
    for kind, block in _CMAP_BLOCK.findall(data):
        items: list = []
        array: list | None = None
        for hexs, opening, closing, other in _CMAP_TOKEN.findall(block):
            if other:
                return None
            if opening:
                array = []
            elif closing:
                items.append(array)
                array = None
            else:
                digits = hexs.translate(None, b" \t\r\n\f\v")
                value = bytes.fromhex((digits + b"0" if len(digits) % 2 else digits).decode())
                (array if array is not None else items).append(value)
        if kind == b"bfchar":
            for src, dst in zip(items[0::2], items[1::2], strict=False):
                if isinstance(src, bytes) and isinstance(dst, bytes):
                    _put(out, int.from_bytes(src, "big"), dst)
            continue
        for lo, hi, dst in zip(items[0::3], items[1::3], items[2::3], strict=False):
            if not isinstance(lo, bytes) or not isinstance(hi, bytes) or len(lo) != len(hi):
                continue
            start, end = int.from_bytes(lo, "big"), int.from_bytes(hi, "big")
            if isinstance(dst, list):
                for cid, value in zip(range(start, end + 1), dst, strict=False):
                    if isinstance(value, bytes):
                        _put(out, cid, value)
                continue
            var, prefix = dst[-4:], dst[:-4]
            base, vlen = int.from_bytes(var, "big"), len(var)
            for i in range(end - start + 1):
                _put(out, start + i, prefix + (base + i).to_bytes(4, "big")[-vlen:])
    return out


def _put(out: dict[int, str], cid: int, code: bytes) -> None:
    text = code.decode("utf-16be", "ignore")
    if text == "\u00a0" and out.get(cid) == " ":
        return  # pdfminer keeps the space when a map also gives the cid a no-break space
    out[cid] = text


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
    if (
        encoding is None
        and literal_name(spec.get("Subtype")) == "Type1"
        and "FontDescriptor" not in spec
        and _strip(literal_name(spec.get("BaseFont", ""))) in _STANDARD_TEXT_FONTS
    ):
        return True  # a standard 14 text font: both read it in StandardEncoding
    return (
        not isinstance(encoding, dict)
        and encoding is not None
        and literal_name(encoding) in ("WinAnsiEncoding", "MacRomanEncoding", "StandardEncoding")
    )


_STANDARD_TEXT_FONTS = {
    f"{family}{style}"
    for family, styles in (
        ("Helvetica", ("", "-Bold", "-Oblique", "-BoldOblique")),
        ("Courier", ("", "-Bold", "-Oblique", "-BoldOblique")),
        ("Times", ("-Roman", "-Bold", "-Italic", "-BoldItalic")),
    )
    for style in styles
}


def _strip(name: object) -> str:
    """The font name without its subset prefix, as pdfium gives it: "ABCDEF+Times" -> "Times"."""
    name = name.decode("latin-1") if isinstance(name, bytes) else str(name or "")
    if len(name) > 7 and name[6] == "+" and name[:6].isupper():
        return name[7:]
    return name
