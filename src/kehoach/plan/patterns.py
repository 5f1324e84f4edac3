"""Line patterns of the genre, shared by the header, section and signature readers."""

from __future__ import annotations

from .. import fastre as re
from ..doctypes import DOC_TYPE_WORDS, DOC_TYPES, PARTY_NAME
from ..roman import from_roman
from ..vntext import fold, is_upper_title, key

ROMAN = r"(?:X{0,3})(?:IX|IV|V?I{0,3})"

SECTION_RE = re.compile(rf"^(?P<num>{ROMAN})(?<=[IVX])\s*[.:)/]?\s+(?P<title>\S.*)$")
# "1. Mục đích", "3.1. Đối tượng", and "6.2 Đối với …" (a dotted number without its final dot)
SUB_RE = re.compile(
    r"^(?P<num>\d{1,2}(?:\.\d{1,2}){0,2})(?:\s*[.)](?!\d)|(?<=\d\.\d{1,2})(?=\s+\p{Lu}))\s*(?P<title>\S.*)$"
)
# "A. MỤC ĐÍCH, YÊU CẦU": a capital letter over the Roman sections (some plans group I., II. … under A., B.)
PART_RE = re.compile(r"^(?P<num>[A-H])\s*[.)]\s+(?P<title>\S.*)$")
POINT_RE = re.compile(r"^(?P<num>[a-zđ])\s*\)\s*(?P<title>\S.*)$")
BULLET_RE = re.compile(r"^\s*(?P<mark>[-+•*–]|\(\d{1,2}\))\s*(?P<title>\S.*)$")

MOTTO_RE = re.compile(r"c[ộô]ng hòa xã hội chủ nghĩa việt nam")  # "CÔNG HÒA": a typo seen in signed letters
TIEU_NGU_RE = re.compile(r"độc lập\s*[-–—]\s*tự do\s*[-–—]\s*hạnh phúc")
# the Party's name, which heads a Party committee's document where a State body's has the Quốc
# hiệu and Tiêu ngữ (Hướng dẫn 36-HD/VPTW): matched on the key of a whole header line
PARTY_RE = re.compile(rf"^\W*{key(PARTY_NAME)}\W*$")
# "Số: 20/KH-UBND", "Số 20/KH-UBND" (an all-caps "SỐ 1050/QĐ-SCT" inside an issuer name is not it)
NUMBER_LINE_RE = re.compile(r"^\s*(?:Số|số|SỐ(?=\s*:))\s*(?:[:.]|(?=\s*\d))\s*(?P<value>.*?)\s*$")
PLACE_DATE_RE = re.compile(
    # a draft leaves the day or month blank, as spaces or dots ("ngày ... tháng 8 năm 2026")
    r"^(?P<place>[^\d,]{2,50}?)\s*,\s*ngày\s*(?P<d>[\d\s]*?)[\s.…]*(?:tháng|/)\s*(?P<m>[\d\s]*?)[\s.…]*(?:năm|/)\s*"
    r"(?P<y>\d{4})",
    re.I,
)
DOC_TYPE_KEYS = {key(w): w for w in DOC_TYPE_WORDS}
DOCUMENT_TYPE_IDS = DOC_TYPES  # title-line name -> document_type id
# who signs for whom: "TM." for the body, "KT.", "Q.", "TL.", "TUQ." for a deputy or an
# authorised officer; a Party document writes "T/M ĐẢNG ỦY", "K/T BÍ THƯ" without the dot, and
# some drafts drop it ("KT GIÁM ĐỐC": the abbreviation then stands before a capitalised word)
TM_HEAD = r"(?:TM\s*\.|T/M\s*\.?|TM(?=\s+\p{Lu}))"
DEPUTY_HEAD = r"(?:(?:KT|Q|TL|TUQ)\s*\.|(?:K/T|T/L)\s*\.?|(?:KT|TL|TUQ)(?=\s+\p{Lu}))"
AUTHORITY_RE = re.compile(rf"^(?:{TM_HEAD}|{DEPUTY_HEAD})\s*(?P<rest>.*)$")
RECIPIENTS_RE = re.compile(r"^\s*N[ơoó]i\s+nh[ậaâ]n\s*:?", re.I)  # "Nói nhân": a damaged text layer
LEGAL_BASIS_RE = re.compile(r"^\s*(Căn cứ|Thực hiện|Theo đề nghị|Xét đề nghị)\b")
APPENDIX_RE = re.compile(r"^\s*(PHỤ LỤC|DANH MỤC|BIỂU(?:\s+MẪU)?|Phụ lục)\b(?P<rest>.*)$")
ATTACHED_RE = re.compile(r"^\s*\(?\s*(?:Ban hành\s+)?(?:kèm|Kèm)\s+theo\b", re.I)
SIGN_NOISE_RE = re.compile(
    r"^\(?\s*(đã ký|chữ ký|ký|chữ|ký tên|ký,? ghi rõ.*|ký và đóng dấu|ký tên,? đóng dấu)\s*\)?\.?$", re.I
)

# matched on folded text (no diacritics): OCR and typing slips drop marks ("YÊU CÂU")
_KIND_RULES: list[tuple[str, str]] = [
    ("muc_dich", r"\bmuc (?:dich|tieu)\b"),
    ("yeu_cau", r"\byeu cau\b"),
    ("chi_tieu", r"\bchi tieu\b"),
    ("doi_tuong", r"\bdoi tuong\b|\b(?:don vi|co quan|dia phuong|co so) duoc (?:kiem tra|thanh tra|giam sat)\b"),
    ("noi_dung", r"\bnoi dung\b"),
    (
        "hinh_thuc",
        r"\bhinh thuc\b|\bbien phap\b|\bphuong phap\b|\bphuong thuc\b|"
        r"\bthoi gian(?:, dia diem)? thuc hien\b|\bthoi gian, dia diem\b",
    ),
    ("nhiem_vu", r"\bnhiem vu\b|\bgiai phap\b|\btrong tam\b|\bhoat dong chu yeu\b"),
    # "NGÂN SÁCH DỰ KIẾN", "DỰ TOÁN NGÂN SÁCH": the budget, when the title opens with it ("tăng
    # thu ngân sách", "… VÀ DỰ TOÁN NGÂN SÁCH NHÀ NƯỚC NĂM 2025" inside a title are topics)
    (
        "kinh_phi",
        r"\bkinh phi\b|\bnguon luc\b|\bvon dau tu\b|\bnguon von\b"
        r"|^(?:du kien )?ngan sach\b|^du toan (?:kinh phi|ngan sach)\b",
    ),
    ("to_chuc_thuc_hien", r"\bto chuc thuc hien\b|\bphan cong\b|\btrach nhiem thuc hien\b"),
]
_KIND_RES = [(kind, re.compile(p)) for kind, p in _KIND_RULES]


def roman_value(s: str) -> int:
    """The value of a heading's Roman number (0 when it is none)."""
    return from_roman(s) or 0


def kinds_of(title: str) -> list[str]:
    """Canonical kinds of a section title: "I. MỤC ĐÍCH, YÊU CẦU" -> [muc_dich, yeu_cau]."""
    head = title.split(":", 1)[0] if len(title) > 60 else title
    k = fold(head)[:160]
    # "phân công nhiệm vụ" and "tổ chức thực hiện" name the organisation part only:
    # they must not also make the heading a nhiem_vu or hinh_thuc section
    rest = re.sub(r"phan cong (?:thuc hien )?nhiem vu|to chuc thuc hien", " ", k)
    kinds = []
    for kind, pattern in _KIND_RES:
        target = k if kind == "to_chuc_thuc_hien" else rest
        if pattern.search(target):
            kinds.append(kind)
    return kinds or ["other"]


def doc_type_line(text: str) -> str | None:
    """'KẾ HOẠCH' (alone on its line, upper case) -> 'KẾ HOẠCH'."""
    t = text.strip().strip("*").strip()
    if not t or not is_upper_title(t):
        return None
    return DOC_TYPE_KEYS.get(key(t))


def is_heading_like(text: str) -> bool:
    return bool(
        SECTION_RE.match(text)
        or SUB_RE.match(text)
        or POINT_RE.match(text)
        or ((m := PART_RE.match(text)) and is_upper_title(m.group("title")))
    )


def fold_startswith(text: str, *prefixes: str) -> bool:
    f = fold(text)
    return any(f.startswith(fold(p)) for p in prefixes)
