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

# each type as its name stands on the title line, and the id `Plan.document_type` gives it
DOC_TYPES = {
    "KẾ HOẠCH": "ke_hoach",
    "QUYẾT ĐỊNH": "quyet_dinh",
    "TỜ TRÌNH": "to_trinh",
    "CÔNG VĂN": "cong_van",
    "THÔNG BÁO": "thong_bao",
    "BÁO CÁO": "bao_cao",
    "CHỈ THỊ": "chi_thi",
    "NGHỊ QUYẾT": "nghi_quyet",
    "CHƯƠNG TRÌNH": "chuong_trinh",
    "ĐỀ ÁN": "de_an",
    "PHƯƠNG ÁN": "phuong_an",
    "HƯỚNG DẪN": "huong_dan",
    # the other types of ND 30/2020 (Phụ lục III) and of the Party's documents (Hướng dẫn
    # 36-HD/VPTW) that stand alone on a title line; after the twelve above, so the OCR's repair
    # of a near miss tries those first
    "QUY CHẾ": "quy_che",
    "QUY ĐỊNH": "quy_dinh",
    "THÔNG CÁO": "thong_cao",
    "BIÊN BẢN": "bien_ban",
    "DỰ ÁN": "du_an",
    "GIẤY MỜI": "giay_moi",
    "THÔNG TRI": "thong_tri",
    "CÔNG ĐIỆN": "cong_dien",
}
DOC_TYPE_WORDS = tuple(DOC_TYPES)
# the order is the order the OCR tries near misses in
OCR_DOC_TYPE_WORDS = DOC_TYPE_WORDS
