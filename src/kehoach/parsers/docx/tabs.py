"""Header and signature blocks typed with tabs instead of a layout table.

Some plans set the two columns of the header ("ỦY BAN NHÂN DÂN<tab>CỘNG HÒA XÃ HỘI …")
or of the signature ("Nơi nhận:<tab>TM. ỦY BAN NHÂN DÂN", "- Như trên;<tab>CHỦ TỊCH")
with tab stops. Read with tabs as spaces, each line glues the left column to the right
one. A run of such short paragraphs that starts like a header (the motto on the right)
or a signature ("Nơi nhận" on the left, something on the right) is re-read as two
columns, left column first, as role="layout" paragraphs, exactly like a layout table.
A tab used as a first-line indent (nothing on its left) never starts a group.
"""

from __future__ import annotations

from dataclasses import replace

from ... import fastre as re
from ...blocks import Block, Paragraph, Provenance
from ...doctypes import PARTY_NAME
from ...vntext import clean, fold

_PARTY = fold(PARTY_NAME)

Columns = list[tuple[str, str]]  # per line of a paragraph: (left text, right text)
_MAX_LINE = 120


def split_columns(raw_lines: list[str]) -> Columns | None:
    """(left, right) per line when a tab has text after it (a column or an indent), else None."""
    out: Columns = []
    right_side = False
    for line in raw_lines:
        parts = [clean(x) for x in re.split(r"\t+", line)]
        if not parts[0] and sum(1 for x in parts if x) >= 2:
            parts = parts[1:]  # a leading (centre) tab sets the left column: "<tab>ỦY BAN …<tab>CỘNG HÒA …"
        left, right = parts[0], " ".join(x for x in parts[1:] if x)
        right_side = right_side or bool(right)
        out.append((left, right))
    return out if right_side else None


def _starts_group(cols: Columns) -> bool:
    left, right = cols[0]
    if not (left and right):  # an indent tab (nothing on its left) starts nothing
        return False
    if "cong hoa xa hoi chu nghia" in fold(right) or fold(right).startswith(("doc lap", _PARTY)):
        return True  # the Quốc hiệu, or the Party's name over a Party committee's header (HD 36-HD/VPTW)
    return fold(left).startswith("noi nhan")


def _fits(para: Paragraph, cols: Columns | None, page: int | None) -> bool:
    return (
        para.role == "body"
        and not para.numbered
        and para.prov.page == page
        and all(len(left) + len(right) <= _MAX_LINE for left, right in (cols or [(para.text, "")]))
    )


def regroup(blocks: list[Block], columns: dict[int, Columns]) -> list[Block]:
    """Replace tab-made header/signature runs in `blocks` by column-ordered layout paragraphs.

    `columns` maps id(paragraph) -> its tab columns (paragraphs without a two-sided tab
    line are absent).
    """
    out: list[Block] = []
    i = 0
    while i < len(blocks):
        b = blocks[i]
        cols = columns.get(id(b)) if isinstance(b, Paragraph) else None
        if not (isinstance(b, Paragraph) and cols and _starts_group(cols) and _fits(b, cols, b.prov.page)):
            out.append(b)
            i += 1
            continue
        group: list[tuple[Paragraph, Columns]] = []
        j = i
        while j < len(blocks):
            p = blocks[j]
            if not isinstance(p, Paragraph):
                break
            c = columns.get(id(p))
            if c is None and not (group and _list_item(p)):  # a left-only list item continues "Nơi nhận"
                break
            if not _fits(p, c, b.prov.page):
                break
            group.append((p, c or [(line, "") for line in p.lines]))
            j += 1
        for side in (0, 1):
            for p, c in group:
                lines = [pair[side] for pair in c if pair[side]]
                if lines:
                    out.append(
                        Paragraph(
                            text=clean(" ".join(lines)),
                            raw="\n".join(lines),
                            lines=lines,
                            align=p.align,
                            role="layout",
                            prov=replace(p.prov, col=side + 1) if isinstance(p.prov, Provenance) else p.prov,
                        )
                    )
        i = j
    return out


def _list_item(p: Paragraph) -> bool:
    return p.text.startswith(("-", "+", "•")) and len(p.text) <= _MAX_LINE
