"""Human output (rich): findings grouped by file, each with location, severity, rule and
excerpt, then one summary line. Vietnamese by default, English with --lang en."""
from __future__ import annotations

from typing import IO

from rich.console import Console
from rich.markup import escape

from ..registry import Rule
from ..util import describe
from . import SEVERITY_WORDS, FileResult, counts

STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}
WORDS = {
    "vi": {"clean": "không có vấn đề nào", "unreadable": "không đọc được", "summary": "Tổng cộng",
           "in": "trong", "files": "tệp", "none": "Không có vấn đề nào", "doc": "toàn văn bản"},
    "en": {"clean": "no problems", "unreadable": "unreadable", "summary": "Total",
           "in": "in", "files": "file(s)", "none": "No problems", "doc": "whole document"},
}


def emit(results: list[FileResult], rules: list[Rule], lang: str, stream: IO[str]) -> None:
    console = Console(file=stream, highlight=False, soft_wrap=True)
    w = WORDS.get(lang, WORDS["vi"])
    sev = SEVERITY_WORDS.get(lang, SEVERITY_WORDS["vi"])
    width = max((len(sev[s]) for s in sev), default=8)
    for res in results:
        console.print(f"[bold]{escape(res.path)}[/bold]")
        if res.error:
            console.print(f"  [bold red]{escape(w['unreadable'])}:[/bold red] {escape(res.error)}")
            continue
        if not res.findings:
            console.print(f"  [green]{w['clean']}[/green]")
            continue
        places = [describe(f.location, lang) or w["doc"] for f in res.findings]
        column = min(max(len(p) for p in places), 30)
        for f, where in zip(res.findings, places):
            console.print(f"  [dim]{escape(where):<{column}}[/dim]  [{STYLE[f.severity]}]{sev[f.severity]:<{width}}[/] "
                          f"[bold]{f.code}[/bold] [dim]{f.rule}[/dim]  {escape(f.message)}")
            if f.excerpt:
                console.print(f"  {'':<{column}}  [dim]│ {escape(f.excerpt)}[/dim]")
    c = counts(results)
    unreadable = sum(1 for r in results if r.error)
    total = sum(c.values())
    if total:
        line = f"{w['summary']}: " + ", ".join(_count(c[s], s, lang) for s in ("error", "warning", "info"))
    else:
        line = w["none"]
    line += f" {w['in']} {len(results)} {w['files']}"
    if unreadable:
        line += f" ({unreadable} {w['unreadable']})"
    console.print(f"[bold]{escape(line)}[/bold]")


def _count(n: int, severity: str, lang: str) -> str:
    word = SEVERITY_WORDS.get(lang, SEVERITY_WORDS["vi"])[severity]
    if lang == "en" and n != 1 and severity != "info":
        word += "s"
    return f"{n} {word}"
