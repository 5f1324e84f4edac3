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

New codes are added here with a line of explanation.
"""
from __future__ import annotations

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
    sink.append(Diagnostic(code=code, message=message, excerpt=excerpt, location=location))


@contextmanager
def collecting() -> Iterator[list[Diagnostic]]:
    """Collect the diagnostics reported inside the ``with`` block into the yielded list."""
    sink: list[Diagnostic] = []
    token = _current.set(sink)
    try:
        yield sink
    finally:
        _current.reset(token)
