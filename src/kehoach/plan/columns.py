"""Column vocabulary of task tables: which header text means which role.

Header cells vary ("Nội dung công việc", "NHIỆM VỤ", "Đơn vị chủ trì thực hiện",
"Cơ quan, đơn vị phối hợp thực hiện", "Thời gian hoàn thành" …); they are mapped by
meaning. The first matching rule wins, so "phối hợp thực hiện" is support, not lead.
"""

from __future__ import annotations

from .. import fastre as re
from ..vntext import fold

# (role, pattern on the folded header text: no diacritics, lower case)
_RULES: list[tuple[str, str]] = [
    # schedule / inspection tables: the unit inspected is the row's subject, its task content
    (
        "content",
        r"duoc (?:kiem tra|thanh tra|giam sat|khao sat|danh gia|tham dinh)|"
        r"ten (?:co so|doanh nghiep|to chuc)|doi tuong (?:duoc )?(?:kiem tra|giam sat|thanh tra)",
    ),
    # "STT" also as a narrow column wraps it inside the word: "ST T", "S TT"
    ("number", r"^(?:s[oố]\s*)?tt$|^s ?t ?t$|^so thu tu$|^t ?t\.?$"),
    ("monitoring", r"theo doi|don doc"),
    ("support", r"phoi hop|tham tra"),  # a bill's examining body works beside its drafter
    (
        "lead",
        r"chu tri|chiu trach nhiem|don vi thuc hien|co quan thuc hien|nguoi thuc hien|"
        r"bo phan thuc hien|thanh phan thuc hien|trach nhiem thuc hien|^thuc hien$|phu trach|"
        r"^don vi$|^co quan$|can bo thuc hien|phan cong|soan thao",
    ),
    ("time", r"thoi gian|thoi han|tien do|thoi diem|moc thoi gian|^han\b"),
    ("products", r"san pham|ket qua|hinh thuc van ban|dau ra"),
    ("notes", r"ghi chu|kinh phi|nguon von|du toan"),
    (
        "content",
        r"noi dung|nhiem vu|cong viec|hoat dong|ten (?:nhiem vu|de an|cong viec|hoat dong|don vi|doanh nghiep)|"
        r"chuong trinh|giai phap|doi tuong",
    ),
    # a legislative plan lists the documents to draft: each one is a task, if the table says who or when
    ("content", r"^ten (?:van ban|du an|du thao)"),
]
_WEAK_CONTENT = re.compile(r"^ten (?:van ban|du an|du thao)")
_COMPILED = [(role, re.compile(pat)) for role, pat in _RULES]
_PERSON_NAME = re.compile(r"^ho (?:va )?ten\b")
_TARGET = re.compile(r"^(?:cac )?chi tieu\b")
_ASSIGNED = re.compile(r"chu tri|thuc hien|trach nhiem|phan cong")


def role_of(header_text: str) -> str | None:
    text = fold(header_text)
    if not text:
        return None
    for role, pattern in _COMPILED:
        if pattern.search(text):
            return role
    return None


_SUBJECT = re.compile(
    r"duoc (?:kiem tra|thanh tra|giam sat|khao sat|danh gia|tham dinh)|^ten (?:don vi|co so|doanh nghiep|to chuc)"
)


def is_subject_header(header_text: str) -> bool:
    """A content column that names the unit a schedule or inspection visits, not a task.

    Its rows are "Sở Xây dựng | Tháng 7/2026": the unit is the subject, not the lead, and a
    group row above it ("Ủy ban nhân dân cấp xã") is a category of subjects, not a lead unit.
    """
    return bool(_SUBJECT.search(fold(header_text)))


# "Chủ trì | Thực hiện": the unit presiding leads, the bare "Thực hiện" column names who carries it out
_PRESIDING = re.compile(r"chu tri")
_PERFORMERS = re.compile(r"^(?:don vi |bo phan |luc luong )?thuc hien$")


def is_performers_header(header_text: str) -> bool:
    """A bare "Thực hiện" column: who carries the task out, beside a "Chủ trì" column."""
    return bool(_PERFORMERS.search(fold(header_text)))


def header_roles(texts: list[str]) -> dict[int, str]:
    """Map column index -> role for a candidate header row; empty when it is not a header."""
    roles: dict[int, str] = {}
    folded = [fold(t) for t in texts]
    # "Chủ trì | Thực hiện" with no "Phối hợp" column: the performers work beside the presiding unit
    performers: int | None = None
    found: list[str | None] | None = None  # each cell's role, read once when the check below needs them all
    if any(_PRESIDING.search(f) for f in folded):
        found = [role_of(t) for t in texts]
        if "support" not in found:
            performers = next((i for i, f in enumerate(folded) if _PERFORMERS.search(f)), None)
    for i, text in enumerate(texts):
        if len(text) > 80:  # a header cell is short; a long cell is content
            return {}
        role = "support" if i == performers else found[i] if found is not None else role_of(text)
        if role and role not in roles.values():
            roles[i] = role
    if "content" not in roles.values() and any(r == "lead" and _ASSIGNED.search(folded[c]) for c, r in roles.items()):
        # "TT | Chỉ tiêu | Chủ trì": an appendix sharing out the plan's targets, each to a unit,
        # has the target where a task table has its content (only where no column says "Nội dung",
        # and a column says who leads: "Chỉ tiêu | Đơn vị | Kết quả" lists targets and their units
        # of measure)
        target = next((i for i, f in enumerate(folded) if _TARGET.match(f) and i not in roles), None)
        if target is not None:
            roles[target] = "content"
            roles = dict(sorted(roles.items()))
    if "content" not in roles.values() and len(roles) < 3:
        return {}
    c_content = next((c for c, r in roles.items() if r == "content"), None)
    if (
        c_content is not None
        and _WEAK_CONTENT.search(fold(texts[c_content]))
        and not {"lead", "support", "time"} & set(roles.values())
    ):
        return {}  # a list of documents (name, number, date): not a task table
    if not {"lead", "support", "time"} & set(roles.values()) and any(map(_PERSON_NAME.search, folded)):
        # "STT | Họ và tên | Chức vụ | Nhiệm vụ": a roster (a board, a jury, a team), whose
        # "Nhiệm vụ" is each member's role in it ("Trưởng ban", "TV"), not a task of the plan
        return {}
    return roles


def is_column_number_row(texts: list[str]) -> bool:
    """The row of column numbers under a header: "(1) (2) (3)" or "1 2 3"."""
    filled = [t for t in texts if t.strip()]
    if len(filled) < 2:
        return False
    nums = [m for t in filled if (m := re.fullmatch(r"\(?(\d{1,2})\)?", t.strip()))]
    if len(nums) < len(filled):
        return False
    values = [int(m.group(1)) for m in nums]
    return values == sorted(values) and len(set(values)) == len(values)
