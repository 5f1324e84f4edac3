"""`kehoach parse` on a batch: parse each source in a worker, render JSON/CSV there, and
write the outputs (one per input and format under -o DIR, registers, stdout) atomically.
"""

from __future__ import annotations

import dataclasses
import json
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..defaults import DEFAULT_MEMORY_MB, DEFAULT_TIMEOUT, REGISTER_STEM, TEXT_FORMATS
from ..errors import KehoachError
from ..outputs import InputGuard, OutputError, check_target, probe_folder, shown, write_output
from .discovery import Source, UsageError
from .jobs import BatchResult, Outcome, Reporter
from .runner import run


@dataclass(frozen=True)
class ParseOptions:
    formats: tuple[str, ...] = ("json",)  # text formats rendered by the worker, one text each
    keep_plan: bool = False  # send the Plan back (JSON list of several plans on stdout)
    rows: bool = False  # send the register rows back (xlsx, combined CSV)
    ocr: bool = False


@dataclass
class Parsed:
    texts: dict[str, str]
    plan: Any = None
    tasks: int = 0
    xlsx_rows: Any = None  # xlsx_out.plan_rows(plan)
    csv_rows: str = ""  # the plan's rows of the combined CSV (source column first)
    document_type: str = "ke_hoach"
    is_plan: bool = True
    diagnostics: int = 0  # len(plan.diagnostics)


def parse_source(source: Source, ocr: bool = False) -> Any:
    """A Source -> Plan: a file through `api.parse`, standard input through the text parser."""
    from .. import api

    if source.is_stdin:
        from ..parsers.text import decode

        if not source.data:
            raise KehoachError(source.name, "empty")
        text = decode(source.data, source.name)
        if not text.strip():
            raise KehoachError(source.name, "no_text")
        return api.parse_text(text, name=source.name)
    return api.parse(source.name, ocr=True) if ocr else api.parse(source.name)


def render(plans: list[Any], fmt: str, many: bool | None = None) -> str:
    """Text of one plan, or of several (`many`: a JSON list; CSV with the source file first)."""
    from ..export.csv_out import plan_csv
    from ..export.json_out import plan_data, plan_json

    many = len(plans) != 1 if many is None else many
    if fmt == "json":
        if not many:
            return plan_json(plans[0])
        return json.dumps([plan_data(p) for p in plans], ensure_ascii=False, indent=2) + "\n"
    if fmt == "csv":
        return plan_csv(plans, with_source=many)
    if fmt == "parquet":  # bytes: rendered by the worker like a text, written like xlsx
        from ..export.parquet_out import plan_parquet

        return plan_parquet(plans, with_source=many)  # type: ignore[return-value]
    raise ValueError(fmt)


def parse_job(source: Source, options: ParseOptions) -> Parsed:
    """The worker's job for `kehoach parse`: parse, render the text formats, travel light."""
    plan = parse_source(source, options.ocr)
    plan.source.path = shown(plan.source.path)  # a name that is not UTF-8 is written with escapes
    parsed = Parsed(
        {fmt: render([plan], fmt) for fmt in options.formats},
        None,
        len(plan.tasks),
        document_type=plan.document_type,
        is_plan=plan.is_plan,
        diagnostics=len(plan.diagnostics),
    )
    if options.rows:  # registers are built from plain rows: light to send and keep
        from ..export.xlsx_out import plan_rows

        parsed.xlsx_rows = plan_rows(plan)
        with_source = render([plan], "csv", many=True)
        parsed.csv_rows = with_source[with_source.index("\r\n") + 2 :]  # without BOM and header
    if options.keep_plan:
        plan._document = None  # the blocks stay behind
        parsed.plan = plan
    return parsed


def write_atomic(path: Path, data: str | bytes, guard: InputGuard | None = None) -> None:
    """Write one output: atomically onto a regular file or a new path, streamed into a device
    or a FIFO, never over an input (see `outputs`). Raises OutputError (one line)."""
    write_output(path, data, guard)


SUFFIX = {"json": ".json", "csv": ".csv", "xlsx": ".xlsx", "parquet": ".parquet"}


def output_targets(sources: Sequence[Source], outdir: Path, formats: Sequence[str]) -> dict[tuple[int, str], Path]:
    """Where each input's outputs go under `outdir`, mirroring the input tree.

    `a/b.docx` -> `a/b.json`; when two inputs would share a target (`b.docx`, `b.pdf`) both
    keep their suffix (`b.docx.json`, `b.pdf.json`), and any further clash gets a number.
    """
    plain: dict[str, list[int]] = {}
    for i, s in enumerate(sources):
        stem = str(Path(s.rel).with_suffix("")) if Path(s.rel).suffix else s.rel
        plain.setdefault(stem.casefold(), []).append(i)
    stems: dict[int, str] = {}
    used: set[str] = set()
    for i, s in enumerate(sources):
        stem = str(Path(s.rel).with_suffix("")) if Path(s.rel).suffix else s.rel
        if len(plain[stem.casefold()]) > 1:
            stem = s.rel
        candidate, n = stem, 2
        while candidate.casefold() in used:
            candidate, n = f"{stem}.{n}", n + 1
        used.add(candidate.casefold())
        stems[i] = candidate
    return {(i, fmt): outdir / f"{stems[i]}{SUFFIX[fmt]}" for i in range(len(sources)) for fmt in formats}


@dataclass
class ConvertResult:
    batch: BatchResult
    written: list[Path] = field(default_factory=list)
    stdout: list[str] = field(default_factory=list)  # texts for standard output, in order
    skipped: list[str] = field(default_factory=list)  # .txt/.md of a folder walk that are not documents
    output_errors: list[str] = field(default_factory=list)  # the single output / a register not written

    @property
    def failed(self) -> int:
        return len(self.batch.failures)


@dataclass(frozen=True)
class Layout:
    """Where `kehoach parse` puts its outputs, decided (and checked) before anything runs.

    - "stdout": the texts go to standard output (one plan: its JSON/CSV; several: a JSON
      list / one CSV with the source column);
    - "file": one source, one format, `-o` not a folder: that file;
    - "folder": one file per input and per format (xlsx too: one workbook per input),
      written as soon as that input is done, plus, for several inputs with --combined, the
      registers built from all plans after the run: one CSV of all tasks and, when xlsx is
      asked for, one workbook of all tasks.
    """

    mode: str
    formats: tuple[str, ...]
    several: bool
    per_file: tuple[str, ...] = ()
    registers: tuple[str, ...] = ()

    @classmethod
    def decide(cls, count: int, formats: Sequence[str], output: str | Path | None, combined: bool) -> Layout:
        """`output` as typed: a trailing "/" asks for a folder even when it does not exist yet."""
        formats = tuple(dict.fromkeys(formats))
        several = count > 1
        if output is None:
            if "xlsx" in formats:
                raise UsageError("xlsx_needs_output")
            if "parquet" in formats:
                raise UsageError("parquet_needs_output")
            return cls("stdout", formats, several)
        if not several and len(formats) == 1 and not combined and not _is_dir(output):
            return cls("file", formats, several)
        output = Path(output)
        if output.exists() and not output.is_dir():
            raise UsageError("output_not_dir", path=output)
        registers = (("xlsx",) if "xlsx" in formats else ()) + ("csv",) if several and combined else ()
        return cls("folder", formats, several, formats, registers)

    def options(self, ocr: bool) -> ParseOptions:
        """What the workers render (text formats) and whether they send the Plan back."""
        text = tuple(f for f in self.formats if f in TEXT_FORMATS)
        if self.mode == "folder":
            text = tuple(f for f in self.per_file if f in TEXT_FORMATS)
        elif self.mode == "stdout" and self.several:
            text = ()  # rendered once from all plans after the run
        return ParseOptions(
            formats=text,
            keep_plan=self.mode == "stdout" and self.several,
            rows="xlsx" in self.formats or bool(self.registers),
            ocr=ocr,
        )


def convert(
    sources: Sequence[Source],
    formats: Sequence[str],
    *,
    output: str | Path | None = None,
    combined: bool = False,
    ocr: bool = False,
    jobs: int | None = None,
    timeout: float | None = DEFAULT_TIMEOUT,
    lang: str = "vi",
    reporter: Reporter | None = None,
    memory_mb: int = DEFAULT_MEMORY_MB,
    on_write: Callable[[Path], None] | None = None,
    bom: bool = False,
    skipped: Sequence[str] = (),
    engine: Callable[..., None] | None = None,
) -> ConvertResult:
    """`kehoach parse`: parse every source and write its outputs where `Layout` says.

    Per-input files are written as each input finishes (an interrupted run leaves complete
    files only); a failed input writes nothing, so an older good output of it stays as it was.

    No output ever lands on an input: `-o FILE` resolving to an input (path or inode) is a
    usage error before anything runs; under `-o DIR` an input whose output would land on an
    input fails alone. An output that cannot be written raises OutputError before the run
    when that can be known (`-o` a directory, a socket, an unwritable folder); a per-input
    write failure fails that input; the single output or a register not written is listed in
    `output_errors`. CSV on standard output has no BOM unless `bom` (files keep it, for Excel).
    """
    layout = Layout.decide(len(sources), formats, output, combined)
    if "parquet" in layout.formats:
        from ..export.parquet_out import available

        if not available():
            raise UsageError("needs_extra", extra="parquet", module="pyarrow")
    output = Path(output) if output is not None else None
    guard = InputGuard(s.name for s in sources if not s.is_stdin and not s.problem)
    if layout.mode == "file" and output is not None:
        check_target(output, guard)
    elif layout.mode == "folder" and output is not None:
        probe_folder(output)
    targets = output_targets(sources, output, layout.per_file) if layout.mode == "folder" and output else {}
    reserved = {output / f"{REGISTER_STEM}{SUFFIX[f]}" for f in layout.registers} if output else set()
    clash = sorted(str(p) for p in targets.values() if p in reserved)
    if clash:
        raise UsageError("output_clash", path=shown(clash[0]))
    for reg in sorted(reserved):
        guard.check(reg)
    sources = list(sources)
    for (index, _fmt), target in sorted(targets.items()):
        if guard.hits(target) and not sources[index].problem:  # this input fails, the others go on
            sources[index] = dataclasses.replace(
                sources[index], problem=("output_is_input_at", (("target", shown(target)),))
            )
    result = ConvertResult(BatchResult([]), skipped=list(skipped))
    order: list[tuple[int, Path]] = []

    def emit(path: Path, data: str | bytes, index: int = len(sources)) -> None:
        write_atomic(path, data, guard)
        order.append((index, path))
        if on_write:
            on_write(path)

    def per_input(index: int, outcome: Outcome) -> None:
        if outcome.ok:
            for fmt in layout.per_file:
                parsed: Parsed = outcome.value
                try:
                    emit(targets[(index, fmt)], _xlsx([parsed]) if fmt == "xlsx" else parsed.texts[fmt], index)
                except OutputError as exc:  # this input fails, the batch goes on
                    outcome.value, outcome.error = None, f"{shown(outcome.source.name)}: {exc.message(lang)}"
                    return

    result.batch = run(
        sources,
        parse_job,
        layout.options(ocr),
        jobs=jobs,
        timeout=timeout,
        lang=lang,
        reporter=reporter,
        on_outcome=per_input,
        memory_mb=memory_mb,
        engine=engine,
    )
    try:
        if not result.batch.interrupted:
            _after_run(result, layout, output, emit, bom, lang)
    finally:  # written files in input order, whatever order the workers finished in
        result.written = [p for _, p in sorted(order, key=lambda item: item[0])]
    return result


def _after_run(
    result: ConvertResult,
    layout: Layout,
    output: Path | None,
    emit: Callable[..., None],
    bom: bool = False,
    lang: str = "vi",
) -> None:
    """Standard output, the single output file, or the registers of a batch."""
    good: list[Parsed] = [o.value for o in result.batch.done if o.ok]
    if not good:
        return
    if layout.mode == "stdout":
        if layout.several:
            texts = [render([p.plan for p in good], f, many=True) for f in layout.formats]
        else:
            texts = [good[0].texts[f] for f in layout.formats]
        result.stdout = [text if bom else text.removeprefix("\ufeff") for text in texts]
        return
    assert output is not None  # "file" and "folder" layouts have one (Layout.decide)
    jobs: list[tuple[Path, Callable[[], str | bytes]]] = []
    if layout.mode == "file":
        fmt = layout.formats[0]
        jobs.append((output, lambda: _xlsx(good[:1]) if fmt == "xlsx" else good[0].texts[fmt]))
    else:
        if "xlsx" in layout.registers:
            jobs.append((output / f"{REGISTER_STEM}.xlsx", lambda: _xlsx(good)))
        if "csv" in layout.registers:
            from ..export.csv_out import plan_csv

            header = plan_csv([], with_source=True)  # BOM + header line
            jobs.append((output / f"{REGISTER_STEM}.csv", lambda: header + "".join(p.csv_rows for p in good)))
    for path, make in jobs:
        try:
            emit(path, make())
        except OutputError as exc:
            result.output_errors.append(exc.message(lang))


def _is_dir(path: str | Path) -> bool:
    return Path(path).is_dir() or (isinstance(path, str) and path.endswith(("/", os.sep)))


def _xlsx(parsed: list[Parsed]) -> bytes:
    from ..export.xlsx_out import rows_xlsx

    return rows_xlsx([p.xlsx_rows for p in parsed])
