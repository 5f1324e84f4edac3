"""A PlanDiff as text for a terminal (rich; Vietnamese by default) or as JSON."""

from __future__ import annotations

import io
import json

from rich.console import Console
from rich.text import Text

from ..i18n import t
from .schema import PlanDiff, TaskChange, WordOp

STYLE = {"added": "green", "removed": "red", "changed": "yellow", "moved": "cyan", "unchanged": "dim"}


def to_json(diff: PlanDiff) -> str:
    return json.dumps(diff.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n"


def _label(task) -> str:
    number = f"{task.number}. " if task.number else ""
    group = f"[{task.group}] " if task.group else ""
    return f"{group}{number}"


def _short(text: str, width: int = 110) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _words_line(ops: list[WordOp]) -> Text:
    out = Text("      ")
    for op in ops:
        if op.op == "equal":
            # long unchanged runs are cut to their ends
            words = op.old.split()
            out.append(op.old if len(words) <= 12 else " ".join(words[:5]) + " … " + " ".join(words[-5:]))
        else:
            if op.old:
                out.append(f"[-{op.old}-]", style="red strike")
            if op.new:
                out.append(f"{{+{op.new}+}}", style="green")
        out.append(" ")
    return out


def _task_lines(change: TaskChange, lang: str) -> list[Text]:
    status = t(f"diff_status_{change.status}", lang)
    task = change.task
    lines = [Text.assemble((f"{status:<12}", STYLE[change.status] + " bold"), _label(task), _short(task.content))]
    if change.status == "moved" and change.old and change.new:
        lines.append(
            Text(f"      {t('diff_group', lang)}: {change.old.group or '—'} → {change.new.group or '—'}", style="cyan")
        )
    for field in change.changed:
        lines.append(Text(f"    {t('diff_field_' + field, lang)}:", style="bold"))
        lines.append(_words_line(change.words.get(field, [])))
    return lines


def to_text(diff: PlanDiff, lang: str = "vi", color: bool = False, width: int = 120) -> str:
    buffer = io.StringIO()
    console = Console(
        file=buffer, force_terminal=color, no_color=not color, width=width, highlight=False, soft_wrap=False
    )
    _report(console, diff, lang)
    return buffer.getvalue()


def to_html(diff: PlanDiff, lang: str = "vi") -> str:
    """The diff as a page of the report's shell and parts (`report.page.render_page`): header,
    headings and paragraph changes, the task changes as a table filterable by status, changed
    field and group, words struck out and inserted."""
    from ..report.page import render_page

    statuses = [
        s for s in ("added", "removed", "changed", "moved", "unchanged") if any(c.status == s for c in diff.tasks)
    ]
    fields = list(dict.fromkeys(f for c in diff.tasks for f in c.changed))
    groups = list(dict.fromkeys(c.task.group for c in diff.tasks if c.task.group))
    filters = [
        ("status", t("diff_status", lang), [(s, t(f"diff_status_{s}", lang)) for s in statuses]),
        ("field", t("diff_changed_field", lang), [(f, t(f"diff_field_{f}", lang)) for f in fields]),
        ("group", t("report_group", lang), [(g, g) for g in groups]),
    ]
    s = diff.summary
    summary = t(
        "diff_summary", lang, added=s.added, removed=s.removed, changed=s.changed, moved=s.moved, unchanged=s.unchanged
    )
    title = f"{t('diff_title', lang)}: {diff.files.old.path} → {diff.files.new.path}"
    return render_page("diff", lang, title, diff=diff, summary=summary, filters=filters)


def _report(console: Console, diff: PlanDiff, lang: str) -> None:
    console.print(Text(f"--- {diff.files.old.path}\n+++ {diff.files.new.path}", style="bold"))
    s = diff.summary
    console.print(
        t(
            "diff_summary",
            lang,
            added=s.added,
            removed=s.removed,
            changed=s.changed,
            moved=s.moved,
            unchanged=s.unchanged,
        )
    )
    if diff.header:
        console.print(Text(t("diff_header", lang), style="bold underline"))
        for h in diff.header:
            if isinstance(h.old, list) or isinstance(h.new, list):  # recipients: the items that differ
                console.print(f"  {h.field}:")
                old_items, new_items = h.old or [], h.new or []
                for item in old_items:
                    if item not in new_items:
                        console.print(Text(f"    - {item}", style="red"))
                for item in new_items:
                    if item not in old_items:
                        console.print(Text(f"    + {item}", style="green"))
                continue
            console.print(f"  {h.field}: {h.old if h.old is not None else '—'} → {h.new if h.new is not None else '—'}")
    sections = diff.sections
    if sections.added or sections.removed or sections.changed:
        console.print(Text(t("diff_sections", lang), style="bold underline"))
        for sec in sections.removed:
            console.print(Text(f"  - {sec.number}. {_short(sec.title)}", style="red"))
        for sec in sections.added:
            console.print(Text(f"  + {sec.number}. {_short(sec.title)}", style="green"))
        for edit in sections.changed:
            console.print(Text(f"  ~ {edit.new.number}. {_short(edit.new.title)}", style="yellow"))
            console.print(_words_line(edit.words))
    paras = diff.paragraphs
    if paras.added or paras.removed or paras.changed:
        console.print(Text(t("diff_paragraphs", lang, unchanged=paras.unchanged), style="bold underline"))
        for text in paras.removed:
            console.print(Text(f"  - {_short(text)}", style="red"))
        for text in paras.added:
            console.print(Text(f"  + {_short(text)}", style="green"))
        for para in paras.changed:
            console.print(Text(f"  ~ {_short(para.section or '', 60)}", style="yellow"))
            console.print(_words_line(para.words))
    shown = [c for c in diff.tasks if c.status != "unchanged"]
    if shown:
        console.print(Text(t("diff_tasks", lang), style="bold underline"))
        for change in shown:
            for line in _task_lines(change, lang):
                console.print(line)
    if diff.same:
        console.print(t("diff_same", lang))
