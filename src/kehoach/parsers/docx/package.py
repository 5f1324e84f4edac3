"""The parts of a DOCX package the reader needs, read with zipfile + lxml (no python-docx).

In: a package `container.check` has vetted (or one `container.repaired` rebuilt). Out: a
`Parts` with the main document's root element, the styles and numbering elements and the
other XML parts by name (theme, footnotes, endnotes, docProps/app.xml).

It reads the package the way python-docx does — the relationship graph walked depth
first from `_rels/.rels`, content types from `[Content_Types].xml`, the same parts parsed
with the same parser options (`remove_blank_text`, no entities), so an XML part that is not
well-formed raises `XMLSyntaxError` here exactly when python-docx would — but it builds
plain lxml elements (no proxy classes, no Part objects, images never inflated). Anything
unusual (a relationship or part missing, a content type unknown, two style parts, no style
part, a main part that is not a Word document) returns None from `read`, and the caller
opens the package with python-docx instead, which says what is wrong in its own words.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
from collections.abc import Callable
from pathlib import Path

from lxml import etree

from .xmlparts import PACKAGE, SAFE

RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
TYPES = "{http://schemas.openxmlformats.org/package/2006/content-types}"
_RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
OFFICE_DOCUMENT, STYLES, NUMBERING = _RT + "officeDocument", _RT + "styles", _RT + "numbering"
_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml."
DOCUMENT_MAIN, CT_STYLES, CT_NUMBERING = _CT + "document.main+xml", _CT + "styles+xml", _CT + "numbering+xml"
# the content types python-docx parses as XML when it loads a package (the others stay bytes)
XML_TYPES = {
    "application/vnd.openxmlformats-package.core-properties+xml",
    _CT + "comments+xml",
    DOCUMENT_MAIN,
    _CT + "footer+xml",
    _CT + "header+xml",
    CT_NUMBERING,
    _CT + "settings+xml",
    CT_STYLES,
}


class Parts:
    """The main document, its styles and numbering, and a lookup of other XML parts."""

    def __init__(
        self,
        root: etree._Element,
        styles: etree._Element | None,
        numbering: etree._Element | None,
        part_xml: Callable[[str], etree._Element | None],
    ) -> None:
        self.root = root
        self.styles = styles
        self.numbering = numbering
        self.part_xml = part_xml  # the XML of the first part (walk order) whose name ends with a suffix

    @property
    def body(self) -> etree._Element | None:
        """w:body, when the root is a transitional w:document (Strict Open XML has none)."""
        if self.root.tag != "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}document":
            return None
        return self.root.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}body")


class _Unusual(Exception):
    """The package is not the common case: python-docx reads it (and words its errors)."""


def read(source: Path | io.BytesIO, wanted: tuple[str, ...], inflated: dict[str, bytes] | None = None) -> Parts | None:
    """The parts of the package at `source`, or None when python-docx should read it;
    `wanted`: name endings of the other XML parts `Parts.part_xml` will be asked for;
    `inflated`: members `container.check` already inflated (not inflated again).
    Lets XMLSyntaxError through (the caller repairs the package)."""
    with zipfile.ZipFile(source) as zf:
        try:
            return _read(zf, wanted, inflated or {})
        except _Unusual:
            return None


def _xml(data: bytes) -> etree._Element:
    return etree.fromstring(data, PACKAGE)


def _read(zf: zipfile.ZipFile, wanted: tuple[str, ...], inflated: dict[str, bytes]) -> Parts:
    names = set(zf.namelist())

    def load(name: str) -> bytes:
        found = inflated.get(name)
        return zf.read(name) if found is None else found

    def member(partname: str) -> bytes:
        name = partname[1:]
        if name not in names:
            raise _Unusual
        return load(name)

    types = _xml(member("/[Content_Types].xml"))
    if types.tag != TYPES + "Types":
        raise _Unusual
    overrides: dict[str, str] = {}
    defaults: dict[str, str] = {}
    for el in types:
        if el.tag == TYPES + "Override":
            name, ctype = el.get("PartName"), el.get("ContentType")
            if name is None or ctype is None:
                raise _Unusual
            overrides[name.lower()] = ctype
        elif el.tag == TYPES + "Default":
            ext, ctype = el.get("Extension"), el.get("ContentType")
            if ext is None or ctype is None:
                raise _Unusual
            defaults[ext.lower()] = ctype

    def content_type(partname: str) -> str:
        if partname.lower() in overrides:
            return overrides[partname.lower()]
        ext = posixpath.splitext(partname)[1]
        ext = ext[1:] if ext.startswith(".") else ext
        if ext.lower() in defaults:
            return defaults[ext.lower()]
        raise _Unusual

    def rels(partname: str) -> list[tuple[str, str]]:
        """(reltype, target partname) of the internal relationships of a part ("/": the package)."""
        base, file = posixpath.split(partname)
        rels_name = posixpath.join(base, "_rels", file + ".rels")
        if rels_name[1:] not in names:
            return []
        root = _xml(load(rels_name[1:]))
        if root.tag != RELS + "Relationships":
            raise _Unusual
        out, ids = [], set()
        for rel in root.iterchildren(RELS + "Relationship"):
            rid, reltype, target = rel.get("Id"), rel.get("Type"), rel.get("Target")
            if rid is None or reltype is None or target is None or rid in ids:
                raise _Unusual
            ids.add(rid)
            if rel.get("TargetMode", "Internal") == "External":
                continue
            out.append((reltype, posixpath.abspath(posixpath.join(base, target))))
        return out

    order: list[str] = []  # partnames in python-docx's walk order
    ctypes: dict[str, str] = {}
    links: dict[str, list[tuple[str, str]]] = {"/": rels("/")}

    def walk(source: str) -> None:
        for _, target in links[source]:
            if target in ctypes:
                continue
            ctypes[target] = ""  # visited
            order.append(target)
            links[target] = rels(target)
            if target[1:] not in names:
                raise _Unusual
            ctypes[target] = content_type(target)
            walk(target)

    walk("/")
    # python-docx parses the XML parts once the walk is done, in walk order
    parsed = {name: _xml(member(name)) for name in order if ctypes[name] in XML_TYPES}

    def only(source: str, reltype: str) -> str | None:
        found = [target for kind, target in links[source] if kind == reltype]
        if len(found) > 1:
            raise _Unusual
        return found[0] if found else None

    main = only("/", OFFICE_DOCUMENT)
    if main is None or ctypes[main] != DOCUMENT_MAIN:
        raise _Unusual
    styles = only(main, STYLES)
    if styles is None or ctypes[styles] != CT_STYLES:
        raise _Unusual  # python-docx brings in its default styles, or has none: let it
    numbering = only(main, NUMBERING)
    numbering_el = parsed[numbering] if numbering is not None and ctypes[numbering] == CT_NUMBERING else None
    # the other parts the reader may ask for are read now (the zip closes on return)
    raw = {name: load(name[1:]) for name in order if name not in parsed and name.endswith(wanted)}

    def part_xml(suffix: str) -> etree._Element | None:
        for name in order:
            if name.endswith(suffix):
                if name in parsed:
                    return parsed[name]
                if name not in raw:
                    raise KeyError(f"{name}: not read with the package (add its suffix to `wanted`)")
                try:
                    return etree.fromstring(raw[name], SAFE)
                except etree.XMLSyntaxError:
                    return None
        return None

    return Parts(parsed[main], parsed[styles], numbering_el, part_xml)
