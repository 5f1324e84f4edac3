"""Labelled task fields ("Cơ quan chủ trì: …", "Thời gian thực hiện: …", "Nội dung: …"): the label
vocabulary, and the fields read off the paragraphs under a heading, grouped with the items they close,
or off a group's sub-headings ("a) Cơ quan chủ trì" over its units, "3. Thời gian thực hiện: …").

In: a section `Node`. Out: `FieldGroup`s / a role -> values dict; the tasks are made in `prose.py`
and `assignments.py`, the validator reuses `FIELD_RE` to know a task's fields repeat by design.
"""

from __future__ import annotations

from dataclasses import dataclass
from dataclasses import field as dc_field

from .. import fastre as re
from ..blocks import Paragraph
from ..vntext import clean
from .duty_text import LIST_MARK
from .sections import Node

_FIELD_LABELS: list[tuple[str, str]] = [
    ("support", r"(?:cơ quan|đơn vị|các cơ quan|các đơn vị)?\s*(?:,\s*đơn vị\s*)?phối hợp(?: thực hiện)?"),
    (
        "lead",
        r"(?:cơ quan|đơn vị|bộ phận)\s*(?:,\s*đơn vị\s*)?(?:chủ trì|thực hiện|chịu trách nhiệm|phụ trách)"
        r"(?:\s+tham mưu)?(?:\s+thực hiện)?|chủ trì(?: tham mưu)?(?: thực hiện)?"
        r"|trách nhiệm thực hiện|đơn vị thực hiện",
    ),
    # the leader in charge ("Lãnh đạo phụ trách: Phó Giám đốc …") is neither lead nor support: kept in notes
    ("leader", r"lãnh đạo (?:phụ trách|chỉ đạo|theo dõi)|người phụ trách"),
    (
        "time",
        r"(?:thời gian|thời hạn|tiến độ)"
        r"(?:\s+(?:thực hiện|hoàn thành|tổ chức|triển khai|dự kiến|báo cáo|ban hành|trình|bắt đầu|thử nghiệm))*",
    ),
    ("content", r"nội dung(?: thực hiện| công việc| nhiệm vụ| hoạt động)?|nhiệm vụ(?: cụ thể)?"),
    ("products", r"sản phẩm(?: đầu ra| dự kiến)?|kết quả(?: đầu ra| cần đạt| dự kiến)?"),
    ("participants", r"thành phần(?: tham gia| tham dự)?"),
    ("quantity", r"số lượng"),
    ("notes", r"kinh phí(?: thực hiện)?|ghi chú"),
]
_LABEL_ALT = "|".join(f"(?P<{r}>{p})" for r, p in _FIELD_LABELS)
# "*- Đơn vị chủ trì: *Sở Tư pháp." — an emphasis mark before the bullet: two marks may lead
FIELD_RE = re.compile(r"^\s*(?:[-+•*–]\s*){0,2}(?P<label>" + _LABEL_ALT + r")\s*:\s*(?P<value>.*)$", re.I | re.S)
# a second label inside one line: "Đơn vị chủ trì: Phòng A; Đơn vị phối hợp: Phòng B"
_INNER_LABEL_RE = re.compile(
    r"(?<=[;.,])\s*(?:[-+•–]\s*)?(?=(?:" + "|".join(p for _, p in _FIELD_LABELS) + r")\s*:)", re.I
)
UNIT_ROLES = ("lead", "support")
# labels whose value is kept with the label in the task's notes
NOTE_LABELS = ("leader", "participants")


def field_items(text: str) -> list[tuple[str, str, str]] | None:
    """(role, label, value) of every labelled field on one line, or None when the line is not a field line."""
    if not FIELD_RE.match(text):
        return None
    pieces = _INNER_LABEL_RE.split(text)
    out: list[tuple[str, str, str]] = []
    for n, piece in enumerate(pieces):
        m = FIELD_RE.match(piece)
        if m is None:
            continue
        role = next(r for r, _ in _FIELD_LABELS if m.group(r))
        value = clean(m.group("value"))
        if n < len(pieces) - 1:
            value = value.rstrip(" ;")  # the separator before the next label
        out.append((role, clean(m.group("label")), value))
    return out


def is_field_heading(node: Node) -> bool:
    """A lettered heading that is itself a label: "b) Cơ quan thực hiện:", "c) Thời gian: …" — a field of
    the heading above it. A numbered heading ("3. Trách nhiệm thực hiện") is a section of its own."""
    return node.style == "letter" and node.parent is not None and FIELD_RE.match(node.title) is not None


@dataclass
class FieldGroup:
    """Labelled fields and the text items they close (the items written before them)."""

    items: list[str] = dc_field(default_factory=list)
    fields: dict[str, list[str]] = dc_field(default_factory=dict)


# "- Tổng hợp kết quả, báo cáo Bộ Tài chính. Thời gian hoàn thành: Trước ngày 31/5/2026." — the item's time
# written after its last sentence, on the same line
_TRAILING_TIME = re.compile(r"(?<=[.;])\s+(?=(?:Thời gian|Thời hạn|Tiến độ)(?:\s+\p{Ll}+){0,6}\s*:\s*\S)")


def paragraph_texts(p: Paragraph) -> list[str]:
    """A paragraph's text; split at its hard line breaks where a new line starts with a label
    ("Đơn vị chủ trì: …" <br> "Đơn vị phối hợp: …" in one DOCX paragraph), and before a time label
    that ends an item's sentence. A wrapped line that starts with no label stays with the line before it."""
    if len(p.lines) < 2 or not any(FIELD_RE.match(ln) for ln in p.lines[1:]):
        if not FIELD_RE.match(p.text):
            parts = _TRAILING_TIME.split(p.text, maxsplit=1)
            if len(parts) == 2 and FIELD_RE.match(parts[1]):
                return [parts[0].rstrip(), parts[1]]
        return [p.text]
    out: list[str] = []
    for line in p.lines:
        if out and not FIELD_RE.match(line):
            out[-1] = clean(f"{out[-1]} {line}")
        else:
            out.append(clean(line))
    return out


def _lines_of(node: Node) -> list[str]:
    """The paragraphs under a heading, with its label-headed children ("b) Cơ quan thực hiện:") read as fields."""
    lines = [t for _, p in node.paras for t in paragraph_texts(p)]
    for child in node.children:
        if is_field_heading(child):
            lines.append(child.title)
            lines += [t for _, p in child.paras for t in paragraph_texts(p)]
    return lines


def read_groups(node: Node) -> list[FieldGroup]:
    """Split the text under a heading into groups, each closed by its labelled fields.

    A value may run on: the content field takes the paragraphs after it; a label left alone on its
    line ("Cơ quan chủ trì:") takes the next paragraph, or the "+" sub-items listing its units.
    """
    groups = [FieldGroup()]
    current: str | None = None
    run_mark: str | None = None  # the list mark of the items a label left alone on its line takes
    label_mark: str | None = None
    for text in _lines_of(node):
        items = field_items(text)
        group = groups[-1]
        if items:
            for role, label, value in items:
                current = role
                if role in NOTE_LABELS:
                    value = f"{label}: {value}" if value else ""
                group.fields.setdefault(role, []).append(value)
            run_mark, label_mark = None, _mark_of(text)
            continue
        plus = re.match(r"^\s*\+", text) is not None
        mark = _mark_of(text)
        if (
            current in (*UNIT_ROLES, "time")
            and not any(group.fields[current])
            and mark in ("-", "–")
            and label_mark not in ("-", "–")
        ):
            run_mark = mark  # "* Thời gian thực hiện:" over "- Đợt 1: …", "- Đợt 2: …": the label takes the list
        if current is not None and (
            current == "content"
            or not any(group.fields[current])
            or (current in (*UNIT_ROLES, "time") and (plus or (run_mark and mark == run_mark)))
        ):
            # content runs on; a label left alone on its line takes the next paragraph (or its "+" items)
            if current in (*UNIT_ROLES, "time"):
                text = (LIST_MARK if run_mark else PLUS_MARK).sub("", text)
            group.fields[current].append(text)
            continue
        if group.fields:  # text after a group's fields opens the next group
            groups.append(FieldGroup())
            current = None
        groups[-1].items.append(text)
    return groups


PLUS_MARK = re.compile(r"^\s*\+\s*")


def _mark_of(text: str) -> str | None:
    m = re.match(r"^\s*([-+•*–])", text)
    return m.group(1) if m else None


def merged_fields(groups: list[FieldGroup]) -> dict[str, list[str]]:
    fields: dict[str, list[str]] = {}
    for g in groups:
        for role, values in g.fields.items():
            fields.setdefault(role, []).extend(values)
    return fields


def read_fields(node: Node) -> dict[str, list[str]]:
    """All labelled fields under a heading; the text before the first of them as "intro"."""
    groups = read_groups(node)
    fields = merged_fields(groups)
    if groups[0].items:
        fields["intro"] = list(groups[0].items)
    return fields


def is_task(fields: dict[str, list[str]]) -> bool:
    return "lead" in fields or ("support" in fields and "time" in fields)


# "1. Nội dung, biện pháp" / "Nội dung thực hiện" / "Nhiệm vụ, giải pháp": the heading over a group's items
CONTENT_HEAD = re.compile(
    r"^(?:nội dung|nhiệm vụ)(?:\s*(?:,|và)?\s*(?:biện pháp|giải pháp|nhiệm vụ|thực hiện|công việc|"
    r"cụ thể))*\s*:?\s*$",
    re.I,
)


def _role_heading(title: str) -> tuple[str, str] | None:
    """(role, inline value) of a heading that is a label, with or without its colon: "a) Cơ quan chủ trì",
    "3. Thời gian thực hiện: Tháng 12/2013"."""
    t = clean(title)
    items = field_items(t if ":" in t else t + ":")
    if not items or len(items) != 1:
        return None
    return items[0][0], items[0][2]


def _unit_lines(node: Node) -> list[str]:
    """The units listed under a label heading, one per paragraph; a note in brackets is not a unit."""
    out = []
    for _, p in node.paras:
        text = LIST_MARK.sub("", p.text).strip()
        if text and not text.startswith("("):
            out.append(text)
    return out


def group_fields(node: Node) -> dict[str, list[str]] | None:
    """The fields of a group written as sub-headings ("2. Cơ quan chủ trì, phối hợp" over "a) Cơ quan
    chủ trì" and "b) Cơ quan phối hợp", each listing its units; "3. Thời gian thực hiện: …"), or None."""
    fields: dict[str, list[str]] = {}

    def take(child: Node) -> bool:
        role = _role_heading(child.title)
        if role is None:
            return False
        name, value = role
        if value:
            fields.setdefault(name, []).append(value)
        for line in _unit_lines(child) if name in UNIT_ROLES else [clean(p.text) for _, p in child.paras]:
            # "b) Cơ quan thực hiện:" over "- Đơn vị chủ trì: …", "- Đơn vị phối hợp: …": the lines are the fields
            for inner, _, v in field_items(line) or [(name, "", line)]:
                if v:
                    fields.setdefault(inner, []).append(v)
        return True

    for child in node.children:
        if CONTENT_HEAD.match(clean(child.title)) or take(child):
            continue
        # a container ("Cơ quan chủ trì, phối hợp") whose sub-headings are all labels
        if child.children and all(_role_heading(g.title) for g in child.children):
            for g in child.children:
                take(g)
    return fields if "lead" in fields else None
