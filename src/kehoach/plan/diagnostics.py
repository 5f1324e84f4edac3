"""What the plan reader saw but could not place: it says so instead of being silently wrong.

Any module of ``plan/`` calls :func:`report` while a plan is being built; ``build_plan``
collects the reports (a context variable, so nothing has to thread a list through every
call) and puts them on ``Plan.diagnostics``. Codes are stable ASCII names, for scripts:

- ``table-no-tasks``      a table with unit-like or time-like columns gave no task
- ``table-rebuilt-guess`` a table flattened into lines was rebuilt, but some lines of a row
                          could not be placed in a cell and were added to its content
- ``fields-unattached``   labelled fields (chủ trì, phối hợp, thời gian …) not attached to any task
- ``item-skipped``        a numbered item skipped in a sequence
- ``text-dropped``        text dropped as page noise
- ``heading-level-guessed`` a heading whose level was guessed from its look, not its number
- ``not-a-plan``          the document is not a Kế hoạch (its type says so)
- ``input-repaired``      the file was damaged and read as far as it could be (a DOCX part
                          that is not well-formed XML, bytes of a text file dropped or replaced)
- ``page-skipped``        a PDF page past a resource bound was not read
- ``page-image-unread``   a page of a text PDF is an image (a scanned signature page, a
                          pasted table) and was not read: its text is missing unless --ocr
- ``handwriting-unread``  a number or day written by hand on a scan could not be read: left null
- ``text-layer-suspect``  a PDF glyph read as a letter of a script Vietnamese does not use (Han,
                          Yi, Hangul …): the PDF's Unicode map is wrong there, and the words
                          around it may be misread (the note gives an example; --ocr reads
                          the pixels instead)
- ``letter-guessed``      a letter of a garbled text layer (a font with no Unicode map, a text
                          pasted from such a PDF) was guessed with little evidence: the word
                          at that page and line may be misspelt

New codes are added here with a line of explanation.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from ..models import Diagnostic, Location

_current: ContextVar[list[Diagnostic] | None] = ContextVar("kehoach_diagnostics", default=None)


def report(code: str, message: str, *, location: Location | None = None, excerpt: str = "") -> None:
    """Record one diagnostic for the plan being built (ignored outside ``collecting``)."""
    sink = _current.get()
    if sink is None:
        return
    excerpt = " ".join(excerpt.split())[:160]
    if any(d.code == code and d.message == message and d.location == location for d in sink):
        return
    sink.append(Diagnostic.model_construct(code=code, message=message, excerpt=excerpt, location=location))


@contextmanager
def collecting() -> Iterator[list[Diagnostic]]:
    """Collect the diagnostics reported inside the ``with`` block into the yielded list."""
    sink: list[Diagnostic] = []
    token = _current.set(sink)
    try:
        yield sink
    finally:
        _current.reset(token)


FOREIGN_GLYPHS = "letters of scripts Vietnamese does not use"  # words of the PDF parser's note

_DAMAGE_MARKS = (
    "is not well-formed XML",
    "stray NUL byte",
    "invalid UTF-8",
    "last character is cut",
    "incomplete character",
    "sequence(s) replaced",
)


# "pdf: letter guessed, unsure: 'Dũng' (glyph 57 read as 'ũ'), page 2 line 7" (or "… table 1 row 3";
# a text file says "text: …, line 16")
_GUESSED = re.compile(
    r"^(?P<src>pdf|text): letter guessed, unsure: '(?P<word>[^']*)' \(glyph (?P<gid>\d+) read as "
    r"'(?P<letter>[^']*)'\), (?:page (?P<page>\d+) )?(?:(?:text )?line (?P<line>\d+)|table (?P<table>\d+) "
    r"row (?P<row>\d+))$"
)


def _guessed(note: str) -> bool:
    m = _GUESSED.match(note)
    if m is None:
        return False
    num = lambda g: int(m.group(g)) if m.group(g) else None  # noqa: E731
    report(
        "letter-guessed",
        f"letter guessed with little evidence: glyph {m.group('gid')} read as "
        f"'{m.group('letter')}' in '{m.group('word')}'",
        location=Location.model_construct(
            page=num("page"), line=num("line"), table=num("table"), row=num("row"), source=m.group("src")
        ),
        excerpt=m.group("word"),
    )
    return True


def report_source_notes(notes: list[str]) -> None:
    """Turn the parser's notes about damaged input, skipped pages and guessed letters into
    diagnostics: text may be missing or misspelt there, and a reader of the register should
    know where without reading notes."""
    for note in notes:
        if _guessed(note):
            continue
        if note.startswith("pdf: page ") and " not read: " in note:
            report("page-skipped", note.removeprefix("pdf: "))
        elif note.startswith("pdf: ") and "without a text layer and not read" in note:
            # a scanned page inside a text PDF (often the signed last page): its text is missing
            report("page-image-unread", note.removeprefix("pdf: "))
        elif note.startswith("pdf: ") and FOREIGN_GLYPHS in note:
            report("text-layer-suspect", note.removeprefix("pdf: "))
        elif any(mark in note for mark in _DAMAGE_MARKS):
            report("input-repaired", note.split(": ", 1)[-1])
