"""Assignments: under Tổ chức thực hiện, one task per unit ("1. Phòng Nội vụ" and its duties,
"9. Bưu điện huyện: tập trung …", "6. Đề nghị Ban Tuyên giáo Huyện ủy …", a paragraph "Sở Tài chính
chủ trì, phối hợp … tham mưu:" over its items), and the "Đối với <unit>" items of a Nhiệm vụ section.
"""

from __future__ import annotations

from dataclasses import replace

from .. import fastre as re
from ..models import Task, Unit
from ..vntext import clean, is_upper_title, key
from .duty_text import (
    GENERIC,
    LIST_MARK,
    assignment_unit,
    bare_unit_line,
    is_closing,
    is_unit_heading,
    names_a_unit,
    without_closing,
)
from .fields import is_field_heading, is_task, read_fields
from .patterns import kinds_of
from .sections import Node, location_of
from .units import looks_like_unit, split_units


def _block_text(node: Node) -> str:
    """One duty block: a heading ("a) Chủ trì …") with the paragraphs under it, on one line."""
    parts = [f"{node.number}) {node.title}" if node.style == "letter" else node.title]
    parts += [LIST_MARK.sub("", p.text) for _, p in node.paras if not is_closing(p.text)]
    for child in node.children:
        parts.append(_block_text(child))
    return clean(" ".join(x for x in parts if x))


def _duties(first: str, node: Node) -> str:
    """The duties of a unit: the text under its heading on one line, then each sub-duty (a), b) …)
    on its own line, so lettered duties stay apart instead of running into one text."""
    body = [first] if first else []
    for _, p in node.paras:
        if not (body and is_closing(p.text)):
            body.append(LIST_MARK.sub("", p.text))
    lines = [clean(" ".join(b for b in body if b))]
    lines += [_block_text(child) for child in node.children]
    return "\n".join(x for x in lines if x)


_BARE_HEADS = {"cơ quan", "đơn vị", "tổ chức", "bộ phận"}  # a head with no name after it names no unit


def _assignment(node: Node) -> Task | None:
    unit_text, duty = assignment_unit(node.title, bool(node.paras or node.children))
    lead = split_units(unit_text)
    if not lead or not names_a_unit(unit_text) or key(unit_text) in _BARE_HEADS:
        # "1. Cơ quan chỉ đạo: Ủy ban nhân dân thành phố" is a label, its "unit" a bare "Cơ quan"
        return None
    return _heading_assignment(node, lead, duty)


# "Đề nghị Văn phòng Đảng ủy, Văn phòng HĐND&UBND xã phối hợp …", "Giao Văn phòng UBND tỉnh chủ trì …"
_ADDRESSED = re.compile(r"^(?:Đề nghị|Giao)\s+\S", re.I)


def _addressed_after(node: Node) -> int | None:
    """Where a unit's listed duties ("- …" items) end and a paragraph addressed to another unit
    ("Đề nghị Văn phòng Đảng ủy … phối hợp …", no list mark) begins: that paragraph is that unit's duty."""
    paras = node.paras
    for k, (_, p) in enumerate(paras):
        if LIST_MARK.match(p.text):
            continue
        if k == 0 or not _ADDRESSED.match(p.text.strip()) or is_closing(p.text):
            return None
        return k if _paragraph_lead(p.text.strip()) is not None else None
    return None


def _unit_assignments(node: Node) -> list[Task]:
    """The assignment of a unit heading, and of each unit addressed after its listed duties."""
    k = _addressed_after(node) if not node.children else None
    if k is None:
        task = _assignment(node)
        return [task] if task is not None else []
    task = _assignment(replace(node, paras=node.paras[:k]))
    if task is None:
        return []
    rest = replace(node, number="", title="", paras=node.paras[k:])
    return [task, *_paragraph_assignments(rest)]


def _heading_assignment(node: Node, lead: list[Unit], duty: str) -> Task:
    """The assignment a unit heading makes: its own duty words, then the text under it."""
    return Task.model_construct(
        id="",
        origin="assignment",
        number=node.number,
        content=_duties(duty, node),
        lead=lead,
        location=location_of(node.block, node.para),
    )


_PREAMBLE = re.compile(r"^\s*Căn cứ\b").match


def _paragraph_lead(text: str) -> tuple[list[Unit], str] | None:
    """(lead units, duty) of a paragraph whose sentence starts with a unit and goes on with its duty."""
    if is_closing(text):  # the closing paragraph is addressed to all
        return None
    unit_text, duty = assignment_unit(text, False)
    if not duty or not looks_like_unit(unit_text) or len(unit_text.split()) > 20:
        return None
    lead = split_units(unit_text)
    if not lead or GENERIC.fullmatch(key(unit_text)) or re.search(r"\s(?:yêu cầu|đề nghị)\s", unit_text):
        # "Các đơn vị triển khai thực hiện." names no unit; "UBND huyện yêu cầu các cơ quan …" is the
        # issuer asking others, not a duty of its own
        return None
    return lead, duty


def _paragraph_assignments(node: Node) -> list[Task]:
    """Paragraphs under a Tổ chức thực hiện heading whose sentence starts with a unit
    ("Sở Nội vụ có trách nhiệm …", "Giao phòng Quản lý Công nghiệp triển khai …:"): one assignment each.
    A paragraph ending with a colon introduces the items below it, which are its duties: the
    paragraphs that follow it up to the next one led by a unit ("Sở Tài chính chủ trì, phối hợp …
    tham mưu:" over "- Ưu tiên …", "- Đề xuất …"), or when it is the last paragraph, the items
    numbered under the heading. One left open, without a colon or a full stop, takes the list
    items ("- …") right below it."""
    out: list[Task] = []
    paras = node.paras
    texts = [LIST_MARK.sub("", p.text) for _, p in paras]
    leads = [_paragraph_lead(text) for text in texts]
    marked = [bool(LIST_MARK.match(p.text)) for _, p in paras]
    bare = [bare_unit_line(text) for text in texts]
    held: Task | None = None  # the unit named by a bare line above its duties
    for n, (block, p) in enumerate(paras):
        text = texts[n]
        if is_closing(text):  # the closing paragraph is addressed to all
            continue
        if p.role == "layout" or (held is not None and _PREAMBLE(text)):
            # a header's or signature's line (another document's header, bundled after the plan),
            # or a decision's "Căn cứ …": no duty, and the end of a held unit's duties
            if held is not None and all(is_upper_title(x) for x in held.content.splitlines()):
                # "GIÁM ĐỐC SỞ …" / "TỈNH PHÚ THỌ" over "Căn cứ …": an enacting authority, not a duty holder
                out.remove(held)
            held = None
            continue
        if bare[n] and n + 1 < len(paras) and texts[n + 1] and not bare[n + 1]:
            # "Ban Giám hiệu nhà trường" alone on its line (a copy that lost the numbering), its duties below
            held = Task.model_construct(
                id="",
                origin="assignment",
                number=None,
                content="",
                lead=split_units(text),
                location=location_of(block, p),
            )
            out.append(held)
            continue
        found = leads[n]
        if held is not None and (found is None or _member_of(found[0], held.lead)):
            held.content = "\n".join(x for x in (held.content, text) if x)
            continue
        held = None  # a paragraph led by another unit ends the held unit's duties
        if found is None:
            continue
        lead, duty = found
        lines = [duty]
        colon = texts[n].rstrip().endswith(":")
        # a lead line left open ("Sở Tài chính chủ trì, phối hợp các sở, ban, ngành") over list items
        if colon or (texts[n].rstrip()[-1:] not in ".;!?…" and n + 1 < len(paras) and marked[n + 1]):
            items: list[str] = []
            for k in range(n + 1, len(paras)):
                if leads[k] is not None or texts[k].rstrip().endswith(":") or not (colon or marked[k]):
                    break  # the next unit's duties, or another list's opening
                if not is_closing(texts[k]):
                    items.append(texts[k])
            if items:
                lines = [clean(" ".join([duty, *items]))]
            elif n == len(paras) - 1:
                lines += [_block_text(child) for child in node.children if not is_unit_heading(child)]
        out.append(
            Task.model_construct(
                id="",
                origin="assignment",
                number=None,
                content="\n".join(lines),
                lead=lead,
                location=location_of(block, p),
            )
        )
    return out


def _is_body_task(node: Node) -> bool:
    return (is_field_heading(node) and not node.children) or is_task(read_fields(node))


def _assignments_under(node: Node) -> list[Task]:
    """A child naming a unit is one assignment; a topic ("1. Công tác triển khai") is looked into.
    A child with labelled fields is a body task, not an assignment, whatever the section."""
    out: list[Task] = _paragraph_assignments(node)
    for child in node.children:
        if _is_body_task(child):
            continue
        topic = not is_unit_heading(child)
        # "1. Trách nhiệm của các cơ quan cấp huyện" over "a) Phòng Nội vụ", "b) Phòng Tư pháp": each child is a unit
        units_below = all(is_unit_heading(g) for g in child.children)
        if child.children and (topic or units_below):
            out.extend(_assignments_under(child))
            continue
        found = _unit_assignments(child)
        if found:
            out.extend(found)
        elif not child.children:
            out.extend(_paragraph_assignments(child))
    return out


# "1. Đối với Ban Giám hiệu nhà trường", "2. Đối với đội ngũ giáo viên": a tasks section written unit by unit
_FOR_UNIT = re.compile(r"^Đối với\s", re.I)


def _for_unit_assignment(node: Node) -> Task | None:
    """ "1. Đối với đội ngũ giáo viên" and its duties: "Đối với" names whom the duties are for."""
    unit_text, duty = assignment_unit(node.title, bool(node.paras or node.children))
    if node.paras or node.children:
        duty = ""  # the heading names whom the duties below are for
    if unit_text.count("(") > unit_text.count(")"):  # "(đồng chí X – Phó Hiệu trưởng được phân công …)" cut open
        unit_text = unit_text[: unit_text.rindex("(")].strip()
    lead = split_units(unit_text)
    if not lead:
        return None
    return _heading_assignment(node, lead, duty)


def assignments(roots: list[Node]) -> list[Task]:
    """Assignments under each Tổ chức thực hiện section; in a plan of parts (A., B. …) it may be a part
    or a Roman section inside one. A Nhiệm vụ section whose items are "Đối với <unit>" gives the duties
    of each unit too."""
    tasks: list[Task] = []
    for root in roots:
        if "to_chuc_thuc_hien" in kinds_of(root.title):
            tasks.extend(_assignments_under(root))
        elif "nhiem_vu" in kinds_of(root.title) and root.children:
            if all(_FOR_UNIT.match(clean(c.title)) for c in root.children):
                tasks.extend(t for c in root.children if (t := _for_unit_assignment(c)) is not None)
        elif root.style == "capital":
            tasks.extend(assignments([c for c in root.children if c.style == "roman"]))
    for task in tasks:
        task.content = without_closing(task.content)
    return [t for t in tasks if not _COMPOSITION.match(t.content)]


# "6. Ban giám khảo: 05 thành viên (BGH, Tổ trưởng)", "1. Ban Chỉ đạo" over "- Ông Nguyễn Văn A, Giám
# đốc Sở GDĐT, Trưởng ban; …": who sits on a body is its make-up, no duty
_COMPOSITION = re.compile(
    r"^\d{1,3}\s+(?:thành viên|người|đồng chí|cán bộ|giáo viên)\b[^.;:]{0,80}?\.?$"
    r"|^(?:Ông|Bà|Đồng chí|Đ/c|đ/c)\s+\p{Lu}[^,;:]{1,40},[^;:]{0,160}?,\s*"
    r"(?:đồng\s+)?(?:Phó\s+)?"
    r"(?:Trưởng ban|Trưởng đoàn|Tổ trưởng|Tổ phó|Phó ban|Thành viên|Ủy viên|Uỷ viên|Thư ký|Thư kí)"
    r"(?:\s+thường trực)?\s*;",
    re.I,
)


def _member_of(lead: list[Unit], group: list[Unit]) -> bool:
    """A unit-led sentence under a bare group line names one of the group ("Giáo viên chủ nhiệm …"
    under "Tổ chuyên môn và giáo viên", "Nhân viên y tế …" under "Tổ văn phòng và nhân viên"):
    the head word of its unit is a word of the group's name."""
    words = {w for u in group for w in key(u.name).split()}
    heads = [key(u.name).split() for u in lead]
    return any(h and (h[1] if h[0] in ("các", "những") and len(h) > 1 else h[0]) in words for h in heads)
