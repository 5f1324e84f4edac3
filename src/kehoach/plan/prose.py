"""Tasks written in prose.

- body: a numbered heading followed by labelled fields ("Cơ quan chủ trì: …",
  "Thời gian thực hiện: …", "Cơ quan phối hợp: …", "Nội dung: …");
- assignment: under Tổ chức thực hiện, one task per unit ("1. Phòng Nội vụ" and its duties,
  "9. Bưu điện huyện: tập trung …", "6. Đề nghị Ban Tuyên giáo Huyện ủy …").
"""
from __future__ import annotations

import regex as re

from ..models import Task
from ..vntext import clean
from .patterns import kinds_of
from .sections import Node, location_of
from .timeline import parse_timeline
from .units import looks_like_unit, split_items, split_units

_FIELD_LABELS: list[tuple[str, str]] = [
    ("support", r"(?:cơ quan|đơn vị|các cơ quan|các đơn vị)?\s*(?:,\s*đơn vị\s*)?phối hợp(?: thực hiện)?"),
    ("lead", r"(?:cơ quan|đơn vị|bộ phận)\s*(?:,\s*đơn vị\s*)?(?:chủ trì|thực hiện|chịu trách nhiệm|phụ trách)"
             r"(?:\s+thực hiện)?|chủ trì(?: thực hiện)?|trách nhiệm thực hiện|đơn vị thực hiện"),
    ("time", r"thời gian(?: thực hiện| hoàn thành| tổ chức)?|thời hạn(?: hoàn thành)?|tiến độ(?: thực hiện)?"),
    ("content", r"nội dung(?: thực hiện)?"),
    ("products", r"sản phẩm(?: đầu ra)?|kết quả(?: đầu ra)?"),
    ("quantity", r"số lượng"),
    ("notes", r"kinh phí(?: thực hiện)?|ghi chú"),
]
_FIELD_RE = re.compile(
    r"^\s*(?:[-+•*–]\s*)?(?P<label>" + "|".join(f"(?P<{r}>{p})" for r, p in _FIELD_LABELS) + r")\s*:\s*(?P<value>.*)$",
    re.I,
)


def read_fields(node: Node) -> dict[str, list[str]]:
    """Labelled fields in the paragraphs directly under a heading (a value may run on)."""
    fields: dict[str, list[str]] = {}
    current: str | None = None
    for _, p in node.paras:
        m = _FIELD_RE.match(p.text)
        if m:
            role = next(r for r, _ in _FIELD_LABELS if m.group(r))
            current = role
            fields.setdefault(role, []).append(clean(m.group("value")))
        elif current == "content" or (current is not None and not any(fields[current])):
            # content runs on; a label left alone on its line ("Cơ quan chủ trì:") takes the next paragraph
            fields[current].append(p.text)
        elif not fields or list(fields) == ["intro"]:
            fields.setdefault("intro", []).append(p.text)   # text between the heading and its fields
        else:
            current = None
    return fields


def body_tasks(roots: list[Node], plan_year: int | None) -> list[Task]:
    tasks: list[Task] = []
    for root in roots:
        if "to_chuc_thuc_hien" in kinds_of(root.title):
            continue
        for node in root.walk():
            if node is root and node.style == "roman":
                continue
            fields = read_fields(node)
            if not ("lead" in fields or ("support" in fields and "time" in fields)):
                continue
            time = " ".join(fields.get("time", [])) or None
            tasks.append(Task(
                id="", origin="body", number=node.number, group=None, content=_strip_trailing(node.title),
                products=split_items(fields.get("products", [])), lead=split_units(fields.get("lead", [])),
                support=split_units(fields.get("support", [])),
                timeline=parse_timeline(time, plan_year) if time else None,
                notes=" ".join(fields.get("notes", [])) or None, quantity=" ".join(fields.get("quantity", [])) or None,
                details=" ".join(x for x in fields.get("content") or fields.get("intro") or [] if x) or None,
                location=location_of(node.block, node.para),
            ))
    return tasks


def _strip_trailing(text: str) -> str:
    return clean(text).rstrip(":").strip()


# verbs that start the duty after the unit's name in "10. Ủy ban nhân dân các xã … căn cứ …"
_DUTY_START = re.compile(
    r"\s+(?:căn cứ|chủ trì|chỉ đạo|đưa|phối hợp|tham mưu|có trách nhiệm|chịu trách nhiệm|triển khai|thực hiện|"
    r"tổ chức|xây dựng|theo dõi|hướng dẫn|tuyên truyền|duy trì|tập trung|cụ thể hóa|cụ thể hoá|quan tâm|nghiên cứu|"
    r"bố trí|đẩy mạnh|tăng cường|phát huy|kiểm tra|rà soát|đôn đốc|cung cấp|định kỳ|chủ động|tiếp tục|"
    r"là cơ quan|là đơn vị|được giao|giao)\b",
    re.I,
)
_ASSIGN_PREFIX = re.compile(r"^(?:đối với|đề nghị|giao|yêu cầu|trách nhiệm của|ông\.?|bà\.?|đồng chí|đ/c)\s+", re.I)


def assignment_unit(title: str, has_body: bool) -> tuple[str, str]:
    """Split an assignment heading into (unit text, duty text).

    "Sở Xây dựng" followed by its duties is a unit even though "xây dựng" is also a verb:
    a short heading with a body below is taken whole; a long one is cut where the duty starts.
    """
    title = _ASSIGN_PREFIX.sub("", clean(title))
    if ":" in title:
        head, rest = title.split(":", 1)
        if len(head.split()) <= 20:
            cut = _duty_cut(head)
            # "Cục Biến đổi khí hậu có trách nhiệm:" -> the unit, the duty phrase joins the duties
            # with its colon ("chỉ đạo lực lượng Bộ đội Biên phòng: Phối hợp …" reads as written)
            return (head[:cut].strip(" ,."), f"{head[cut:].strip()}: {rest.strip()}".strip()) if cut else \
                (head.strip(" ."), rest.strip())
    if has_body and len(title.split()) <= 12 and not title.endswith("."):
        cut = _duty_cut(title)
        return (title[:cut].strip(" ,."), title[cut:].strip()) if cut else (title.strip(" ."), "")
    cut = _duty_cut(title)
    if cut:
        return title[:cut].strip(" ,."), title[cut:].strip()
    return title.strip(" ."), ""


def _duty_cut(text: str) -> int | None:
    """Where the duty starts after a unit's name; the name keeps at least two words ("Sở Xây dựng")."""
    for m in _DUTY_START.finditer(text):
        if len(text[: m.start()].split()) >= 2:
            return m.start()
    return None


_LIST_MARK = re.compile(r"^\s*[-+•*–]\s*")
_PERSON = re.compile(r"^(?:(?:Ông|Bà|Đồng chí|đ/c)\s+)?\p{Lu}\p{Ll}*(?:\s+\p{Lu}\p{Ll}*){1,4}$")


def _names_a_unit(text: str) -> bool:
    """An assignment heading names a unit or a person, not a topic ("3. Đối tượng", "Kinh phí")."""
    return looks_like_unit(text) or bool(_PERSON.match(text.split(",")[0].strip())) or kinds_of(text) == ["other"]


# the plan's closing paragraph ("Yêu cầu các cơ quan … ./.", "Trên đây là Kế hoạch … ./.") follows the last
# assignment in the text but is addressed to everyone: it is not that unit's duty
_CLOSING = re.compile(r"^(?:Trên đây là|Yêu cầu|Đề nghị)\b.*\./\.\s*$", re.S)


def _is_closing(text: str) -> bool:
    return bool(_CLOSING.match(text.strip()))


def _assignment(node: Node) -> Task | None:
    unit_text, duty = assignment_unit(node.title, bool(node.paras or node.children))
    lead = split_units(unit_text)
    if not lead or not _names_a_unit(unit_text):
        return None
    body = [duty] if duty else []
    for _, p in node.paras:
        if not (body and _is_closing(p.text)):
            body.append(_LIST_MARK.sub("", p.text))
    for child in node.children:
        body.append(f"{child.number}) {child.title}" if child.style == "letter" else child.title)
        body += [_LIST_MARK.sub("", p.text) for _, p in child.paras if not _is_closing(p.text)]
    return Task(id="", origin="assignment", number=node.number, content=clean(" ".join(b for b in body if b)),
                lead=lead, location=location_of(node.block, node.para))


def _assignments_under(node: Node) -> list[Task]:
    """A child naming a unit is one assignment; a topic ("1. Công tác triển khai") is looked into."""
    out: list[Task] = []
    for child in node.children:
        title_unit = assignment_unit(child.title, bool(child.paras or child.children))[0]
        topic = not looks_like_unit(title_unit) and not _PERSON.match(title_unit)
        # "1. Trách nhiệm của các cơ quan cấp huyện" over "a) Phòng Nội vụ", "b) Phòng Tư pháp": each child is a unit
        units_below = all(looks_like_unit(assignment_unit(g.title, bool(g.paras or g.children))[0]) for g in child.children)
        if child.children and (topic or units_below):
            out.extend(_assignments_under(child))
            continue
        task = _assignment(child)
        if task is not None:
            out.append(task)
    return out


def assignments(roots: list[Node]) -> list[Task]:
    tasks: list[Task] = []
    for root in roots:
        if "to_chuc_thuc_hien" in kinds_of(root.title):
            tasks.extend(_assignments_under(root))
    return tasks
