"""The "(Ban hành kèm theo Quyết định số … ngày … của …)" line under a plan's title.

A plan issued with a Quyết định or Nghị quyết is known by that decision's number and date,
and its issuer is the decision's. A copy that lost the decision's header (a web page giving
the decision's text without its header table, a plan copied alone) still says all three in
this line; the header takes them from it when it has none of its own.
"""

from __future__ import annotations

from dataclasses import dataclass

from .. import fastre as re
from ..models import Header
from ..vntext import clean
from . import patterns as P
from .references import iso_date, normalise_number, type_code_of

_NUMBER = re.compile(r"\bsố\s*:?\s*(\d[\d\s]*/\s*[\p{L}\d&.-]+(?:/[\p{L}\d&.-]+)*)", re.I)
_DATE_NUM = re.compile(r"\bngày\s*(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*(\d{4})", re.I)
_DATE_WORDS = re.compile(r"\bngày\s*(\d{1,2})\s*tháng\s*(\d{1,2})\s*năm\s*(\d{4})", re.I)
# "… của Ủy ban nhân dân tỉnh X)": the issuing body; a position before it signs for the body
_ISSUER = re.compile(
    r"\bcủa\s+(?:(?:Chủ tịch|Giám đốc|Bộ trưởng|Chủ nhiệm|Trưởng ban)\s+)?(?P<body>\p{Lu}[^()]*?)\s*\)?\s*$"
)
_BODY_START = re.compile(
    r"^(?:Ủy ban|Uỷ ban|UBND|Hội đồng|HĐND|Bộ|Sở|Thủ tướng|Chính phủ|Ban|Tỉnh ủy|Tỉnh uỷ|Thành ủy|"
    r"Thành uỷ|Huyện ủy|Huyện uỷ|Đảng ủy|Đảng uỷ|Văn phòng|Tổng cục|Cục|Quốc hội|Mặt trận|Ủy ban Mặt trận)",
    re.I,
)


@dataclass
class Attached:
    number: str | None = None
    date: str | None = None
    issuer: str | None = None


def read_attached(text: str) -> Attached | None:
    """Number, date and issuer of the decision a "(Ban hành kèm theo …)" line names."""
    text = clean(text).strip("*_ ")
    if not P.ATTACHED_RE.match(text):
        return None
    out = Attached()
    if m := _NUMBER.search(text):
        num = normalise_number(m.group(1))
        out.number = num if re.match(r"\d+/", num) else None
    if m := (_DATE_NUM.search(text) or _DATE_WORDS.search(text)):
        out.date = iso_date(*m.groups())
    if (m := _ISSUER.search(text)) and _BODY_START.match(m.group("body")):
        out.issuer = clean(m.group("body")).rstrip(".;,")
    return out


def fill_from_attached(h: Header, texts: list[str]) -> None:
    """Fill what the header lacks (issuer, number, date) from the first "kèm theo" line."""
    found = next((a for a in map(read_attached, texts) if a is not None), None)
    if found is None:
        return
    if h.number is None and h.number_raw is None and found.number:
        h.number, h.type_code, h.number_from = found.number, type_code_of(found.number), "wrapper"
    if h.date is None and h.date_raw is None and found.date:
        h.date = found.date
    if h.issuer is None and found.issuer:
        h.issuer = found.issuer
