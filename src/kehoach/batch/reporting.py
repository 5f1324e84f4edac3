"""Progress on the terminal (`ConsoleReporter`) and the final summary (text or JSON)."""

from __future__ import annotations

import os
import sys
import time
from typing import TYPE_CHECKING, Any

from ..i18n import t
from ..outputs import shown
from .conversion import ConvertResult, Parsed
from .discovery import Source
from .jobs import BatchResult, Outcome, Reporter

if TYPE_CHECKING:  # rich is imported only when a bar is drawn
    from rich.progress import Progress, TaskID


class ConsoleReporter(Reporter):
    """A rich progress bar (done/total, current file, rate, ETA) on a terminal, with failures
    printed above it; without a terminal (or in CI, or `quiet`), failures only, one line each."""

    def __init__(
        self,
        lang: str = "vi",
        *,
        bar: bool | None = None,
        quiet: bool = False,
        print_failures: bool = True,
        stream: Any = None,
    ) -> None:
        self.lang = lang
        self.stream = stream or sys.stderr
        self.quiet = quiet
        self.print_failures = print_failures
        if bar is None:
            bar = not quiet and _interactive(self.stream)
        self.bar = bar
        self._progress: Progress | None = None
        self._task: TaskID | None = None  # set with _progress
        self._began = 0.0
        self._done = 0

    def start(self, total: int) -> None:
        self._began = time.perf_counter()
        if not self.bar or total < 2:
            return
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        console = Console(file=self.stream)
        progress = Progress(
            BarColumn(bar_width=24),
            MofNCompleteColumn(),
            TextColumn("{task.fields[rate]}"),
            TimeRemainingColumn(),
            TextColumn("{task.fields[current]}", style="dim"),
            console=console,
            transient=True,
        )
        self._task = progress.add_task("kehoach", total=total, rate="", current="")
        progress.start()
        self._progress = progress

    def started(self, source: Source) -> None:
        if self._progress is not None and self._task is not None:
            name = shown(source.name)
            name = name if len(name) <= 40 else "…" + name[-39:]
            self._progress.update(self._task, current=name)

    def finished(self, outcome: Outcome) -> None:
        self._done += 1
        if outcome.error and (self.print_failures or self._progress is not None):
            self.line(f"{_prefix(self.lang)}: {outcome.error}")
        if self._progress is not None and self._task is not None:
            elapsed = max(1e-6, time.perf_counter() - self._began)
            self._progress.update(
                self._task, advance=1, rate=f"{self._done / elapsed:.1f} {t('files_per_s', self.lang)}"
            )

    def line(self, text: str) -> None:
        if self._progress is not None:
            self._progress.console.print(text, markup=False, highlight=False)
        else:
            print(text, file=self.stream, flush=True)

    def close(self) -> None:
        if self._progress is not None:
            self._progress.stop()
            self._progress = None


def _interactive(stream: Any) -> bool:
    if os.environ.get("CI"):
        return False
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def _prefix(lang: str) -> str:
    return "lỗi" if lang == "vi" else "error"


def summary_dict(result: ConvertResult | BatchResult) -> dict[str, Any]:
    """The machine-readable summary of a run (`--summary json`)."""
    batch = result.batch if isinstance(result, ConvertResult) else result
    done = batch.done
    parsed = [o for o in done if o.ok and isinstance(o.value, Parsed)]
    not_plans = [
        {"file": shown(o.source.name), "document_type": o.value.document_type} for o in parsed if not o.value.is_plan
    ]
    with_diagnostics = [
        {"file": shown(o.source.name), "count": o.value.diagnostics} for o in parsed if o.value.diagnostics
    ]
    converted = result if isinstance(result, ConvertResult) else None
    return {
        "total": len(batch.outcomes),
        "ok": sum(1 for o in done if o.ok),
        "failed": sum(1 for o in done if not o.ok),
        "not_run": len(batch.outcomes) - len(done),
        "interrupted": batch.interrupted,
        "jobs": batch.jobs,
        "seconds": round(batch.seconds, 3),
        "peak_rss_mb": max((o.peak_rss_mb for o in done), default=0.0),
        "written": [shown(p) for p in converted.written] if converted else [],
        "failures": [{"file": shown(o.source.name), "reason": o.error} for o in done if not o.ok],
        "not_a_plan": len(not_plans),
        "not_a_plan_files": not_plans,
        "with_diagnostics": len(with_diagnostics),
        "diagnostics_files": with_diagnostics,
        "skipped": len(converted.skipped) if converted else 0,
        "skipped_files": list(converted.skipped) if converted else [],
        "output_errors": list(converted.output_errors) if converted else [],
    }


def summary_text(result: ConvertResult | BatchResult, lang: str = "vi") -> str:
    """A short human summary: counts, time, rate, then every failure as `file → reason`."""
    s = summary_dict(result)
    rate = s["total"] / s["seconds"] if s["seconds"] else 0.0
    lines = [
        t(
            "summary",
            lang,
            ok=s["ok"],
            total=s["total"],
            failed=s["failed"],
            seconds=f"{s['seconds']:.1f}",
            rate=f"{rate:.1f}",
            jobs=s["jobs"],
        )
    ]
    if s["written"]:
        lines.append(t("summary_written", lang, count=len(s["written"])))
    if s["not_a_plan"]:
        lines.append(t("summary_not_plans", lang, count=s["not_a_plan"]))
    if s["with_diagnostics"]:
        lines.append(t("summary_diagnostics", lang, count=s["with_diagnostics"]))
    if s["skipped"]:
        lines.append(t("summary_skipped", lang, count=s["skipped"]))
    if s["interrupted"]:
        lines.append(t("interrupted", lang, count=s["not_run"]))
    for f in s["failures"]:
        reason = f["reason"]
        name = f["file"]
        reason = reason[len(name) + 2 :] if reason.startswith(name + ": ") else reason
        lines.append(f"  {name} → {reason}")
    return "\n".join(lines)
