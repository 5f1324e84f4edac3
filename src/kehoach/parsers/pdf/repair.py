"""Text hygiene on the pages read: garbled or legacy-encoded text layers, unmapped glyphs.

In: the `PageData` of every page. Out: the same pages with their text repaired in place
(`_apply_text_repair`: `kehoach.legacy.repair` over every segment and table cell line at
once — the single call point for repairing garbled text layers) and glyphs the PDF does not
map to Unicode ("(cid:N)") dropped and counted (`_drop_unmapped`); notes for the source.
"""

from __future__ import annotations

from ...vntext import clean
from .lines import has_unmapped as _HAS_UNMAPPED  # text with none has nothing to strip or count
from .lines import strip_unmapped
from .reading import PageData


def _repair_text(lines: list[str], places: list[str] | None = None) -> tuple[list[str], list[str]]:
    """Repair a garbled text layer or a legacy encoding (TCVN3/VNI) — the single call point.

    `kehoach.legacy.repair` detects the kind and repairs it (for a font embedded without a
    Unicode map it learns the glyph map from the document itself). Returns the lines (same
    count) and notes: "repaired:<kind>", with ":untrusted" when the repair is not trusted,
    and one note per letter guessed with little evidence, at its place (`places[i]` names
    where line `i` is).
    """
    from ... import legacy

    result = legacy.repair(lines)
    if result.kind is None or len(result.lines) != len(lines):
        return lines, []
    notes = [f"repaired:{result.kind}" + ("" if result.trusted else ":untrusted")]
    notes.extend(f"pdf: {n}" for n in result.notes)
    notes.extend(f"pdf: {n}" for n in result.uncertain_notes(lambda i: places[i] if places else f"text line {i + 1}"))
    return result.lines, notes


def _apply_text_repair(pages: list[PageData]) -> list[str]:
    """Run `_repair_text` over every piece of text (segments and table cell lines) at once."""
    texts: list[str] = []
    slots: list[tuple[object, int]] = []
    places: list[str] = []
    for p in pages:
        for ln in p.lines:
            for seg in ln.segs:
                texts.append(seg.text)
                slots.append((seg, -1))
                places.append(f"page {p.number} line {ln.index}")
        for t_index, frag in enumerate(p.tables, 1):
            for r_index, row in enumerate(frag.rows, 1):
                for cell in row.cells:
                    for i, t in enumerate(cell.lines):
                        texts.append(t)
                        slots.append((cell, i))
                        places.append(f"page {p.number} table {t_index} row {r_index}")
    fixed, notes = _repair_text(texts, places)
    if fixed is not texts:
        for (obj, i), t in zip(slots, fixed, strict=False):
            if i < 0:
                if t != obj.text:  # type: ignore[attr-defined]
                    obj.refs = []  # type: ignore[attr-defined]  # the marks' offsets no longer hold
                obj.text = t  # type: ignore[attr-defined]
            else:
                obj.lines[i] = t  # type: ignore[attr-defined]
    return notes


def _drop_unmapped(pages: list[PageData]) -> int:
    """Strip "(cid:N)" and other unmapped glyphs from all text; return how many there were."""
    count = 0
    for p in pages:
        for ln in p.lines:
            for seg in ln.segs:
                if _HAS_UNMAPPED(seg.text):  # "(cid:" or a glyph `is_unmapped` flags
                    count += _count_unmapped(seg.text)
                    seg.text = clean(strip_unmapped(seg.text))
                    seg.refs = []
            ln.segs = [s for s in ln.segs if s.text] or ln.segs
        p.lines = [ln for ln in p.lines if ln.text.strip()]
        for frag in p.tables:
            for row in frag.rows:
                for cell in row.cells:
                    new = []
                    for t in cell.lines:
                        if _HAS_UNMAPPED(t):
                            count += _count_unmapped(t)
                            t = strip_unmapped(t)
                        t = clean(t)
                        if t:
                            new.append(t)
                    cell.lines = new
    return count


def _count_unmapped(text: str) -> int:
    import regex as re

    return len(re.findall(r"\(cid:\d+\)", text)) + sum(
        1 for ch in text if ch == "\ufffd" or 0xE000 <= ord(ch) <= 0xF8FF
    )
