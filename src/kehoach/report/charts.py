"""Inline SVG charts drawn from the models (no JavaScript: they print and show without scripts).

Every text that comes from a document goes through `_e` (XML escaping); the functions return
`Markup` so the page template inserts them as they are.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass
from datetime import date
from html import escape

from markupsafe import Markup

from ..i18n import t
from ..models import Plan, Task

PALETTE = (
    "#1f77b4",
    "#d62728",
    "#2ca02c",
    "#9467bd",
    "#ff7f0e",
    "#17becf",
    "#8c564b",
    "#e377c2",
    "#7f7f7f",
    "#bcbd22",
    "#393b79",
    "#637939",
)
NO_GROUP = "#6b7280"
BANDS = ("recurring", "ongoing")  # drawn as light bands over their span
MARKS = ("deadline", "date")  # drawn as a mark at their end


def _e(text: object) -> str:
    return escape(str(text), quote=True)


def _day(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


@dataclass
class Span:
    task: Task
    start: date | None
    end: date


def group_colours(tasks: list[Task]) -> OrderedDict[str, str]:
    """Group name -> colour, in order of first appearance (tasks without a group are grey)."""
    out: OrderedDict[str, str] = OrderedDict()
    for task in tasks:
        if task.group and task.group not in out:
            out[task.group] = PALETTE[len(out) % len(PALETTE)]
    return out


def spans(tasks: list[Task]) -> list[Span]:
    """The tasks with a date on the calendar: a span (start..end) or a mark (end only)."""
    out = []
    for task in tasks:
        tl = task.timeline
        if tl is None:
            continue
        start, end = _day(tl.start), _day(tl.end)
        if end is None and start is not None:
            end = start
        if end is None:
            continue
        if tl.kind in MARKS or start is None:
            start = None
        out.append(Span(task, min(start, end) if start else None, max(start, end) if start else end))
    return out


def _months(a: date, b: date) -> int:
    return (b.year - a.year) * 12 + b.month - a.month + 1


def _ticks(lo: date, months: int, lang: str) -> tuple[list[tuple[int, str]], str]:
    """(month offset, label) for the axis: months, quarters or years as the period allows."""
    if months <= 18:
        unit = "month"
        labels = []
        for i in range(months):
            y, m = divmod(lo.month - 1 + i, 12)
            labels.append((i, f"{m + 1:02d}/{str(lo.year + y)[2:]}"))
        return labels, unit
    if months <= 36:
        labels = []
        for i in range(months):
            y, m = divmod(lo.month - 1 + i, 12)
            if m % 3 == 0:
                q = ("I", "II", "III", "IV")[m // 3]
                labels.append((i, f"{t('report_quarter', lang)} {q}/{str(lo.year + y)[2:]}"))
        return labels, "quarter"
    return [(i, str(lo.year + (lo.month - 1 + i) // 12)) for i in range(months) if (lo.month - 1 + i) % 12 == 0], "year"


def timeline_svg(plan: Plan, lang: str = "vi") -> Markup | None:
    """Tasks on the plan's calendar: bars for periods, light bands for recurring / ongoing
    ("thường xuyên") tasks, diamonds for deadlines; coloured by group. None when no task has a date."""
    items = spans(plan.tasks)
    if not items:
        return None
    colours = group_colours(plan.tasks)
    lo = min(s.start or s.end for s in items)
    hi = max(s.end for s in items)
    lo = date(lo.year, lo.month, 1)
    months = _months(lo, hi)
    ticks, _unit = _ticks(lo, months, lang)
    left, width, row, top = 64, 900, 14, 28
    plot = width - left - 10
    height = top + row * len(items) + 10
    per_month = plot / months

    def x(d: date) -> float:
        m = (d.year - lo.year) * 12 + d.month - lo.month
        days = 31 if d.month in (1, 3, 5, 7, 8, 10, 12) else 30
        return left + per_month * (m + (d.day - 1) / days)

    parts = [
        f'<svg class="chart timeline" viewBox="0 0 {width} {height}" width="100%" role="img" '
        f'xmlns="http://www.w3.org/2000/svg" aria-label="{_e(t("report_timeline", lang))}">'
    ]
    spacing = per_month * (ticks[1][0] - ticks[0][0]) if len(ticks) > 1 else plot
    widest = max(len(label) for _, label in ticks) * 6 + 8
    step = max(1, -(-widest // int(max(spacing, 1))))
    for n, (i, label) in enumerate(ticks):
        gx = left + per_month * i
        parts.append(f'<line x1="{gx:.1f}" y1="{top - 6}" x2="{gx:.1f}" y2="{height - 6}" class="grid"/>')
        if n % step == 0:
            parts.append(f'<text x="{gx + 2:.1f}" y="{top - 10}" class="tick">{_e(label)}</text>')
    for n, s in enumerate(items):
        y = top + n * row
        task, tl = s.task, s.task.timeline
        colour = colours.get(task.group or "", NO_GROUP)
        tip = f"{task.id} · {tl.raw if tl else ''} · {task.content[:160]}"
        parts.append(
            f'<g><title>{_e(tip)}</title><text x="{left - 6}" y="{y + row - 4}" class="rowlabel">{_e(task.id)}</text>'
        )
        if s.start is None:
            cx, cy, r = x(s.end), y + row / 2, row / 2 - 2
            parts.append(
                f'<path d="M{cx:.1f} {cy - r:.1f} L{cx + r:.1f} {cy:.1f} L{cx:.1f} {cy + r:.1f} '
                f'L{cx - r:.1f} {cy:.1f} Z" fill="{colour}" class="mark"/>'
            )
        else:
            x0, x1 = x(s.start), max(x(s.end) + per_month / 31, x(s.start) + 2)
            cls = "band" if tl and tl.kind in BANDS else "bar"
            parts.append(
                f'<rect x="{x0:.1f}" y="{y + 2}" width="{x1 - x0:.1f}" height="{row - 4}" '
                f'fill="{colour}" class="{cls}"/>'
            )
        parts.append("</g>")
    parts.append("</svg>")
    return Markup("".join(parts))


def workload(plans: list[Plan], top: int = 20) -> list[tuple[str, int, int]]:
    """(unit name, tasks as lead, tasks as support) for the `top` busiest units, units compared
    by their key (the first spelling met is shown)."""
    names: dict[str, str] = {}
    lead: dict[str, int] = {}
    support: dict[str, int] = {}
    for plan in plans:
        for task in plan.tasks:
            for counter, units in ((lead, task.lead), (support, task.support)):
                for key in {u.key for u in units}:
                    counter[key] = counter.get(key, 0) + 1
                for u in units:
                    names.setdefault(u.key, u.name)
    keys = sorted(names, key=lambda k: (-(lead.get(k, 0) + support.get(k, 0)), -lead.get(k, 0), names[k]))
    return [(names[k], lead.get(k, 0), support.get(k, 0)) for k in keys[:top]]


def workload_svg(plans: list[Plan], lang: str = "vi", top: int = 20) -> Markup | None:
    """Horizontal bars: tasks per unit as lead (solid) and as support (light), the top units."""
    rows = workload(plans, top)
    if not rows:
        return None
    left, width, row, top_pad = 300, 900, 18, 8
    plot = width - left - 40
    most = max(a + b for _, a, b in rows) or 1
    height = top_pad + row * len(rows) + 24
    parts = [
        f'<svg class="chart workload" viewBox="0 0 {width} {height}" width="100%" role="img" '
        f'xmlns="http://www.w3.org/2000/svg" aria-label="{_e(t("report_workload", lang))}">'
    ]
    for n, (name, a, b) in enumerate(rows):
        y = top_pad + n * row
        shown = name if len(name) <= 44 else name[:43] + "…"
        wa, wb = plot * a / most, plot * b / most
        parts.append(
            f"<g><title>{_e(name)}: {a} {_e(t('report_as_lead', lang))}, {b} "
            f"{_e(t('report_as_support', lang))}</title>"
            f'<text x="{left - 6}" y="{y + row - 5}" class="rowlabel">{_e(shown)}</text>'
            f'<rect x="{left}" y="{y + 2}" width="{wa:.1f}" height="{row - 4}" class="lead"/>'
            f'<rect x="{left + wa:.1f}" y="{y + 2}" width="{wb:.1f}" height="{row - 4}" class="support"/>'
            f'<text x="{left + wa + wb + 4:.1f}" y="{y + row - 5}" class="count">{a}+{b}</text></g>'
        )
    ly = height - 8
    parts.append(
        f'<rect x="{left}" y="{ly - 9}" width="12" height="10" class="lead"/>'
        f'<text x="{left + 16}" y="{ly}" class="tick">{_e(t("report_as_lead", lang))}</text>'
        f'<rect x="{left + 140}" y="{ly - 9}" width="12" height="10" class="support"/>'
        f'<text x="{left + 156}" y="{ly}" class="tick">{_e(t("report_as_support", lang))}</text>'
    )
    parts.append("</svg>")
    return Markup("".join(parts))
