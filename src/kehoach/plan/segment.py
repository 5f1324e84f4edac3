"""Where the parts of a plan start: the type line, the body's first section heading, the
signature zone, the appendices (and a plan carried inside a Quyết định or Tờ trình).

In: a `Document`'s blocks. Out: `Segments` (block indices); `build.py` reads each part.
"""

from __future__ import annotations

from dataclasses import dataclass

from .. import fastre as re
from ..blocks import Document, Paragraph, Table
from ..vntext import clean, is_upper_title, key
from . import patterns as P
from .sections import heading_of
from .signature import is_name, position_and_name


@dataclass
class Segments:
    type_line: int | None  # block index of the type line ("KẾ HOẠCH")
    body_start: int  # block index of the first section heading
    sig_start: int  # first block of the signature zone (end of the body)
    appendix_start: int  # first block of the appendices (len(blocks) when none)


def segment(doc: Document) -> Segments:
    blocks = doc.blocks
    n = len(blocks)
    type_line = None
    signed = False  # past a "Nơi nhận" line: only an attached plan's title line is taken
    for i, b in enumerate(blocks[: min(n, 80)]):
        if not isinstance(b, Paragraph) or b.role == "textbox":
            continue
        kind = next((k for k in map(P.doc_type_line, b.lines[:1]) if k), None)
        if kind and (not signed or kind == "KẾ HOẠCH"):
            type_line = i
            break
        signed = signed or bool(P.RECIPIENTS_RE.match(first_line(b)))
    start = (type_line + 1) if type_line is not None else 0
    end = _appendix_after_recipients(blocks, start)
    body_start = next(
        (
            i
            for i in range(start, end)
            if isinstance(pb := blocks[i], Paragraph)
            and pb.role in ("body", "layout")
            and (h := heading_of(pb))
            and (h[1] == "roman" or h[:2] == ("A", "capital"))
        ),
        None,
    )
    if body_start is None:
        body_start = next(
            (
                i
                for i in range(start, end)
                if isinstance(pb := blocks[i], Paragraph)
                and pb.role == "body"
                and (h := heading_of(pb))
                and h[1] == "decimal"
            ),
            start,
        )
    sig_start = n
    for i in range(body_start, n):
        b = blocks[i]
        if not isinstance(b, Paragraph):
            continue
        first = first_line(b)
        if (
            P.RECIPIENTS_RE.match(first)
            or (P.AUTHORITY_RE.match(first) and is_upper_title(first))
            or (P.APPENDIX_RE.match(first) and is_upper_title(first))
        ):
            sig_start = _signer_lines_before(blocks, body_start, i)
            break
    if sig_start == n:
        closing = [
            i
            for i in range(body_start, n)
            if isinstance(pb := blocks[i], Paragraph) and pb.text.rstrip().endswith("./.")
        ]
        if closing:
            sig_start = closing[0] + 1
    appendix_start = n
    for i in range(sig_start, n):
        b = blocks[i]
        if isinstance(b, Table):
            if signature_table(b):
                continue  # the recipients and signature as a table: still the signature
            appendix_start = i
            break
        if isinstance(b, Paragraph):
            first = first_line(b)
            if (
                (P.APPENDIX_RE.match(first) and (is_upper_title(first) or first.lower().startswith("phụ lục")))
                or P.ATTACHED_RE.match(first)
                or P.doc_type_line(first)  # a document issued with this one ("QUY ĐỊNH" after a decision)
            ):
                appendix_start = i
                # the label may sit one paragraph above the "(Kèm theo …)" line
                if (
                    P.ATTACHED_RE.match(first)
                    and i - 1 >= sig_start
                    and isinstance(pb := blocks[i - 1], Paragraph)
                    and is_upper_title(pb.text)
                ):
                    appendix_start = i - 1
                break
    return Segments(type_line, body_start, sig_start, appendix_start)


def _appendix_after_recipients(blocks: list, start: int) -> int:
    """The first appendix label ("PHỤ LỤC" in capitals, or the title over a "(Ban hành kèm theo …)"
    line) or type line of an attached document ("QUY ĐỊNH") after a "Nơi nhận" line, or the end:
    the sections of an appendix are not the body's. A Quyết định whose own articles carry no
    numbered sections ("Điều 1. …") keeps its signature and recipients before an appendix
    set out in parts "I.", "II." (without this, the body would start in the appendix and the
    signature read nothing)."""
    seen_recipients = False
    for i in range(start, len(blocks)):
        b = blocks[i]
        if not isinstance(b, Paragraph):
            continue
        first = first_line(b)
        if P.RECIPIENTS_RE.match(first):
            seen_recipients = True
        elif seen_recipients and ((P.APPENDIX_RE.match(first) and is_upper_title(first)) or P.doc_type_line(first)):
            return i  # an appendix, or a document of its own ("QUY ĐỊNH" issued by the decision)
        elif seen_recipients and P.ATTACHED_RE.match(first):  # "(Ban hành kèm theo Công văn số …)"
            above = blocks[i - 1]
            return i - 1 if isinstance(above, Paragraph) and is_upper_title(first_line(above)) else i
    return len(blocks)


def first_line(p: Paragraph) -> str:
    """The paragraph's first line with text once Markdown emphasis is stripped: a web copy's
    flattened signature cell opens with an empty bold run ("* *" / "*Nơi nhận:*")."""
    for line in p.lines or [p.text]:
        text = clean(line).strip("*_ ")
        if text:
            return text
    return ""


def _signer_lines_before(blocks: list, body_start: int, i: int) -> int:
    """Where the signature zone starts when its mark is block `i`: earlier, at the signer's
    position lines ("CHỦ TỊCH") standing between the body's closing "./." and `i` — a PDF reads
    the signature column's first line a little above the "Nơi nhận:" beside it."""
    k = i - 1
    while (
        k > body_start
        and i - k <= 3
        and isinstance(pk := blocks[k], Paragraph)
        and len(pk.text) <= 40
        and is_upper_title(clean(pk.text).strip("*_ "))
    ):
        k -= 1
    closing = isinstance(pk := blocks[k], Paragraph) and pk.text.rstrip().endswith("./.")
    return k + 1 if k < i - 1 and closing else i


def signature_table(t: Table) -> bool:
    """A table whose first cell opens with "Nơi nhận": the recipients beside the signature (a web copy
    keeps the borderless signature table as a table)."""
    first = clean(t.rows[0].cells[0].text if t.rows and t.rows[0].cells else "").strip("*_ ")
    return bool(P.RECIPIENTS_RE.match(first))


def signature_cells(doc: Document, seg: Segments) -> list[tuple[int, Paragraph]]:
    """The cells of the signature tables between the body and the appendices, read as paragraphs."""
    out: list[tuple[int, Paragraph]] = []
    for i in range(seg.sig_start, seg.appendix_start):
        b = doc.blocks[i]
        if isinstance(b, Table) and signature_table(b):
            for row in b.rows:
                for cell in row.cells:
                    if cell.text.strip():
                        out.append((i, Paragraph(text=cell.text, lines=list(cell.lines), prov=row.prov)))
    return out


def inner_plan_start(doc: Document, seg: Segments) -> int | None:
    """Where a plan carried by a Quyết định / Tờ trình starts (its own header block), or None."""
    if seg.type_line is None:
        return None
    type_para = doc.blocks[seg.type_line]  # a Paragraph (Segments found it among them)
    if isinstance(type_para, Paragraph) and P.doc_type_line(type_para.lines[0]) == "KẾ HOẠCH":
        return None
    for i in range(seg.type_line + 1, len(doc.blocks)):
        b = doc.blocks[i]
        if isinstance(b, Paragraph) and b.lines and P.doc_type_line(b.lines[0]) == "KẾ HOẠCH":
            start = i
            for j in range(i - 1, max(seg.type_line, i - 10), -1):
                pj = doc.blocks[j]
                if not isinstance(pj, Paragraph):
                    break
                k = key(pj.text)
                first = first_line(pj)
                if P.AUTHORITY_RE.match(first) or P.RECIPIENTS_RE.match(first) or _signs(pj):
                    break  # the carrier's signature table, not the plan's header
                if is_name(first) or re.match(r"^[-+•]\s", first):
                    break  # the carrier's signer's name or a recipient, read line by line: no header line
                header_like = (
                    pj.role == "layout"
                    or P.MOTTO_RE.search(k)
                    or P.TIEU_NGU_RE.search(k)
                    or P.NUMBER_LINE_RE.match(pj.text)
                    or P.PLACE_DATE_RE.search(pj.text)
                    or is_upper_title(pj.text)
                )
                if not header_like:
                    break
                start = j
            return start
    return None


def _signs(p: Paragraph) -> bool:
    """A signature cell: an upper-case position line and a person's name ("THỦ TƯỚNG" / "Phạm Minh Chính"),
    or both on one line ("CHỦ TỊCH Hoàng Quốc Khánh")."""
    lines = [clean(ln).strip("*_ ") for ln in p.lines]
    if len(lines) > 4:
        return False
    return (any(is_upper_title(ln) for ln in lines) and any(is_name(ln) for ln in lines)) or any(
        position_and_name(ln) for ln in lines
    )
