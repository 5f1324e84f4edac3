"""How a sentence of the genre names its unit and where that unit's duty starts.

"Sở Tư pháp chủ trì …", "6. Đề nghị Ban Tuyên giáo Huyện ủy …", "9. Bưu điện huyện: tập trung …":
the unit text and the duty text of a heading or a paragraph, whether a heading names a unit or a
topic, a bare line that only names a unit, and the plan's closing paragraph (addressed to all).
Shared by the body tasks (`prose.py`) and the assignments (`assignments.py`).
"""

from __future__ import annotations

from .. import fastre as re
from ..vntext import clean, key
from .sections import Node
from .units import looks_like_unit


def strip_trailing(text: str) -> str:
    return clean(text).rstrip(":").strip()


# verbs that start the duty after the unit's name in "10. Ủy ban nhân dân các xã … căn cứ …"; in lower case
# only: a capitalised word after a head is part of the name ("Sở Xây dựng", "Trung tâm Xúc tiến …")
_DUTY_START = re.compile(
    r"\s+(?:căn cứ|chủ trì|chỉ đạo|đưa|phối hợp|tham mưu|có trách nhiệm|chịu trách nhiệm|có nhiệm vụ|"
    r"triển khai|thực hiện|"
    # "tổ chức" after "các" / "những" is the noun: "Liên hiệp các tổ chức hữu nghị thành phố Hà Nội"
    r"(?<!các\s)(?<!những\s)"
    r"tổ chức(?!\s*(?:,|và|có liên quan|liên quan|chính trị|đoàn thể|thành viên|xã hội|cá nhân|hội))|"
    r"xây dựng|theo dõi|"
    r"hướng dẫn|tuyên truyền|duy trì|tập trung|cụ thể hóa|cụ thể hoá|quan tâm|nghiên cứu|tiến hành|đăng tải|ban hành|"
    r"bố trí|đẩy mạnh|tăng cường|phát huy|kiểm tra|rà soát|đôn đốc|cung cấp|định kỳ|chủ động|tiếp tục|tổng hợp|"
    r"lồng ghép|phổ biến|vận động|khảo sát|đánh giá|bảo đảm|đảm bảo|hỗ trợ|nâng cao|xử lý|giám sát|hoàn thành|"
    r"khẩn trương|kịp thời|tích cực|phát động|biên soạn|cập nhật|công khai|đề xuất|"
    # "Các cơ sở sản xuất tuân thủ …", "Các cơ sở đào tạo … mở thêm chuyên ngành …", "Ủy ban MTTQ tỉnh
    # và các đoàn thể tỉnh bằng nhiều hình thức …"
    r"tuân thủ|chấp hành|quán triệt|nghiêm túc|thường xuyên|ưu tiên|mở thêm|mở rộng|"
    r"bằng nhiều hình thức|bằng các hình thức|"
    r"theo chức năng|theo phạm vi|trong phạm vi|trên cơ sở|tham gia|trong quá trình|trong thời gian|"
    r"là cơ quan|là đơn vị|được giao|được phân công|phân công|giao|sẽ)\b",
)
# "Cán bộ phụ trách lĩnh vực giám sát và phản biện xã hội", "Ban Chỉ đạo công tác tuyên truyền": a verb
# that names the field a person or body is in charge of is part of the name, not the start of a duty
_FIELD_OF = re.compile(r"\b(?:phụ trách|lĩnh vực|công tác|mảng)\s*$", re.I)
_ASSIGN_PREFIX = re.compile(
    r"^(?:(?:đề nghị|yêu cầu)\s*:\s*"  # "6. Đề nghị: Hiệp hội Doanh nghiệp tỉnh, Hội Nông dân tỉnh"
    r"|(?:đối với|đề nghị|giao|yêu cầu|khuyến khích|kính mời|mời|trách nhiệm của|ông\.?|bà\.?|đồng chí|đ/c)\s+"
    r"|(?:căn cứ|trên cơ sở) [^,:]{1,80},\s*)",
    re.I,
)


def assignment_unit(title: str, has_body: bool) -> tuple[str, str]:
    """Split an assignment heading into (unit text, duty text).

    "Sở Xây dựng" followed by its duties is a unit even though "xây dựng" is also a verb:
    a short heading with a body below is taken whole; a long one is cut where the duty starts.
    The duty after a colon is the text after it; a duty that follows the unit's name in one
    sentence ("Sở Tư pháp chủ trì …", "Đề nghị Ban Tuyên giáo … đưa …") is the whole sentence,
    so it starts where its sentence starts.
    """
    sentence = clean(title)
    title = _ASSIGN_PREFIX.sub("", sentence)
    if ":" in title:
        head, rest = title.split(":", 1)
        if has_body and re.match(r"(?i)các\s", head.strip()) and looks_like_unit(rest.strip(" .")):
            # "Các đơn vị chuyên môn: Khoa X, Viện Y và Khoa Z" over the duties below: the group is named
            # by its members, who are the units
            return rest.strip(" ."), ""
        if len(head.split()) <= 20 or (len(head.split()) <= 40 and looks_like_unit(head) and duty_cut(head) is None):
            cut = duty_cut(head)
            # "Cục Biến đổi khí hậu có trách nhiệm:" -> the unit; the duty is the whole sentence
            return (head[:cut].strip(" ,."), sentence) if cut else (head.strip(" ."), rest.strip())
    if has_body and len(title.split()) <= 12 and not title.endswith("."):
        cut = duty_cut(title)
        return (title[:cut].strip(" ,."), sentence) if cut else (title.strip(" ."), "")
    cut = duty_cut(title)
    if cut:
        return title[:cut].strip(" ,."), sentence
    return title.strip(" ."), ""


def duty_cut(text: str) -> int | None:
    """Where the duty starts after a unit's name; the name keeps at least two words ("Sở Xây dựng")."""
    for m in _DUTY_START.finditer(text):
        if len(text[: m.start()].split()) >= 2 and not _FIELD_OF.search(text[: m.start()]):
            return m.start()
    return None


LIST_MARK = re.compile(r"^\s*[-+•*–]\s*")
# a name in title case ("Vu Kế hoạch - Tài chính", typed without its tone mark): a unit the lexicon misses
_PROPER_NAME = re.compile(r"^\p{Lu}\p{Ll}+\s+\p{Lu}\p{Ll}")
PERSON = re.compile(r"^(?:(?:Ông|Bà|Đồng chí|đ/c)\s+)?\p{Lu}\p{Ll}*(?:\s+\p{Lu}\p{Ll}*){1,4}$")


def names_a_unit(text: str) -> bool:
    """An assignment heading names a unit or a person, not a topic ("3. Đối tượng", "Kinh phí thực hiện",
    "Công tác triển khai"): its first words are a unit head from the lexicon, or a person's name."""
    first = re.split(r",|\s[-–]\s", text)[0].strip()
    # "22 GVCN", "05 cán bộ": a count of the people or units the heading names
    counted = re.sub(r"^\d{1,3}\s+(?=\p{L})", "", text)
    return looks_like_unit(counted) or bool(PERSON.match(first) or _PROPER_NAME.match(first))


# the plan's closing paragraph follows the last assignment in the text but is addressed to everyone:
# it is not that unit's duty. It ends the body ("./.") and opens with one of the genre's closing
# formulas: "Trên đây là Kế hoạch …" (or "Trên là …"), "Yêu cầu / Đề nghị các cơ quan …", the issuer's own request
# ("Ủy ban nhân dân tỉnh yêu cầu …") or the invitation to report problems ("Trong quá trình thực
# hiện, nếu có khó khăn, vướng mắc …")
_REPORT_INVITATION = (
    r"Trong quá trình\s+(?:tổ chức\s+|triển khai\s+)?(?:thực hiện|triển khai)\b"
    r"[^.]{0,60}?(?:khó khăn|vướng mắc|phát sinh)"
)
_CLOSING_REQUESTS = (
    r"(?:Ủy|Uỷ) ban nhân dân\s+(?:\S+\s+){0,3}?(?:yêu cầu|đề nghị)"
    r"|UBND\s+(?:\S+\s+){0,3}?(?:yêu cầu|đề nghị)"
    rf"|{_REPORT_INVITATION}"
)
_CLOSING = re.compile(rf"^(?:Trên (?:đây )?là|Yêu cầu|Đề nghị|{_CLOSING_REQUESTS})\b.*\./\.\s*$", re.S)


# "Trong quá trình triển khai, nếu có vướng mắc …, vui lòng liên hệ: Ông … Điện thoại: …": the
# invitation to report gives a contact, and a contact is nobody's duty (it need not end the body)
_CONTACT = re.compile(rf"^{_REPORT_INVITATION}[^.]{{0,120}}?\bliên hệ\b", re.S)


def is_closing(text: str) -> bool:
    text = text.strip()
    return bool(_CLOSING.match(text) or _CONTACT.match(text))


# "… gửi về Sở Nông nghiệp và Môi trường. Trên đây là Kế hoạch …": the plan's closing paragraph
# joined to the last duty (a PDF whose paragraphs have no indent and no spacing between them)
# (the issuer's request and the invitation to report, which a duty may also word, only when they
# end the body: "… thi hành. Trong quá trình thực hiện, nếu có khó khăn … giải quyết./.")
_CLOSING_TAIL = re.compile(
    r"(?<=[.;!?])\s+(?:(?i:Trên (?:đây )?là)\s+(?i:Kế hoạch|Chương trình|Phương án|Đề án|nội dung)\b.*"
    rf"|(?:{_CLOSING_REQUESTS})\b.*\./\.\s*)$",
    re.S,
)


def without_closing(text: str) -> str:
    """A duty's text without the plan's closing sentences glued to its end."""
    return _CLOSING_TAIL.sub("", text)


def bare_unit_line(text: str) -> bool:
    """A short line that only names a unit, with no verb and no closing mark: a unit's heading."""
    text = clean(text)
    if not text or len(text.split()) > 12 or text.endswith((".", ";", ":", ",", "!", "?")):
        return False
    name = re.sub(r"^Tổ chức\s+(?=Đoàn|Hội|Công đoàn)", "", text)
    return looks_like_unit(name) and duty_cut(name) is None and not GENERIC.fullmatch(key(name))


# a subject made only of generic words names no unit
GENERIC = re.compile(
    r"(?:(?:các|những|mọi|cơ quan|đơn vị|địa phương|tổ chức|cá nhân|có liên quan|liên quan|trực thuộc|"
    r"và|cấp|,|\s)+)"
)


def is_unit_heading(node: Node) -> bool:
    unit = assignment_unit(node.title, bool(node.paras or node.children))[0]
    return looks_like_unit(unit) or bool(PERSON.match(unit))
