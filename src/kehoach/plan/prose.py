"""Tasks written in prose with labelled fields: a numbered heading followed by "Cơ quan chủ trì: …",
"Thời gian thực hiện: …", "Cơ quan phối hợp: …", "Nội dung: …" (body tasks, under any heading).

The labels and reading the fields off a heading are `fields.py`; the assignments under Tổ chức
thực hiện, one task per unit, are read in `assignments.py`; how a sentence names its unit and
where its duty starts is `duty_text.py`, shared by both.
"""

from __future__ import annotations

from .. import fastre as re
from ..models import Task
from ..vntext import clean, key
from .diagnostics import report
from .duty_text import GENERIC, LIST_MARK, duty_cut, is_unit_heading, names_a_unit, strip_trailing
from .fields import (
    CONTENT_HEAD,
    FIELD_RE,
    NOTE_LABELS,
    PLUS_MARK,
    FieldGroup,
    field_items,
    group_fields,
    is_field_heading,
    is_task,
    merged_fields,
    paragraph_texts,
    read_fields,
    read_groups,
)
from .patterns import kinds_of
from .sections import Node, location_of
from .timeline import parse_timeline
from .units import looks_like_unit, split_items, split_units


def _titled_content(title: str) -> str:
    """The task a heading names: "1.1. Nội dung: Hiệp thương về cơ cấu …" over its "- Thời gian:",
    "- Đơn vị chủ trì:" lines is the value of its own label, not the label."""
    text = strip_trailing(title)
    m = FIELD_RE.match(text)
    if m and m.group("content") and m.group("value").strip():
        return strip_trailing(m.group("value"))
    return text


def _task(
    node: Node,
    fields: dict[str, list[str]],
    plan_year: int | None,
    *,
    content: str | None = None,
    group: str | None = None,
    details: list[str] | None = None,
) -> Task:
    time = " ".join(x for x in fields.get("time", []) if x) or None
    notes = [x for r in ("notes", *NOTE_LABELS) for x in fields.get(r, []) if x]
    lead, support = _lead_sentences(fields.get("lead", []))
    support += fields.get("support", [])
    return Task.model_construct(
        id="",
        origin="body",
        number=node.number,
        group=group,
        content=content or _titled_content(node.title),
        products=split_items(fields.get("products", [])),
        lead=split_units(lead),
        support=split_units(support),
        timeline=parse_timeline(time, plan_year) if time else None,
        notes="; ".join(notes) or None,
        quantity=" ".join(fields.get("quantity", [])) or None,
        details=" ".join(x for x in details or [] if x) or None,
        location=location_of(node.block, node.para),
    )


# "Sở Nội vụ chủ trì, phối hợp với các sở, ban, ngành …" written as the value of "Cơ quan thực hiện:"
_LEAD_SENTENCE = re.compile(
    r"^(?P<lead>.+?)\s+chủ trì(?:\s+thực hiện)?(?:\s*[,;]\s*|\s+)(?:và\s+)?phối hợp(?:\s+với)?\s+"
    r"(?P<support>.+?)\s*\.?$",
    re.I,
)
_LEAD_ALONE = re.compile(r"^(?P<lead>.+?)\s+chủ trì(?:\s+thực hiện)?\s*\.?$", re.I)


def _subject(text: str) -> str:
    """The unit a sentence starts with ("Sở Khoa học và Công nghệ tiến hành rà soát …" -> the Sở)."""
    cut = duty_cut(text) if len(text.split()) > 12 else None
    return text[:cut].strip(" ,.") if cut and looks_like_unit(text[:cut]) else text


def _lead_sentences(values: list[str]) -> tuple[list[str], list[str]]:
    """A lead field written as a sentence: its lead units, and the support units it names after "phối hợp"."""
    lead: list[str] = []
    support: list[str] = []
    for value in values:
        m = _LEAD_SENTENCE.match(value) or _LEAD_ALONE.match(value)
        if m and looks_like_unit(m.group("lead")):
            lead.append(m.group("lead"))
            if "support" in m.groupdict() and m.group("support"):
                support.append(_subject(m.group("support")))
            continue
        lead.append("; ".join(_subject(piece) for piece in value.split(";")))
    return lead, support


def node_tasks(node: Node, plan_year: int | None) -> list[Task]:
    """Body tasks of one heading.

    Fields apply to the items they close: one set of fields closing the text under a heading makes
    the heading the task (its items are details); several groups of items, each closed by its own
    fields, make each item a task with its group's fields.
    """
    groups = read_groups(node)
    with_fields = [g for g in groups if g.fields]
    if len(with_fields) >= 2 and all(is_task(g.fields) and g.items for g in with_fields):
        title = strip_trailing(node.title)
        tasks = []
        for g in with_fields:
            for item in g.items:
                text = strip_trailing(LIST_MARK.sub("", item))
                if text:
                    tasks.append(_task(node, g.fields, plan_year, content=text, group=title))
        return tasks
    duties = _unit_duties(node, with_fields, plan_year)
    if duties:
        return duties
    fields = merged_fields(groups)
    if not is_task(fields):
        if (
            node.style in ("decimal", "dotted")
            and any(fields.get("time", []))
            and set(fields) & {"content", "products", "participants"}
        ):
            # "1. Tổ chức tiếp công dân" over "- Thời gian: …", "- Nhiệm vụ: + …": a time and a second kind of
            # field make the heading a task even with no unit named (the issuer does it)
            if _FIELDS_TITLE.match(clean(node.title)) and any(fields.get("content", [])):
                # "2.1. Về nội dung và thời gian tuyên truyền" names the fields below it: the task is what
                # its "- Nội dung: …" says
                content = strip_trailing(" ".join(x for x in fields["content"] if x))
                return [_task(node, fields, plan_year, content=content)]
            return [_task(node, fields, plan_year, details=fields.get("content") or groups[0].items)]
        return _time_closed_task(node, plan_year) or _dash_lead_task(node, plan_year)
    return [_task(node, fields, plan_year, details=fields.get("content") or groups[0].items)]


# a heading that only names the fields below it ("Về nội dung và thời gian tuyên truyền", "Nội dung, thời gian")
_FIELDS_TITLE = re.compile(r"^(?:về\s+)?nội dung(?:\s*(?:,|và)\s*(?:thời gian|hình thức|đối tượng))+\b", re.I)


# "1. Phân tích đề thi … – Trường THPT X thực hiện." / "2. Tham luận … - Phòng Y chủ trì": the unit named after
# a dash at the end of an item, with its verb, is the item's lead; one that "hỗ trợ thực hiện" / "phối hợp
# thực hiện" (supports, works with) the item is its support, and the item names no lead
_DASH_LEAD = re.compile(
    r"^(?P<content>.{8,}?)\s+[-–—]\s+(?P<unit>[^-–—]+?)\s+(?:(?P<support>hỗ trợ|phối hợp)\s+|chủ động\s+)?"
    r"(?:thực hiện|chủ trì(?:\s+thực hiện)?|phụ trách|đảm nhận|đảm nhiệm|trình bày)\s*[.;]?$"
)


def _dash_lead_task(node: Node, plan_year: int | None) -> list[Task]:
    """An item with no text below it that ends with its unit after a dash ("… – Trường THPT X thực hiện"):
    the unit leads it, or supports it when it "hỗ trợ/phối hợp thực hiện"."""
    if node.style not in ("decimal", "dotted", "letter") or node.paras or node.children:
        return []
    if "to_chuc_thuc_hien" in kinds_of(node.top().title):
        return []  # there a heading naming a unit is an assignment
    m = _DASH_LEAD.match(clean(node.title))
    if m is None:
        return []
    unit = m.group("unit").strip()
    if not looks_like_unit(unit) or GENERIC.fullmatch(key(unit)):
        return []  # "… - các đơn vị cho ý kiến" names no unit
    role = "support" if m.group("support") else "lead"
    return [_task(node, {role: [unit]}, plan_year, content=strip_trailing(m.group("content")))]


def _time_closed(node: Node) -> tuple[list[str], list[str]] | None:
    """(time values, items) of a numbered heading whose text is closed by a time field and nothing else;
    a heading whose last sub-item ("7.2.") holds that closing field while the others have none takes it."""
    if node.style not in ("decimal", "dotted", "letter") or is_field_heading(node):
        return None
    groups = read_groups(node)
    fields = merged_fields(groups)
    if not fields and node.children and not node.children[-1].children:
        *others, last = node.children
        if any(set(read_fields(c)) - {"intro"} for c in others):
            return None
        inner = _time_closed(last)
        return (inner[0], groups[0].items) if inner else None
    if (
        set(fields) != {"time"}
        or not any(fields["time"])
        or not (groups[0].items or node.children)
        or any(g.items for g in groups[1:])
    ):
        return None
    return fields["time"], groups[0].items


def _time_closed_task(node: Node, plan_year: int | None) -> list[Task]:
    """A heading closed by its own time, with no unit ("1. Giám sát việc …", its items, "* Thời gian thực
    hiện: …"), is a task of the issuer when a sibling heading is written the same way: parallel items
    closed each by its time are the plan's schedule of work, not one stray date. A sibling that is a
    labelled task ("- Đơn vị thực hiện: …", "- Thời gian thực hiện: …") counts too: in a list of labelled
    items, the one that gives only its time still is one of them."""
    mine = _time_closed(node)
    if mine is None or node.parent is None:
        return []
    if sum(1 for s in node.parent.children if s is not node and (_time_closed(s) or _labelled(s))) < 1:
        return []
    time, items = mine
    return [_task(node, {"time": time}, plan_year, details=items)]


def _labelled(node: Node) -> bool:
    """A numbered heading whose own labelled fields make it a task (a unit, or a supporting unit and a time)."""
    return node.style in ("decimal", "dotted", "letter") and is_task(merged_fields(read_groups(node)))


_RESPONSIBILITY = re.compile(r"^(?:trách nhiệm|nhiệm vụ)\s+(?:của\s+)?", re.I)


def _heading_unit(node: Node) -> str | None:
    """The unit a heading names: "Sở Tài chính - Cơ quan thường trực Ban Chỉ đạo" -> "Sở Tài chính";
    "Trách nhiệm của đối tượng thực hiện kiểm kê" -> the text after "Trách nhiệm của" (named as responsible)."""
    title = strip_trailing(node.title)
    m = _RESPONSIBILITY.match(title)
    if m:
        rest = title[m.end() :].strip()
        return rest if rest and not CONTENT_HEAD.match(rest) else None
    if not names_a_unit(title) or len(title.split()) > 40:
        return None
    head = re.split(r"\s[-–]\s", title, maxsplit=1)
    return head[0].strip() if looks_like_unit(head[0]) else title


def _unit_duties(node: Node, with_fields: list[FieldGroup], plan_year: int | None) -> list[Task]:
    """Under a heading naming a unit, duties each closed by its own time ("- Tuyên truyền …",
    "Thời gian thực hiện: …", "- Tham mưu …", "Thời gian hoàn thành: …"): one task per duty, led by
    the unit. A "+" line under a duty is part of it."""
    if len(with_fields) < 2 or any(set(g.fields) - {"time"} or not g.items for g in with_fields):
        return []
    unit = _heading_unit(node)
    if unit is None:
        return []
    title = strip_trailing(node.title)
    tasks: list[Task] = []
    for g in with_fields:
        duties: list[list[str]] = []
        for item in g.items:
            if duties and re.match(r"^\s*\+", item):
                duties[-1].append(PLUS_MARK.sub("", item))
            else:
                duties.append([item])
        for first, *rest in duties:
            text = clean(LIST_MARK.sub("", first))  # verbatim: "… Trong đó:" keeps its colon
            if text:
                task = _task(node, g.fields, plan_year, content=text, group=title, details=rest)
                task.lead = split_units([unit])  # the heading's unit as written, not re-cut as a sentence
                tasks.append(task)
    return tasks


def _unattached(node: Node, why: str) -> None:
    """Report labelled fields that make no task: a unit, a product, or at least two kinds of field
    (a lone "Thời gian thực hiện:" under a section is the plan's schedule, not a lost task)."""
    found = [(role, v) for g in read_groups(node) for role, vs in g.fields.items() for v in vs if v]
    roles = {r for r, _ in found}
    if not (roles & {"lead", "support", "products", "leader"} or len(roles) >= 2):
        return
    report(
        "fields-unattached",
        f"labelled fields ({', '.join(sorted(roles))}) under '{node.number}. {clean(node.title)[:60]}' {why}",
        location=location_of(node.block, node.para),
        excerpt="; ".join(v for _, v in found),
    )


def group_tasks(node: Node, plan_year: int | None) -> list[Task] | None:
    """A group whose items are numbered under a "Nội dung, biện pháp" sub-heading and whose lead, support
    and time are sibling sub-headings after it: each item (a), b) …) is a task with the group's fields.
    None when the node is not written so; items that are only "-" lines under "a) Nhiệm vụ:" are the
    details of the group's one task (node_tasks)."""
    content = [c for c in node.children if CONTENT_HEAD.match(clean(c.title))]
    if len(content) != 1 or not content[0].children:
        return None
    fields = group_fields(node)
    if fields is None:
        return None
    head = content[0]
    title = strip_trailing(node.title)
    return [
        _task(
            item,
            fields,
            plan_year,
            content=strip_trailing(item.title),
            group=title,
            details=[clean(p.text) for _, p in item.paras],
        )
        for item in head.children
    ]


def _item_group(node: Node) -> str | None:
    """The group of a body task numbered under an item ("1.1." under "1. Xây dựng …"): the item's title.
    A task straight under a Roman section or a part has no group."""
    parent = node.parent
    if parent is None or parent.style not in ("decimal", "dotted") or is_field_heading(parent):
        return None
    return strip_trailing(parent.title)


def _bare_run_before(node: Node) -> list[Node]:
    """The siblings just before a task heading that have no text, sub-items or fields of their own
    ("3.1. …", "3.2. …" then "3.3. …" with the fields), when the task heading's own text is only its
    fields: the fields close the whole run of items."""
    parent = node.parent
    if parent is None or node.style not in ("decimal", "dotted", "letter") or node.children or not node.paras:
        return []
    if any(field_items(t) is None for _, p in node.paras for t in paragraph_texts(p)):
        return []
    siblings = parent.children
    i = siblings.index(node)
    run: list[Node] = []
    for prev in reversed(siblings[:i]):
        if prev.style != node.style or prev.paras or prev.children or field_items(prev.title):
            break
        run.insert(0, prev)
    return run


def body_tasks(roots: list[Node], plan_year: int | None) -> list[Task]:
    """Tasks with labelled fields, wherever they stand: a section's kind never overrides the fields."""
    tasks: list[Task] = []
    closed: set[int] = set()  # items whose task was made with the fields of the item closing their run

    def visit(node: Node) -> None:
        grouped = group_tasks(node, plan_year)
        if grouped is not None:
            tasks.extend(grouped)  # the group's sub-headings are read: not tasks of their own
            return
        skip = is_field_heading(node) and node.parent is not None and not is_field_heading(node.parent)
        if skip:
            pass  # read with its parent
        elif node.style in ("roman", "capital") and (node.parent is None or node.parent.style == "capital"):
            _unattached(node, "stand directly under a section heading, not under a task")
        elif id(node) not in closed:
            found = node_tasks(node, plan_year)
            if found:
                run = _bare_run_before(node)
                closed.update(id(item) for item in run)  # "3.1.", "3.2." with no text, closed by 3.3's fields
                found = [_task(item, read_fields(node), plan_year) for item in run] + found
                for task in found:
                    if task.group is None:
                        task.group = _item_group(node)
            elif not is_unit_heading(node):  # a unit's heading: its fields go with its duties
                _unattached(node, "do not make a task (no lead unit, or no support unit with a time)")
            tasks.extend(found)
        for child in node.children:
            visit(child)

    for root in roots:
        visit(root)
    return tasks
