"""One self-contained HTML page for one or several parsed plans and their findings.

Reads only the models (`Plan`, `Finding`); the caller parses and validates. Jinja2 with
autoescaping: every text from a document is escaped; the charts are SVG built escaped in
`charts`, and the CSS and script are constants of `template`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from jinja2 import DictLoader, Environment
from markupsafe import Markup

from ..i18n import MESSAGES, t
from ..models import Finding, Location, Plan, Task
from ..options import package_version
from . import charts
from .template import CSS, DIFF, PARTS, REPORT, SCRIPT, SHELL, VALIDATE

SEVERITY = {
    "vi": {"error": "lỗi", "warning": "cảnh báo", "info": "thông tin"},
    "en": {"error": "error", "warning": "warning", "info": "info"},
}


@dataclass
class PlanInput:
    """One plan of the report: its name as the user gave it, the plan, the validator's findings."""

    name: str
    plan: Plan
    findings: list[Finding] = field(default_factory=list)


@dataclass
class Row:
    task: Task
    units: str
    group: str
    kind: str
    origin: str
    colour: str
    where: str
    order: int


def where(loc: Location | None, lang: str = "vi") -> str:
    """'tr. 3 · bảng 2 · dòng 5' — the provenance of a task or finding, short."""
    if loc is None:
        return ""
    parts = []
    if loc.page is not None:
        parts.append(f"{t('report_page', lang)} {'~' if loc.page_approx else ''}{loc.page}")
    if loc.table is not None:
        parts.append(f"{t('report_table', lang)} {loc.table}")
        if loc.row is not None:
            parts.append(f"{t('report_row', lang)} {loc.row}")
    elif loc.line is not None:
        parts.append(f"{t('report_line', lang)} {loc.line}")
    return " · ".join(parts)


def _order(loc: Location | None) -> int:
    if loc is None:
        return 10**9
    return (loc.page or 0) * 10**6 + (loc.block if loc.block is not None else loc.line or 0) * 100 + (loc.row or 0)


def _signer(plan: Plan) -> str:
    s = plan.header.signer
    return " — ".join(x for x in (s.authority, s.position, s.name) if x)


def _filters(plan: Plan, rows: list[Row], lang: str) -> list[tuple[str, str, list[tuple[str, str]]]]:
    units: dict[str, str] = {}
    for task in plan.tasks:
        for u in [*task.lead, *task.support]:
            units.setdefault(u.key, u.name)
    groups = list(dict.fromkeys(task.group for task in plan.tasks if task.group))
    origins = list(dict.fromkeys(task.origin for task in plan.tasks))
    kinds = list(dict.fromkeys(r.kind for r in rows))
    return [
        ("unit", t("report_unit", lang), sorted(units.items(), key=lambda kv: kv[1])),
        ("group", t("report_group", lang), [(g, g) for g in groups]),
        ("origin", t("report_origin", lang), [(o, t(f"report_origin_{o}", lang)) for o in origins]),
        ("kind", t("report_kind", lang), [(k, k) for k in kinds]),
    ]


def _view(item: PlanInput, lang: str) -> dict:
    plan = item.plan
    colours = charts.group_colours(plan.tasks)
    rows = []
    for task in plan.tasks:
        keys = list(dict.fromkeys(u.key for u in [*task.lead, *task.support]))
        rows.append(
            Row(
                task,
                "|".join(keys),
                task.group or "",
                task.timeline.kind if task.timeline else "none",
                t(f"report_origin_{task.origin}", lang),
                colours.get(task.group or "", charts.NO_GROUP),
                where(task.location, lang),
                _order(task.location),
            )
        )
    dated = len(charts.spans(plan.tasks))
    doctype = plan.document_type
    return {
        "name": item.name,
        "plan": plan,
        "findings": item.findings,
        "rows": rows,
        "colours": colours,
        "signer": _signer(plan),
        "timeline": charts.timeline_svg(plan, lang),
        "workload": charts.workload_svg([plan], lang),
        "undated": len(plan.tasks) - dated,
        "filters": _filters(plan, rows, lang),
        "doctype": t(f"doctype_{doctype}", lang) if f"doctype_{doctype}" in MESSAGES else doctype,
    }


_ENV = Environment(
    loader=DictLoader({"page": SHELL, "parts": PARTS, "report": REPORT, "validate": VALIDATE, "diff": DIFF}),
    autoescape=True,
    trim_blocks=True,
    lstrip_blocks=True,
)


def render_page(name: str, lang: str, page_title: str, **context) -> str:
    """The one page renderer: the shell (head, CSS, script, footer) around the contents `name`."""
    lang = lang if lang in SEVERITY else "vi"
    return _ENV.get_template(name).render(
        lang=lang,
        page_title=page_title,
        version=package_version(),
        css=Markup(CSS),
        script=Markup(SCRIPT),
        severity=SEVERITY[lang],
        T=lambda key, **kw: t(key, lang, **kw),
        where=lambda loc: where(loc, lang),
        **context,
    )


def render(items: list[PlanInput], lang: str = "vi") -> str:
    """The whole page for `items` (one section per plan, a combined workload chart for several)."""
    lang = lang if lang in SEVERITY else "vi"
    views = [_view(item, lang) for item in items]
    if len(items) == 1:
        h = items[0].plan.header
        title = h.title or " ".join(x for x in (h.doc_type, h.number) if x) or Path(items[0].name).name
        page_title = f"{t('report_title', lang)}: {title if len(title) <= 120 else title[:119] + '…'}"
    else:
        page_title = f"{t('report_title', lang)} ({len(items)})"
    return render_page(
        "report",
        lang,
        page_title,
        views=views,
        combined=charts.workload_svg([i.plan for i in items], lang) if len(items) > 1 else None,
    )
