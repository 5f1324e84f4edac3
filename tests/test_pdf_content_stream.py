"""The fast content-stream reader (`parsers/pdf/content_stream.py`) reads what pdfminer reads.

Its tokens are compared with pdfminer's own `PDFContentParser` on inline fragments (the
tricky corners of pdfminer's state machine included); streams it does not read exactly are
left to pdfminer; on a real garbled-layer PDF the pdfplumber reader gives the same glyphs,
lines and shapes with either interpreter; the operator bound stops a page with the same
message.
"""

from __future__ import annotations

import random

import pytest

from conftest import REALDOCS, needs
from kehoach.parsers.pdf import content_stream, pdfminer_limits, plumber_reader

pdfminer = pytest.importorskip("pdfminer")

from pdfminer.pdfdevice import PDFDevice  # noqa: E402
from pdfminer.pdfinterp import PDFContentParser, PDFPageInterpreter, PDFResourceManager  # noqa: E402
from pdfminer.pdftypes import PDFStream  # noqa: E402
from pdfminer.psparser import PSEOF, PSKeywordTable, PSLiteralTable  # noqa: E402


def _streams(datas: list[bytes]) -> list[PDFStream]:
    out = []
    for i, d in enumerate(datas, 1):
        s = PDFStream({}, d)
        s.objid = i
        out.append(s)
    return out


def pdfminer_objects(datas: list[bytes]) -> list:
    try:
        parser = PDFContentParser(_streams(datas))
    except PSEOF:
        return []
    out = []
    while True:
        try:
            out.append(parser.nextobject()[1])
        except PSEOF:
            return out


def fast_objects(datas: list[bytes]) -> list | None:
    out: list = []
    try:
        for k, d in enumerate(datas):
            content_stream._tokens(d, k == len(datas) - 1, out, 1 << 40, PSKeywordTable.intern, PSLiteralTable.intern)
    except content_stream._Fallback:
        return None
    return out


def typed(x):
    """Objects compared with their types (1 == 1.0 == True in Python)."""
    if isinstance(x, list):
        return ["list", [typed(y) for y in x]]
    if isinstance(x, dict):
        return ["dict", {k: typed(v) for k, v in x.items()}]
    return [type(x).__name__, getattr(x, "name", x)]


FRAGMENTS = [
    b"BT /F1 12 Tf 1 0 0 1 72.5 700 Tm (Hello) Tj ET",
    b"[(a)-3.5(b)120(c)]TJ <0041 00 4> Tj <41>Tj q Q",
    b"/P <</MCID 0 /Sub [1 2.5 /N]>> BDC EMC",
    b"(a(b)c) Tj (\\n\\t\\\\\\(\\)) Tj (\\101\\7\\0123) Tj (\\q\\\nz\\\r\nx) Tj",
    b"1.2.3 -. + - 5. .5 -3 +4 12a 9Tj true false % a comment\n0 g",
    b"\x00 /\xc3\xa9t\xe9 \xe9 ) 0 0 m 10 10 l S",
    b"12 0 Td (x)Tj",  # and the next fragment in a second stream
]


@pytest.mark.parametrize("fragment", FRAGMENTS)
def test_fragments_read_as_pdfminer_reads_them(fragment: bytes):
    got = fast_objects([fragment])
    assert got is not None
    assert [typed(x) for x in got] == [typed(x) for x in pdfminer_objects([fragment])]
    assert len(got) > 3


def test_streams_of_a_page_are_read_in_turn():
    datas = [b"BT /F1 12 Tf", b"(x) Tj ET", b"0 0 m 5 5 l S"]
    got = fast_objects(datas)
    assert got is not None and len(got) == 14
    assert [typed(x) for x in got] == [typed(x) for x in pdfminer_objects(datas)]


@pytest.mark.parametrize(
    "datas",
    [
        [b"BI /W 1 /H 1 ID \x00 EI Q"],  # inline image
        [b"/A#41 gs"],  # '#' escape in a name
        [b"(unterminated", b") Tj"],  # a string across streams
        [b"q /", b"F1 12 Tf"],  # a name cut by the stream's end
        [b"q >", b"> Q"],  # '>' '>' across streams
        [b"{ 1 } exec"],
        [b"(\\400) Tj"],  # an octal escape past 255
        [b" " * 4095 + b"<<>> BDC"],  # '<<' cut by pdfminer's 4096-byte read
        [b"[1 2"],  # an array left open
        [b"<</A 1 /B>> BDC"],  # an odd dict
    ],
)
def test_streams_read_otherwise_are_left_to_pdfminer(datas: list[bytes]):
    assert fast_objects(datas) is None


def test_random_streams_read_as_pdfminer_reads_them():
    parts = FRAGMENTS * 40 + [b" ", b"\n", b"<", b">", b"(", b")", b"[", b"]", b"/", b"\\", b"<<", b">>"]
    rng = random.Random(12)
    compared = 0
    for _ in range(400):
        datas = [
            b" ".join(rng.choice(parts) for _ in range(rng.choice((2, 5, 20, 600)))) for _ in range(rng.choice((1, 2)))
        ]
        got = fast_objects(datas)
        if got is None:
            continue
        compared += 1
        assert [typed(x) for x in got] == [typed(x) for x in pdfminer_objects(datas)], datas
    assert compared > 150


KH_1105 = REALDOCS / "laocai-sct_KH-1105-DKT_2026.pdf"


@needs(KH_1105)
def test_garbled_layer_pdf_reads_the_same_with_either_interpreter(monkeypatch):
    """KH-1105 (fonts without a ToUnicode map: read by the pdfplumber reader): every page's
    glyphs, lines, rectangles and curves are the same as with pdfminer's interpreter, and
    the fast tokenizer read every stream."""
    import pdfplumber

    fast_class = content_stream.interpreter_class()
    read, declined = [], []
    original = fast_class._objects

    def spy(self, streams):
        objs = original(self, streams)
        (read if objs is not None else declined).append(len(streams))
        return objs

    monkeypatch.setattr(fast_class, "_objects", spy)
    pdfminer_limits.install()
    with pdfplumber.open(str(KH_1105)) as pdf:
        for page in pdf.pages:
            results = []
            for cls in (fast_class, PDFPageInterpreter):
                monkeypatch.setattr(content_stream, "_CLASS", [cls])
                r = plumber_reader.read_page(page)
                results.append((r.chars, r.lines, r.rects, r.curves, r.image_area))
            assert results[0] == results[1]
            assert len(results[0][0]) > 500  # glyphs on every page
    assert read and not declined
    first = "".join(c["text"] for c in results[0][0][:40])
    assert "(cid:" in first  # the glyphs pdfminer cannot map, left for the repair


class _PathCounter(PDFDevice):
    paths = 0

    def paint_path(self, graphicstate, stroke, fill, evenodd, path) -> None:
        self.paths += 1


def test_operator_bound_stops_the_page_as_pdfminer_does(monkeypatch):
    monkeypatch.setenv("KEHOACH_LIMIT_PDF_PAGE_OBJECTS", "100")
    pdfminer_limits.install()
    data = b"0 0 m 10 10 l S " * 40  # 200 objects
    messages = []
    for cls in (content_stream.interpreter_class(), PDFPageInterpreter):
        device = _PathCounter(PDFResourceManager())
        interp = cls(device.rsrcmgr, device)
        interp.init_resources({})
        interp.init_state((1, 0, 0, 1, 0, 0))
        pdfminer_limits.page_budget()
        try:
            with pytest.raises(pdfminer_limits.PageTooComplex) as exc:
                interp.execute(_streams([data]))
        finally:
            pdfminer_limits.end_page()
        messages.append((str(exc.value), device.paths))
    assert messages[0] == messages[1]
    assert messages[0][1] == 14  # 7 objects a path: the 101st object stops the page after 14
