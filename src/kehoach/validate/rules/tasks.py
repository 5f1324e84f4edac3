"""Tasks: every task has a lead unit and a timeline inside the plan's years; unit names are
spelled one way throughout the plan."""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

import regex as re

from ...models import Finding, Location, Plan, Task, Timeline, Unit
from ...vntext import fold, key
from ..config import Config
from ..registry import Rule, rule
from ..util import describe, excerpt, plan_years

MESSAGES = {
    "no_lead": {"vi": "nhiệm vụ không có đơn vị chủ trì", "en": "the task has no lead unit"},
    "no_timeline": {"vi": "nhiệm vụ không có thời gian thực hiện", "en": "the task has no timeline"},
    "no_lead_column": {
        "vi": "không nhiệm vụ nào trong bảng {table} có đơn vị chủ trì ({count} nhiệm vụ)",
        "en": "none of the {count} tasks in table {table} has a lead unit",
    },
    "no_timeline_column": {
        "vi": "không nhiệm vụ nào trong bảng {table} có thời gian thực hiện ({count} nhiệm vụ)",
        "en": "none of the {count} tasks in table {table} has a timeline",
    },
    "outside": {
        "vi": 'thời gian "{raw}" nằm ngoài năm của kế hoạch ({years})',
        "en": 'the timeline "{raw}" lies outside the plan\'s year ({years})',
    },
    "near_miss": {
        "vi": 'tên đơn vị "{variant}" gần giống "{canonical}" ({where}): có thể viết sai',
        "en": 'unit name "{variant}" is a near miss of "{canonical}" ({where}): a misspelling?',
    },
}
_UNIT_GROUP = re.compile(
    r"^(?:phòng|ubnd|ủy ban|uỷ ban|văn phòng|trung tâm|các |sở |ban |bộ |cục |chi cục|hội |"
    r"đoàn |công an|đài |báo |bưu điện|trường |liên đoàn|mặt trận|đảng ủy|huyện ủy|thị ủy)",
    re.I,
)


@dataclass
class _Merged:
    """A task and its sub-rows (rows repeating one task's content)."""

    task: Task
    lead: bool = False
    timeline: list[str] = field(default_factory=list)
    years: list[int] = field(default_factory=list)


def _merged(plan: Plan) -> list[_Merged]:
    merged: dict[tuple, _Merged] = {}
    for task in plan.tasks:
        if task.origin == "assignment":
            continue
        k = (task.origin, key(task.group), key(task.content))
        m = merged.setdefault(k, _Merged(task))
        group_is_unit = bool(task.group and _UNIT_GROUP.match(task.group.strip()))
        m.lead = m.lead or bool(task.lead) or group_is_unit
        if task.timeline and task.timeline.raw.strip():
            m.timeline.append(task.timeline.raw.strip())
            m.years += _years(task.timeline)
    return list(merged.values())


# a cited document inside a timeline cell ("Theo Điều 17 Nghị định số 52/2015/NĐ-CP ngày
# 28/5/2015") says nothing about when the task is due
_CITATION = re.compile(
    r"\b\d+(?:/\d{4})?[/-][^\W\d_][\w&.-]*(?:/[\w&.-]+)?(?:\s*,?\s*ngày\s+\d{1,2}\s*/\s*\d{1,2}\s*/\s*\d{4})?"
)


def _years(t: Timeline) -> list[int]:
    if _CITATION.search(t.raw):  # the parsed start/end may be the cited document's date
        return [int(y) for y in re.findall(r"(?<!\d)((?:19|20)\d\d)(?!\d)", _CITATION.sub(" ", t.raw))]
    years = [int(v[:4]) for v in (t.start, t.end) if v and re.match(r"(?:19|20)\d\d", v)]
    return years or [int(y) for y in re.findall(r"(?<!\d)((?:19|20)\d\d)(?!\d)", t.raw)]


def _missing(
    rule_obj: Rule, plan: Plan, config: Config, has: Callable[[_Merged], bool], one: str, column: str
) -> Iterator[Finding]:
    """One finding per task lacking the field — or one `info` per table when no row of it has
    it (the table has no such column: reporting every row would bury the point)."""
    by_table: dict[int | None, list[_Merged]] = {}
    for m in _merged(plan):
        table = m.task.location.table if m.task.location and m.task.origin == "appendix" else None
        by_table.setdefault(table, []).append(m)
    for table, merged in by_table.items():
        lacking = [m for m in merged if not has(m)]
        if table is not None and len(merged) >= 2 and len(lacking) == len(merged):
            first = lacking[0].task
            # a table without the column at all is the plan's design (an inspection schedule, a
            # duty roster), worth knowing but not a slip: info
            yield rule_obj.finding(
                config,
                MESSAGES[column],
                location=first.location,
                excerpt=excerpt(first.content),
                severity="info",
                table=table,
                count=len(merged),
            )
            continue
        for m in lacking:
            yield rule_obj.finding(config, MESSAGES[one], location=m.task.location, excerpt=excerpt(m.task.content))


@rule(
    "task-no-lead",
    "KH601",
    "warning",
    summary={"vi": "nhiệm vụ không có đơn vị chủ trì", "en": "a task has no lead unit"},
    doc_vi="""task-no-lead (KH601, cảnh báo): mỗi nhiệm vụ đều có đơn vị chủ trì.

      Dòng của bảng nhiệm vụ (hoặc nhiệm vụ viết bằng các trường có nhãn) để trống ô chủ trì là
      nhiệm vụ không có ai chịu trách nhiệm. Các dòng được nhóm dưới một đơn vị (dòng nhóm như
      "PHÒNG NỘI VỤ") lấy đơn vị đó làm đơn vị chủ trì. Nếu không dòng nào của bảng có đơn vị chủ
      trì (bảng không có cột này) thì chỉ có một phát hiện ở mức `info` cho cả bảng.
      """,
)
def task_no_lead(plan: Plan, config: Config) -> Iterator[Finding]:
    """task-no-lead (KH601, warning): every task names who leads it.

    A row of the task table (or a task written with labelled fields) whose lead cell is
    empty leaves the task with nobody responsible. Rows grouped under a unit (a group row
    such as "PHÒNG NỘI VỤ") take that unit as their lead. When no row of a table has a lead
    (the table has no such column), one `info` finding is made for the table.

    PASS::

        TT	NHIỆM VỤ	CƠ QUAN CHỦ TRÌ	CƠ QUAN PHỐI HỢP	THỜI GIAN THỰC HIỆN
        1.	Tuyên truyền trên Cổng Thông tin điện tử huyện	Phòng Văn hóa và Thông tin	Các phòng, ban ngành	Thường xuyên trong năm 2024

    FAIL::

        TT	NHIỆM VỤ	CƠ QUAN CHỦ TRÌ	CƠ QUAN PHỐI HỢP	THỜI GIAN THỰC HIỆN
        1.	Tuyên truyền trên Cổng Thông tin điện tử huyện		Các phòng, ban ngành	Thường xuyên trong năm 2024
    """  # noqa: E501 - the fragments are plan text, one paragraph or table row a line
    yield from _missing(task_no_lead, plan, config, lambda m: m.lead, "no_lead", "no_lead_column")


@rule(
    "task-no-timeline",
    "KH602",
    "warning",
    summary={"vi": "nhiệm vụ không có thời gian thực hiện", "en": "a task has no timeline"},
    doc_vi="""task-no-timeline (KH602, cảnh báo): mỗi nhiệm vụ đều có thời gian thực hiện.

      Dòng nhiệm vụ để trống ô thời gian ("Thời gian thực hiện"), hoặc nhiệm vụ viết dạng văn xuôi
      mà không có dòng "Thời gian …:", thì không theo dõi, đôn đốc được. Nhiệm vụ liệt kê theo từng
      đơn vị tại phần Tổ chức thực hiện không thuộc loại này và không được kiểm tra. Nếu không dòng
      nào của bảng có thời gian thực hiện (bảng không có cột này) thì chỉ có một phát hiện ở mức
      `info` cho cả bảng.
      """,
)
def task_no_timeline(plan: Plan, config: Config) -> Iterator[Finding]:
    """task-no-timeline (KH602, warning): every task says when.

    A task row with an empty time cell ("Thời gian thực hiện"), or a task written in prose
    without a "Thời gian …:" line, cannot be followed up. Duties listed per unit under
    Tổ chức thực hiện are not tasks of this kind and are not checked. When no row of a table
    has a timeline (the table has no such column), one `info` finding is made for the table.

    PASS::

        STT	Nhiệm vụ	Thời gian thực hiện
        I	PHÒNG NỘI VỤ
        1	Kế hoạch tuyên truyền năm 2024	Quý I/2024
        2	Báo cáo kết quả thực hiện	Quý IV/2024

    FAIL::

        STT	Nhiệm vụ	Thời gian thực hiện
        I	PHÒNG NỘI VỤ
        1	Kế hoạch tuyên truyền năm 2024	Quý I/2024
        2	Báo cáo kết quả thực hiện
    """  # noqa: W291 - a trailing tab is an empty last cell of a fragment row
    yield from _missing(task_no_timeline, plan, config, lambda m: bool(m.timeline), "no_timeline", "no_timeline_column")


@rule(
    "timeline-outside-plan-year",
    "KH603",
    "warning",
    summary={
        "vi": "thời gian thực hiện nằm ngoài năm của kế hoạch",
        "en": "a task's timeline lies outside the plan's year",
    },
    doc_vi="""timeline-outside-plan-year (KH603, cảnh báo): thời gian thực hiện nằm trong năm của kế hoạch.

      Năm của kế hoạch được lấy từ trích yếu ("năm 2024", "giai đoạn 2021 - 2025") và ngày ban hành;
      "Quý II/2023" trong kế hoạch năm 2024 thường là bảng của năm trước được sao chép lại mà chưa
      cập nhật. Thời hạn nằm hẳn sau các năm của kế hoạch ("trước ngày 01/01/2030") thường là thời
      hạn dài có chủ ý nên chỉ được báo ở mức `info`; ngày của các văn bản được dẫn chiếu trong ô
      không được tính.
      """,
)
def timeline_outside_plan_year(plan: Plan, config: Config) -> Iterator[Finding]:
    """timeline-outside-plan-year (KH603, warning): timelines fall in the plan's years.

    The plan's years come from its title ("năm 2024", "giai đoạn 2021 - 2025") and its
    date; "Quý II/2023" in a 2024 plan is usually last year's table copied without
    updating. A timeline entirely after the plan's years ("trước ngày 01/01/2030") is often a
    genuine long deadline and is only `info`; dates of documents cited in the cell are ignored.

    PASS::

        Lộc Hà, ngày 20 tháng 02 năm 2024

        KẾ HOẠCH
        Tuyên truyền cải cách hành chính năm 2024

        TT	NHIỆM VỤ	CƠ QUAN CHỦ TRÌ	THỜI GIAN THỰC HIỆN
        1.	Tuyên truyền cuộc thi viết sáng kiến	Phòng Nội vụ	Quý III/2024

    FAIL::

        Lộc Hà, ngày 20 tháng 02 năm 2024

        KẾ HOẠCH
        Tuyên truyền cải cách hành chính năm 2024

        TT	NHIỆM VỤ	CƠ QUAN CHỦ TRÌ	THỜI GIAN THỰC HIỆN
        1.	Tuyên truyền cuộc thi viết sáng kiến	Phòng Nội vụ	Quý III/2023
    """
    span = plan_years(plan)
    if span is None:
        return
    lo, hi = span
    shown = str(lo) if lo == hi else f"{lo}–{hi}"
    for m in _merged(plan):
        if m.years and (max(m.years) < lo or min(m.years) > hi):
            # before the plan: a table copied from last year; after: often a genuine long deadline
            yield timeline_outside_plan_year.finding(
                config,
                MESSAGES["outside"],
                location=m.task.location,
                excerpt=excerpt(m.task.content),
                raw="; ".join(m.timeline),
                years=shown,
                severity=None if max(m.years) < lo else "info",
            )


# ---- unit spellings --------------------------------------------------------------------

_FILLER = {"va", "cac", "cua", "&"}


def _words(name: str) -> list[str]:
    return re.findall(r"\w+", fold(name))


def _close_word(a: str, b: str) -> bool:
    if a.isdigit() or b.isdigit() or min(len(a), len(b)) < 4:
        return False
    return difflib.SequenceMatcher(None, a, b).ratio() >= 0.75


def near_miss(a: str, b: str) -> bool:
    """True when unit name `a` looks like a misspelling of `b` (or the reverse)."""
    if key(a) == key(b) or min(len(a), len(b)) < 10:
        return False
    if fold(a).replace(" ", "") == fold(b).replace(" ", ""):
        return True  # diacritics only: HDND / HĐND
    wa, wb = _words(a), _words(b)
    if wa == wb or min(len(wa), len(wb)) < 3:
        return False
    ops = [op for op in difflib.SequenceMatcher(None, wa, wb, autojunk=False).get_opcodes() if op[0] != "equal"]
    if len(ops) != 1:
        return False
    tag, i1, i2, j1, j2 = ops[0]
    if tag in ("insert", "delete"):
        lo, hi, words, full = (j1, j2, wb, len(wb)) if tag == "insert" else (i1, i2, wa, len(wa))
        changed = words[lo:hi]
        inside = lo > 0 and hi < full  # not a qualifier at either end ("… huyện")
        return len(changed) == 1 and inside and changed[0] not in _FILLER
    if tag == "replace" and i2 - i1 == 1 and j2 - j1 == 1:
        return _close_word(wa[i1], wb[j1])
    return False


@dataclass
class _Spelling:
    name: str
    count: int = 0
    where: list[Location | None] = field(default_factory=list)
    known: bool = False


def _spellings(plan: Plan, config: Config) -> dict[str, _Spelling]:
    found: dict[str, _Spelling] = {}
    for task in plan.tasks:
        units: list[Unit] = [*task.lead, *task.support, *task.monitoring]
        for unit in units:
            s = found.setdefault(key(unit.name), _Spelling(unit.name))
            s.count += 1
            s.where.append(task.location)
    for name in config.units:
        s = found.setdefault(key(name), _Spelling(name))
        s.known = True
    return found


@rule(
    "unit-near-miss",
    "KH604",
    "warning",
    summary={
        "vi": "tên đơn vị gần giống một tên khác trong kế hoạch (có thể viết sai)",
        "en": "a unit name is a near miss of another in the plan (a misspelling?)",
    },
    doc_vi="""unit-near-miss (KH604, cảnh báo): mỗi đơn vị chỉ có một cách viết tên.

      Tên đơn vị viết "Văn phòng HDND và huyện" bên cạnh "Văn phòng HĐND và UBND huyện" là lỗi đánh
      máy: hai tên chỉ khác nhau ở dấu, thiếu một từ ở giữa, hoặc sai chính tả một từ. Cách viết ít
      gặp hơn sẽ bị báo (các tên khai báo trong mục `units` của tệp cấu hình luôn được coi là đúng).
      Phần thêm vào ở đầu hoặc cuối tên ("Các phòng, ban" / "Các phòng, ban huyện") và cách viết
      "và"/"&" được chấp nhận là biến thể.
      """,
)
def unit_near_miss(plan: Plan, config: Config) -> Iterator[Finding]:
    """unit-near-miss (KH604, warning): one unit, one spelling.

    A unit spelled "Văn phòng HDND và huyện" next to "Văn phòng HĐND và UBND huyện" is a
    typo: the two differ only in diacritics, by one word missing from the middle, or by one
    misspelt word. The rarer spelling is reported (names listed in the config's `units`
    always count as correct). Qualifiers added at either end ("Các phòng, ban" / "Các
    phòng, ban huyện") and "và"/"&" are accepted variants.

    PASS::

        TT	NHIỆM VỤ	CƠ QUAN CHỦ TRÌ	CƠ QUAN PHỐI HỢP	THỜI GIAN THỰC HIỆN
        1.	Cung cấp thông tin về kiểm soát thủ tục hành chính	Văn phòng HĐND và UBND huyện	Các phòng, ban huyện	Thường xuyên
        2.	Tuyên truyền về giải quyết thủ tục hành chính	Trung tâm Văn hóa - Thể thao huyện	Văn phòng HĐND và UBND huyện	Thường xuyên

    FAIL::

        TT	NHIỆM VỤ	CƠ QUAN CHỦ TRÌ	CƠ QUAN PHỐI HỢP	THỜI GIAN THỰC HIỆN
        1.	Cung cấp thông tin về kiểm soát thủ tục hành chính	Văn phòng HĐND và UBND huyện	Các phòng, ban huyện	Thường xuyên
        2.	Tuyên truyền về giải quyết thủ tục hành chính	Văn phòng HĐND và UBND huyện	Các phòng, ban huyện	Thường xuyên
        3.	Tuyên truyền về kết quả cải cách thủ tục hành chính	Trung tâm Văn hóa - Thể thao huyện	Văn phòng HDND và huyện	Thường xuyên
    """  # noqa: E501 - the fragments are plan text, one paragraph or table row a line
    spellings = _spellings(plan, config)
    names = sorted(spellings.values(), key=lambda s: (-s.known, -s.count, -len(s.name)))
    reported: set[str] = set()
    for i, canonical in enumerate(names):
        for variant in names[i + 1 :]:
            if variant.known or key(variant.name) in reported or not variant.where:
                continue
            if canonical.count and variant.count > canonical.count:
                continue
            if not near_miss(variant.name, canonical.name):
                continue
            reported.add(key(variant.name))
            first = next((w for w in canonical.where if w), None)
            where = describe(first, config.lang) if first else ("config" if canonical.known else "—")
            yield unit_near_miss.finding(
                config,
                MESSAGES["near_miss"],
                location=variant.where[0],
                excerpt=variant.name,
                variant=variant.name,
                canonical=canonical.name,
                where=where,
                related=[
                    {
                        "role": "canonical",
                        "name": canonical.name,
                        "count": canonical.count,
                        "location": first.model_dump(exclude_none=True) if first else None,
                    },
                    *({"role": "variant", "location": w.model_dump(exclude_none=True)} for w in variant.where if w),
                ],
            )
