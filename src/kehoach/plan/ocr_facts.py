"""Facts of a scan's coloured ink on the header of the document they belong to.

The OCR front-end (`parsers/ocr/header.py`) says per page, in the source notes, what it took
off the page before recognition: "ocr:page 1: seal", "ocr:page 1: incoming stamp số 1614
ngày 2026-02-24" ("?" for a part it could not read). A fact belongs to the document whose
blocks are on that page: the Tờ trình's seal is the Tờ trình's (the wrapper's), not the
attached draft plan's. A handwritten number, day or month the OCR could not read (in the
header or in an incoming stamp) is reported as ``handwriting-unread``, never guessed.
"""

from __future__ import annotations

from .. import fastre as re
from ..blocks import Document
from ..models import Header, IncomingStamp, Location
from .diagnostics import report

_FACT_RE = re.compile(r"^ocr:page (\d+): (seal|incoming stamp số (\S+) ngày (\S+))$")
_UNREAD_RE = re.compile(r"^ocr:page (\d+): handwritten (number|day|month) not read$")


def report_ocr_notes(notes: list[str]) -> None:
    """Handwriting the OCR could not read, in the header or in an incoming stamp: one
    ``handwriting-unread`` diagnostic each, whichever part (plan or wrapper) it is in."""
    for note in notes:
        u = _UNREAD_RE.match(note)
        if u:
            report(
                "handwriting-unread",
                f"the {u[2]} written by hand in the header could not be read (left null)",
                location=Location.model_construct(page=int(u[1]), source="ocr"),
            )
            continue
        m = _FACT_RE.match(note)
        if m and m[2] != "seal":
            unread = [name for name, v in (("số", m[3]), ("ngày", m[4])) if v == "?"]
            if unread:
                report(
                    "handwriting-unread",
                    f"incoming stamp: the handwritten {' and '.join(unread)} could not be read (left null)",
                    location=Location.model_construct(page=int(m[1]), source="ocr"),
                )


def apply_ink_facts(header: Header, doc: Document) -> None:
    """Set `seal` and `incoming_stamp` from the notes of the pages `doc`'s blocks are on."""
    pages = {b.prov.page for b in doc.blocks if getattr(b, "prov", None) is not None and b.prov.page}
    for note in doc.source.notes:
        m = _FACT_RE.match(note)
        if not m or int(m[1]) not in pages:
            continue
        if m[2] == "seal":
            header.seal = True
        elif header.incoming_stamp is None:
            so, ngay = (None if v == "?" else v for v in (m[3], m[4]))
            header.incoming_stamp = IncomingStamp.model_construct(so=so, ngay=ngay)
