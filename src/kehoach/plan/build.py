"""Blocks -> Plan. Knows the genre, not the format.

A plan reads top to bottom as: front matter (issuer, number, motto, place-date, type line,
title, legal basis) · numbered body sections · signature block and Nơi nhận · appendices
(PHỤ LỤC / DANH MỤC with their "(Kèm theo Kế hoạch số …)" line and tables). `segment.py`
finds those boundaries; each part is then read by its own module.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from typing import Literal

from .. import fastre as re
from ..blocks import Document, Paragraph, Table
from ..models import Appendix, Header, Location, Plan, SourceFacts, Task, Wrapper
from ..vntext import clean, is_upper_title, key
from . import patterns as P
from .assignments import assignments
from .attached import fill_from_attached
from .continued import join_continued_tables
from .diagnostics import collecting, report, report_source_notes
from .flat_tables import rebuild_flat_tables
from .header import Line, lines_of, read_header, read_issuer
from .ocr_facts import apply_ink_facts, report_ocr_notes
from .policy import announces_plan, plan_policy
from .prose import body_tasks
from .ragged import fit_ragged_rows
from .references import find_references, iso_date, may_cite, normalise_number
from .sections import build_tree, heading_of, to_model
from .segment import Segments, inner_plan_start, segment, signature_cells
from .signature import read_signature
from .table_map import map_table
from .tables import report_if_unread, tasks_from_table
from .timeline import parse_timeline, plan_period, title_year, years_in


def _paras(
    doc: Document, start: int, end: int, roles: tuple[str, ...] = ("body", "layout")
) -> list[tuple[int, Paragraph]]:
    return [(i, b) for i, b in enumerate(doc.blocks[start:end], start) if isinstance(b, Paragraph) and b.role in roles]


def _issuer_before_motto(lines: list[Line]) -> list[str]:
    """Upper-case lines just above the motto (where a text export put the header after the signature)."""
    for i, ln in enumerate(lines):
        if P.MOTTO_RE.search(key(ln.text)):
            out: list[str] = []
            for prev in reversed(lines[:i]):
                t = prev.text.strip("*_ ")
                if not is_upper_title(t) or P.AUTHORITY_RE.match(t) or prev.block != lines[i - 1].block:
                    break
                out.insert(0, t)
            return out
    return []


def read_appendices(doc: Document, start: int) -> list[Appendix]:
    apps: list[Appendix] = []
    current: Appendix | None = None
    for i in range(start, len(doc.blocks)):
        b = doc.blocks[i]
        if isinstance(b, Table):
            if current is None:
                current = Appendix.model_construct(
                    location=Location.model_construct(table=b.prov.table, block=i, line=b.prov.line, page=b.prov.page)
                )
                apps.append(current)
            current.tables.append(b.prov.table or 0)
            continue
        for ln in b.lines or [b.text]:
            text = clean(ln).strip("*_ ")
            if (
                P.APPENDIX_RE.match(text)
                and (is_upper_title(text) or text.lower().startswith("phụ lục"))
                and (
                    current is None
                    or current.tables
                    or current.attached_to
                    or current.title
                    or key(text).startswith("phụ lục")
                )
            ):
                # "PHỤ LỤC" then "DANH MỤC NHIỆM VỤ …": the second line is the title, not a new appendix
                current = Appendix.model_construct(
                    label=text, location=Location.model_construct(line=b.prov.line, page=b.prov.page, block=i)
                )
                apps.append(current)
            elif current is not None and P.ATTACHED_RE.match(text):
                current.attached_to = text
                m = re.search(r"(?:số|Số)\s*:?\s*([\d\s]*/\s*[\p{L}\d&.-]+(?:/[\p{L}\d&.-]+)*)", text)
                if m:
                    num = normalise_number(m.group(1))
                    current.attached_number = num if re.match(r"\d", num) else None
                d = re.search(r"ngày\s*(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*(\d{4})", text)
                if d:
                    current.attached_date = iso_date(*d.groups())
            elif current is not None and not current.tables and not current.attached_to and text:
                current.title = clean(f"{current.title or ''} {text}")
    return apps


def plan_year(header: Header, doc: Document) -> int | None:
    """The year a timeline without one is in: the year the title says the plan is for (a plan "năm
    2026" signed in December 2025 means 2026 by "Quý I"), else the year it was signed, else the
    title's years, else the year the text names most."""
    year = title_year(header.title)
    if year is not None:
        return year
    for value in (header.date, header.date_partial):
        if value and re.match(r"\d{4}", value):
            return int(value[:4])
    years = years_in(header.title or "")
    if years:
        return years[-1]
    counts = Counter(y for p in doc.paragraphs[:200] for y in years_in(p.text))
    return counts.most_common(1)[0][0] if counts else None


def build_plan(doc: Document) -> Plan:
    """Blocks -> Plan; a plan carried by a Quyết định or Tờ trình is read as the plan, the carrier kept."""
    with collecting() as found:
        report_source_notes(doc.source.notes)
        if doc.source.ocr:
            report_ocr_notes(doc.source.notes)
        plan = _build_plan(doc)
    plan.diagnostics = found
    return plan


def _build_plan(doc: Document) -> Plan:
    doc = Document(blocks=join_continued_tables(rebuild_flat_tables(doc.blocks)), source=doc.source)
    seg = segment(doc)
    inner = inner_plan_start(doc, seg)
    if inner is not None:
        with collecting():  # the carrier is not the plan: what is said about it is not the plan's
            outer_seg = segment(Document(doc.blocks[:inner]))
            outer = _build(Document(blocks=doc.blocks[:inner], source=doc.source), outer_seg)
        # the carrier's own articles, before its signature (not the forms or model texts after it)
        if not announces_plan(outer.header.title, _paras(doc, 0, outer_seg.sig_start)):
            inner = None  # a "KẾ HOẠCH" quoted inside (a form, a model text): not the carried plan
    if inner is not None:
        inner_doc = Document(blocks=doc.blocks[inner:], source=doc.source)
        inner_seg = segment(inner_doc)
        plan = _build(inner_doc, inner_seg)
        plan.wrapper = Wrapper.model_construct(document_type=outer.document_type, header=outer.header)
        signer = plan.header.signer
        if not (signer.name or signer.position or signer.authority):
            # a plan "ban hành kèm theo" a Quyết định carries no signature of its own: the carrier's signs it
            plan.header.signer = outer.header.signer
        if not plan.header.recipients:
            plan.header.recipients = outer.header.recipients  # the carrier's "Nơi nhận", as its signer
        if outer.document_type in ("quyet_dinh", "nghi_quyet"):
            _inherit_header(plan.header, outer.header)
        fill_from_attached(plan.header, _front_texts(inner_doc, inner_seg))
        plan.references = _references(doc, seg)  # the carrier's citations (its Căn cứ) are the plan's too
        plan._document = doc
        return plan
    plan = _build(doc, seg)
    fill_from_attached(plan.header, _front_texts(doc, seg))
    return plan


def _front_texts(doc: Document, seg: Segments) -> list[str]:
    """Paragraph lines before the first section (or the first table, in a plan that has no
    sections), at most a few past the type line: where "(Ban hành kèm theo …)" stands."""
    end = max(seg.body_start, (seg.type_line or 0) + 6)
    out: list[str] = []
    for b in doc.blocks[:end]:
        if isinstance(b, Table):
            break
        out.extend(b.lines or [b.text])
    return out


def _inherit_header(h: Header, carrier: Header) -> None:
    """A plan issued with a Quyết định is that decision's: what its own front matter lacks
    (issuer, place, date, number) is the decision's; ``number_from`` then says "wrapper"."""
    if h.issuer is None:
        h.issuer, h.issuer_parent = carrier.issuer, carrier.issuer_parent
    if h.date is None and h.date_raw is None:
        h.place, h.date, h.date_partial, h.date_raw = (
            carrier.place,
            carrier.date,
            carrier.date_partial,
            carrier.date_raw,
        )
    elif h.place is None:
        h.place = carrier.place
    if h.number is None and h.number_raw is None and carrier.number:
        # the plan is known by the decision's number ("Kế hoạch ban hành kèm theo Quyết định số …")
        h.number, h.number_raw, h.type_code, h.number_from = (
            carrier.number,
            carrier.number_raw,
            carrier.type_code,
            "wrapper",
        )


def _build(doc: Document, seg: Segments) -> Plan:
    # without numbered sections (a Công văn, a Quyết định, a news item) the front matter runs on
    has_heading = (
        seg.body_start < len(doc.blocks)
        and isinstance(pb := doc.blocks[seg.body_start], Paragraph)
        and heading_of(pb) is not None
    )
    front = lines_of(_paras(doc, 0, seg.body_start if has_heading else seg.sig_start))
    sig_lines = lines_of(_paras(doc, seg.sig_start, seg.appendix_start) + signature_cells(doc, seg))
    layout_elsewhere = lines_of([(i, p) for i, p in _paras(doc, seg.body_start, len(doc.blocks), ("layout",))])
    header = read_header(front, sig_lines + layout_elsewhere)
    if header.issuer is None:
        issuer = _issuer_before_motto(sig_lines + layout_elsewhere)
        if issuer:
            header.issuer, header.issuer_parent = read_issuer(issuer)
    header.signer, header.recipients = read_signature(sig_lines)
    if header.title is None:
        header.title = _subject_line(front)

    appendices = read_appendices(doc, seg.appendix_start)
    attached = next((a for a in appendices if a.attached_to), None)
    if header.number is None and header.number_raw is None and attached and attached.attached_number:
        header.number, header.number_from = attached.attached_number, "appendix"
        header.type_code = header.type_code or (attached.attached_number.split("/")[-1].split("-")[0])
    elif header.number is not None:
        header.number_from = "header"
    if header.date is None and header.date_raw is None and attached and attached.attached_date:
        header.date = attached.attached_date

    year = plan_year(header, doc)
    # a "layout" paragraph inside the body (a PDF/OCR line read as two columns) is body text
    body = _paras(doc, seg.body_start, seg.sig_start, ("body", "layout"))
    roots, _pre = build_tree(body)
    sections = [to_model(r) for r in roots]

    tasks: list[tuple[int, Task]] = []
    for t in [*body_tasks(roots, year), *assignments(roots)]:
        tasks.append(((t.location.block if t.location else None) or 0, t))
    tasks.extend(_table_tasks(doc, seg, year, appendices))
    tasks.sort(key=lambda x: x[0])
    period = plan_period(header.title, year)
    if period:  # "Hằng năm" in a 2026–2030 plan spans the plan's years, not one year
        for _, t in tasks:
            if t.timeline is not None:
                t.timeline = parse_timeline(t.timeline.raw, year, period)
    ordered = _assign_ids([t for _, t in tasks])

    doc_type = P.DOCUMENT_TYPE_IDS.get(header.doc_type or "", None)
    if doc_type is None:
        doc_type = "cong_van" if _is_cong_van(front) else "unknown"
    is_plan = doc_type == "ke_hoach"
    front_paras = [(i, b) for i, b in enumerate(doc.blocks[: seg.body_start]) if isinstance(b, Paragraph)]
    ordered = plan_policy(
        doc_type, header, sections, ordered, _paras(doc, seg.body_start, seg.sig_start), front=front_paras
    )
    for p in doc.source.dropped:
        report(
            "text-dropped",
            "text dropped as page noise (a page header or footer fragment)",
            location=Location.model_construct(line=p.prov.line, page=p.prov.page, source=p.prov.source),
            excerpt=p.text,
        )

    plan = Plan.model_construct(
        source=SourceFacts.model_construct(
            path=doc.source.path,
            format=doc.source.format,
            pages=doc.source.pages,
            pages_approx=doc.source.pages_approx,
            ocr=doc.source.ocr,
            notes=list(doc.source.notes),
        ),
        document_type=doc_type,
        is_plan=is_plan,
        header=header,
        sections=sections,
        appendices=appendices,
        tasks=ordered,
        references=_references(doc, seg),
    )
    if doc.source.ocr:
        apply_ink_facts(plan.header, doc)
    plan._document = doc
    return plan


def _subject_line(front: list[Line]) -> str | None:
    """The trích yếu of a công văn: the "V/v …" paragraph, and the paragraphs after it that go on
    with its sentence (a lower-case start) in the same place: the same header cell where the
    document says, as a drafter who ends each line of the subject with Enter leaves it."""
    for n, ln in enumerate(front):
        if _opens_subject(front, n):
            # its block's lines from the "V/v" line on: the number may stand above it in the
            # same paragraph or cell ("Số: 5348/CT-CS" / "V/v hướng dẫn …")
            para = [x.text for x in front[n:] if x.block == ln.block]
            block, cell = ln.block, _cell(ln.para)
            for x in front[n + 1 :]:
                if x.block == ln.block:
                    continue
                if x.block != block + 1 or _cell(x.para) != cell or not _subject_goes_on(para[-1], x):
                    break
                para.append(x.text)
                block = x.block
            return clean(re.sub(r"^\s*(?:V/v|Về việc|Về)\s*:?\s*", "", " ".join(para), flags=re.I)) or None
    return None


def _subject_goes_on(prev: str, x: Line) -> bool:
    """`x` goes on with the subject line `prev` above it in its cell: it opens in lower case, or,
    in a table cell read line by line (a ruled header in a PDF), `prev` ends no sentence and `x`
    is neither capitals, a place-date nor another field ("… các chỉ số PAR" / "Index, SIPAS …")."""
    if x.text[:1].islower():
        return True
    return (
        x.para.prov is not None
        and x.para.prov.table is not None
        and not re.search(r"[.:;!?]\W*$", prev)
        and not is_upper_title(x.text)
        and not P.PLACE_DATE_RE.search(x.text)
        and not re.match(r"^\s*(?:Kính gửi|Số\b|[-+•])", x.text)
    )


def _cell(p: Paragraph) -> tuple:
    return (p.prov.table, p.prov.row, p.prov.col) if p.prov else ()


def _is_cong_van(front: list[Line]) -> bool:
    return any(_opens_subject(front, n) for n in range(len(front)))


def _opens_subject(front: list[Line], n: int) -> bool:
    """Line `n` opens a letter's subject: "V/v …", or "Về …" / "Về việc …" right under the number
    line in the same paragraph or cell (a letter that writes its subject without the "V/v")."""
    ln = front[n]
    if re.match(r"^\s*V/v\b", ln.text, re.I):
        return True
    return (
        n > 0
        and re.match(r"^\s*Về\s+\p{Ll}", ln.text) is not None
        and front[n - 1].block == ln.block
        and P.NUMBER_LINE_RE.match(front[n - 1].text) is not None
    )


def _table_heading(blocks: list, i: int, seg: Segments) -> str | None:
    """The group of a body table's rows: an unnumbered heading just before it ("#### NGÀY 1: THỨ HAI,
    NGÀY 24/8/2026" over that day's programme; in a DOCX or PDF the same line set bold and centred
    or in capitals). A numbered heading is a section, not a group."""
    prev = blocks[i - 1] if i > 0 else None
    if not isinstance(prev, Paragraph) or i >= seg.sig_start or i - 1 < seg.body_start:
        return None
    text = clean(prev.text)
    if heading_of(prev) is not None or not text or len(text.split()) > 20 or P.doc_type_line(text):
        return None
    # a Markdown or Word heading; or, in a DOCX or PDF, a bold line set apart as a title (centred, or all
    # in capitals) that ends no sentence: "NGÀY 1: THỨ HAI, NGÀY 24/8/2026" over that day's table
    titled = bool(prev.bold) and (prev.align == "center" or is_upper_title(text))
    if not prev.heading_level and not (titled and not text.endswith((".", ":", ";", ","))):
        return None
    return text


def _table_tasks(doc: Document, seg: Segments, year: int | None, appendices: list[Appendix]) -> list[tuple[int, Task]]:
    out: list[tuple[int, Task]] = []
    prev_map = None
    prev_width = None
    for i, b in enumerate(doc.blocks):
        if not isinstance(b, Table):
            continue
        tmap = map_table(b)
        if tmap is None and prev_map is not None and b.width == prev_width:
            tmap = replace(prev_map, header_rows=0)  # a piece with no header of its own: same columns
        if tmap is None:
            prev_map = None
            report_if_unread(b, [], i)
            continue
        prev_map, prev_width = tmap, b.width
        fit_ragged_rows(b, tmap.roles, tmap.header_rows)
        origin: Literal["appendix", "body"] = "appendix" if i >= seg.sig_start else "body"
        found = tasks_from_table(b, tmap, year, _table_heading(doc.blocks, i, seg))
        report_if_unread(b, found, i)
        for t in found:
            t.origin = origin
            if t.location is not None:
                t.location.block = i
            out.append((i, t))
    return out


def _assign_ids(tasks: list[Task]) -> list[Task]:
    n = 0
    for t in tasks:
        if t.part and t.part > 1:
            t.id = f"T{n:03d}.{t.part}"
        else:
            n += 1
            t.id = f"T{n:03d}"
    return tasks


def _references(doc: Document, seg: Segments) -> list:
    seen: set[str] = set()
    refs = []
    for i, b in enumerate(doc.blocks):
        if isinstance(b, Paragraph):
            texts = [(b.text, b.prov)]
            if b.role == "layout" or P.NUMBER_LINE_RE.match(b.text) and len(b.text) < 60 or P.ATTACHED_RE.match(b.text):
                continue
            if any(P.ATTACHED_RE.match(ln) for ln in b.lines):
                texts = [(ln, b.prov) for ln in b.lines if not P.ATTACHED_RE.match(ln)]
        else:
            texts = [(c.text, r.prov) for r in b.rows for c in r.cells if c.text]
        for text, prov in texts:
            if not may_cite(text):  # no number: no Location to build for it
                continue
            loc = Location.model_construct(
                line=prov.line, page=prov.page, table=prov.table, row=prov.row, block=i, source=prov.source
            )
            for ref in find_references(text, loc):
                k = key(ref.number)
                if k in seen:
                    continue
                seen.add(k)
                refs.append(ref)
    return refs
