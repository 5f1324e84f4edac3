"""Numbering: section, sub-section and point numbers in sequence; task numbers in tables.

Nghị định 30 numbers the parts of a plan "I.", "II." (sections), "1.", "2." (sub-sections)
and "a)", "b)" … (points) in the Vietnamese alphabet: a b c d đ e g h i k l m n o p q r s t u
v x y — "đ" follows "d", and f, j, w, z are not used.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import regex as re

from ...models import Finding, Plan, Section, Task
from ...roman import from_roman, to_roman
from ..config import Config
from ..registry import rule
from ..util import describe, excerpt

LETTERS = [
    "a",
    "b",
    "c",
    "d",
    "đ",
    "e",
    "g",
    "h",
    "i",
    "k",
    "l",
    "m",
    "n",
    "o",
    "p",
    "q",
    "r",
    "s",
    "t",
    "u",
    "v",
    "x",
    "y",
]
FOREIGN = {"f", "j", "w", "z"}

MESSAGES = {
    "duplicate": {
        "vi": 'số {label} "{number}" trùng với {label} ở {other}',
        "en": '{label} number "{number}" repeats the one at {other}',
    },
    "backwards": {
        "vi": 'số {label} "{number}" đứng sau "{previous}" (sai thứ tự)',
        "en": '{label} number "{number}" comes after "{previous}" (out of order)',
    },
    "skipped": {
        "vi": 'số {label} nhảy từ "{previous}" sang "{number}" (thiếu {missing})',
        "en": '{label} numbering jumps from "{previous}" to "{number}" ({missing} missing)',
    },
    "skipped_dd": {
        "vi": 'điểm "{number}" đứng ngay sau "{previous}": theo bảng chữ '
        "cái tiếng Việt, sau d là đ (đánh số tự động của Word không có đ)",
        "en": 'point "{number}" follows "{previous}": the Vietnamese '
        "alphabet puts đ after d (Word's automatic lettering has no đ)",
    },
    "start": {
        "vi": '{label} đầu tiên đánh số "{number}" (thiếu {missing})',
        "en": 'the first {label} is numbered "{number}" ({missing} missing)',
    },
    "foreign": {
        "vi": 'chữ "{number}" không dùng để đánh số điểm (bảng chữ cái tiếng Việt: … d, đ, e, g, h …)',
        "en": '"{number}" is not used to letter points (the Vietnamese alphabet runs … d, đ, e, g, h …)',
    },
    "task_duplicate": {
        "vi": 'số thứ tự nhiệm vụ "{number}" lặp lại trong nhóm {group} (trùng {other})',
        "en": 'task number "{number}" is repeated in group {group} (same as {other})',
    },
    "task_skipped": {
        "vi": 'số thứ tự nhiệm vụ nhảy từ "{previous}" sang "{number}" trong nhóm {group}',
        "en": 'task numbers jump from "{previous}" to "{number}" in group {group}',
    },
}
LABELS = {
    "roman": {"vi": "mục", "en": "section"},
    "decimal": {"vi": "tiểu mục", "en": "sub-section"},
    "letter": {"vi": "điểm", "en": "point"},
}


def value_of(number: str, style: str) -> int | None:
    number = number.strip().rstrip(".)").strip()
    if style == "roman":
        return from_roman(number)
    if style == "decimal":
        return int(number) if number.isdigit() else None
    if style == "letter":
        low = number.lower()
        return LETTERS.index(low) + 1 if low in LETTERS else None
    return None


def render(value: int, style: str) -> str:
    if style == "roman":
        return to_roman(value)
    if style == "letter":
        return LETTERS[value - 1] if 0 < value <= len(LETTERS) else str(value)
    return str(value)


def _missing(lo: int, hi: int, style: str) -> str:
    values = [render(v, style) for v in range(lo, hi)]
    return ", ".join(values[:4]) + (" …" if len(values) > 4 else "")


def _sibling_lists(sections: list[Section]) -> Iterator[list[Section]]:
    yield sections
    for s in sections:
        yield from _sibling_lists(s.children)


@rule(
    "heading-numbering",
    "KH201",
    "warning",
    summary={
        "vi": "số thứ tự mục, tiểu mục, điểm bị trùng, bỏ sót, sai thứ tự hoặc dùng chữ f, j, w, z",
        "en": "section / sub-section / point numbers repeated, skipped, out of order, or lettered f, j, w, z",
    },
    doc_vi="""heading-numbering (KH201, cảnh báo): số thứ tự của mục, tiểu mục và điểm phải liên tục.

      Các mục I, II, III…, tiểu mục 1, 2, 3… và điểm a), b), c), d), đ), e), g)… trong cùng một cấp
      phải liên tục, không trùng, không bỏ sót. Điểm "đ" sau điểm "d" là đúng; điểm đánh chữ f, j, w
      hoặc z thì không có trong bảng chữ cái tiếng Việt. Phát hiện được báo tại đề mục sai. Trường
      hợp "e" đứng ngay sau "d" (chức năng đánh số tự động của Word không có "đ") chỉ được báo ở mức
      `info`.
      """,
)
def heading_numbering(plan: Plan, config: Config) -> Iterator[Finding]:
    """heading-numbering (KH201, warning): section, sub-section and point numbers run in order.

    Sections I, II, III …, sub-sections 1, 2, 3 … and points a), b), c), d), đ), e), g) …
    must each run without a repeat or a gap among siblings. "đ" after "d" is correct; a
    point lettered f, j, w or z is not Vietnamese. Reported at the offending heading. "e"
    straight after "d" (Word's automatic lettering has no "đ") is only `info`.

    PASS::

        I. MỤC ĐÍCH, YÊU CẦU

        II. NỘI DUNG

        a) Tuyên truyền về kết quả cải cách hành chính.

        b) Tuyên truyền về dịch vụ công trực tuyến.

        c) Tuyên truyền về Bộ phận Một cửa.

        d) Tuyên truyền về Chỉ số hài lòng.

        đ) Tuyên truyền về văn hóa công sở.

        III. TỔ CHỨC THỰC HIỆN

    FAIL::

        I. MỤC ĐÍCH, YÊU CẦU

        II. NỘI DUNG

        III. HÌNH THỨC, THỜI GIAN THỰC HIỆN

        III. TỔ CHỨC THỰC HIỆN
    """
    for siblings in _sibling_lists(plan.sections):
        by_style: dict[str, list[Section]] = {}
        for s in siblings:
            if s.style in LABELS:
                by_style.setdefault(s.style, []).append(s)
        for style, group in by_style.items():
            label = LABELS[style].get(config.lang) or LABELS[style]["vi"]
            seen: dict[int, Section] = {}
            previous: tuple[int, Section] | None = None
            for s in group:
                if style == "letter" and s.number.strip().lower() in FOREIGN:
                    yield heading_numbering.finding(
                        config, MESSAGES["foreign"], location=s.location, excerpt=excerpt(s.title), number=s.number
                    )
                    continue
                value = value_of(s.number, style)
                if value is None:
                    continue
                if re.match(r"\d+[.)]?\s", s.title or "") and not (previous is not None and value == previous[0] + 1):
                    # "6. 2 Đối với …" (a "6.2" typed apart) read as a second "6": left out; a count after
                    # the number that carries the sequence on ("5. 22 GVCN: …" after "4.") is a heading
                    continue
                fmt: dict[str, Any] = {"label": label, "number": s.number}
                if value in seen:
                    first = seen[value]
                    yield heading_numbering.finding(
                        config,
                        MESSAGES["duplicate"],
                        location=s.location,
                        excerpt=excerpt(s.title),
                        other=describe(first.location, config.lang) or s.number,
                        related=[
                            {
                                "role": "first",
                                "location": first.location.model_dump(exclude_none=True) if first.location else None,
                                "title": first.title,
                            }
                        ],
                        **fmt,
                    )
                elif previous is not None and value < previous[0]:
                    yield heading_numbering.finding(
                        config,
                        MESSAGES["backwards"],
                        location=s.location,
                        excerpt=excerpt(s.title),
                        previous=previous[1].number,
                        **fmt,
                    )
                elif previous is not None and value > previous[0] + 1:
                    only_dd = style == "letter" and render(previous[0] + 1, style) == "đ" and value == previous[0] + 2
                    yield heading_numbering.finding(
                        config,
                        MESSAGES["skipped_dd" if only_dd else "skipped"],
                        location=s.location,
                        excerpt=excerpt(s.title),
                        severity="info" if only_dd else None,
                        previous=previous[1].number,
                        missing=_missing(previous[0] + 1, value, style),
                        **fmt,
                    )
                elif previous is None and value > 1:
                    yield heading_numbering.finding(
                        config,
                        MESSAGES["start"],
                        location=s.location,
                        excerpt=excerpt(s.title),
                        missing=_missing(1, value, style),
                        **fmt,
                    )
                seen.setdefault(value, s)
                if previous is None or value > previous[0]:
                    previous = (value, s)


def _task_number(task: Task) -> int | None:
    m = re.fullmatch(r"\s*0*(\d{1,4})\s*[.)]?\s*", task.number or "")
    return int(m.group(1)) if m else None


@rule(
    "task-numbering",
    "KH202",
    "warning",
    summary={
        "vi": "số thứ tự nhiệm vụ trong bảng bị lặp lại (hoặc bỏ sót) trong cùng một nhóm",
        "en": "task numbers in a table repeated (or skipped) within one group",
    },
    doc_vi="""task-numbering (KH202, cảnh báo): số thứ tự nhiệm vụ trong bảng không trùng nhau trong cùng một nhóm.

      Trong bảng phụ lục, cột STT được đánh lại từ đầu ở mỗi nhóm (I, II…) và không được trùng trong
      cùng một nhóm; các dòng con của một nhiệm vụ dùng chung số của nhiệm vụ đó nên không tính là
      trùng. Số bị bỏ cách (1, 2, 4) chỉ được báo ở mức `info`, vì Word có thể tự đánh số cột.
      """,
)
def task_numbering(plan: Plan, config: Config) -> Iterator[Finding]:
    """task-numbering (KH202, warning): table task numbers are unique within their group.

    In an appendix table the STT column restarts in each group (I, II …) and must not repeat
    inside one group; sub-rows of one task share its number and are not repeats. A gap
    (1, 2, 4) is reported as `info`, since Word can number a column automatically.

    PASS::

        PHỤ LỤC
        (Kèm theo Kế hoạch số 15/KH-UBND ngày 10/01/2024 của UBND thị xã)

        STT	Nhiệm vụ	Thời gian thực hiện
        I	PHÒNG NỘI VỤ
        1	Kế hoạch tuyên truyền năm 2024	Quý I/2024
        2	Báo cáo kết quả thực hiện	Quý IV/2024
        II	PHÒNG VĂN HÓA VÀ THÔNG TIN
        1	Định hướng nội dung tuyên truyền	Thường xuyên

    FAIL::

        PHỤ LỤC
        (Kèm theo Kế hoạch số 15/KH-UBND ngày 10/01/2024 của UBND thị xã)

        STT	Nhiệm vụ	Thời gian thực hiện
        I	CÁC CƠ QUAN CHUYÊN MÔN
        1	Triển khai kế hoạch tuyên truyền năm 2024	Quý I/2024
        1	Báo cáo kết quả thực hiện	Quý IV/2024
        2	Viết tin bài về CCHC năm 2024	Thường xuyên
    """  # noqa: W291 - a trailing tab is an empty last cell of a fragment row
    # a group is a run of consecutive rows under one group row: the same title further down
    # is another group (numbering may run on across groups)
    groups: list[tuple[str, list[Task]]] = []
    current: tuple | None = None
    for task in plan.tasks:
        if task.origin != "appendix":
            continue
        mark = (task.group or "", task.location.table if task.location and task.group is None else None)
        if mark != current:
            groups.append((task.group or "", []))
            current = mark
        groups[-1][1].append(task)
    for group, tasks in groups:
        seen: dict[int, Task] = {}
        previous: tuple[int, Task] | None = None
        for task in tasks:
            value = _task_number(task)
            if value is None:
                continue
            first = seen.get(value)
            if first is not None:
                if first.content == task.content or (task.part or 0) > 1 or first.id == task.id:
                    continue  # a sub-row of the same task
                yield task_numbering.finding(
                    config,
                    MESSAGES["task_duplicate"],
                    location=task.location,
                    excerpt=excerpt(task.content),
                    number=task.number,
                    group=f'"{excerpt(group, 40)}"' if group else "—",
                    other=describe(first.location, config.lang) or first.number,
                    related=[
                        {
                            "role": "first",
                            "excerpt": excerpt(first.content),
                            "location": first.location.model_dump(exclude_none=True) if first.location else None,
                        }
                    ],
                )
            elif previous is not None and value > previous[0] + 1:
                yield task_numbering.finding(
                    config,
                    MESSAGES["task_skipped"],
                    location=task.location,
                    excerpt=excerpt(task.content),
                    severity="info",
                    number=task.number,
                    previous=previous[1].number,
                    group=f'"{excerpt(group, 40)}"' if group else "—",
                )
            seen.setdefault(value, task)
            if previous is None or value > previous[0]:
                previous = (value, task)
