"""References: documents a plan cites ("Quyết định số 1879/QĐ-UBND ngày 25/12/2023 của …")."""

from __future__ import annotations

from datetime import date

from .. import fastre as re
from ..models import Location, Reference
from ..vntext import clean

DOC_TYPES = (
    "Kế hoạch",
    "Quyết định",
    "Nghị quyết",
    "Chỉ thị",
    "Thông tư liên tịch",
    "Thông tư",
    "Nghị định",
    "Luật",
    "Công văn",
    "Văn bản",
    "Thông báo",
    "Hướng dẫn",
    "Chương trình",
    "Đề án",
    "Báo cáo",
    "Tờ trình",
    "Kết luận",
    "Quy định",
    "Quy chế",
    "Phương án",
    "Công điện",
    "Pháp lệnh",
    "Thông báo kết luận",
    "Giấy mời",
    "Dự án",
)
# type word (case-insensitive) -> expected type code(s) in the number
TYPE_CODES: dict[str, tuple[str, ...]] = {
    "kế hoạch": ("KH",),
    "quyết định": ("QĐ",),
    "nghị quyết": ("NQ",),
    "chỉ thị": ("CT",),
    "thông tư": ("TT",),
    "thông tư liên tịch": ("TTLT",),
    "nghị định": ("NĐ",),
    "luật": ("QH",),
    "thông báo": ("TB",),
    "hướng dẫn": ("HD",),
    "chương trình": ("CTr", "CTR"),
    "đề án": ("ĐA",),
    "báo cáo": ("BC",),
    "tờ trình": ("TTr", "TTR"),
    "kết luận": ("KL",),
    "quy định": ("QyĐ", "QĐ"),
    "quy chế": ("QC",),
    "phương án": ("PA",),
    "công điện": ("CĐ",),
    "pháp lệnh": ("PL",),
    "thông báo kết luận": ("TB",),
    "giấy mời": ("GM",),
    "dự án": ("DA",),
}

_TYPE_RE = "|".join(sorted((re.escape(t) for t in DOC_TYPES), key=len, reverse=True))
# digits (maybe with a dot: 01.6), then /- separated parts; at least one part must hold a capital letter
# a space is tolerated around "/" only ("23 /KH-UBND" in drafts), never around "-" ("Km30+00 - Km40")
NUMBER_RE = r"\d+(?:\.\d+)?(?:(?:\s?/\s?|-)[\p{L}\d&.]+)+"
_DATE_RE = r"(?:ngày\s+)?(\d{1,2})\s*(?:/|-|\.|\s+tháng\s+)\s*(\d{1,2})\s*(?:/|-|\.|\s+năm\s+)\s*(\d{4})"
_REF_RE = re.compile(
    rf"(?:(?P<type>{_TYPE_RE})\s+(?:(?:số|Số)\s*:?\s*)?)?(?<![\w/.+-])(?P<num>{NUMBER_RE})"
    rf"(?:\s*,?\s*(?P<date>{_DATE_RE}))?"
    rf"(?:\s*,?\s*(?:của|do)\s+(?P<issuer>[^;,.()]{{3,90}}?)(?=\s+(?:về|ban hành|phê duyệt|quy định|hướng dẫn|"
    rf"triển khai|tại|trên|nhằm|đối với|thực hiện|và|một số|tiếp tục|khóa|khoá|tăng cường|"
    # lower-case verbs only: "của UBND tỉnh tuyên truyền …" stops, "Ban Tổ chức Trung ương" does not
    rf"(?-i:tuyên truyền|truyền thông|tổ chức|công bố|sửa đổi|"
    rf"thành lập|kiện toàn|điều chỉnh|chỉ đạo|đẩy mạnh|nâng cao))\b"
    rf"|[;,.()]|$))?",
    re.I,
)


def iso_date(d: str | int, m: str | int, y: str | int) -> str | None:
    try:
        return date(int(y), int(m), int(d)).isoformat()
    except ValueError:
        return None


def type_code_of(number: str) -> str | None:
    """'36/KH-UBND' -> 'KH'; '18-NQ/TW' -> 'NQ'; '11/2022/NQ-HĐND' -> 'NQ'; '202/2025/QH15' -> 'QH'."""
    parts = re.split(r"[/-]", number)
    for part in parts[1:] + parts[:1]:
        m = re.match(r"^(\p{L}+)", part)
        if m and any(c.isupper() for c in m.group(1)):
            return m.group(1)
    return None


def normalise_number(number: str) -> str:
    return re.sub(r"\s+", "", number).rstrip(".,;")


_QUICK = re.compile(r"\d\s?[/-]\s?\p{L}|\d[/-]\d{4}/")  # a number with a code after it, or "11/2022/…"


def may_cite(text: str) -> bool:
    """False when `text` holds no document number at all (most cells and paragraphs)."""
    return _QUICK.search(text) is not None


def find_references(text: str, location: Location | None = None) -> list[Reference]:
    if not may_cite(text):  # most cells and paragraphs cite nothing: skip the big pattern
        return []
    refs: list[Reference] = []
    for m in _REF_RE.finditer(text):
        num = normalise_number(m.group("num"))
        letters = [p for p in re.split(r"[/-]", num)[1:] if re.search(r"\p{L}", p)]
        # the first coded part is a type or body code: "KH", "QĐ", "TW", "C04" — not "Km40"
        if not letters or not re.match(r"^(?:\p{Lu}{2}|\p{Lu}\d)", letters[0]):
            continue
        date_raw = clean(m.group("date")) if m.group("date") else None
        iso = None
        if m.group("date"):
            dm = re.search(_DATE_RE, m.group("date"), re.I)
            iso = iso_date(dm.group(1), dm.group(2), dm.group(3)) if dm else None
        issuer = clean(m.group("issuer")) if m.group("issuer") else None
        refs.append(
            Reference.model_construct(
                doc_type=clean(m.group("type")) if m.group("type") else None,
                type_code=type_code_of(num),
                number=num,
                date=iso,
                date_raw=date_raw,
                issuer=issuer,
                raw=clean(m.group(0)),
                location=location,
            )
        )
    return refs
