"""Human output (rich): findings grouped by file, each with location, severity, rule and
excerpt, then one summary line. Vietnamese by default, English with --lang en.

An unreadable file's reason is printed once, on stderr, by the command; here it is only
counted, and the summary never calls a file it could not read "clean"."""

from __future__ import annotations

from typing import IO

from rich.console import Console
from rich.markup import escape

from ..registry import Rule
from ..util import describe
from . import SEVERITY_WORDS, FileResult, counts

STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}
WORDS = {
    "vi": {
        "clean": "không có vấn đề nào",
        "summary": "Tổng cộng",
        "in": "trong",
        "files": "tệp",
        "none": "Không có vấn đề nào",
        "doc": "toàn văn bản",
        "checked": "tệp đã kiểm tra",
        "unreadable": "{n} tệp không đọc được",
        "nothing": "không kiểm tra được tệp nào",
    },
    "en": {
        "clean": "no problems",
        "summary": "Total",
        "in": "in",
        "files": "file(s)",
        "none": "No problems",
        "doc": "whole document",
        "checked": "checked file(s)",
        "unreadable": "{n} file(s) unreadable",
        "nothing": "nothing was checked",
    },
}


def emit(results: list[FileResult], rules: list[Rule], lang: str, stream: IO[str]) -> None:
    console = Console(file=stream, highlight=False, soft_wrap=True)
    w = WORDS.get(lang, WORDS["vi"])
    sev = SEVERITY_WORDS.get(lang, SEVERITY_WORDS["vi"])
    width = max((len(sev[s]) for s in sev), default=8)
    for res in results:
        if res.error:
            continue  # its reason is already on stderr (validate/cli.py), one line
        console.print(f"[bold]{escape(res.path)}[/bold]")
        if not res.findings:
            console.print(f"  [green]{w['clean']}[/green]")
            continue
        places = [describe(f.location, lang) or w["doc"] for f in res.findings]
        column = min(max(len(p) for p in places), 30)
        for f, where in zip(res.findings, places, strict=True):
            console.print(
                f"  [dim]{escape(where):<{column}}[/dim]  [{STYLE[f.severity]}]{sev[f.severity]:<{width}}[/] "
                f"[bold]{f.code}[/bold] [dim]{f.rule}[/dim]  {escape(f.message)}"
            )
            if f.excerpt:
                console.print(f"  {'':<{column}}  [dim]│ {escape(f.excerpt)}[/dim]")
    console.print(f"[bold]{escape(summary_line(results, lang))}[/bold]")


def summary_line(results: list[FileResult], lang: str) -> str:
    """ "Tổng cộng: 1 lỗi, … trong 2 tệp đã kiểm tra; 1 tệp không đọc được" — or, when no file
    could be read, "1 tệp không đọc được; không kiểm tra được tệp nào" (never "no problems")."""
    w = WORDS.get(lang, WORDS["vi"])
    unreadable = sum(1 for r in results if r.error)
    checked = len(results) - unreadable
    if unreadable and not checked:
        return f"{w['unreadable'].format(n=unreadable)}; {w['nothing']}"
    c = counts(results)
    if sum(c.values()):
        line = f"{w['summary']}: " + ", ".join(_count(c[s], s, lang) for s in ("error", "warning", "info"))
    else:
        line = w["none"]
    line += f" {w['in']} {checked} {w['checked'] if unreadable else w['files']}"
    if unreadable:
        line += f"; {w['unreadable'].format(n=unreadable)}"
    return line


def _count(n: int, severity: str, lang: str) -> str:
    word = SEVERITY_WORDS.get(lang, SEVERITY_WORDS["vi"])[severity]
    if lang == "en" and n != 1 and severity != "info":
        word += "s"
    return f"{n} {word}"
