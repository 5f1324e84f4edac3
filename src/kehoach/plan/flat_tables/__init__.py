"""Task tables that reached us flattened into text lines, rebuilt as `Table` blocks.

Text copied from a web page or a PDF often loses the table grid of an appendix. Two shapes
are seen, and both are rebuilt here, on the neutral blocks, so every format gets the repair:

- **pipe cells**: a lone "|" line between cells, and "|" "|" between rows
  ("|", "STT", "|", "NHIỆM VỤ", "|", …). The first row is the header.
- **one cell per line**: a header row of known column names (a one-row table, or one name a
  line, a name sometimes wrapped over two lines or a last column left on the next line),
  then every cell on its own line. Rows are found from the row numbers ("1", "a)", "II"),
  which must follow each other ("1" … "2", "a)" … "b)"); a row with fewer cells than columns
  is a group or heading row; a row with more lines than columns carries the wrapped ends of
  its cells (a line starting in lower case continues a sentence, one starting in upper case
  continues a unit name cut after its head word: "…, Cục" + "Lâm nghiệp và Kiểm lâm").

Nothing is rebuilt unless a header of known column names with a content column is found; a
rebuild that leaves lines it could not place says so in the diagnostics.
"""

from __future__ import annotations

from ...blocks import Block, Paragraph, Table
from .cell_lines import after_header_table, header_lines_table
from .pipe_cells import pipe_table


def rebuild_flat_tables(blocks: list[Block]) -> list[Block]:
    """Blocks with every flattened task table replaced by a rebuilt `Table`."""
    out: list[Block] = []
    i = 0
    while i < len(blocks):
        block = blocks[i]
        rebuilt = None
        if isinstance(block, Table):
            rebuilt = after_header_table(blocks, i)
        elif isinstance(block, Paragraph) and block.role == "body":
            rebuilt = pipe_table(blocks, i) or header_lines_table(blocks, i)
        if rebuilt is not None:
            lead, table, used, tail = rebuilt
            out.extend(lead)
            out.append(table)
            out.extend(tail)
            i += used
            continue
        out.append(block)
        i += 1
    return out
