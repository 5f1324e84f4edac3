"""The document types of the genre, as their names stand in capitals on a document's title
line (ND 30/2020): one list for the plan reader (plan/patterns.py), the folder walk's
document check (doclook.py) and the OCR's repair of a misread type line (parsers/ocr). And
the Party's name, which heads a Party committee's document where the Quốc hiệu stands: one
name for the layout-table tests of the parsers and the plan's header reader.

No imports: `kehoach --help` must stay light (tests/test_cli_startup.py).
"""

from __future__ import annotations

# a Party committee's document has it where a State body's has the Quốc hiệu (Hướng dẫn 36-HD/VPTW)
PARTY_NAME = "ĐẢNG CỘNG SẢN VIỆT NAM"

DOC_TYPE_WORDS = (
    "KẾ HOẠCH",
    "QUYẾT ĐỊNH",
    "TỜ TRÌNH",
    "CÔNG VĂN",
    "THÔNG BÁO",
    "BÁO CÁO",
    "CHỈ THỊ",
    "NGHỊ QUYẾT",
    "CHƯƠNG TRÌNH",
    "ĐỀ ÁN",
    "PHƯƠNG ÁN",
    "HƯỚNG DẪN",
    # the other types of ND 30/2020 (Phụ lục III) and of the Party's documents (Hướng dẫn
    # 36-HD/VPTW) that stand alone on a title line; after the twelve above, so the OCR's repair
    # of a near miss tries those first
    "QUY CHẾ",
    "QUY ĐỊNH",
    "THÔNG CÁO",
    "BIÊN BẢN",
    "DỰ ÁN",
    "GIẤY MỜI",
    "THÔNG TRI",
    "CÔNG ĐIỆN",
)
# the order is the order the OCR tries near misses in
OCR_DOC_TYPE_WORDS = DOC_TYPE_WORDS
