"""GitHub Actions workflow commands: `::warning file=…,line=…,title=…::message`."""

from __future__ import annotations

from typing import IO

from ...models import Finding
from ..registry import Rule
from . import FileResult

COMMAND = {"error": "error", "warning": "warning", "info": "notice"}


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _prop(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def line(f: Finding, path: str) -> str:
    props = [f"file={_prop(f.file or path)}"]
    if f.location and f.location.line:
        props.append(f"line={f.location.line}")
    props.append(f"title={_prop(f'{f.code} {f.rule}')}")
    message = f.message + (f" — {f.excerpt}" if f.excerpt else "")
    return f"::{COMMAND[f.severity]} {','.join(props)}::{_data(message)}"


def emit(results: list[FileResult], rules: list[Rule], lang: str, stream: IO[str]) -> None:
    for res in results:
        if res.error:
            stream.write(f"::error file={_prop(res.path)},title=kehoach::{_data(res.error)}\n")
        for f in res.findings:
            stream.write(line(f, res.path) + "\n")
